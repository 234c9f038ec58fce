"""The regions the book studies: NUTS 2021 frames from GISCO, their boundaries, and the
capital regions.

Every chapter that needs "the EU-27 NUTS 2 regions" takes them from here, so all chapters agree
on which codes exist and which are extra-regio; NUTS versions and recoding are in
:mod:`eucluster.geo.nuts`, structural weakness in :mod:`eucluster.geo.weakness`.
"""

from __future__ import annotations

import pandas as pd

from eucluster import data

#: EU-27 member states (2020 composition), Eurostat country codes.
EU27 = tuple(
    "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()  # noqa: SIM905
)

#: NUTS 2 (2021) region that contains each EU-27 capital city. A classification, not data:
#: typed from the NUTS 2021 list (in one-region countries the capital region is the country).
CAPITAL_REGIONS = {
    "AT": "AT13",
    "BE": "BE10",
    "BG": "BG41",
    "CY": "CY00",
    "CZ": "CZ01",
    "DE": "DE30",
    "DK": "DK01",
    "EE": "EE00",
    "EL": "EL30",
    "ES": "ES30",
    "FI": "FI1B",
    "FR": "FR10",
    "HR": "HR05",
    "HU": "HU11",
    "IE": "IE06",
    "IT": "ITI4",
    "LT": "LT01",
    "LU": "LU00",
    "LV": "LV00",
    "MT": "MT00",
    "NL": "NL32",
    "PL": "PL91",
    "PT": "PT17",
    "RO": "RO32",
    "SE": "SE11",
    "SI": "SI04",
    "SK": "SK01",
}


def region_frame(level: int | None = None) -> pd.DataFrame:
    """NUTS 2021 regions from the GISCO boundaries: ``geo, name, level, country, eu27``.

    ``level`` (0-3) restricts to one level; ``None`` gives all four. Names are the Latin-script
    names (``NAME_LATN``) so that they print in the PDF.
    """
    levels = range(4) if level is None else [level]
    if level is not None and level not in range(4):
        raise ValueError(f"level must be 0, 1, 2 or 3, got {level!r}")
    parts = []
    for lev in levels:
        gisco = data.load(f"gisco_nuts2021_l{lev}")
        parts.append(
            pd.DataFrame(
                {
                    "geo": gisco["geo"],
                    "name": gisco["name_latn"],
                    "level": gisco["level"],
                    "country": gisco["country"],
                }
            )
        )
    frame = pd.concat(parts, ignore_index=True)
    frame["eu27"] = frame["country"].isin(EU27)
    return frame.sort_values(["level", "geo"]).reset_index(drop=True)


def study_regions() -> pd.DataFrame:
    """The regions the book studies: the EU-27 NUTS 2 regions of NUTS 2021 (``geo`` index,
    ``name, country``). Extra-regio codes (``..ZZ``) have no territory and are not included."""
    frame = region_frame(2)
    frame = frame[frame["eu27"] & ~frame["geo"].str.endswith("ZZ")]
    return frame.set_index("geo")[["name", "country"]]


def boundaries(level: int = 2):
    """GISCO NUTS 2021 boundaries (GeoDataFrame, EPSG:4326) of one level, all countries."""
    return data.load(f"gisco_nuts2021_l{level}")


def outside_map(shapes, bounds: tuple[float, float, float, float]) -> pd.DataFrame:
    """Study regions whose territory lies wholly outside the map's lon/lat ``bounds``
    (the outermost regions: Canaries, Azores, Madeira, French overseas regions)."""
    from shapely.geometry import box

    frame = shapes[~shapes.geometry.intersects(box(*bounds))]
    return pd.DataFrame({"geo": frame["geo"], "name": frame["name"]}).reset_index(drop=True)
