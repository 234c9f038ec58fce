"""The data door on the real snapshot: checksums, shapes, and the contract other modules use."""

from __future__ import annotations

import pytest

from eucluster import data

pytestmark = pytest.mark.skipif(
    not (data.data_dir() / data.dataset("sbs_r_nuts06_r2").path).is_file(),
    reason="the shared data snapshot is not available",
)


def test_registry_checksums_match_the_snapshot():
    for entry in data.datasets():
        found = data.path(entry.name)
        assert data.sha256(found) == entry.sha256, entry.name


def test_sbs_has_the_shape_employment_matrix_expects():
    sbs = data.load("sbs_r_nuts06_r2")
    assert list(sbs.columns) == ["indic_sb", "nace_r2", "geo", "year", "value", "flag"]
    assert str(sbs["year"].dtype) == "int64"
    assert str(sbs["value"].dtype) == "float64"
    assert len(sbs) == 195_227 * 8  # data rows x years 2008-2015
    cell = sbs[(sbs.nace_r2 == "C") & (sbs.indic_sb == "V16110") & (sbs.geo == "DE11")]
    assert cell.set_index("year").at[2015, "value"] == 570_229


def test_cached_frame_equals_fresh_read():
    cached = data.load("nama_10r_2gdp_pps_hab_eu27")
    fresh = data.load("nama_10r_2gdp_pps_hab_eu27", cache=False)
    assert cached.equals(fresh)
    assert cached.dtypes.to_dict() == fresh.dtypes.to_dict()


def test_registry_checksums_are_the_ones_sources_md_documents():
    import re

    sources = data.data_dir() / "SOURCES.md"
    if not sources.is_file():
        pytest.skip("no SOURCES.md beside the data")
    documented = set(re.findall(r"\b[0-9a-f]{64}\b", sources.read_text(encoding="utf-8")))
    for entry in data.datasets():
        assert entry.sha256 in documented, entry.name
