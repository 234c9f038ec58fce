"""Errors for people: a missing data folder says so (and where it was looked for), a wrong file
says which registered dataset it is, and a renamed column blames the file, not the reader."""

from __future__ import annotations

import pytest
from tinydata import SBS_TSV, gdp_api_csv

from eucluster import data

GDP = "nama_10r_2gdp_pps_hab_eu27"


def test_a_missing_data_folder_says_the_folder_is_missing(tmp_path, monkeypatch):
    absent = tmp_path / "no-such-folder"
    monkeypatch.setenv("EUCLUSTER_DATA", str(absent))
    with pytest.raises(data.MissingFileError) as err:
        data.load("sbs_r_nuts06_r2")
    assert "the data folder does not exist" in err.value.problem
    assert f"EUCLUSTER_DATA={absent}" in err.value.problem
    assert "EUCLUSTER_DATA" in err.value.fix and "eucluster data fetch --missing" in err.value.fix


def test_a_wrong_file_names_the_registered_dataset_it_is(tiny):
    tiny.write("s/sbs.tsv.gz", SBS_TSV, gz=True)
    other = tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz")
    tiny.write("e/gdp.csv", gdp_api_csv({("AT11", 2015): 90.0}))
    tiny.register(GDP, "e/gdp.csv", sha256="0" * 64)
    (tiny.root / "e/gdp.csv").write_bytes((tiny.root / other.path).read_bytes())
    with pytest.raises(data.ChecksumError, match="registered dataset sbs_r_nuts06_r2 instead"):
        data.load(GDP)


def test_a_wrong_file_that_is_no_registered_dataset_says_so(tiny):
    tiny.write("e/gdp.csv", gdp_api_csv({("AT11", 2015): 90.0}))
    tiny.register(GDP, "e/gdp.csv", sha256="0" * 64)
    with pytest.raises(data.ChecksumError, match="matches no registered dataset"):
        data.load(GDP)


def test_a_renamed_column_blames_the_file_not_the_reader(tiny):
    text = gdp_api_csv({("AT11", 2015): 90.0}).replace("freq,unit,", "freq,units,")
    tiny.write("e/gdp.csv", text)
    tiny.register(GDP, "e/gdp.csv")
    with pytest.raises(data.ColumnError) as err:
        data.load(GDP, cache=False)
    assert "['unit']" in err.value.problem and "renamed or dropped in the file" in err.value.problem
    assert "fix the reader" not in err.value.message.lower()
    assert f"eucluster data fetch {GDP}" in err.value.fix


def test_a_renamed_source_column_blames_the_file_not_the_reader(tiny):
    text = gdp_api_csv({("AT11", 2015): 90.0}).replace(",obs_value", ",OBS_VALUE")
    tiny.write("e/gdp.csv", text)
    tiny.register(GDP, "e/gdp.csv")
    with pytest.raises(data.ColumnError) as err:
        data.load(GDP, cache=False)
    assert "obs_value" in err.value.problem
    assert "fix the reader" not in err.value.message.lower()
