"""The organisations chapter's gold-silver study: what it publishes and the tables it shows."""

import pandas as pd
import pytest

from eucluster import data
from eucluster.documents import gold_silver_services, organisations


@pytest.fixture(scope="module")
def survey():
    return gold_silver_services.compare_services_by_label(confidence=0.95, power=0.8)


def by_id(records):
    return {record.id: record for record in records}


def test_labelled_services_stack_both_tables_without_the_catch_all():
    services = gold_silver_services.labelled_services()
    assert len(services) == 21
    assert "Other services" not in set(services["service"])
    assert services["kind"].value_counts().to_dict() == {"general": 12, "digitalisation": 9}


def test_short_service_names_drop_examples():
    names = pd.Series(["Access to finance: public funding (grants)", "Training, such as courses"])
    assert gold_silver_services.short_service_names(names).tolist() == [
        "Access to finance: public funding",
        "Training",
    ]


def test_comparison_lines_up_tables_and_annex(survey):
    comparison = survey.comparison
    assert len(comparison) == len(survey.services) == len(survey.annex) == 21
    assert comparison["service"].tolist() == survey.annex.index.tolist()
    assert set(comparison["kind"]) == {"general", "digitalisation"}
    public = comparison.set_index("service").loc["Access to finance: public funding"]
    assert public["annex_difference"] == pytest.approx(19 / 29 - 4 / 14)
    assert public["annex_p_value"] < 0.05 < public["p_value"]


def test_every_figure_is_stated_once_with_its_provenance(survey):
    ids = [record.id for record in survey.figures]
    assert len(ids) == len(set(ids)) == 45 + 17  # figures and claims
    assert all(record.id.startswith("organisations.") for record in survey.figures)
    assert all(record.definition or record.source for record in survey.figures)


def test_figures_hold_what_they_say(survey):
    figures = by_id(survey.figures)
    sizes = survey.sizes
    assert figures["organisations.group.labelled"].value == sizes["gold"] + sizes["silver"]
    assert figures["organisations.tests.count"].value == 21
    assert figures["organisations.tests.expected_false"].value == pytest.approx(21 * 0.05)
    assert figures["organisations.public_funding.gold_share"].value == pytest.approx(19 / 29)
    half_width = figures["organisations.silver.half.width"].value
    low, high = organisations.wilson_interval(7, 14)
    assert half_width == pytest.approx(high - low)
    assert "7 of the 14 silver" in figures["organisations.silver.half.width"].definition
    assert figures["organisations.annex.silver_disagreements"].value == 12
    assert figures["organisations.group.gold.size"].source == (
        data.resource("eu4d_membership").citation
    )


def test_services_per_organisation_divides_column_sums_by_group_size(survey):
    per_org = survey.per_organisation.set_index("Services")
    services = survey.services
    general = services[services["kind"] == "general"]
    assert per_org.loc["general", "Gold (Tables 3-4)"] == pytest.approx(general["gold"].sum() / 29)
    assert per_org.loc["general", "Silver (Tables 3-4)"] == pytest.approx(
        general["silver"].sum() / 14
    )
    figures = by_id(survey.figures)
    assert figures["organisations.per_org.silver.general"].value == pytest.approx(
        per_org.loc["general", "Silver (Tables 3-4)"]
    )
    # The annex, retrieved earlier, counts fewer silver services.
    assert (per_org["Silver (Annex 1)"] <= per_org["Silver (Tables 3-4)"]).all()


def test_comparison_table_writes_the_interval_in_points(survey):
    table = gold_silver_services.comparison_table(survey.comparison)
    assert list(table.columns) == list(gold_silver_services.COMPARISON_TABLE_COLUMNS.values())
    assert set(gold_silver_services.COMPARISON_TABLE_FORMATS) <= set(table.columns)
    row = table[table["Service"] == "Access to finance: public funding"].iloc[0]
    assert row["Difference, points"] == "+30 (-2 to +54)"


def test_parameters_are_checked_before_computing():
    with pytest.raises(ValueError, match="fraction"):
        gold_silver_services.compare_services_by_label(confidence=95)
    with pytest.raises(TypeError):
        gold_silver_services.compare_services_by_label(power="high")


def test_other_parameters_change_the_numbers_not_the_ids(survey):
    looser = gold_silver_services.compare_services_by_label(confidence=0.9, power=0.5)
    assert [r.id for r in looser.figures] == [r.id for r in survey.figures]
    old, new = by_id(survey.figures), by_id(looser.figures)
    assert new["organisations.power.mdd_half"].value < old["organisations.power.mdd_half"].value
    assert new["organisations.confidence"].value == 0.9
