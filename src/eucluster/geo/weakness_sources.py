"""The data behind the weakness labels: which files, what was read, what was set aside, why.

The regions chapter lists its sources with their checksums and row counts and says how the
2026 extraction, already coded in NUTS 2024, was brought back to the NUTS 2021 regions of the
study: renamed codes mapped back, regions without a NUTS 2021 counterpart dropped and their
predecessors filled from an older release. Computed, so the list cannot go stale.
"""

from __future__ import annotations

import pandas as pd

from eucluster import data
from eucluster.geo import weakness
from eucluster.geo.nuts import RecodeReport, recode
from eucluster.geo.regions import EU27
from eucluster.key_figures import Figure, computed


def _gdp_recoding() -> tuple[pd.DataFrame, pd.Series, RecodeReport]:
    """The 2026 GDP extraction, the mask of its EU-27 NUTS 2 rows, and the report of recoding
    those rows (with values) from NUTS 2024 to NUTS 2021."""
    gdp = data.load(weakness.GDP_DATASET)
    nuts2_eu = (gdp["geo"].str.len() == 4) & gdp["geo"].str.slice(0, 2).isin(EU27)
    _, report = recode(gdp[nuts2_eu & gdp["value"].notna()], 2024, 2021)
    return gdp, nuts2_eu, report


def _filled_from_older_release(period: tuple[int, int]) -> list[str]:
    fill = weakness.gdp_relative(range(period[0], period[1] + 1))
    from_old = fill["source"] != f"{weakness.GDP_DATASET} (2026)"
    return sorted(fill.loc[from_old, "geo"].unique())


def provenance(period: tuple[int, int] = weakness.POLICY_PERIOD) -> pd.DataFrame:
    """The sources behind :func:`weakness.classify` and the map: dataset, vintage, licence,
    sha256, rows read, rows used for the labels of ``period`` and what was not used and why.
    Computed, so it cannot go stale."""
    rows = []
    gdp, nuts2_eu, report = _gdp_recoding()
    in_period = gdp["year"].between(*period)
    split_or_merged = sum(report.dropped_rows.values())
    used = int((nuts2_eu & in_period & gdp["value"].notna()).sum())
    rows.append(
        (
            weakness.GDP_DATASET,
            f"years outside {period[0]}-{period[1]}; "
            f"{int((~nuts2_eu).sum())} rows of countries, aggregates, NUTS 1 or non-EU regions; "
            f"{int((nuts2_eu & gdp['value'].isna()).sum())} empty values; "
            f"{split_or_merged} rows of NUTS 2024 regions without a NUTS 2021 counterpart "
            f"({', '.join(report.listed('merged') + report.listed('split'))})",
            len(gdp),
            used,
        )
    )
    name, vintage, unit = weakness.GDP_FALLBACK
    old = data.load(name)
    fill = weakness.gdp_relative(range(period[0], period[1] + 1))
    from_old = fill["source"] != f"{weakness.GDP_DATASET} (2026)"
    filled_codes = ", ".join(_filled_from_older_release(period))
    rows.append(
        (
            name,
            f"all but vintage {vintage}, unit {unit}, for the regions the 2026 pull lacks "
            f"({filled_codes})",
            len(old),
            int(from_old.sum()),
        )
    )
    shapes = data.load("gisco_nuts2021_l2")
    study = shapes["country"].isin(EU27)
    rows.append(
        (
            "gisco_nuts2021_l2",
            f"{int((~study).sum())} regions outside the EU-27",
            len(shapes),
            int(study.sum()),
        )
    )
    walk = data.load("jrc_nuts_crosswalks")
    pair = (walk["from_version"] == 2024) & (walk["to_version"] == 2021)
    rows.append(
        ("jrc_nuts_crosswalks", "all but the NUTS 2024 to 2021 pairs", len(walk), int(pair.sum()))
    )
    codes = data.load("jrc_nuts_codes")
    rows.append(("jrc_nuts_codes", "none (a code list)", len(codes), len(codes)))
    out = []
    for dataset_name, dropped, read, kept in rows:
        entry = data.dataset(dataset_name)
        out.append(
            {
                "dataset": entry.name,
                "vintage": entry.vintage,
                "licence": entry.licence.split(":")[0].split(";")[0].split(" for ")[0],
                "sha256": entry.sha256[:12],
                "rows read": read,
                "rows used": kept,
                "not used": dropped,
            }
        )
    return pd.DataFrame(out)


def recoding_figures(period: tuple[int, int] = weakness.POLICY_PERIOD) -> list[Figure]:
    """How the 2026 extraction (NUTS 2024) reaches the NUTS 2021 study regions: codes renamed
    and mapped back, NUTS 2024 regions without a NUTS 2021 counterpart (split or merged), and
    the NUTS 2021 regions filled from the older release instead, each with its codes."""
    _, _, report = _gdp_recoding()
    groups = {
        "renamed": (report.listed("renamed"), "NUTS 2024 codes renamed, mapped back to NUTS 2021"),
        "unmatched": (
            report.listed("merged") + report.listed("split"),
            "NUTS 2024 regions without a NUTS 2021 counterpart (merged or split)",
        ),
        "filled": (
            _filled_from_older_release(period),
            f"NUTS 2021 regions whose {period[0]}-{period[1]} values come from the older release",
        ),
    }
    figures = []
    for key, (codes, definition) in groups.items():
        figures += [
            computed(
                f"regions.sources.{key}.count",
                len(codes),
                unit="regions",
                definition=definition,
                fmt="{:d}",
            ),
            Figure(
                f"regions.sources.{key}.codes",
                ", ".join(codes) if codes else "none",
                "",
                definition=definition,
            ),
        ]
    return figures
