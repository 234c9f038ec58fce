"""Readers for GeoJSON and JSON: GISCO NUTS boundaries and the US Cluster Mapping files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from eucluster.data.errors import FormatError, refetch_hint
from eucluster.data.io import as_str, corrupt, to_numbers, to_years
from eucluster.data.schemas import require_columns

_GISCO = {
    "NUTS_ID": "geo",
    "LEVL_CODE": "level",
    "CNTR_CODE": "country",
    "NAME_LATN": "name_latn",
    "NUTS_NAME": "nuts_name",
    "MOUNT_TYPE": "mount_type",
    "URBN_TYPE": "urbn_type",
    "COAST_TYPE": "coast_type",
}


def read_gisco(path: str | Path):
    """GISCO NUTS 2021 regions (1:60M, EPSG:4326) → GeoDataFrame with ``geo, level, country,
    name_latn, nuts_name, mount_type, urbn_type, coast_type, geometry``.
    geopandas is imported here only, so that table users do not pay for it."""
    import geopandas as gpd
    from pyogrio.errors import DataSourceError

    path = Path(path)
    try:
        raw = gpd.read_file(path)
    except (DataSourceError, OSError, ValueError) as exc:
        raise corrupt(path, exc) from exc
    require_columns(raw, [*_GISCO, "geometry"], path)
    out = raw[[*_GISCO, "geometry"]].rename(columns=_GISCO)
    for col in ("geo", "country", "name_latn", "nuts_name"):
        out[col] = as_str(out[col])
    out["level"] = out["level"].astype("int64")
    for col in ("mount_type", "urbn_type", "coast_type"):
        out[col] = out[col].astype("float64")
    return gpd.GeoDataFrame(out, geometry="geometry", crs=raw.crs)


def read_json_file(path: Path):
    """Parsed JSON; undecodable bytes or syntax become CorruptFileError."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise corrupt(path, exc) from exc


def read_us_clusters(path: str | Path) -> pd.DataFrame:
    """US Cluster Mapping cluster definitions (Delgado-Porter-Stern 2016) → one row per
    cluster × 2007 NAICS code: ``cluster_code, cluster_key, cluster_name, naics``."""
    path = Path(path)
    items = read_json_file(path)
    if not isinstance(items, list):
        raise FormatError(path, "is not a JSON list of clusters.", refetch_hint())
    rows = []
    for item in items:
        missing = [k for k in ("id", "key_t", "name_t", "naics_txt") if k not in item]
        if missing:
            raise FormatError(path, f"a cluster entry lacks {missing}.", refetch_hint())
        code = int(str(item["id"]).rsplit("/", 1)[-1])
        rows += [(code, item["key_t"], item["name_t"], str(n)) for n in item["naics_txt"]]
    out = pd.DataFrame(rows, columns=["cluster_code", "cluster_key", "cluster_name", "naics"])
    return out.astype(
        {"cluster_key": "str", "cluster_name": "str", "naics": "str", "cluster_code": "int64"}
    )


_RELATED = [
    "cr_all",
    "cr_all_pc",
    "cr_lc",
    "cr_lc_pc",
    "cr_lcemp",
    "cr_lcemp_pc",
    "cr_lcest",
    "cr_lcest_pc",
    "cr_io",
    "cr_io_pc",
    "cr_occ",
    "cr_occ_pc",
]


def read_us_relatedness(path: str | Path) -> pd.DataFrame:
    """US Cluster Mapping relatedness of the 51 traded clusters (51 × 51 pairs) →
    ``cluster_a, cluster_b, name_a, name_b`` + relatedness measures and percentiles."""
    path = Path(path)
    raw = pd.DataFrame(read_json_file(path))
    require_columns(
        raw, ["cluster_code", "cluster_code_2", "cluster_name", "cluster_name_2", *_RELATED], path
    )
    out = pd.DataFrame(
        {
            "cluster_a": to_years(raw["cluster_code"].astype("str"), path, what="cluster code"),
            "cluster_b": to_years(raw["cluster_code_2"].astype("str"), path, what="cluster code"),
            "name_a": as_str(raw["cluster_name"]),
            "name_b": as_str(raw["cluster_name_2"]),
        }
    )
    for col in _RELATED:
        out[col] = to_numbers(raw[col].astype("str"), path, what=col)
    return out
