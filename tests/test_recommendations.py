"""The policy cross-walk: complete against the documents, well formed, counted correctly."""

import pandas as pd
import pytest

from eucluster.data import published
from eucluster.documents import recommendations


@pytest.fixture(scope="module")
def crosswalk():
    return (
        published.load("policy_items"),
        published.load("policy_themes"),
        published.load("policy_item_themes"),
    )


def test_crosswalk_schemas():
    assert list(published.load("policy_themes").columns) == [
        "theme_id",
        "theme",
        "definition",
        "justification",
    ]
    links = published.load("policy_item_themes")
    assert list(links.columns) == ["item_id", "theme_id", "strength", "rationale"]
    assert set(links["strength"]) == {"primary", "secondary"}
    items = published.load("policy_items")
    assert items["item_id"].is_unique
    assert set(items["document"]) == {"000", "001", "002", "004"}


def test_crosswalk_is_complete(crosswalk):
    counts = recommendations.check_crosswalk(*crosswalk)
    for group, expected in recommendations.EXPECTED_ITEMS.items():
        assert counts[group] == expected


def test_crosswalk_check_names_what_is_missing(crosswalk):
    items, themes, links = crosswalk
    short = items[items["item_id"] != "000.P7"]
    with pytest.raises(recommendations.CrosswalkError, match="pathway"):
        recommendations.check_crosswalk(short, themes, links[links["item_id"] != "000.P7"])
    doubled = pd.concat([links, links[links["strength"] == "primary"].head(1)])
    with pytest.raises(recommendations.CrosswalkError, match="exactly one primary"):
        recommendations.check_crosswalk(items, themes, doubled)


def test_theme_matrix_counts_and_shares(crosswalk):
    items, themes, links = crosswalk
    matrix = recommendations.theme_matrix(items, themes, links)
    assert len(matrix) == len(recommendations.SOURCE_GROUPS) * len(themes)
    assert matrix["primary"].sum() == len(items)
    assert (matrix["primary"] <= matrix["any"]).all()
    assert matrix["any_share"].between(0, 1).all()
    per_group = matrix.groupby("group")["primary_share"].sum()
    assert per_group.to_numpy() == pytest.approx(1.0)


def test_theme_matrix_on_a_small_hand_made_crosswalk():
    items = pd.DataFrame(
        {
            "item_id": ["a", "b", "c"],
            "document": ["000", "000", "001"],
            "kind": ["pathway", "pathway", "recommendation"],
        }
    )
    themes = pd.DataFrame({"theme_id": ["x", "y"], "theme": ["X", "Y"]})
    links = pd.DataFrame(
        {
            "item_id": ["a", "b", "b", "c"],
            "theme_id": ["x", "x", "y", "y"],
            "strength": ["primary", "primary", "secondary", "primary"],
        }
    )
    matrix = recommendations.theme_matrix(items, themes, links).set_index(["group", "theme_id"])
    pathways = recommendations.SOURCE_GROUPS[("000", "pathway")]
    assert matrix.loc[(pathways, "x"), "primary_share"] == 1.0
    assert matrix.loc[(pathways, "y"), "any_share"] == 0.5
    summary = recommendations.agreement(matrix.reset_index()).set_index("theme_id")
    assert summary.loc["y", "documents_any"] == 2
    assert summary.loc["x", "documents_primary"] == 1
