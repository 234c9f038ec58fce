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
# # Cluster strength and regional prosperity
#
# Are regions with strong clusters more prosperous, as the ECCP paper argues on the strength of
# {cite:t}`ketels_protsiv_2020`, and does strength come before prosperity? Measured by the
# {glue}`regression.strength.measure_name` over {glue}`regression.strength.scope_name`,
# across Europe {glue}`regression.pooled.strength.includes_zero`; within countries and with
# controls measured no later than strength, {glue}`regression.main.strength.includes_zero`, and
# {glue}`regression.designs.none_positive` when changes over time are used instead of levels.

# %% tags=["parameters"]
strength_measure = "node_share"  # or node_count, star_share, benchmark_share
scope = "traded"  # divisions counted: traded (default) or all
lq_threshold = 1.5  # ECCP node rule: LQ above 1.5
share_threshold = 0.01  # ECCP node rule: above 1 % of regional (or sector) jobs
star_lq = 2.0  # Cluster Observatory specialisation star: LQ at least 2
benchmark_quantile = 0.75  # US Cluster Mapping: LQ at or above its 75th percentile
strength_years = [2008, 2009, 2010]  # SBS years averaged for strength
sample = "eu27"  # or no_capitals, weak
seed = 0  # permutations of Moran's I and bootstrap draws
k_neighbours = 5  # spatial weights: nearest region centroids
suppressed = "bound"  # confidential SBS cells: bound or exclude

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.key_figures import KeyFigures
from eucluster.measures import strength
from eucluster.measures.traded import classify_divisions
from eucluster.models import designs, estimation, evidence, prosperity, regression_data, spatial
from eucluster.report import charts, design_charts, regression_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("regression")

# %% tags=["remove-cell"]
settings = dict(lq_threshold=lq_threshold, share_threshold=share_threshold, star_lq=star_lq)
settings.update(benchmark_quantile=benchmark_quantile, suppressed=suppressed, scope=scope)
regression_data.validate_parameters(
    strength_measure=strength_measure,
    strength_years=strength_years,
    sample=sample,
    seed=seed,
    k_neighbours=k_neighbours,
    **settings,
)

# %% tags=["remove-cell"]
full, choices = regression_data.analysis_frame(strength_years=tuple(strength_years), **settings)
frame = regression_data.select_sample(full, sample)
models = prosperity.estimate(frame, strength_measure, regression_data.BASE_CONTROLS)
fits, main = models.fits, models.main
classification = classify_divisions(suppressed=suppressed)
figures.publish_all(classification.figures)

# %% tags=["remove-cell"]
assert frame.index.is_unique and frame["country"].nunique() > 10
assert full[list(strength.MEASURES)].drop(columns="node_count").stack().between(0, 1).all()
assert main.nobs == len(main.data) and main.n_clusters == main.data["country"].nunique()
assert choices["outcome_year"] >= 2021, "GDP data should reach at least 2021"

# %% tags=["remove-cell"]
figures.publish_all(regression_data.sample_figures(full, frame, choices, strength_measure))
figures.publish_all(models.figures)

# %% [markdown]
# ## What counts as a cluster
#
# A cluster in the sense of {cite:t}`delgado_porter_stern_2014` is a group of *traded*
# industries, which sell beyond their region and so gather where they have an advantage.
# Shops, restaurants and builders serve the people where they live; a region with many of
# them is large or rich, not specialised. Strength here therefore counts only the
# {glue}`regression.traded.count` traded divisions of the business economy by default
# ({glue}`regression.traded.employment_share` % of its employment): a division is traded when
# its locational Gini within countries exceeds {glue}`regression.traded.gini_threshold`, where
# an activity that followed population exactly would have
# {glue}`regression.traded.population_gini`. By that rule
# {glue}`regression.traded.expected_local`. The U.S. Cluster Mapping Project's own
# local/traded split, carried over to NACE divisions, agrees on
# {glue}`regression.traded.agreement` of the {glue}`regression.traded.compared` divisions both
# classify; {numref}`tbl-regression-divisions` lists the local divisions and those where the
# two disagree. The parameter `scope` switches to all divisions.
#
# Four measures of strength are computed on that matrix of 2-digit divisions; the main model
# uses the {glue}`regression.strength.measure_name`:
#
# * **node employment share**: the share of a region's employment in the ECCP's
#   regional-relevant specialisation nodes ({glue}`regression.rule.node_published`)
#   {cite:p}`franco_wilson_2021`;
# * **node count**, the number of such nodes, as the ECCP paper counts them;
# * **star share**: employment in cells with at least two of the European Cluster Observatory's
#   three stars (size and focus in the top 10 % of their sector,
#   {glue}`regression.rule.star_published`) {cite:p}`ketels_solvell_2006`;
# * **benchmark share**: employment in cells that the U.S. Cluster Mapping Project would call
#   strong ({glue}`regression.rule.benchmark_published`, and at least 1, employment above the
#   sector's 25th percentile) {cite:p}`delgado_porter_stern_2014`.
#
# These rules were written for clusters of related 4-digit industries; on 2-digit divisions
# they are approximations. Each measure is standardised by its spread across regions in the
# first strength years (for the {glue}`regression.strength.measure_name`,
# {glue}`regression.strength.sd`), and every design below uses that same unit.

# %% tags=["remove-input"]
show_table(
    evidence.division_table(classification.table),
    label="tbl-regression-divisions",
    caption="NACE divisions that the data rule classifies as local, or on which it and the "
    "U.S. Cluster Mapping Project disagree. Gini: locational Gini within countries, SBS persons "
    "employed 2008-2010. CMP local share: share of the division's NAICS industries in CMP "
    "local clusters. Sources: Eurostat sbs_r_nuts06_r2; US Cluster Mapping Project.",
    formats={"Gini": "{:.2f}", "CMP local share": "{:.2f}"},
)

# %% [markdown]
# ## Data and samples
#
# The outcome is the logarithm of GDP per head in purchasing power standards
# {cite:p}`eurostat_nama_10r_2gdp`, published for the 2021 regions from 2000 to
# {glue}`regression.outcome.year`. Employment by NACE division comes from the regional
# structural business statistics for 2008-2015 {cite:p}`eurostat_sbs_r_nuts06_r2`, coded in
# the NUTS version of each year and converted to the 2021 regions with the JRC cross-walk.
# The file is not complete: Croatia's {glue}`regression.coverage.croatia_regions` regions enter
# only in {glue}`regression.coverage.croatia_first_year`, and France's
# {glue}`regression.coverage.france_regions` regions are missing in
# {glue}`regression.coverage.france_missing_years`. The cross-section averages
# {glue}`regression.strength.first_year`-{glue}`regression.strength.last_year`
# ({glue}`regression.strength.crisis_years`; {glue}`regression.strength.france_late`), has
# {glue}`regression.sample.regions` regions in {glue}`regression.sample.countries` countries,
# {glue}`regression.sample.weak` of them structurally weak, and measures the outcome
# {glue}`regression.strength.lead_years` years later.
#
# A control measured after strength can be a channel through which strength works, and
# controlling for it would hide part of what is asked. The main model's controls are therefore
# {glue}`regression.main.controls`. The 2010 Regional Competitiveness Index enters only as a
# separate check, because it is built partly from what prosperity itself brings.
# {numref}`tbl-regression-samples` counts what each design uses and why it leaves regions out.

# %% tags=["remove-cell"]
annual = regression_data.annual_strength(**settings)
shapes = regression_data.load("gisco_nuts2021_l2").set_index("geo")
found = evidence.gather(
    main, annual, regression_data.gdp_per_head("pps"), shapes,
    strength_measure=strength_measure, scale=full[strength_measure].std(),
    controls=regression_data.BASE_CONTROLS, sample=sample, k=k_neighbours, seed=seed,
)  # fmt: skip
figures.publish_all(found.figures)

# %% tags=["remove-cell"]
for estimate in [*found.designs.largest.values(), *found.designs.common.values()]:
    assert estimate.wild_low < estimate.coef < estimate.wild_high
    assert (estimate.wild_low <= 0 <= estimate.wild_high) == (estimate.wild_p >= 0.05)

# %% tags=["remove-input"]
show_table(
    found.sample_table(),
    label="tbl-regression-samples",
    caption="Regions each design uses, of the regions with GDP per head and strength in some "
    "SBS year; regions without the design's data, and regions alone in a fixed effect "
    "(a single-region country, a region with one year), which the effect fits exactly.",
)

# %% [markdown]
# ## Four designs
#
# A region's prosperity and its industrial structure both change slowly, so a cross-section
# of levels cannot tell whether strong clusters made regions rich or rich regions attracted
# strong clusters. Each design answers a narrower question:
#
# * **cross-section**: are regions with stronger clusters in
#   {glue}`regression.strength.first_year`-{glue}`regression.strength.last_year` more
#   prosperous in {glue}`regression.outcome.year` than others in their country with similar
#   skills, density, patenting and sector mix?
# * **panel**: is a region richer in a year after its strength rose, relative to its own
#   average and to the other regions of its country that year (region and country-by-year
#   fixed effects, strength lagged one year)? It removes everything permanent about a region,
#   but leaves only eight years of slow change to identify anything;
# * **long difference**: did regions whose strength rose between 2008-2010 and 2013-2015 gain
#   in GDP per head over the same spans a year later?
# * **growth**: conditional on its starting level, did a region with stronger clusters grow
#   faster in 2015-2023, or in 2008-2023?
#
# Every estimate has standard errors clustered by country; with
# {glue}`regression.main.clusters` countries, several of them a single region, their p-values
# come from the wild cluster bootstrap {cite:p}`roodman_2019`
# ({glue}`regression.wild.reps` draws, Webb weights, null imposed). Their 95 % intervals
# invert the same test: they hold every value of the coefficient that the bootstrap, with
# that value imposed as the null, does not reject at the 5 % level, so the interval and the
# p-value always agree on whether an estimate is clear. {numref}`tbl-regression-designs`
# shows each design on its largest sample and on the {glue}`regression.common.regions`
# regions all of them can use.

# %% tags=["remove-input"]
show_table(
    found.design_table(),
    label="tbl-regression-designs",
    caption="Standardised strength: coefficient (SE clustered by country), wild cluster bootstrap "
    "p-value and 95 % interval. Largest: each design on all regions it can use; common: the "
    "regions every design uses (single-region countries drop out under country effects). Cross-"
    "section: log GDP per head on strength and early controls, country FE. Panel: the same on "
    "lagged annual strength, region and country-by-year FE. Long difference: the change of one on "
    "the change of the other. Growth: log growth on initial strength and log GDP per head, "
    "country FE. Sources: Eurostat nama_10r_2gdp, sbs_r_nuts06_r2.",
    widths=designs.TABLE_WIDTHS,
)

# %% [markdown]
# In levels, within countries, the coefficient is {glue}`regression.main.strength.coef`
# (wild bootstrap p-value {glue}`regression.main.strength.wild_p`). The panel coefficient
# {glue}`regression.panel.strength.unclear`, on {glue}`regression.panel.observations`
# region-years (standard error {glue}`regression.panel.strength.se`); it rests on eight years
# of change within regions, a short span for a slow-moving structure. The long difference
# {glue}`regression.long_difference.strength.unclear`. The growth coefficient for 2015-2023,
# conditional on the starting level, {glue}`regression.growth.strength.unclear`, and for
# 2008-2023 it {glue}`regression.growth_long.strength.unclear`. The common sample
# {glue}`regression.common.some_answer_changes`.

# %% tags=["remove-cell", "chart"]
design_chart = design_charts.interval_chart(
    designs.design_coefficients(found.designs),
    x_title="Coefficient of cluster strength (1 SD), 95 % interval",
)
glue("fig-regression-designs", design_chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-regression-designs
# :name: fig-regression-designs
#
# The coefficient of standardised cluster strength in each design, on its largest and on the
# common sample, with two 95 % intervals: from the country-clustered standard error (normal
# reference distribution) and from the wild cluster bootstrap. Sources: Eurostat
# nama_10r_2gdp and sbs_r_nuts06_r2.
# ```
#
# ## The cross-section in detail
#
# {numref}`tbl-regression-main` builds the cross-section up. Without controls, regions with a
# larger {glue}`regression.strength.measure_name` are
# {glue}`regression.pooled.strength.positive` prosperous on average (coefficient
# {glue}`regression.pooled.strength.coef`, standard error
# {glue}`regression.pooled.strength.se`, {glue}`regression.pooled.nobs` regions). Controls
# {glue}`regression.controls.strength.shrinks` {glue}`regression.controls.strength.coef`
# ({glue}`regression.controls.strength.se`). Within countries (column 3, the main model) it is
# {glue}`regression.main.strength.coef` with a clustered standard error of
# {glue}`regression.main.strength.se` on {glue}`regression.main.nobs` regions: a 95 %
# interval from {glue}`regression.main.strength.low_pct` % to
# {glue}`regression.main.strength.high_pct` % of GDP per head per standard deviation,
# {glue}`regression.main.strength.small`.
# {glue}`regression.interaction.no_difference`

# %% tags=["remove-input"]
show_table(
    prosperity.results_table(models, prosperity.MAIN_TABLE, seed=seed),
    label="tbl-regression-main",
    caption="Log GDP per head (PPS) in the latest full year on standardised cluster strength "
    "in the early years. Coefficients with standard errors in brackets; *** p < 0.01, "
    "** p < 0.05, * p < 0.1. HC3: heteroskedasticity-robust; clustered: by country "
    "(number of countries), with the wild cluster bootstrap p-value and 95 % interval of "
    "strength. Sources: "
    "Eurostat nama_10r_2gdp, sbs_r_nuts06_r2, lfst_r_lfe2eedu, tgs00096, pat_ep_rtot; GISCO.",
)

# %% [markdown]
# {numref}`tbl-regression-checks` changes the sample, the controls and the outcome. The
# {glue}`regression.rci.lost` regions without the 2010 competitiveness index include
# {glue}`regression.rci.lost_capitals`. On the regions that have it, the main model
# {glue}`regression.rci_sample.same_answer` ({glue}`regression.rci_sample.strength.coef`);
# adding the index {glue}`regression.rci.keeps_sign`. The five-year average outcome
# {glue}`regression.average.same_answer` ({glue}`regression.average.strength.coef`, standard
# error {glue}`regression.average.strength.se`).

# %% tags=["remove-input"]
show_table(
    prosperity.results_table(models, prosperity.CHECKS_TABLE, seed=seed),
    label="tbl-regression-checks",
    caption="The main model (1), the same on the regions with the 2010 Regional "
    "Competitiveness Index (2), with the index (3), and with the mean of log GDP per head "
    "over the last five years as outcome (4). Country fixed effects, standard errors "
    "clustered by country. Sources as in the previous table; DG REGIO RCI.",
)

# %% tags=["remove-cell", "chart"]
partial = estimation.partial_regression(main, "strength").join(frame[["capital"]])
partial_chart = regression_charts.flagged_scatter(
    partial,
    x="x_resid",
    y="y_resid",
    flag="capital",
    x_title="Cluster strength, net of controls and country",
    y_title="Log GDP per head, net of controls and country",
    fit_line=True,
)
glue("fig-regression-partial", partial_chart, display=False)

# %% [markdown]
# {numref}`fig-regression-partial` shows the main estimate as a picture: both prosperity and
# strength are purged of the controls and the country means, and the slope of the line is the
# main coefficient; capital regions are labelled.
#
# ```{glue:figure} fig-regression-partial
# :name: fig-regression-partial
#
# Added-variable plot of the main model: residuals of log GDP per head and of cluster
# strength after the controls and country fixed effects; capital regions in orange. Sources:
# Eurostat nama_10r_2gdp and sbs_r_nuts06_r2.
# ```

# %% tags=["remove-cell"]
influence = prosperity.influence_summary(main, frame["capital"])
figures.publish_all(influence.figures)
glue("fig-regression-residuals", regression_charts.residual_panels(influence.table), display=False)
dependence = spatial.residual_dependence(main, shapes, k=k_neighbours, seed=seed)
figures.publish_all(dependence.figures)

# %% [markdown]
# ## Inference
#
# Clustered standard errors with few clusters are too small, and neighbouring regions share
# labour markets across the borders that country clusters draw. The wild cluster bootstrap
# {glue}`regression.main.wild_same_answer` (p-value {glue}`regression.main.strength.wild_p`
# against {glue}`regression.main.strength.pvalue`); its 95 % interval, from
# {glue}`regression.main.strength.wild_low` to {glue}`regression.main.strength.wild_high` log
# points per standard deviation, is {glue}`regression.main.wild_wider`. Spatial-HAC
# standard errors {cite:p}`conley_1999`, which let the errors of regions closer than a
# bandwidth be correlated, are {glue}`regression.main.strength.conley_se` with
# {glue}`regression.conley.narrow_km` km and {glue}`regression.main.strength.conley_se_wide`
# with {glue}`regression.conley.wide_km` km: {glue}`regression.main.conley_same_answer`.
# With each region linked to its {glue}`regression.moran.k` nearest neighbours, Moran's I of
# the residuals is {glue}`regression.moran.i` (permutation p-value
# {glue}`regression.moran.pvalue`): {glue}`regression.moran.not_clustered`. The Lagrange
# multiplier tests {cite:p}`anselin_1996` in {numref}`tbl-regression-lm`
# {glue}`regression.lm.none_reject`, and their robust forms
# {glue}`regression.lm.lag_over_error`, {glue}`regression.lm.robust_undecided`.

# %% tags=["remove-input"]
show_table(
    dependence.lm.frame(),
    label="tbl-regression-lm",
    caption="Lagrange multiplier tests for spatial dependence in the main model "
    "(chi-squared, 1 degree of freedom; spreg), k-nearest-neighbour weights on GISCO NUTS "
    "2021 centroids.",
    formats={"statistic": "{:.2f}", "pvalue": "{:.3f}"},
)

# %% [markdown]
# Single regions can carry a cross-section. The region whose omission moves the strength
# coefficient most (largest DFBETA) is {glue}`regression.influence.dfbeta_region`; without it
# the coefficient is {glue}`regression.influential.strength.coef`
# ({glue}`regression.influential.strength.se`), which {glue}`regression.influential.same_answer`.
# Leaving out one region at a time, the coefficient stays between
# {glue}`regression.influence.dropped_min` and {glue}`regression.influence.dropped_max`:
# {glue}`regression.influence.no_single_region`. The {glue}`regression.sample.apportioned`
# regions whose early employment had to be shared out by population, because a later NUTS
# revision split their region, {glue}`regression.unsplit.same_conclusion` (without them
# {glue}`regression.unsplit.strength.coef`, standard error
# {glue}`regression.unsplit.strength.se`, {glue}`regression.unsplit.nobs` regions).
# {numref}`fig-regression-residuals` plots the residuals without the
# {glue}`regression.influence.absorbed` regions alone in their country:
# {glue}`regression.influence.capitals_above`, and the largest Cook's distance is
# {glue}`regression.influence.max_cooks_region`'s.
#
# ```{glue:figure} fig-regression-residuals
# :name: fig-regression-residuals
#
# Residuals of the main model against fitted values (top) and studentised residuals against
# leverage (bottom); capital regions in orange and labelled. Sources: Eurostat.
# ```
#
# ## Spillovers
#
# Strong clusters next door may matter as much as one's own: commuters, suppliers and
# knowledge cross regional borders. Adding the mean strength of each region's
# {glue}`regression.moran.k` nearest neighbours to the main model (an SLX model), the
# neighbours' coefficient, with a standard error of
# {glue}`regression.slx.neighbour_strength.se`, {glue}`regression.slx.neighbour_unclear`, and
# the region's own coefficient becomes
# {glue}`regression.slx.strength.coef`. A spatial error model (spreg's
# heteroskedasticity-robust GMM estimator), which reweights the regions for the correlation
# of their errors (lambda {glue}`regression.error_model.lambda`), gives
# {glue}`regression.error_model.strength.coef` (standard error
# {glue}`regression.error_model.strength.se`).
#
# ## The specification curve
#
# The estimates above are a few of many defensible ones. The next chapter, {doc}`curve`,
# varies the measure, the scope, the thresholds, the treatment of confidential cells,
# the sample, the controls, the fixed effects, the design and the outcome together, and tests
# the whole curve against data in which strength carries no information.
#
# ## What the evidence says and does not say
#
# These are associations, not effects: no design here has a source of variation in cluster
# strength that is unrelated to everything else that makes regions prosperous. Within that
# limit, and as far as public statistics allow, {glue}`regression.main.no_support`. Across
# the four designs, {glue}`regression.designs.none_positive`, and
# {glue}`regression.growth.not_both_negative`.
#
# The comparison with {cite:t}`ketels_protsiv_2020`, point by point:
#
# * **What is related to what.** They relate cluster presence to the wages of industries in
#   regions and to regional prosperity. As the ECCP paper summarises them
#   {cite:p}`franco_wilson_2021` (section "Strong clusters: drivers of regional prosperity"),
#   prosperity is positively and significantly associated with a region's portfolio of strong
#   clusters, with the position of its cluster mix in advanced industries and with the quality
#   of its business environment; and strong clusters support prosperity at every level of
#   business-environment quality (their pp. 217-218, the pages the ECCP paper cites). Here the
#   outcome is regional GDP per head only: wages by industry and region are not public at this
#   level.
# * **Clusters.** They use the European Cluster Observatory's cluster categories of related
#   4-digit industries and its star rule. Public statistics give 2-digit NACE divisions only,
#   so "strength" here is a coarser measure, traded by a rule computed from the data.
# * **Business environment.** Their cluster effect holds when the quality of the business
#   environment is accounted for. Here, adding the 2010 competitiveness index
#   {glue}`regression.rci.keeps_sign`, on {glue}`regression.rci.nobs` regions.
# * **Design.** Theirs is a cross-section. Here {glue}`regression.designs.none_positive`,
#   whether in levels within countries or in changes over time.
#
# The two can differ because the clusters are finer there and the outcome is different
# (wages of industries rather than GDP per head of regions), and because an association in
# levels across Europe mixes countries' incomes with their regions' specialisation. On open
# data the answer is narrower, and it is this: {glue}`regression.main.no_support`.
