"""The Eurostat bulk-TSV parser: values, years and flags survive, nothing is guessed."""

from __future__ import annotations

import math

import pytest
from tinydata import SBS_TSV

from eucluster.data import FormatError
from eucluster.data.eurostat import parse_eurostat_tsv


@pytest.fixture
def tsv(tmp_path):
    target = tmp_path / "t.tsv"
    target.write_text(SBS_TSV)
    return target


def cell(frame, nace, geo, year):
    row = frame[(frame.nace_r2 == nace) & (frame.geo == geo) & (frame.year == year)]
    assert len(row) == 1
    return row.iloc[0]


def test_values_and_years(tsv):
    frame = parse_eurostat_tsv(tsv)
    assert list(frame.columns) == ["nace_r2", "indic_sb", "geo", "year", "value", "flag"]
    assert sorted(frame["year"].unique()) == [2014, 2015]
    assert cell(frame, "C", "DE11", 2015)["value"] == 570_229


def test_flags_are_kept(tsv):
    frame = parse_eurostat_tsv(tsv)
    clean = cell(frame, "C", "DE11", 2015)
    assert clean["flag"] == ""
    estimate = cell(frame, "C", "DE11", 2014)
    assert estimate["value"] == 560_000 and estimate["flag"] == "e"
    two_letters = cell(frame, "C29", "DE11", 2014)
    assert two_letters["value"] == 3.5 and two_letters["flag"] == "bu"
    confidential = cell(frame, "C", "FR10", 2015)
    assert math.isnan(confidential["value"]) and confidential["flag"] == ":c"
    missing = cell(frame, "C", "FR10", 2014)
    assert math.isnan(missing["value"]) and missing["flag"] == ":"


def test_missing_exactly_when_flag_starts_with_colon(tsv):
    frame = parse_eurostat_tsv(tsv)
    assert (frame["value"].isna() == frame["flag"].str.startswith(":")).all()


def test_gzip_and_plain_give_the_same_frame(tsv, tmp_path):
    import gzip

    packed = tmp_path / "t.tsv.gz"
    packed.write_bytes(gzip.compress(tsv.read_bytes()))
    assert parse_eurostat_tsv(packed).equals(parse_eurostat_tsv(tsv))


def test_empty_cell_means_truncated(tmp_path):
    target = tmp_path / "t.tsv"
    target.write_text(SBS_TSV.replace("160445 ", ""))
    with pytest.raises(FormatError, match="empty cell"):
        parse_eurostat_tsv(target)


def test_unexpected_flag_text_is_refused(tmp_path):
    target = tmp_path / "t.tsv"
    target.write_text(SBS_TSV.replace("560000 e", "560000 E!"))
    with pytest.raises(FormatError, match=r"unknown flag\(s\) 'E!' \(rows \[0\]\)"):
        parse_eurostat_tsv(target)


def test_not_a_bulk_tsv(tmp_path):
    target = tmp_path / "t.tsv"
    target.write_text("a\tb\n1\t2\n")
    with pytest.raises(FormatError, match="geo"):
        parse_eurostat_tsv(target)
