"""Bad input gets a clear error (which file, what is wrong, what to do), never a partial result."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest
from tinydata import SBS_TSV

from eucluster import data
from eucluster.build import cli
from eucluster.geo import nuts, weakness


def _sbs(tiny, text=SBS_TSV, **changes):
    tiny.write("s/sbs.tsv.gz", text, gz=True)
    return tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz", **changes)


def test_load_gives_the_tidy_sbs_shape(tiny):
    _sbs(tiny)
    sbs = data.load("sbs_r_nuts06_r2")
    assert list(sbs.columns) == ["indic_sb", "nace_r2", "geo", "year", "value", "flag"]
    assert len(sbs) == 6


def test_missing_file_names_file_folder_and_fix(tiny):
    tiny.register("sbs_r_nuts06_r2", "s/absent.tsv.gz", sha256="0" * 64)
    with pytest.raises(data.MissingFileError) as err:
        data.load("sbs_r_nuts06_r2")
    message = str(err.value)
    assert "s/absent.tsv.gz" in message
    assert str(tiny.root) in message
    assert "eucluster data fetch sbs_r_nuts06_r2" in message


def test_checksum_mismatch_is_refused(tiny):
    _sbs(tiny, sha256="f" * 64)
    with pytest.raises(data.ChecksumError) as err:
        data.load("sbs_r_nuts06_r2")
    assert "sbs.tsv.gz" in err.value.where
    assert "f" * 64 in err.value.problem
    assert "src/eucluster/data/registry/" in err.value.fix


def test_truncated_gzip_is_reported_as_truncated(tiny):
    whole = gzip.compress(SBS_TSV.encode() * 50)
    tiny.write("s/sbs.tsv.gz", whole[: len(whole) // 2])
    tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz")  # pinned as is: the reader must catch it
    with pytest.raises(data.CorruptFileError) as err:
        data.load("sbs_r_nuts06_r2")
    assert "truncated" in err.value.problem or "corrupt" in err.value.problem
    assert "sbs.tsv.gz" in err.value.where


def test_renamed_dimension_is_a_column_error(tiny):
    _sbs(tiny, SBS_TSV.replace("indic_sb", "indicator"))
    with pytest.raises(data.ColumnError) as err:
        data.load("sbs_r_nuts06_r2")
    assert "indicator" in err.value.problem and "indic_sb" in err.value.problem


def test_missing_csv_column_is_a_column_error(tiny):
    tiny.write("e/gdp.csv", "freq,unit,region,time,obs_value\nA,X,AT11,2016,90\n")
    tiny.register(weakness.GDP_DATASET, "e/gdp.csv")
    with pytest.raises(data.ColumnError) as err:
        data.load(weakness.GDP_DATASET)
    assert "['geo']" in err.value.problem


def test_non_numeric_cell_is_a_format_error(tiny):
    _sbs(tiny, SBS_TSV.replace("570229 ", "57O229 "))
    with pytest.raises(data.FormatError, match="57O229"):
        data.load("sbs_r_nuts06_r2")


def test_unknown_dataset_lists_the_names():
    with pytest.raises(data.UnknownDatasetError, match="sbs_r_nuts06_r2"):
        data.load("sbs_r_nuts06")


def test_unknown_nuts_code(toy_world):
    frame = pd.DataFrame({"geo": ["AT11", "XX99"], "value": [1.0, 2.0]})
    with pytest.raises(data.UnknownNutsCodeError) as err:
        nuts.recode(frame, 2013)
    assert "XX99" in err.value.problem and "AT11" not in err.value.problem


def test_empty_selection_names_the_span(toy_world):
    with pytest.raises(data.EmptySelectionError) as err:
        weakness.gdp_relative([1990])
    assert "1990" in err.value.problem and "2015-2017" in err.value.problem


def test_period_without_full_coverage_is_refused(toy_world):
    with pytest.raises(data.EmptySelectionError):
        weakness.classify((2015, 2018))


def test_changed_file_is_never_served_from_the_cache(tiny):
    _sbs(tiny)
    first = data.load("sbs_r_nuts06_r2")
    assert first["value"].max() == 570_229
    _sbs(tiny, SBS_TSV.replace("570229", "1"))  # new file, registered anew
    assert data.load("sbs_r_nuts06_r2")["value"].max() == 560_000
    tiny.write("s/sbs.tsv.gz", SBS_TSV.replace("570229", "2"), gz=True)  # edited, not registered
    with pytest.raises(data.ChecksumError):
        data.load("sbs_r_nuts06_r2")


def test_cache_round_trip_keeps_types(tiny):
    _sbs(tiny)
    fresh = data.load("sbs_r_nuts06_r2")
    cached = data.load("sbs_r_nuts06_r2")
    assert data.door.cache_file("sbs_r_nuts06_r2").is_file()
    pd.testing.assert_frame_equal(fresh, cached)


def test_fetch_offline_says_so(tiny):
    tiny.register(
        "sbs_r_nuts06_r2", "s/absent.tsv.gz", sha256="0" * 64, url="http://127.0.0.1:9/x.gz"
    )
    with pytest.raises(data.FetchError) as err:
        data.fetch("sbs_r_nuts06_r2", progressbar=False)
    assert "offline" in err.value.problem


def test_fetch_without_public_copy_says_so(tiny):
    tiny.register("jrc_nuts_codes", "j/absent.csv", sha256="0" * 64, url=None)
    with pytest.raises(data.FetchError, match="no pinned public download"):
        data.fetch("jrc_nuts_codes", progressbar=False)


def test_status_reports_problems_without_raising(tiny):
    _sbs(tiny, sha256="f" * 64)
    frame = data.status(deep=False)
    row = frame.set_index("name").loc["sbs_r_nuts06_r2"]
    assert bool(row["found"]) and not bool(row["checksum_ok"])
    assert "sha256" in row["problem"]
    assert not frame.set_index("name").loc["ris_2023", "found"]


def test_cli_status_and_fetch_exit_codes(tiny, capsys):
    _sbs(tiny)
    assert cli.main(["data", "status", "--quick"]) == 1  # the other datasets are missing
    out = capsys.readouterr().out
    assert "sbs_r_nuts06_r2" in out and "not found" in out
    assert cli.main(["data", "fetch", "sbs_r_nuts06_r2", "--quiet"]) == 0


def test_fetch_latest_offline_says_so(tiny, monkeypatch):
    from eucluster.data import eurostat

    monkeypatch.setattr(eurostat, "live_url", lambda code: f"http://127.0.0.1:9/{code}.tsv.gz")
    with pytest.raises(data.FetchError) as err:
        data.fetch_latest("sbs_r_nuts06_r2", progressbar=False)
    assert "offline" in err.value.problem
    assert not (tiny.root / "latest" / "sbs_r_nuts06_r2.tsv.gz").exists()


def test_fetch_latest_refuses_non_eurostat_tables():
    with pytest.raises(data.FetchError, match="not a Eurostat table"):
        data.fetch_latest("gisco_nuts2021_l2", progressbar=False)


def test_an_empty_file_says_empty_and_status_reports_it(tiny):
    tiny.write("p/empty.csv", "")
    tiny.register("pat_ep_rtot", "p/empty.csv")
    with pytest.raises(data.CorruptFileError, match=r"is empty \(0 bytes\)") as err:
        data.load("pat_ep_rtot", cache=False)
    assert "eucluster data fetch pat_ep_rtot" in err.value.fix
    row = data.status().set_index("name").loc["pat_ep_rtot"]
    assert "empty" in row["problem"]


def test_status_never_raises_even_when_a_reader_fails_unexpectedly(tiny, monkeypatch):
    tiny.write("p/p.csv", "unit,geo,time,values\nNR,DE11,2011,1.0\n")

    def broken(path):
        raise KeyError("a reader bug")

    tiny.register("pat_ep_rtot", "p/p.csv", reader=broken)
    row = data.status().set_index("name").loc["pat_ep_rtot"]
    assert "KeyError" in row["problem"]
