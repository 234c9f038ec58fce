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
# # Weak or small? The node gaps under size adjustment and country resampling
#
# Is the gap in specialisation nodes between weak and non-weak regions, the ECCP paper's
# Table 1, a gap between small and large regions, and does it hold when countries rather than
# regions are the independent units? For industry-relevant nodes,
# {glue}`nodes.size_adjusted.industry_relevant.adjustment_effect`, and within countries
# {glue}`nodes.size_adjusted.industry_relevant.fixed_effects_interval`; with countries
# resampled, {glue}`nodes.country_bootstrap.industry_relevant.country_interval`.

# %% tags=["parameters"]
lq_threshold = 1.5
regional_share = 0.01
industry_share = 0.01
model = "poisson"
weak_list = "2026"
seed = 2021
n_bootstrap = 2000

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.key_figures import KeyFigures
from eucluster.measures import node_tables
from eucluster.models import country_bootstrap, node_counts, node_gap_resampling
from eucluster.models import node_gap_findings as findings
from eucluster.report import charts, node_gap_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("node_gaps")

# %% tags=["remove-cell"]
model = node_counts.count_model(model)
chosen = node_tables.NodeParameters(
    lq_threshold=lq_threshold,
    regional_share=regional_share,
    industry_share=industry_share,
    seed=seed,
    n_bootstrap=n_bootstrap,
)
gaps = country_bootstrap.prepare(chosen, weak_list)
figures.publish_all(findings.setting(gaps.frame, gaps.weights, chosen, weak_list))

# %% [markdown]
# ## Two objections to Table 1
#
# The chapter on {doc}`nodes` recomputes the paper's Table 1 {cite:p}`franco_wilson_2021`
# from Eurostat employment and compares the mean node counts of weak and non-weak regions.
# This chapter takes the same NUTS 2 regions and nodes, with the weak labels of
# {glue}`nodes.size_adjusted.weak_list`: {glue}`nodes.size_adjusted.regions` regions have a
# label, {glue}`nodes.size_adjusted.weak_regions` of them weak. A referee would raise two
# objections to the comparison.
#
# The first is size. An *industry-relevant* node requires the region to hold more than a
# fixed share of the sector's European employment, which a large region passes more easily
# than a small one in any sector where it is specialised. If weak regions are smaller, they
# will have fewer such nodes whether or not their economies are weaker. In these data
# {glue}`nodes.size_adjusted.weak_smaller`: the median weak region employs
# {glue}`nodes.size_adjusted.weak_median_employment` thousand persons in the divisions
# covered, the median non-weak one {glue}`nodes.size_adjusted.non_weak_median_employment`
# thousand. A *regional-relevant* node is judged against the region's own employment, so
# size should matter less for it.
#
# The second is independence. The group tests of the nodes chapter resample regions as if
# each were drawn on its own. But weak regions sit in a few countries (the
# {glue}`nodes.size_adjusted.weak_regions` weak regions belong to
# {glue}`nodes.country_bootstrap.weak_countries` of the
# {glue}`nodes.country_bootstrap.countries` countries), and regions of one country share
# their institutions, their statistical office and much of their economic history. Treating
# them as independent overstates how much information the data hold.

# %% [markdown]
# ## Size-adjusted rate ratios
#
# A count model answers the first objection. It models the expected number of nodes of a
# region as the exponential of a linear index in the weak dummy and, in a second step, the
# logarithm of the region's employment. The exponentiated weak coefficient is the
# *incidence-rate ratio*: the factor by which a weak region's expected node count differs
# from that of a non-weak region, or, with size in the model, from that of a non-weak region
# of the same size. Without the size term the ratio is just the ratio of the two group
# means.
#
# This run's model is the {glue}`nodes.size_adjusted.model` one, with the
# {glue}`nodes.size_adjusted.other_model` model as a check. Poisson estimation is a
# quasi-likelihood method: the rate ratio is consistent when the mean is right, whatever the
# dispersion of the counts, and the standard errors are clustered by country, which makes
# them robust both to overdispersion and to correlation among the regions of one country.
# The negative binomial model (NB2) models overdispersion directly; a likelihood-ratio test of
# its dispersion parameter against zero (on the edge of the parameter space, hence half the
# chi-square tail) says which model the data prefer. For the size-adjusted models,
# {glue}`nodes.size_adjusted.industry_relevant.dispersion` (dispersion
# {glue}`nodes.size_adjusted.industry_relevant.negbin_alpha`, p =
# {glue}`nodes.size_adjusted.industry_relevant.overdispersion_p`), while
# {glue}`nodes.size_adjusted.regional_relevant.dispersion` (p =
# {glue}`nodes.size_adjusted.regional_relevant.overdispersion_p`).
# Each ratio also gets a second interval from the country-block bootstrap described below,
# which refits the model on each draw of countries.

# %% tags=["remove-cell"]
size = findings.size_adjusted(gaps.frame, gaps.weights, model=model)
figures.publish_all(size.figures)
figures.publish_all(findings.overdispersion_section(gaps.frame).figures)
assert (size.table["Rate ratio, weak"] > 0).all()

# %% tags=["remove-input"]
show_table(
    size.table,
    label="tbl-node-gaps-irr",
    caption="Incidence-rate ratios of weak against non-weak regions for both node kinds: "
    "unadjusted, adjusted for log employment, and adjusted with country fixed effects, "
    "with 95 % intervals from country-clustered standard errors and from the country-block "
    "bootstrap. Source: Eurostat sbs_r_nuts06_r2; own computation.",
    formats={"Rate ratio, weak": "{:.2f}"},
)

# %% [markdown]
# {numref}`tbl-node-gaps-irr` holds the answer. Without the size term,
# {glue}`nodes.size_adjusted.industry_relevant.unadjusted_side`, and
# {glue}`nodes.size_adjusted.industry_relevant.unadjusted_interval`. Once size enters,
# {glue}`nodes.size_adjusted.industry_relevant.adjusted_side`;
# {glue}`nodes.size_adjusted.industry_relevant.adjusted_interval`, and
# {glue}`nodes.size_adjusted.industry_relevant.adjusted_boot_interval`. The coefficient on
# log employment is {glue}`nodes.size_adjusted.industry_relevant.size_elasticity` (the
# per cent change in expected nodes for one per cent more employment), and
# {glue}`nodes.size_adjusted.industry_relevant.adjustment_effect`; as a check,
# {glue}`nodes.size_adjusted.industry_relevant.models_agree`.
#
# For regional-relevant nodes the coefficient on log employment is
# {glue}`nodes.size_adjusted.regional_relevant.size_elasticity`;
# {glue}`nodes.size_adjusted.regional_relevant.unadjusted_side`, and
# {glue}`nodes.size_adjusted.regional_relevant.adjusted_side`;
# {glue}`nodes.size_adjusted.regional_relevant.adjusted_interval`. Here
# {glue}`nodes.size_adjusted.regional_relevant.adjustment_effect`, and
# {glue}`nodes.size_adjusted.regional_relevant.models_agree`.
#
# ### Within countries
#
# Country fixed effects compare weak and non-weak regions of the same country only. They
# remove whatever a country's regions share (national statistics, industrial history,
# sector mix), at a price: a country with a single region has a dummy that fits that region
# exactly, so the {glue}`nodes.size_adjusted.fixed_effects.single_region_countries`
# single-region countries ({glue}`nodes.size_adjusted.fixed_effects.single_region_names`)
# drop out; {glue}`nodes.size_adjusted.fixed_effects.zero_count_note`. Of the
# {glue}`nodes.size_adjusted.fixed_effects.countries` countries left, only the
# {glue}`nodes.size_adjusted.fixed_effects.mixed_countries` that have both weak and
# non-weak regions say anything about the weak label; the others only help to estimate the
# size term. Within countries,
# {glue}`nodes.size_adjusted.industry_relevant.fixed_effects_interval` for industry-relevant
# nodes (rate ratio {glue}`nodes.size_adjusted.industry_relevant.fixed_effects_irr`), and
# {glue}`nodes.size_adjusted.regional_relevant.fixed_effects_interval` for regional-relevant
# nodes (rate ratio {glue}`nodes.size_adjusted.regional_relevant.fixed_effects_irr`).

# %% [markdown]
# ### Traded divisions only
#
# Some divisions follow where people live rather than where an industry concentrates:
# retail, food service, construction, personal services. A node in them is not a cluster in
# any sense of the cluster literature, yet it counts in Table 1. The chapter on
# {doc}`regression` classifies the divisions as traded or local by how unevenly their
# employment is spread within each country (a locational Gini); counting only nodes in the
# {glue}`nodes.size_adjusted.traded.divisions` traded divisions (the node rule itself still
# sees every division) gives {numref}`tbl-node-gaps-traded`. For industry-relevant nodes,
# {glue}`nodes.size_adjusted.traded.industry_relevant.same_reading` as all divisions; for
# regional-relevant nodes, {glue}`nodes.size_adjusted.traded.regional_relevant.same_reading`.

# %% tags=["remove-input"]
traded = findings.traded_section(gaps.traded_frame, gaps.traded_divisions, size, model=model)
figures.publish_all(traded.figures)
show_table(
    traded.table,
    label="tbl-node-gaps-traded",
    caption="Incidence-rate ratios of weak regions with all nodes and with nodes in traded "
    "divisions only; 95 % intervals with country-clustered standard errors. Source: Eurostat "
    "sbs_r_nuts06_r2; own computation.",
    formats={"Rate ratio, all divisions": "{:.2f}", "Rate ratio, traded only": "{:.2f}"},
)

# %% [markdown]
# ## Countries as the units
#
# The second objection asks for an interval that treats countries as the independent units.
# The country-block bootstrap draws {glue}`nodes.country_bootstrap.countries` countries with
# replacement, keeps all regions of every country drawn (a country drawn twice counts
# twice), and recomputes the weak minus non-weak gap of Table 1 on the draw;
# {glue}`nodes.country_bootstrap.n_bootstrap` draws with seed
# {glue}`nodes.country_bootstrap.seed` give a percentile interval. A draw made only of
# countries without weak regions, or only of countries without non-weak ones, has no gap:
# such draws are left out and counted, and here {glue}`nodes.country_bootstrap.no_empty_draws`.
# The analytic counterpart is a least-squares regression of the count on the weak dummy with
# country-clustered standard errors. {numref}`fig-node-gaps-intervals` sets both beside the
# region-level bootstrap interval of the nodes chapter.

# %% tags=["remove-cell"]
resampled = node_gap_resampling.country_resampling(gaps.frame, gaps.weights, gaps.region_tests)
figures.publish_all(resampled.figures)
glue("fig-node-gaps-intervals", node_gap_charts.gap_intervals(resampled.table), display=False)
assert resampled.table["low"].le(resampled.table["gap"]).all()
assert resampled.table["high"].ge(resampled.table["gap"]).all()

# %% [markdown]
# ```{glue:figure} fig-node-gaps-intervals
# :name: fig-node-gaps-intervals
#
# Weak minus non-weak mean number of nodes per region, with three 95 % intervals: regions
# resampled within each group (the nodes chapter's bootstrap), countries resampled with all
# their regions (block bootstrap), and country-clustered standard errors. Source: Eurostat
# sbs_r_nuts06_r2; own computation.
# ```

# %% [markdown]
# For industry-relevant nodes the gap is
# {glue}`nodes.country_bootstrap.industry_relevant.gap` nodes per region;
# {glue}`nodes.country_bootstrap.industry_relevant.wider`, and
# {glue}`nodes.country_bootstrap.industry_relevant.country_interval`. Beside the
# region-level interval ({glue}`nodes.country_bootstrap.industry_relevant.region_low` to
# {glue}`nodes.country_bootstrap.industry_relevant.region_high`),
# {glue}`nodes.country_bootstrap.industry_relevant.same_reading`.
#
# For regional-relevant nodes the gap is
# {glue}`nodes.country_bootstrap.regional_relevant.gap`;
# {glue}`nodes.country_bootstrap.regional_relevant.wider`, and
# {glue}`nodes.country_bootstrap.regional_relevant.country_interval`; beside the region-level
# interval ({glue}`nodes.country_bootstrap.regional_relevant.region_low` to
# {glue}`nodes.country_bootstrap.regional_relevant.region_high`),
# {glue}`nodes.country_bootstrap.regional_relevant.same_reading`. The clustered intervals
# take the country as the unit too: from
# {glue}`nodes.country_bootstrap.industry_relevant.clustered_low` to
# {glue}`nodes.country_bootstrap.industry_relevant.clustered_high` for industry-relevant and
# from {glue}`nodes.country_bootstrap.regional_relevant.clustered_low` to
# {glue}`nodes.country_bootstrap.regional_relevant.clustered_high` for regional-relevant
# nodes.

# %% tags=["remove-cell"]
figures.publish_all(node_gap_resampling.verdicts(size, resampled))

# %% [markdown]
# ## What survives
#
# The paper reads its Table 1 as evidence that weak regions have fewer industry-relevant
# nodes. Four comparisons test that reading here, each answering one objection: the raw
# rate ratio, the ratio with size in the model, the ratio within countries and the gap with
# countries resampled. For industry-relevant nodes,
# {glue}`nodes.node_gaps.industry_relevant.verdict`. For regional-relevant nodes,
# {glue}`nodes.node_gaps.regional_relevant.verdict`. A difference that shows across all
# regions but not within countries is a difference between countries: it may reflect
# national statistics, institutions or industrial history as much as the regions' own
# weakness, and a policy that targets weak regions inside a country cannot read it as
# evidence about them.
