"""The tables published as R data are read from the original ``.rda``/``.rds`` (pyreadr), and
every registered dataset has a pinned public URL: nothing the book reads is a private conversion.
Tiny R files are written with pyreadr, so these tests run without the shared data folder."""

from __future__ import annotations

import pandas as pd
import pyreadr
import pytest

from eucluster import data
from eucluster.data.readers import r_data

R_DATASETS = (
    "regional_gdp_vintages",
    "tgs00096",
    "eurostat_tgs_2020",
    "pat_ep_rtot",
    "jrc_nuts_crosswalks",
    "jrc_nuts_codes",
    "nuts_changes",
    "nuts_2021_codes",
)


def test_every_dataset_has_a_pinned_public_url():
    for entry in data.datasets():
        assert entry.url and entry.url.startswith("https://raw.githubusercontent.com/"), entry.name
        commit = entry.url.split("/")[5]
        assert len(commit) == 40 and int(commit, 16) >= 0, (entry.name, entry.url)


@pytest.mark.parametrize("name", R_DATASETS)
def test_r_published_tables_are_registered_as_their_originals(name):
    entry = data.dataset(name)
    assert entry.path.endswith((".rda", ".rds")) and entry.url.endswith(entry.file_name)
    assert "CSV export" not in entry.origin


def test_a_tiny_rda_reads_like_the_csv_of_the_same_columns(tiny):
    patents = pd.DataFrame(
        {
            "unit": ["NR", "NR", "P_MHAB"],
            "geo": ["DE11", "DE12", "DE11"],
            "time": [2011.0, 2012.0, 2012.0],
            "values": [1729.9, float("nan"), 430.7],
        }
    )
    pyreadr.write_rdata(str(tiny.root / "patents.rda"), patents, df_name="patents")
    tiny.register("pat_ep_rtot", "patents.rda")
    from_r = data.load("pat_ep_rtot", cache=False)
    rows = ["NR,DE11,2011,1729.9", "NR,DE12,2012,", "P_MHAB,DE11,2012,430.7"]
    tiny.write("patents.csv", "unit,geo,time,values\n" + "\n".join(rows) + "\n")
    tiny.register("pat_ep_rtot", "patents.csv")
    from_csv = data.load("pat_ep_rtot", cache=False)
    pd.testing.assert_frame_equal(from_r, from_csv)
    assert from_r["year"].tolist() == [2011, 2012, 2012]


def test_r_text_na_becomes_an_empty_string(tmp_path):
    frame = pd.DataFrame({"code": ["AT1", None], "n": [1.0, 2.0]})
    pyreadr.write_rds(str(tmp_path / "x.rds"), frame)
    raw = r_data.read_table(tmp_path / "x.rds")
    assert raw["code"].tolist() == ["AT1", ""] and raw["n"].dtype == "float64"


def test_a_damaged_r_file_is_refused_as_corrupt(tiny):
    tiny.write("broken.rda", b"RDX3\nnot really R data")
    tiny.register("pat_ep_rtot", "broken.rda")
    with pytest.raises(data.CorruptFileError, match="R data file cannot be decoded") as err:
        data.load("pat_ep_rtot", cache=False)
    assert "eucluster data fetch pat_ep_rtot" in err.value.fix
