"""The one weakness function family on the toy world of conftest (AT11 and HU12 weak; HU10
split into a weak and a non-weak part), and the chapter's evidence built on it."""

from __future__ import annotations

import pandas as pd
import pytest

from eucluster.data import EmptySelectionError
from eucluster.geo import weakness
from eucluster.geo import weakness_evidence as evidence


def test_periods_are_checked_before_anything_is_read():
    with pytest.raises(ValueError, match="first <= last"):
        weakness.classify((2017, 2015))
    with pytest.raises(ValueError, match="first <= last"):
        weakness.classify((2015, 2016, 2017))
    with pytest.raises(TypeError):
        weakness.classify("2015-2017")
    assert weakness.check_period([2015, 2017]) == (2015, 2017)


def test_labels_agree_across_the_family(toy_world):
    labels = weakness.classify()
    by_year = weakness.by_year([2015, 2016, 2017])
    assert (by_year.groupby("geo")["weak"].all() == labels["weak"]).all()
    codes = weakness.for_codes(["AT11", "FR21", "NL33"])
    assert codes["weak"].astype(bool).tolist() == [True, False, False]
    assert codes["geo_2021"].tolist() == ["AT11", "FRF2", "NL33"]


def test_classified_and_unclassified_split_the_regions(toy_world):
    weak = weakness.for_codes(["AT11", "FR21", "HU10", "NL33"])["weak"]
    regions = pd.Index(["AT11", "FR21", "HU10", "NL33"])
    assert weakness.unclassified(regions, weak) == ["HU10"]
    assert weakness.classified(regions, weak).to_dict() == {
        "AT11": True,
        "FR21": False,
        "NL33": False,
    }


def test_by_parent_follows_most_workers():
    weak = pd.Series({"AT11": True, "AT12": False, "BE21": pd.NA}, dtype="boolean")
    jobs = pd.Series({"AT11": 40.0, "AT12": 60.0, "BE21": 10.0})
    assert weakness.by_parent(weak, jobs).to_dict() == {"AT1": False}


def test_an_empty_vintage_is_refused(toy_world):
    with pytest.raises(EmptySelectionError, match="V2019"):
        weakness.from_vintage("V2019")


def test_study_labels_publish_counts_that_add_up(toy_world):
    study = evidence.study_labels()
    figures = {f.id: f.value for f in study.figures}
    assert figures["regions.study.count"] == 7
    assert figures["regions.weak.count"] == 2 and figures["regions.non_weak.count"] == 5
    categories = [v for k, v in figures.items() if k.startswith("regions.category.")]
    assert sum(categories) == 7 and figures["regions.category.transition"] == 2
    assert figures["regions.gdp.min_name"] == "Pest" and figures["regions.gdp.max"] == 175.0
    assert figures["regions.near_threshold.count"] == 2  # AT11 at 74.9, FRF2 at 75
    assert figures["regions.weak.share"] == pytest.approx(2 / 7)
    assert all(f.definition for f in study.figures)
