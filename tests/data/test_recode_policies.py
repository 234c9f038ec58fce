"""The one NUTS recoder under both policies, on the toy world of conftest (HU10 split into
HU11 + HU12 by 1,700 : 1,300 inhabitants, FR21 renamed FRF2, NL33 gave 36 of 3,736 inhabitants
to NL31). Every report must account for every row: rows in = rows kept + rows dropped."""

from __future__ import annotations

import pandas as pd
import pytest
from tinydata import CROSSWALK_HEADER

from eucluster import data
from eucluster.geo import nuts


def adds_up(report: nuts.RecodeReport) -> bool:
    return report.rows_in == report.rows_kept + sum(report.dropped_rows.values())


def test_drop_policy_on_codes_in_the_index(toy_world):
    values = pd.Series({"AT11": 1.0, "FR21": 2.0, "HU10": 3.0, "FRZZ": 4.0}, name="jobs")
    out, report = nuts.recode(values, 2013)
    assert out.to_dict() == {"AT11": 1.0, "FRF2": 2.0}
    assert report.dropped_rows == {"split": 1, "extra-regio": 1}
    assert adds_up(report) and report.rows_out == 2


def test_apportion_shares_counts_by_population_and_reports_every_row(toy_world):
    counts = pd.DataFrame(
        {"jobs": [100.0, 50.0, 3000.0, 1336.0, 3736.0, 9.0, 9.0, 9.0]},
        index=["AT11", "FR21", "HU10", "NL31", "NL33", "FRZZ", "DE41", "AT"],
    )
    recoded = nuts.recode(counts, 2013, policy="apportion", column=None)
    out, report = recoded
    assert out.loc["HU11", "jobs"] == pytest.approx(1700.0)
    assert out.loc["HU12", "jobs"] == pytest.approx(1300.0)
    assert out.loc["NL31", "jobs"] == pytest.approx(1336.0 + 36.0)
    assert out.loc["NL33", "jobs"] == pytest.approx(3700.0)
    assert out.loc["FRF2", "jobs"] == 50.0
    kinds = report.codes.set_index("source")["kind"].to_dict()
    assert kinds == {
        "AT11": "identical",
        "FR21": "renamed",
        "HU10": "apportioned",
        "NL33": "apportioned",
        "NL31": "merged",
        "FRZZ": "extra-regio",
        "DE41": "other version",
        "AT": "aggregate",
    }
    assert report.dropped_rows == {"extra-regio": 1, "other version": 1, "aggregate": 1}
    assert adds_up(report) and report.rows_kept == 5 and report.rows_out == len(out) == 6
    kept = counts.loc[["AT11", "FR21", "HU10", "NL31", "NL33"], "jobs"].sum()
    assert out["jobs"].sum() == pytest.approx(kept)  # a count is shared, never lost
    assert "apportion" in str(report)


def test_apportion_averages_rates_and_reports_missing_values(toy_world):
    rates = pd.Series({"HU10": 50.0, "NL31": 10.0, "NL33": 20.0, "FR21": float("nan")})
    out, report = nuts.recode(rates, 2013, policy="apportion", kind="rate")
    assert out["HU11"] == out["HU12"] == 50.0
    assert out["NL31"] == pytest.approx((10.0 * 1300 + 20.0 * 36) / 1336)
    assert out["NL33"] == 20.0
    assert report.dropped_rows == {"missing value": 1}
    assert adds_up(report)


def test_apportion_reads_each_code_in_the_first_version_that_knows_it(tiny, toy_world):
    """Helsinki: FI18 (NUTS 2010) became FI1B + FI1C; data that hold FI1B already must not
    count FI18 again (superseded), while a rate keeps FI18 for the piece FI1B does not cover."""
    lines = [
        "FI1B,FI1B,2013,2021,2.0,FI,1.0,600.0,1,1,1,1",
        "FI1C,FI1C,2013,2021,2.0,FI,1.0,400.0,1,1,1,1",
        "FI18,FI1B,2010,2021,2.0,FI,1.0,600.0,1,1,1,1",
        "FI18,FI1C,2010,2021,2.0,FI,1.0,400.0,1,1,1,1",
        "FI13,FI1D,2010,2021,2.0,FI,1.0,100.0,1,1,1,1",
    ]
    tiny.write("j/cw.csv.gz", CROSSWALK_HEADER + "\n".join(lines) + "\n", gz=True)
    tiny.register("jrc_nuts_crosswalks", "j/cw.csv.gz")
    codes = [("FI1B", 2013), ("FI1C", 2013), ("FI18", 2010), ("FI13", 2010), ("FI1D", 2021)]
    tiny.write("j/codes.csv", "code,version,country\n" + "".join(f"{c},{v},FI\n" for c, v in codes))
    tiny.register("jrc_nuts_codes", "j/codes.csv")
    counts = pd.Series({"FI1B": 10.0, "FI18": 500.0, "FI13": 7.0}, name="jobs")
    out, report = nuts.recode(counts, (2013, 2010), policy="apportion")
    assert out.to_dict() == {"FI1B": 10.0, "FI1D": 7.0}
    assert report.listed("superseded") == ["FI18"] and report.dropped_rows == {"superseded": 1}
    assert adds_up(report) and report.source_version == (2013, 2010)
    rates = pd.Series({"FI1B": 10.0, "FI18": 20.0})
    out, report = nuts.recode(rates, (2013, 2010), policy="apportion", kind="rate")
    assert out.to_dict() == {"FI1B": 10.0, "FI1C": 20.0}
    assert report.codes.set_index("source").loc["FI18", "kind"] == "renamed"


def test_the_target_version_passes_unchanged_when_listed(toy_world):
    rates = pd.Series({"NL31": 5.0, "HU11": 7.0}, name="gdp")
    out, report = nuts.recode(rates, nuts.PULL_2026_VERSIONS, policy="apportion", kind="rate")
    assert out.to_dict() == {"NL31": 5.0, "HU11": 7.0}
    assert report.listed("identical") == ["HU11", "NL31"] and adds_up(report)


def test_unknown_codes_raise_unless_dropping_them_is_asked_for(toy_world):
    rates = pd.Series({"AT11": 1.0, "PL90": 2.0})
    with pytest.raises(data.UnknownNutsCodeError, match="PL90"):
        nuts.recode(rates, 2013, policy="apportion", kind="rate")
    out, report = nuts.recode(rates, 2013, policy="apportion", kind="rate", unknown="drop")
    assert out.to_dict() == {"AT11": 1.0}
    assert report.listed("not a NUTS code") == ["PL90"] and adds_up(report)


def test_recode_refuses_what_it_cannot_do(toy_world):
    frame = pd.DataFrame({"geo": ["AT11"], "value": [1.0]})
    with pytest.raises(ValueError, match="policy must be one of"):
        nuts.recode(frame, 2013, policy="share")
    with pytest.raises(ValueError, match="column=None"):
        nuts.recode(frame, 2013, policy="apportion")
    with pytest.raises(TypeError, match="one Series"):
        nuts.recode(frame.set_index("geo"), 2013, policy="apportion", kind="rate", column=None)
    with pytest.raises(ValueError, match="one source version"):
        nuts.recode(frame, (2013, 2010))
    with pytest.raises(ValueError, match="source_version must be one of"):
        nuts.recode(frame, 2012)
    with pytest.raises(ValueError, match="repeated"):
        nuts.recode(pd.Series([1.0, 2.0], index=["AT11", "AT11"]), 2013)
