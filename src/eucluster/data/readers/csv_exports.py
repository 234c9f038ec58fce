"""Reader of the DG REGIO "RCI indicator evolution" CSV (the R-data tables are in
:mod:`eucluster.data.readers.r_packages`).

Each reader checks the source columns it uses (pandera, via ``require_columns``) and converts
cells strictly (``to_numbers``, ``to_years``), so a renamed column or a stray text cell stops
the book with the file, the problem and the fix.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from eucluster.data.io import as_str, read_csv, to_numbers, to_years
from eucluster.data.schemas import require_columns


def read_rci_evolution(path: str | Path) -> pd.DataFrame:
    """DG REGIO "RCI indicator evolution" CSV (z-scores 2010-2019, NUTS 2016) → tidy."""
    path = Path(path)
    raw = read_csv(path, dtype="str", keep_default_na=False)
    cols = [
        "Country",
        "NUTS CODE 2016",
        "merged regions_code",
        "capital region",
        "NUTS NAME",
        "Year",
        "value",
        "2019 vs 2016",
        "2016 vs 2013",
        "2013 vs 2010",
    ]
    require_columns(raw, cols, path)
    return pd.DataFrame(
        {
            "country": as_str(raw["Country"]),
            "geo": as_str(raw["NUTS CODE 2016"]),
            "merged_code": as_str(raw["merged regions_code"]),
            "capital_region": as_str(raw["capital region"]),
            "name": as_str(raw["NUTS NAME"]),
            "year": to_years(raw["Year"], path),
            "value": to_numbers(raw["value"], path),
            "change_2016_2019": to_numbers(raw["2019 vs 2016"], path),
            "change_2013_2016": to_numbers(raw["2016 vs 2013"], path),
            "change_2010_2013": to_numbers(raw["2013 vs 2010"], path),
        }
    )
