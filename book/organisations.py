# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Best-practice cluster organisations
#
# Do gold-labelled cluster organisations offer different services from silver-labelled ones,
# and what do the EU4Digital report's best-practice organisations have in common?
# {glue}`organisations.label.none_after_correction` Among the profiled organisations that
# describe their funding, {glue}`organisations.cases.mixed_fee_model`, while they differ in
# size (the largest of the ten leading ones has {glue}`organisations.top10.size_ratio` times
# the members of the smallest) and in how much they disclose.

# %% tags=["parameters"]
confidence = 0.95
power = 0.8

# %% tags=["remove-cell"]
from IPython.display import Markdown
from myst_nb import glue

from eucluster.documents import (
    case_studies,
    cluster_membership,
    gold_silver_services,
    leading_organisations,
    membership_fees,
)
from eucluster.key_figures import KeyFigures
from eucluster.report import charts, organisation_charts
from eucluster.report.tables import show_table

# %% [markdown]
# ## Services by excellence label: what a small silver group can show
#
# The EU4Digital report {cite:p}`eu4digital_2024` counts, for each of the
# {glue}`organisations.tests.count` services it names, how many gold, silver and bronze
# labelled cluster organisations offer it (its Tables 3 and 4, which also end in a catch-all
# 'Other services' row that is left out here because what it holds differs from organisation
# to organisation), and lists the gold and silver organisations one by one in its Annex 1.
# The chapter on {doc}`documents` showed the share of each group offering each service. Here
# the question is narrower: is any service offered more often by gold than by silver
# organisations?

# %% tags=["remove-cell"]
charts.use_theme()
figures = KeyFigures("organisations")
survey = gold_silver_services.compare_services_by_label(confidence=confidence, power=power)
stated = figures.publish_all(survey.figures)
comparison = survey.comparison

# %% tags=["remove-cell"]
assert comparison[["gold_share", "silver_share"]].stack().between(0, 1).all()
assert (comparison["diff_low"] <= comparison["difference"]).all()
assert (comparison["difference"] <= comparison["diff_high"]).all()
assert (comparison["p_holm"] >= comparison["p_value"]).all()
assert stated["organisations.tests.count"] == len(survey.annex) == 21
assert 0 < stated["organisations.power.mdd_tenth"] < stated["organisations.power.mdd_half"] < 1
holm_hits = stated["organisations.tests.significant_holm"]
assert stated["organisations.label.none_after_correction"] == (holm_hits == 0)

# %% [markdown]
# Before looking at the data, ask what it could show. With
# {glue}`organisations.group.gold.size` gold and {glue}`organisations.group.silver.size`
# silver organisations, a two-sided test at {glue}`organisations.confidence` confidence has
# {glue}`organisations.power.level` power only for differences in shares of about
# {glue}`organisations.power.mdd_half` when the shares are near one half,
# and {glue}`organisations.power.mdd_tenth` when they are near one tenth. A single silver
# share of one half carries a Wilson interval {cite:p}`wilson_1927` about
# {glue}`organisations.silver.half.width` wide.
# {glue}`organisations.power.reported_gaps_undetectable`
#
# {numref}`fig-gold-silver-difference` shows, for each service, the gold share minus the silver
# share with a {glue}`organisations.confidence` Newcombe interval {cite:p}`newcombe_1998`, the
# grey band of the minimum detectable difference at that service's pooled share, and, as an open
# ring, the same difference computed from the Annex 1 counts.

# %% tags=["remove-cell"]
difference_chart = organisation_charts.gold_silver_difference_chart(
    comparison, confidence=confidence
)
glue("fig-gold-silver-difference", difference_chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-gold-silver-difference
# :name: fig-gold-silver-difference
#
# Gold minus silver share of organisations offering each service, from the counts of document 002,
# Tables 3 and 4, over {glue}`organisations.group.gold.size` gold and
# {glue}`organisations.group.silver.size` silver organisations (section 2.4.3). Dots and bars:
# difference and {glue}`organisations.confidence` Newcombe interval; colour: what a Fisher exact
# test supports; grey band: minimum detectable difference at {glue}`organisations.power.level`
# power; open ring: the same difference from the Annex 1 counts.
# ```
#
# The number of intervals in {numref}`fig-gold-silver-difference` that exclude zero is
# {glue}`organisations.tests.intervals_excluding_zero`. Of the
# {glue}`organisations.tests.count` services, {glue}`organisations.tests.significant_raw`
# reach significance in Fisher's exact test {cite:p}`fisher_1935` with the Tables 3-4 counts,
# and {glue}`organisations.tests.significant_holm` after Holm's correction
# {cite:p}`holm_1979`, where chance alone would produce about
# {glue}`organisations.tests.expected_false` false alarms.
# {glue}`organisations.highlights.largest`
#
# - **Access to public funding**: {glue}`organisations.public_funding.gold_share` of gold and
#   {glue}`organisations.public_funding.silver_share` of silver organisations, a difference of
#   {glue}`organisations.public_funding.difference` (interval
#   {glue}`organisations.public_funding.diff_low` to
#   {glue}`organisations.public_funding.diff_high`),
#   {glue}`organisations.public_funding.not_significant`.
#   {glue}`organisations.public_funding.annex_change`
#   {glue}`organisations.public_funding.sole_hit`
#   {glue}`organisations.public_funding.underpowered`
# - **Access to the European internal market**: {glue}`organisations.internal_market.gold_share`
#   of gold and {glue}`organisations.internal_market.silver_share` of silver organisations,
#   {glue}`organisations.internal_market.not_significant`.
#   {glue}`organisations.internal_market.silver_none`
# - **Digital training courses for members**
#   {glue}`organisations.digital_training.silver_ahead`,
#   {glue}`organisations.digital_training.not_significant`.
#
# {numref}`tbl-gold-silver-tests` lists every test, with Holm's adjustment (which controls the
# chance of any false alarm) and the Benjamini-Hochberg q-value {cite:p}`benjamini_hochberg_1995`
# (which controls the share of false alarms among the services called different).

# %% tags=["remove-input"]
show_table(
    gold_silver_services.comparison_table(comparison),
    label="tbl-gold-silver-tests",
    caption="Gold versus silver, service by service: shares of each group, difference in "
    "percentage points with its Newcombe interval in brackets, Fisher exact p-value, "
    "Holm-adjusted p, Benjamini-Hochberg q, and the p-value with the Annex 1 counts. "
    "Computed from document 002, Tables 3-4 and Annex 1.",
    formats=gold_silver_services.COMPARISON_TABLE_FORMATS,
)

# %% [markdown]
# What the data support, then, is a statement about both groups together:
# {glue}`organisations.services.most_in_both`. Whether the gold label goes with a different
# service mix is the question the correction for many tests answers (see the end of this
# chapter); near shares of one half the survey could only have detected gaps of about
# {glue}`organisations.power.mdd_half`. Tables 3-4 and Annex 1 also disagree on
# {glue}`organisations.annex.silver_disagreements` silver counts
# ({glue}`organisations.annex.by_one`), a reminder that the ECCP profiles behind them change
# from month to month.

# %% tags=["remove-cell"]
annex_differs = comparison["difference"] != comparison["annex_difference"]
assert stated["organisations.annex.silver_disagreements"] == int(annex_differs.sum())

# %% [markdown]
# The same counts also give the average number of services per organisation
# ({numref}`tbl-services-per-organisation`): {glue}`organisations.per_org.general_gold_more`,
# while {glue}`organisations.per_org.digital_close`.

# %% tags=["remove-input"]
per_organisation = gold_silver_services.services_per_organisation(survey.services, survey.sizes)
show_table(
    per_organisation,
    label="tbl-services-per-organisation",
    caption="Average number of services per organisation by label, computed from document "
    f"002, Tables 3-4 and Annex 1, over {survey.sizes['gold']} gold and "
    f"{survey.sizes['silver']} silver organisations.",
    formats={column: "{:.1f}" for column in per_organisation.columns[1:]},
)

# %% [markdown]
# ## The ten leading organisations
#
# Table 5 of the report picks the ten organisations with the widest service range.
# {numref}`fig-top10-profiles` draws one profile per organisation: how its members divide into
# large firms, SMEs and research organisations, how many members it has, and how its services
# split into general and digital ones.

# %% tags=["remove-cell"]
leading = leading_organisations.leading_organisations()
stated.update(figures.publish_all(leading.figures))
profiles_chart = organisation_charts.leading_profiles_chart(
    leading.table, leading.composition, leading.order
)
glue("fig-top10-profiles", profiles_chart, display=False)

# %% tags=["remove-cell"]
top10 = leading.table
assert len(top10) == 10
assert (top10["services_general"] + top10["services_digital"] == top10["services_total"]).all()
assert abs(sum(leading.pooled.values()) - 1) < 1e-9

# %% [markdown]
# ```{glue:figure} fig-top10-profiles
# :name: fig-top10-profiles
#
# Profiles of the ten organisations with the most services in document 002, Table 5: member
# mix (large firms, SMEs, research organisations), number of members (log scale) and
# services split into general and digital ones; ordered by size. Country and label as printed.
# ```
#
# The ten come from {glue}`organisations.top10.countries` countries and
# {glue}`organisations.top10.gold` of them hold the gold label.
# {glue}`organisations.top10.order_of_magnitude` {glue}`organisations.top10.largest.name`
# counts {glue}`organisations.top10.largest.members` members,
# {glue}`organisations.top10.smallest.name` {glue}`organisations.top10.smallest.members`, a
# ratio of about {glue}`organisations.top10.size_ratio`.
# {glue}`organisations.top10.sme_majority_everywhere`; pooled over the ten they make up
# {glue}`organisations.top10.sme_share` of members and research organisations
# {glue}`organisations.top10.research_share`. Their service ranges, the criterion of the
# selection, run only from {glue}`organisations.top10.services_min` to
# {glue}`organisations.top10.services_max` services;
# {glue}`organisations.top10.most_digital.name` leans furthest towards digital services
# ({glue}`organisations.top10.most_digital.digital` digital against
# {glue}`organisations.top10.most_digital.general` general).
#
# ## Case studies: how the profiled organisations work
#
# Sections 2.5.1 and 2.5.2 of the report profile {glue}`organisations.cases.count`
# organisations: {glue}`organisations.cases.in_table5` of those in Table 5 and
# {glue}`organisations.cases.beyond_table5` more chosen for their business models. The
# project has digitised each profile into the same set of fields
# ({numref}`tbl-case-studies`), keeping numbers as printed and paraphrasing the rest.

# %% tags=["remove-cell"]
profiles = case_studies.case_profiles()
stated.update(figures.publish_all(profiles.figures))

# %% tags=["remove-input"]
show_table(
    case_studies.case_facts(profiles.cases),
    label="tbl-case-studies",
    caption=f"The {len(profiles.cases)} organisations profiled in document 002, sections "
    "2.5.1-2.5.2, with "
    "the facts the profiles state (members as printed, often qualified by 'about' or 'over'; "
    "– = not stated).",
    formats=case_studies.FACT_FORMATS,
)

# %% [markdown]
# Not every profile covers every topic. {numref}`fig-case-coverage` shows which of the
# digitised dimensions each profile describes, and which funding sources it names.

# %% tags=["remove-cell"]
coverage_chart = organisation_charts.case_coverage_chart(
    profiles.coverage,
    profiles.funding,
    profiles.cases["short_name"].tolist(),
    dimensions=list(case_studies.CASE_DIMENSIONS.values()),
    sources=list(case_studies.FUNDING_PATTERNS),
)
glue("fig-case-coverage", coverage_chart, display=False)

# %% tags=["remove-cell"]
assert len(profiles.coverage) == len(profiles.cases) * len(case_studies.CASE_DIMENSIONS)
assert profiles.named.shape[0] <= len(profiles.cases)

# %% [markdown]
# ```{glue:figure} fig-case-coverage
# :name: fig-case-coverage
#
# Top: which dimensions each of the {glue}`organisations.cases.count` case-study profiles in
# document 002 (sections
# 2.5.1-2.5.2) describes. Bottom: funding sources named in the profile's funding and fee text,
# coded by keyword (`eucluster.documents.case_studies.FUNDING_PATTERNS`); blank rows say nothing
# about money.
# ```
#
# {glue}`organisations.cases.uneven` Governance is described in
# {glue}`organisations.cases.governance_described`, a staff number given in
# {glue}`organisations.cases.staff_described`, and money mentioned in
# {glue}`organisations.cases.funding_described` of the {glue}`organisations.cases.count`.
# Within those, {glue}`organisations.cases.fees_named` name membership fees,
# {glue}`organisations.cases.public_named` public money, and
# {glue}`organisations.cases.mixed` combine at least two sources: among the profiles that
# speak of money, {glue}`organisations.cases.mixed_fee_model`. Two profiles tell the same
# story of moving away from public funding: the Construction Cluster of Slovenia lost its
# ministry subsidies soon after its founding and lived on EU research projects, and Health Valley
# shifted its public-private split towards private money while replacing a flat fee with one
# scaled by organisation size.
#
# The funding and fee descriptions, as the project paraphrased them from the profiles
# (document 002, sections 2.5.1-2.5.2; amounts as printed):

# %% tags=["remove-input"]
Markdown(case_studies.funding_descriptions(profiles.cases))

# %% [markdown]
# The cases also differ in their fees ({numref}`fig-case-fees`). The
# {glue}`organisations.fees.profiles_with_amounts` profiles that print amounts run from a flat
# rate for startups to a schedule that rises with the member's number of employees.

# %% tags=["remove-cell"]
fees = membership_fees.membership_fees()
stated.update(figures.publish_all(fees.figures))
glue("fig-case-fees", organisation_charts.membership_fee_chart(fees.fees), display=False)

# %% tags=["remove-cell"]
assert (fees.fees["fee_eur"] > 0).all()
assert not fees.fees["short_name"].isna().any()

# %% [markdown]
# ```{glue:figure} fig-case-fees
# :name: fig-case-fees
#
# Yearly membership fees printed in document 002 (section 2.5.1 and its Figure 11), in euro.
# Bron Innovation's and Cap Digital's euro amounts and one DigitalLead band are printed; the
# other DigitalLead bands are converted at the rate the report prints (EUR 1 = DKK
# {glue}`organisations.fees.dkk_per_eur`). Cap Digital's amount is only its lowest fee.
# ```
#
# Bron Innovation asks {glue}`organisations.fees.bron.startup` euro a year of a startup and
# {glue}`organisations.fees.bron.established` of an established member; DigitalLead's firm rates
# run from about {glue}`organisations.fees.digitallead.min` to
# {glue}`organisations.fees.digitallead.max` euro, a factor of
# {glue}`organisations.fees.digitallead.ratio`, with separate rates for universities and public
# bodies. {glue}`organisations.cases.size_scaled_fees`: large members that use the
# cluster most paying for smaller ones, and Health Valley reports that moving to them raised
# engagement rather than losing partners. What the profiles do not allow is a comparison of
# performance: results are reported in {glue}`organisations.cases.results_described` of the
# {glue}`organisations.cases.count`, each in its own terms (projects labelled, events held, export
# shares), with no common indicator.
#
# ## Membership: who belongs to a cluster organisation
#
# The report also summarises the members of all cluster organisations profiled on the
# European Cluster Collaboration Platform ({numref}`fig-membership`).

# %% tags=["remove-cell"]
gold_size = survey.sizes["gold"]
members = cluster_membership.cluster_membership(leading.pooled, gold_size=gold_size)
stated.update(figures.publish_all(members.figures))
membership_chart = organisation_charts.membership_chart(
    members.mix,
    members.size_classes,
    members.gold_large,
    gold_size=gold_size,
    unstated_class=cluster_membership.UNSTATED_SIZE_CLASS,
)
glue("fig-membership", membership_chart, display=False)

# %% tags=["remove-cell"]
member_shares = list(cluster_membership.MEMBER_TYPE_STATISTICS.values())
assert members.statistics[member_shares].sum() == 100
assert members.gold_large["organisations"].sum() == gold_size
assert members.size_classes["share"].between(0, 100).all()

# %% [markdown]
# ```{glue:figure} fig-membership
# :name: fig-membership
#
# Top: member mix of all ECCP-profiled cluster organisations (document 002, section 2.3.3)
# and of the ten organisations of Table 5, pooled. Bottom left: size classes of ECCP
# cluster organisations (section 2.3.3; the report does not state the 201-400 class, shown
# pale with an asterisk as the remainder). Bottom right: number of large member firms in
# the {glue}`organisations.group.gold.size` gold-labelled organisations (section 2.4.3).
# ```
#
# The average ECCP cluster organisation has about
# {glue}`organisations.membership.eccp_members_average` members;
# {glue}`organisations.membership.eccp_size_lt100_share` % have fewer than a hundred and only
# {glue}`organisations.membership.eccp_size_gt400_share` % more than four hundred, while the
# report leaves {glue}`organisations.membership.size_unstated` % unaccounted for (the 201-400
# class). Members are SMEs ({glue}`organisations.membership.eccp_members_sme_share` %), large
# firms ({glue}`organisations.membership.eccp_members_large_share` %) and research
# organisations ({glue}`organisations.membership.eccp_members_research_share` %);
# {glue}`organisations.membership.exec_contradicts`.
# {glue}`organisations.membership.small_teams_most`
# {glue}`organisations.membership.leading_like_average`. Of the gold group the report says
# more: {glue}`organisations.gold.all_with_large_firms`, and
# {glue}`organisations.gold.large50_share` of them count fifty or more.
#
# ## What this chapter can and cannot say
#
# The label comparison is a test of what a survey of {glue}`organisations.group.labelled`
# gold and silver organisations can show. {glue}`organisations.label.verdict`
# {glue}`organisations.label.month_matters` The case studies are richer but not comparable:
# among those that speak of money, {glue}`organisations.cases.mixed_fee_model`, and
# {glue}`organisations.cases.size_scaled_rule`; but they report results in ways that cannot
# be lined up. The {doc}`recommendations` chapter takes these findings to the
# documents' advice on cluster management and funding.
