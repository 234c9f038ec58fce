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
# Are regions whose employment was concentrated in strong clusters in
# {glue}`regression.strength.first_year`-{glue}`regression.strength.last_year`
# ({glue}`regression.strength.crisis_years`) more prosperous today, as the ECCP paper argues
# on the strength of {cite:t}`ketels_protsiv_2020`? Measured by the
# {glue}`regression.strength.measure_name`, across Europe
# {glue}`regression.pooled.strength.clear`; compared with regions of the same country with
# similar skills, density and sector mix, {glue}`regression.main.strength.includes_zero`. In
# the specification curve, {glue}`regression.curve.positive_only_star`.

# %% tags=["parameters"]
strength_measure = "node_share"  # or node_count, star_share, benchmark_share
lq_threshold = 1.5  # ECCP node rule: LQ above 1.5
share_threshold = 0.01  # ECCP node rule: above 1 % of regional (or sector) jobs
star_lq = 2.0  # Cluster Observatory specialisation star: LQ at least 2
benchmark_quantile = 0.75  # US Cluster Mapping: LQ at or above its 75th percentile
strength_years = [2008, 2009, 2010]  # SBS years averaged for strength
sample = "eu27"  # or no_capitals, weak
seed = 0  # permutations of Moran's I
k_neighbours = 5  # spatial weights: nearest region centroids
suppressed = "bound"  # confidential SBS cells: bound or exclude

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.key_figures import KeyFigures
from eucluster.measures import strength
from eucluster.models import estimation, prosperity, regression_data, spatial
from eucluster.models.specification_curve import main_choice, strength_curve
from eucluster.report import charts, regression_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("regression")

# %% tags=["remove-cell"]
regression_data.validate_parameters(
    strength_measure=strength_measure,
    lq_threshold=lq_threshold,
    share_threshold=share_threshold,
    star_lq=star_lq,
    benchmark_quantile=benchmark_quantile,
    strength_years=strength_years,
    sample=sample,
    seed=seed,
    k_neighbours=k_neighbours,
    suppressed=suppressed,
)

# %% tags=["remove-cell"]
full, choices = regression_data.analysis_frame(
    strength_years=tuple(strength_years),
    suppressed=suppressed,
    lq_threshold=lq_threshold,
    share_threshold=share_threshold,
    star_lq=star_lq,
    benchmark_quantile=benchmark_quantile,
)
frame = regression_data.select_sample(full, sample)
models = prosperity.estimate(frame, strength_measure, regression_data.BASE_CONTROLS)
fits, main = models.fits, models.main

# %% tags=["remove-cell"]
assert frame.index.is_unique and frame["country"].nunique() > 10
assert full[list(strength.MEASURES)].drop(columns="node_count").stack().between(0, 1).all()
assert main.nobs == len(main.data) and main.n_clusters == main.data["country"].nunique()
assert choices["outcome_year"] >= 2021, "GDP data should reach at least 2021"

# %% tags=["remove-cell"]
figures.publish_all(regression_data.sample_figures(full, frame, choices, strength_measure))

# %% [markdown]
# ## Data and design
#
# The outcome is the logarithm of GDP per head in purchasing power standards in
# {glue}`regression.outcome.year`, the latest year for which Eurostat reports every region
# {cite:p}`eurostat_nama_10r_2gdp`, and, as a check, its average over
# {glue}`regression.outcome.window_start`-{glue}`regression.outcome.year`. Cluster strength is
# measured {glue}`regression.strength.lead_years` years and more earlier, on employment by NACE
# division in {glue}`regression.strength.first_year`-{glue}`regression.strength.last_year`
# {cite:p}`eurostat_sbs_r_nuts06_r2` ({glue}`regression.strength.france_late`), converted to
# the 2021 regions with the JRC cross-walk. The sample has
# {glue}`regression.sample.regions` regions in {glue}`regression.sample.countries` countries,
# {glue}`regression.sample.weak` of them structurally weak.
#
# Four measures of strength, all computed on the same matrix of 2-digit divisions of the
# business economy (B-N without K), are compared; the main model uses the
# {glue}`regression.strength.measure_name`:
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
# they are approximations. Each measure is standardised, so a coefficient is the difference
# in log GDP per head that goes with one standard deviation of strength (for the
# {glue}`regression.strength.measure_name`, {glue}`regression.strength.sd`). The main model's
# controls are {glue}`regression.main.controls`. Two checks add
# {glue}`regression.early_controls.added`, or, measured after the outcome's base period,
# {glue}`regression.late_controls.added`.

# %% tags=["remove-cell"]
figures.publish_all(models.figures)

# %% [markdown]
# ## Estimates
#
# {numref}`tbl-regression-main` builds the main model up. Without controls, regions with a larger
# {glue}`regression.strength.measure_name` are {glue}`regression.pooled.strength.negative`
# prosperous on average (coefficient {glue}`regression.pooled.strength.coef`, standard error
# {glue}`regression.pooled.strength.se`,
# {glue}`regression.pooled.nobs` regions). Controls for skills, density and sector mix
# {glue}`regression.controls.strength.shrinks` {glue}`regression.controls.strength.coef`
# ({glue}`regression.controls.strength.se`). Within countries (column 3, the main model) it is
# {glue}`regression.main.strength.coef` with a standard error of
# {glue}`regression.main.strength.se` clustered by country (p-value
# {glue}`regression.main.strength.pvalue`), on {glue}`regression.main.nobs` regions: a 95 %
# interval from {glue}`regression.main.strength.low_pct` % to
# {glue}`regression.main.strength.high_pct` % of GDP per head per standard deviation of strength,
# {glue}`regression.main.strength.small`. The {glue}`regression.sample.apportioned` regions
# whose early employment had to be shared out by population, because their region was split by
# a later NUTS revision, {glue}`regression.unsplit.same_conclusion`: without them the estimate
# is {glue}`regression.unsplit.strength.coef`
# ({glue}`regression.unsplit.strength.se`, {glue}`regression.unsplit.nobs` regions).

# %% tags=["remove-input"]
show_table(
    estimation.regression_table(models.table_fits(prosperity.MAIN_TABLE), prosperity.LABELS),
    label="tbl-regression-main",
    caption="Log GDP per head (PPS) in the latest full year on standardised cluster strength "
    "in the early years. Coefficients with standard errors in brackets; *** p < 0.01, "
    "** p < 0.05, * p < 0.1. HC3: heteroskedasticity-robust; clustered: by country "
    "(number of countries). Sources: Eurostat nama_10r_2gdp, sbs_r_nuts06_r2, tgs00109, "
    "tgs00096; GISCO.",
)

# %% [markdown]
# When the sample has both weak and other regions, column 4 lets the slope differ for weak
# regions; the weak-region dummy there mostly restates that weakness is defined by low GDP per
# head, and what matters is the interaction.
# {glue}`regression.interaction.no_difference`
#
# {numref}`tbl-regression-checks` changes the outcome and the controls. The five-year average
# outcome {glue}`regression.average.same_answer` ({glue}`regression.average.strength.coef`,
# standard error {glue}`regression.average.strength.se`). Growth of GDP per head relative to
# the EU-27 since 2009, conditional on its 2009 level, was
# {glue}`regression.growth.strength.negative` where strength was higher
# ({glue}`regression.growth.strength.coef`, {glue}`regression.growth.strength.se`),
# {glue}`regression.growth.strength.clear`. Adding R&D intensity and the 2010 Regional
# Competitiveness Index {glue}`regression.early_controls.turns_sign`, but on
# {glue}`regression.early_controls.nobs` regions: the {glue}`regression.early_controls.lost`
# regions without both include {glue}`regression.early_controls.lost_france` of the
# {glue}`regression.sample.france` French regions (the R&D file has almost none) and
# {glue}`regression.early_controls.lost_capitals`. The index is also built partly from
# innovation and business indicators that prosperity itself raises, which makes it a doubtful
# control. The later quality of government and innovation scores give
# {glue}`regression.late_controls.strength.coef` ({glue}`regression.late_controls.strength.se`).

# %% tags=["remove-input"]
show_table(
    estimation.regression_table(models.table_fits(prosperity.CHECKS_TABLE), prosperity.LABELS),
    label="tbl-regression-checks",
    caption="The main model (1) with another outcome (2: mean of log GDP per head over the "
    "five years, or those available; 3: growth of GDP per head relative to the EU-27 since "
    "2009, regions with 2009 data) or more controls "
    "(4: R&D intensity 2013-2015 and RCI 2010; 5: quality of government 2021 and RIS 2023). "
    "Country fixed effects, standard errors clustered by country. Sources as in "
    "the previous table; DG REGIO RCI; RIS 2023.",
)

# %% tags=["remove-cell", "chart"]
coefficients = estimation.coefficient_frame(fits.values(), "strength")
coefficient_chart = regression_charts.coefficient_chart(
    coefficients, x_title="Coefficient of cluster strength (1 SD), 95 % interval"
).properties(height=36 * len(coefficients))  # taller rows: the PDF shrinks it to the text width
glue("fig-regression-coefficients", coefficient_chart, display=False)

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
# ```{glue:figure} fig-regression-coefficients
# :name: fig-regression-coefficients
#
# The coefficient of cluster strength in every model of {numref}`tbl-regression-main` and
# {numref}`tbl-regression-checks`, with 95 % intervals. Sources: Eurostat, DG REGIO, RIS 2023.
# ```
#
# {numref}`fig-regression-partial` shows the main estimate as a picture: both prosperity and
# strength are purged of the controls and the country means, and the slope of the line is the
# main coefficient; capital regions are labelled. Leaving out one region at a time, the
# coefficient stays between {glue}`regression.influence.dropped_min` and
# {glue}`regression.influence.dropped_max` (the region that moves it most is
# {glue}`regression.influence.dropped_region`): {glue}`regression.influence.no_single_region`.
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

# %% tags=["remove-cell"]
shapes = regression_data.load("gisco_nuts2021_l2").set_index("geo")
dependence = spatial.residual_dependence(main, shapes, k=k_neighbours, seed=seed)
figures.publish_all(dependence.figures)

# %% [markdown]
# ## Diagnostics
#
# {numref}`fig-regression-residuals` plots the residuals of the main model, without the
# {glue}`regression.influence.absorbed` regions that are alone in their country and so are
# fitted exactly by their country's dummy: {glue}`regression.influence.capitals_above`, and
# the region with the largest Cook's distance is {glue}`regression.influence.max_cooks_region`; the
# specification curve below drops the capitals to see whether they change the result.
#
# ```{glue:figure} fig-regression-residuals
# :name: fig-regression-residuals
#
# Residuals of the main model against fitted values (top) and studentised residuals against
# leverage (bottom); capital regions in orange and labelled. Sources: Eurostat.
# ```
#
# Neighbouring regions share labour markets and suppliers, so their residuals need not be
# independent. With each region linked to its {glue}`regression.moran.k` nearest neighbours,
# Moran's I of the residuals is {glue}`regression.moran.i` (permutation p-value
# {glue}`regression.moran.pvalue`): {glue}`regression.moran.clustered`. The Lagrange multiplier
# tests {cite:p}`anselin_1996` in {numref}`tbl-regression-lm` {glue}`regression.lm.both_reject`,
# and their robust forms {glue}`regression.lm.error_over_lag`,
# {glue}`regression.lm.robust_undecided`. Correlated errors do not bias the coefficient, but
# they can make standard errors too small. With twice the main standard error,
# {glue}`regression.main.se_doubled`, the 95 % interval would run from
# {glue}`regression.main.doubled_low_pct` % to {glue}`regression.main.doubled_high_pct` % of
# GDP per head: {glue}`regression.main.doubled_same_verdict`.

# %% tags=["remove-input"]
show_table(
    dependence.lm.frame(),
    label="tbl-regression-lm",
    caption="Lagrange multiplier tests for spatial dependence in the main model "
    "(chi-squared, 1 degree of freedom), k-nearest-neighbour weights on GISCO NUTS 2021 "
    "centroids.",
    formats={"statistic": "{:.2f}", "pvalue": "{:.3f}"},
)

# %% tags=["remove-cell"]
jobs = regression_data.employment(tuple(strength_years), suppressed).loc[full.index]
main_specification = main_choice(
    strength_measure,
    sample,
    lq_threshold=lq_threshold,
    star_lq=star_lq,
    benchmark_quantile=benchmark_quantile,
)
curve = strength_curve(full, jobs, main.conf_int("strength"), main_specification)
figures.publish_all(curve.figures)

# %% tags=["remove-cell", "chart"]
curve_chart = regression_charts.specification_chart(
    curve.curve, main_specification, y_title="Coefficient of strength (1 SD)"
)
glue("fig-regression-curve", curve_chart, display=False)

# %% [markdown]
# ## Robustness: the specification curve
#
# The main estimate is one of many defensible ones. {numref}`fig-regression-curve` estimates
# the strength coefficient {glue}`regression.curve.count` times
# {cite:p}`simonsohn_2020`: for each of the four measures, at three thresholds (the node
# location quotient at 1.25, 1.5 and 2; the star location quotient at 1.5, 2 and 2.5; the
# benchmark percentile at 67, 75 and 90), in three samples (all regions, without the capital
# regions, weak regions only), with and without country fixed effects and controls;
# {glue}`regression.curve.all_estimated`. Without fixed effects and controls the estimates
# range from {glue}`regression.curve.pooled_min` to {glue}`regression.curve.pooled_max`; there
# strength can also stand in for the country and its income level. With both, the
# {glue}`regression.curve.fe_count` estimates cover {glue}`regression.curve.fe_narrower`, from
# {glue}`regression.curve.fe_min` to {glue}`regression.curve.fe_max`, with
# {glue}`regression.curve.fe_outside_main`;
# {glue}`regression.curve.fe_significant_positive` are positive and
# {glue}`regression.curve.fe_significant_negative` negative at the 5 % level, and
# {glue}`regression.curve.fe_star_positive` of the
# {glue}`regression.curve.fe_star_count` specifications with the star measure, which rewards
# large, focused sectors rather than specialisation alone, are among the positive ones.
# {glue}`regression.curve.main_on_grid`
#
# ```{glue:figure} fig-regression-curve
# :name: fig-regression-curve
#
# Specification curve: the coefficient of standardised cluster strength on log GDP per head,
# with 95 % intervals, sorted by size; below, the choices behind each estimate; the main
# specification, where it is on the grid, is an orange diamond. Sources: Eurostat, DG REGIO.
# ```

# %% [markdown]
# ## What the estimates say
#
# These are associations, not effects. Strength is measured before the outcome, so later
# prosperity cannot have caused it, but regions that were specialised in
# {glue}`regression.strength.first_year`-{glue}`regression.strength.last_year` differed in many
# ways the controls do not capture. Within that limit, and as far as it can be tested with
# public statistics, {glue}`regression.main.no_support`. Comparing each region with others in
# its country and with similar skills, density and sector mix, one standard deviation more of
# the {glue}`regression.strength.measure_name` in
# {glue}`regression.strength.first_year`-{glue}`regression.strength.last_year` goes with a
# difference of {glue}`regression.main.strength.coef` log points in GDP per head in
# {glue}`regression.outcome.year` (standard error {glue}`regression.main.strength.se`,
# {glue}`regression.main.nobs` regions, {glue}`regression.main.clusters` countries), against
# {glue}`regression.pooled.strength.coef` across Europe without any adjustment on
# {glue}`regression.pooled.nobs` regions. The comparison with {cite:t}`ketels_protsiv_2020`
# is not like for like: they work with the European Cluster Observatory's cluster categories
# of related industries, while public statistics allow only NACE divisions here. In the
# specification curve, {glue}`regression.curve.positive_only_star`; and adding the 2010
# competitiveness index, itself close to an outcome, with R&D intensity on a smaller sample
# {glue}`regression.early_controls.turns_sign`.
