"""Recoding between NUTS versions and the weakness rule, on a hand-made toy world
(see conftest: HU10 split into HU11 + HU12, FR21 renamed FRF2, NL33 lost a 1 % sliver to
NL31)."""

from __future__ import annotations

import pandas as pd
import pytest

from eucluster.geo import nuts, regions, weakness
from eucluster.geo import weakness_evidence as evidence
from eucluster.key_figures import Claim


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


def split_records(records):
    """``({id: value} of the numbers, [claims])`` of a domain function's records."""
    claims = [r for r in records if isinstance(r, Claim)]
    return {r.id: r.value for r in records if not isinstance(r, Claim)}, claims


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
    numbers, (claim,) = split_records(found.figures)
    assert numbers == {
        "regions.changers.count": 1,
        "regions.changers.once": 0,  # down and back up: two switches
    }
    assert changes.loc["AT11", "returns"] and claim.holds
    assert claim.if_true.startswith("the other 1 move back and forth")


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
    figures, (consistent, ambiguous) = split_records(mixes.figures)
    assert consistent.holds and not ambiguous.holds
    assert ambiguous.if_false.startswith("Exactly one choice fits")
    assert figures["regions.mixes.count"] == 1 and figures["regions.mixes.matching"] == 1
    assert figures["regions.nuts1.count"] == 2 and mixes.table["paper"].all()


def test_a_region_that_crosses_two_thresholds_in_turn_does_not_go_back_and_forth():
    assert evidence.returns_to_a_category(["a", "b", "", "a"])
    assert not evidence.returns_to_a_category(["a", "a", "b", "c"])
    changes = pd.DataFrame({"switches": [1, 2, 2], "returns": [False, True, False]})
    claim = evidence.back_and_forth_claim(changes)
    assert not claim.holds
    assert claim.if_false == (
        "of the other 2, 1 return to a category they had left and 1 cross two thresholds in one "
        "direction"
    )
    assert evidence.back_and_forth_claim(changes.iloc[:1]).if_false == "none changes more than once"


def comparison_table(paper, latest, older):
    rows = [("paper",) + paper, ("2026",) + latest, ("2019",) + older]
    table = pd.DataFrame(rows, columns=["regions", "weak", "total"])
    return table.assign(**{"weak share": table["weak"] / table["total"]})


def test_comparison_claims_say_how_the_releases_and_the_paper_differ():
    holds = evidence.comparison_claims(comparison_table((77, 201), (80, 242), (77, 240)))
    assert all(c.holds for c in holds)
    assert holds[0].if_true == (
        "a weak share of 33%, below the 38% the ECCP discussion paper found on its own mix of "
        "regions"
    )
    flipped = {
        c.id: c
        for c in evidence.comparison_claims(comparison_table((60, 201), (80, 242), (85, 240)))
    }
    assert not any(c.holds for c in flipped.values())
    assert flipped["regions.weak.share_below_paper"].if_false.startswith(
        "a weak share of 33%, above the 30%"
    )
    assert (
        "the 2019 share is above it and the 2026 share above it"
        in flipped["regions.vintages.shares_below_paper"].if_false
    )
    assert flipped["regions.vintages.more_weak_in_2026"].if_false.startswith(
        "The later release counts 5 fewer"
    )
    assert flipped["regions.vintage2019.matches_paper"].if_false == (
        "The 2019 release gives 85 weak regions, not the paper's 60."
    )


def test_identification_claims_cover_none_one_and_many():
    none, one, many = (evidence.identification_claims(n, 77) for n in (0, 1, 33))
    assert not none[0].holds and none[0].if_false.startswith("No choice gives the paper's 77")
    assert not none[1].holds and none[1].if_false.startswith("With no choice that fits")
    assert one[0].holds and not one[1].holds
    assert many[0].holds and many[1].holds
