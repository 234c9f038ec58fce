"""The policy cross-walk: complete against the documents, well formed, counted correctly."""

import pandas as pd
import pytest

from eucluster import data
from eucluster.documents import advice_evidence, recommendations


@pytest.fixture(scope="module")
def crosswalk():
    return (
        data.load("policy_items"),
        data.load("policy_themes"),
        data.load("policy_item_themes"),
    )


def test_crosswalk_schemas():
    assert list(data.load("policy_themes").columns) == [
        "theme_id",
        "theme",
        "definition",
        "justification",
    ]
    links = data.load("policy_item_themes")
    assert list(links.columns) == ["item_id", "theme_id", "strength", "rationale"]
    assert set(links["strength"]) == {"primary", "secondary"}
    items = data.load("policy_items")
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


def test_load_crosswalk_counts_what_the_chapter_states():
    crosswalk = recommendations.load_crosswalk()
    values = {figure.id: figure.value for figure in crosswalk.figures}
    assert values["recommendations.items.count"] == len(crosswalk.items)
    assert values["recommendations.themes.count"] == len(crosswalk.themes)
    for key, part in recommendations.ITEM_COUNT_IDS.items():
        assert values[f"recommendations.items.{part}"] == recommendations.EXPECTED_ITEMS[key]
    assert all(figure.definition or figure.source for figure in crosswalk.figures)
    sources = crosswalk.sources()
    assert sources["Items"].sum() == len(crosswalk.items)
    assert list(sources.columns) == ["Group", "Document", "Items", "Where"]
    definitions = crosswalk.theme_definitions()
    assert definitions.count("*Why a theme of its own:*") == len(crosswalk.themes)


def test_theme_agreement_figures_follow_the_matrix():
    crosswalk = recommendations.load_crosswalk()
    themes = recommendations.theme_agreement(crosswalk)
    values = {figure.id: figure.value for figure in themes.figures}
    assert len(values) == len(themes.figures)
    assert values["recommendations.agreement.documents"] == 4
    everywhere = themes.summary[themes.summary["documents_any"] == 4]
    assert values["recommendations.agreement.any_everywhere"] == len(everywhere)
    shares = [v for k, v in values.items() if k.endswith(".any")]
    assert len(shares) == len(recommendations.CITED_SHARES)
    assert all(0 <= share <= 1 for share in shares)
    assert themes.group_order == list(recommendations.SOURCE_GROUPS.values())
    assert sorted(themes.theme_order) == sorted(crosswalk.themes["theme_id"].str.capitalize())
    # the theme some document never mentions is the one whose absence the chapter names
    assert "evaluation" in values["recommendations.agreement.missing"]


def test_evidence_shares_are_of_gold_and_silver_together():
    values = {figure.id: figure for figure in advice_evidence.evidence_figures()}
    # Table 3: research, development and innovation support, 20 gold + 8 silver of 29 + 14
    assert values["recommendations.evidence.rdi"].value == pytest.approx(28 / 43)
    assert "43 gold and silver" in values["recommendations.evidence.rdi"].definition
    assert values["recommendations.evidence.sme_share"].source
    assert all(0 <= f.value <= 1 for k, f in values.items() if f.fmt == "{:.0%}")
