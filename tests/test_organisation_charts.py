"""The organisations chapter's chart builders give valid Vega-Lite specs of the right shape,
and the chapter's key figures come out of the package exactly as the reviewed text pins them."""

from pathlib import Path

import pytest

from eucluster import key_figures
from eucluster.documents import (
    case_studies,
    cluster_membership,
    gold_silver_services,
    leading_organisations,
    membership_fees,
)
from eucluster.report import charts, organisation_charts

PINNED = Path(__file__).parent / "chapters" / "organisations.txt"


@pytest.fixture(scope="module")
def studies():
    survey = gold_silver_services.compare_services_by_label()
    leading = leading_organisations.leading_organisations()
    members = cluster_membership.cluster_membership(leading.pooled, gold_size=survey.sizes["gold"])
    return {
        "survey": survey,
        "leading": leading,
        "profiles": case_studies.case_profiles(),
        "fees": membership_fees.membership_fees(),
        "members": members,
    }


def test_generic_builders_used_by_the_chapter():
    comparison = gold_silver_services.compare_services_by_label().comparison
    chart = charts.difference_dots(
        comparison,
        y="service",
        x="difference",
        low="diff_low",
        high="diff_high",
        colour="verdict",
        colours={"no evidence either way": "#777777"},
        band="detectable",
        alternative="gold_share",
    )
    assert len(chart.to_dict()["layer"]) == 5
    grid = charts.presence_grid(
        case_studies.case_profiles().funding, x="source", y="short_name", value="named"
    )
    assert set(grid.data["_state"]) == {"yes", "no", "not stated"}


def test_difference_chart_has_one_panel_per_kind_of_service(studies):
    spec = organisation_charts.gold_silver_difference_chart(
        studies["survey"].comparison, confidence=0.95
    ).to_dict()
    titles = [panel["title"] for panel in spec["vconcat"]]
    assert titles == list(organisation_charts.SERVICE_KIND_TITLES.values())
    assert spec["config"]["legend"]["orient"] == "bottom"


def test_profile_chart_has_mix_size_and_service_panels(studies):
    leading = studies["leading"]
    spec = organisation_charts.leading_profiles_chart(
        leading.table, leading.composition, leading.order
    ).to_dict()
    assert len(spec["hconcat"]) == 3
    assert spec["hconcat"][0]["encoding"]["x"]["stack"] == "normalize"


def test_case_fee_and_membership_charts(studies):
    profiles, members = studies["profiles"], studies["members"]
    coverage = organisation_charts.case_coverage_chart(
        profiles.coverage,
        profiles.funding,
        profiles.cases["short_name"].tolist(),
        dimensions=list(case_studies.CASE_DIMENSIONS.values()),
        sources=list(case_studies.FUNDING_PATTERNS),
    ).to_dict()
    assert [panel["title"] for panel in coverage["vconcat"]] == [
        "Dimensions described",
        "Funding sources named",
    ]
    fees = organisation_charts.membership_fee_chart(studies["fees"].fees).to_dict()
    assert fees["encoding"]["x"]["scale"]["type"] == "log"
    membership = organisation_charts.membership_chart(
        members.mix,
        members.size_classes,
        members.gold_large,
        gold_size=29,
        unstated_class=cluster_membership.UNSTATED_SIZE_CLASS,
    ).to_dict()
    assert (
        membership["vconcat"][1]["hconcat"][1]["title"]
        == "Large firms in the 29 gold organisations"
    )


def test_the_package_states_the_chapter_key_figures_as_pinned(studies, tmp_path, monkeypatch):
    monkeypatch.setenv("EUCLUSTER_BUILD_DIR", str(tmp_path))
    registry = key_figures.KeyFigures("organisations", glue=False)
    for study in studies.values():
        registry.publish_all(study.figures)
    stated = key_figures.report("organisations", tmp_path)
    assert stated == PINNED.read_text(encoding="utf-8").strip()
