"""A tiny, self-made data folder: each test registers hand-written files in place of the real
ones, so the door, the recoding and the weakness rule are tested offline in milliseconds and
on cases small enough to check by hand."""

from __future__ import annotations

import pytest
from tinydata import (
    REGIONS_2021,
    TinyData,
    crosswalk_csv,
    gdp_api_csv,
    gisco_level2,
    nuts_codes_csv,
    vintages_csv,
)

from eucluster.geo import crosswalks, weakness


@pytest.fixture
def tiny(tmp_path, monkeypatch) -> TinyData:
    monkeypatch.setenv("EUCLUSTER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("EUCLUSTER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "data").mkdir()
    crosswalks.clear_caches()
    yield TinyData(tmp_path / "data", monkeypatch)
    crosswalks.clear_caches()


@pytest.fixture
def toy_world(tiny: TinyData) -> TinyData:
    """Registers boundaries, cross-walk, code list and GDP for the REGIONS_2021 toy world."""
    tiny.write("g/l2.geojson", gisco_level2(REGIONS_2021))
    tiny.register("gisco_nuts2021_l2", "g/l2.geojson")
    tiny.write("j/cw.csv.gz", crosswalk_csv(), gz=True)
    tiny.register("jrc_nuts_crosswalks", "j/cw.csv.gz")
    tiny.write("j/codes.csv", nuts_codes_csv())
    tiny.register("jrc_nuts_codes", "j/codes.csv")
    gdp = {}
    per_region = {
        "AT11": 74.9,  # just below 75: less developed
        "FR10": 175.0,
        "FRF2": 75.0,  # exactly 75: transition
        "HU11": 140.0,
        "HU12": 60.0,
        "NL31": 99.99,  # just below 100: transition
        "NL33": 100.0,  # exactly 100: more developed
    }
    for geo, value in per_region.items():
        for year in (2015, 2016, 2017):
            gdp[(geo, year)] = value
    gdp[("EU27_2020", 2016)] = 100.0
    tiny.write("e/gdp.csv", gdp_api_csv(gdp))
    tiny.register(weakness.GDP_DATASET, "e/gdp.csv")
    tiny.write("e/vint.csv", vintages_csv())
    tiny.register("regional_gdp_vintages", "e/vint.csv")
    return tiny
