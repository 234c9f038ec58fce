"""Recoding between NUTS versions and the weakness rule, on a hand-made toy world
(see conftest: HU10 split into HU11 + HU12, FR21 renamed FRF2, NL33 lost a 1 % sliver to
NL31)."""

from __future__ import annotations

import pandas as pd
import pytest

from eucluster.geo import nuts, regions, weakness
from eucluster.geo import weakness_evidence as evidence


def test_categories_at_the_thresholds():
    pct = pd.Series([74.999, 75.0, 99.999, 100.0, 250.0, float("nan")])
    got = weakness.categorise(pct)
    assert got.iloc[:5].tolist() == [
        "less developed",
        "transition",
        "transition",
        "more developed",
        "more developed",
    ]
    assert pd.isna(got.iloc[5])


def test_recode_renames_keeps_and_drops_with_a_report(toy_world):
    frame = pd.DataFrame(
        {
            "geo": ["AT11", "FR21", "HU10", "NL33", "AT", "FRZZ", "DE41"],
            "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
        }
    )
    out, report = nuts.recode(frame, 2013)
    assert report.policy == "drop"
    assert out["geo"].tolist() == ["AT11", "FRF2", "NL33", "AT"]
    assert out["value"].tolist() == [1.0, 2.0, 4.0, 5.0]
    kinds = report.codes.set_index("source")["kind"].to_dict()
    assert kinds == {
        "AT11": "identical",
        "FR21": "renamed",
        "HU10": "split",
        "NL33": "identical",
        "AT": "aggregate",
        "FRZZ": "extra-regio",
        "DE41": "other version",
    }
    assert report.listed("split") == ["HU10"]
    assert report.slivers["source"].tolist() == ["NL33"]  # 36 of 3,736: ignored, but listed
    assert report.rows_in == 7 and report.rows_out == report.rows_kept == 4
    assert report.rows_in == report.rows_kept + sum(report.dropped_rows.values())
    assert report.dropped_rows == {"split": 1, "extra-regio": 1, "other version": 1}
    summary = report.summary().set_index("kind")
    assert summary.loc["split", "rows_dropped"] == 1


def test_recode_raises_on_a_missing_column(toy_world):
    from eucluster.data import ColumnError

    with pytest.raises(ColumnError):
        nuts.recode(pd.DataFrame({"region": ["AT11"]}), 2013)


def test_weakness_labels_the_toy_regions(toy_world):
    weak = weakness.classify((2015, 2017))
    assert list(weak.columns) == ["name", "country", "gdp_pps_pct_eu27", "category", "weak"]
    assert weak.index.name == "geo"
    assert weak["category"].astype(str).to_dict() == {
        "AT11": "less developed",
        "FR10": "more developed",
        "FRF2": "transition",
        "HU11": "more developed",
        "HU12": "less developed",
        "NL31": "transition",
        "NL33": "more developed",
    }
    assert weak["weak"].sum() == 2
    assert weak["weak"].dtype == bool


def test_weakness_by_year_is_long(toy_world):
    by_year = weakness.by_year([2016, 2017])
    assert len(by_year) == 2 * 7
    assert set(by_year["year"]) == {2016, 2017}


def test_weakness_for_old_codes(toy_world):
    labels = weakness.for_codes(["AT11", "FR21", "HU10", "FRZZ"])
    assert labels.loc["FR21", "geo_2021"] == "FRF2"
    assert bool(labels.loc["AT11", "weak"]) is True
    assert bool(labels.loc["FR21", "weak"]) is False
    assert pd.isna(labels.loc["HU10", "weak"])  # parts disagree: no label
    assert labels.loc["HU10", "recode"] == "split"
    assert pd.isna(labels.loc["FRZZ", "weak"])


def test_study_regions_are_eu27_nuts2(toy_world):
    study = regions.study_regions()
    assert study.index.tolist() == sorted(study.index.tolist())
    assert len(study) == 7


def test_category_changes_lists_only_changers(toy_world):
    from tinydata import gdp_api_csv

    values = {
        (g, y): 120.0
        for g in ["AT11", "FR10", "FRF2", "HU11", "HU12", "NL31", "NL33"]
        for y in (2015, 2016, 2017)
    }
    values[("AT11", 2016)] = 70.0  # one bad year: AT11 changes category
    toy_world.write("e/gdp.csv", gdp_api_csv(values))
    toy_world.register(weakness.GDP_DATASET, "e/gdp.csv")
    found = evidence.category_changes([2015, 2016, 2017])
    changes = found.table
    assert changes.index.tolist() == ["AT11"]
    assert changes.loc["AT11", "2016"] == "less developed"
    assert changes.loc["AT11", "categories"] == 2
    assert {f.id: f.value for f in found.figures} == {
        "regions.changers.count": 1,
        "regions.changers.once": 0,  # down and back up: two switches
    }


def test_mixed_level_counts_enumerates_country_choices(monkeypatch):
    def frame(rows):
        out = pd.DataFrame(rows, columns=["geo", "country", "weak"]).set_index("geo")
        return out

    nuts2 = frame([("AT11", "AT", True), ("AT12", "AT", False), ("AT13", "AT", False)])
    nuts2 = pd.concat([nuts2, frame([("BE21", "BE", True), ("BE22", "BE", True)])])
    nuts1 = frame([("AT1", "AT", False), ("BE2", "BE", True)])
    monkeypatch.setattr(evidence, "EU27", ("AT", "BE"))
    monkeypatch.setattr(weakness, "classify", lambda period: nuts2)
    monkeypatch.setattr(weakness, "classify_nuts1", lambda period: nuts1)
    # AT: 1 region (0 weak) or 3 (1 weak); BE: 1 (1 weak) or 2 (2 weak).
    per_weak, per_country = evidence.mixed_level_counts(4)
    assert per_weak.to_dict("records") == [{"weak": 2, "combinations": 1}]  # AT2 level + BE1
    per_weak, _ = evidence.mixed_level_counts(3)
    assert per_weak.to_dict("records") == [{"weak": 2, "combinations": 1}]  # AT1 + BE2
    assert per_country.loc["AT", "nuts2"] == 3 and per_country.loc["BE", "nuts1_weak"] == 1
    mixes = evidence.mixed_sets(3, 2)
    figures = {f.id: f.value for f in mixes.figures}
    assert figures["regions.mixes.count"] == 1 and figures["regions.mixes.matching"] == 1
    assert figures["regions.nuts1.count"] == 2 and mixes.table["paper"].all()
