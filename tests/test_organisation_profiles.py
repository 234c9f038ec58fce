"""Table 5, the case-study profiles, the membership fees and the membership statistics of
document 002, as the organisations chapter reads them."""

import pytest

from eucluster import data
from eucluster.documents import (
    case_studies,
    cluster_membership,
    leading_organisations,
    membership_fees,
)


def by_id(records):
    return {record.id: record for record in records}


@pytest.fixture(scope="module")
def leading():
    return leading_organisations.leading_organisations()


def test_member_composition_shares_sum_to_one():
    top10 = data.load("eu4d_table5")
    long = leading_organisations.member_composition(top10)
    assert len(long) == 3 * len(top10)
    assert long.groupby("organisation")["share"].sum().to_numpy() == pytest.approx(1.0)
    assert sum(leading_organisations.pooled_composition(top10).values()) == pytest.approx(1.0)


def test_leading_organisations_are_ordered_by_size_with_short_cards(leading):
    table = leading.table.set_index("card")
    assert len(leading.order) == 10
    assert table.loc[leading.order, "members"].is_monotonic_decreasing
    assert leading.order[0] == "Cap Digital (France, gold)"
    assert "Habic (Spain, gold)" in leading.order  # the printed name, shortened
    assert set(leading.composition["card"]) == set(leading.order)
    assert list(leading.pooled) == list(leading_organisations.MEMBER_TYPES.values())


def test_leading_figures_name_the_extremes(leading):
    figures = by_id(leading.figures)
    assert len(figures) == len(leading.figures) == 12 + 4  # with the spread claims and range
    assert figures["organisations.top10.largest.name"].value == "Cap Digital"
    assert figures["organisations.top10.largest.members"].value == leading.table["members"].max()
    ratio = figures["organisations.top10.size_ratio"].value
    assert ratio == pytest.approx(leading.table["members"].max() / leading.table["members"].min())
    assert figures["organisations.top10.sme_share"].value == pytest.approx(leading.pooled["SMEs"])


def test_case_coverage_is_one_row_per_case_and_dimension():
    cases = data.load("eu4d_case_studies")
    coverage = case_studies.case_coverage(cases)
    assert len(coverage) == len(cases) * len(case_studies.CASE_DIMENSIONS)
    assert coverage["described"].dtype == bool


def test_funding_sources_code_the_profiles_and_keep_silence_missing():
    cases = data.load("eu4d_case_studies")
    coded = case_studies.funding_sources(cases).pivot(
        index="short_name", columns="source", values="named"
    )
    assert coded.loc["Bron Innovation", "membership fees"]
    assert not coded.loc["Bron Innovation", "public funding"]
    assert not coded.loc["DigitalLead", "private funding"]
    assert coded.loc["Health Valley", "private funding"]
    assert coded.loc["Habic"].isna().all()


def test_case_profiles_count_only_profiles_that_speak_of_money():
    profiles = case_studies.case_profiles()
    figures = by_id(profiles.figures)
    assert figures["organisations.cases.count"].value == len(profiles.cases) == 12
    assert figures["organisations.cases.funding_described"].value == len(profiles.named)
    assert "Habic" not in profiles.named.index
    mixed = figures["organisations.cases.mixed"].value
    assert mixed <= figures["organisations.cases.funding_described"].value
    described = profiles.coverage.query("dimension == 'governance'")["described"].sum()
    assert figures["organisations.cases.governance_described"].value == described


def test_case_facts_and_funding_descriptions():
    cases = data.load("eu4d_case_studies")
    facts = case_studies.case_facts(cases)
    assert list(facts.columns) == list(case_studies.FACT_COLUMNS.values())
    assert set(case_studies.FACT_FORMATS) <= set(facts.columns)
    text = case_studies.funding_descriptions(cases)
    speaking = cases["funding_model"].notna() | cases["fee_structure"].notna()
    assert text.count("\n: *Funding:*") == speaking.sum()
    assert "Habic\n:" not in text


def test_fees_in_euro_keeps_printed_values_and_converts_the_rest():
    fees = data.load("eu4d_membership_fees")
    euro = membership_fees.fees_in_euro(fees, {"DKK": 7.46, "SEK": 11.2})
    printed = fees["fee_eur"].notna()
    assert (euro.loc[printed, "fee_eur"] == fees.loc[printed, "fee_eur"]).all()
    assert not euro.loc[printed, "converted"].any()
    band = euro[euro["member_category"] == "Private companies: 0-1 employees"].iloc[0]
    assert band["fee_eur"] == pytest.approx(1250 / 7.46)
    with pytest.raises(KeyError):
        membership_fees.fees_in_euro(fees, {})


def test_membership_fees_are_named_labelled_and_summarised():
    result = membership_fees.membership_fees()
    fees = result.fees
    assert not fees["short_name"].isna().any()
    assert "DigitalLead: firms, 0-1 employees" in set(fees["row"])
    assert "Bron Innovation: Startups" in set(fees["row"])
    assert set(fees["basis"]) == {"printed", "converted at the printed rate"}
    figures = by_id(result.figures)
    assert figures["organisations.fees.dkk_per_eur"].value == membership_fees.PRINTED_DKK_PER_EUR
    low = figures["organisations.fees.digitallead.min"].value
    assert low == pytest.approx(1250 / 7.46)
    assert figures["organisations.fees.digitallead.ratio"].value == pytest.approx(
        figures["organisations.fees.digitallead.max"].value / low
    )
    assert figures["organisations.fees.bron.startup"].value == 89


def test_cluster_membership_fills_the_unstated_size_class(leading):
    members = cluster_membership.cluster_membership(leading.pooled, gold_size=29)
    assert members.size_classes["share"].sum() == pytest.approx(100)
    figures = by_id(members.figures)
    unstated = members.size_classes.set_index("class").loc[
        cluster_membership.UNSTATED_SIZE_CLASS, "share"
    ]
    assert figures["organisations.membership.size_unstated"].value == unstated
    assert len(members.mix) == 6
    assert members.mix.groupby("group")["share"].sum().to_numpy() == pytest.approx(100)
    assert members.gold_large["organisations"].sum() == 29
    assert "over 29." in figures["organisations.gold.large50_share"].definition


def test_cluster_membership_refuses_a_mix_of_other_member_types():
    with pytest.raises(ValueError, match="pooled shares"):
        cluster_membership.cluster_membership({"SMEs": 1.0}, gold_size=29)
