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
# # How much rests on the choices: the specification curve
#
# Does the association between cluster strength and prosperity hold whatever defensible
# choices an analyst makes, and is the whole set of estimates more than chance would give?
# Across {glue}`regression.curve.count` specifications, against strength permuted within
# countries, the curve has {glue}`regression.curve.median_rejected`;
# {glue}`regression.curve.sign_within_null`; and
# {glue}`regression.curve.significant_within_null`. Of the choices,
# {glue}`regression.curve.fixed_effects_move_most`.

# %% tags=["parameters"]
draws = 500  # null curves of the joint test (at least 99)
seed = 0  # seed of the permutations
alpha = 0.05  # significance level of each estimate and of the joint test
strength_years = [2008, 2009, 2010]  # SBS years averaged for strength

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.key_figures import KeyFigures
from eucluster.measures import traded
from eucluster.models import curve_findings, curve_grid, regression_data
from eucluster.report import charts, curve_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("curve")
curve_grid.validate_parameters(draws=draws, seed=seed, alpha=alpha, strength_years=strength_years)

# %% tags=["remove-cell"]
years = tuple(strength_years)
full, choices = regression_data.analysis_frame(strength_years=years)
data = curve_grid.curve_data(full, years, traded.traded_divisions(years=years))
findings = curve_findings.analyse(data, draws=draws, seed=seed, alpha=alpha)
figures.publish_all(findings.figures)

# %% tags=["remove-cell"]
curve = findings.result.curve
assert len(curve) == data.grid_size >= 500
assert findings.result.estimated["rank"].is_monotonic_increasing
assert findings.joint["p-value"].between(1 / (draws + 1), 1).all()
assert findings.dimensions["positive"].between(0, 1).all()

# %% [markdown]
# ## The choices
#
# The regression chapter answers the question with one model. Each of its choices could
# defensibly have been made otherwise, and the curve {cite:p}`simonsohn_2020` makes every
# combination: {glue}`regression.curve.specified` specifications, each a regression of
# prosperity on one standardised strength column with errors clustered by country, on up to
# {glue}`regression.curve.regions` regions in {glue}`regression.curve.countries` countries
# ({glue}`regression.curve.none_dropped`). The dimensions, and why each is open:
#
# * **measure**: the ECCP node share and node count, the Cluster Observatory's star share, and
#   the Cluster Mapping benchmark share without and with its floor on the number of local
#   units, published ideas of a strong cluster;
# * **divisions counted**: {glue}`regression.curve.traded_scope`; local-serving divisions such as
#   retail or food service follow the population and are clusters in no published sense;
# * **threshold**: each rule's own value and one lower and one higher (node location quotient
#   1.25, 1.5, 2; star location quotient 1.5, 2, 2.5; Cluster Mapping percentile 67, 75, 90);
# * **unpublished cells**: an SBS cell withheld for confidentiality holds its upper bound, or
#   nothing;
# * **sample**: all regions, without the capital regions, or without the regions whose early
#   employment had to be shared out by population after a NUTS revision;
# * **controls**: none, the regression chapter's controls measured at or before the strength
#   years, or the controls it used before, measured years later and so possibly channels of
#   strength itself;
# * **fixed effects**: none, or one per country (comparing regions within a country);
# * **design**: prosperity today, or its growth since 2015 or since 2008 conditional on the
#   level then;
# * **outcome**: log GDP per head in the latest year, or its mean over the last five.
#
# The {glue}`regression.curve.strength_columns` strength columns cross the
# {glue}`regression.curve.grid_blocks` combinations of the rest;
# {glue}`regression.curve.all_estimated`. {numref}`tbl-curve-dimensions` sums the curve up by
# choice.

# %% tags=["remove-input"]
show_table(
    findings.dimensions,
    label="tbl-curve-dimensions",
    caption="The specification curve by choice: specifications estimated, their median "
    "estimate (log points of GDP per head, or of its growth, per standard deviation of "
    "strength) and the shares positive and significant at the chapter's level, with errors "
    "clustered by country. Sources: Eurostat nama_10r_2gdp, sbs_r_nuts06_r2, tgs00096, "
    "lfst_r_lfe2eedu, pat_ep_rtot; GISCO.",
    formats=curve_findings.DIMENSION_FORMATS,
)

# %% tags=["remove-cell", "chart"]
glue("fig-curve", curve_charts.curve_chart(findings.result), display=False)

# %% [markdown]
# ## The curve
#
# {numref}`fig-curve` sorts the estimates. {glue}`regression.curve.share_positive` of them are
# positive; {glue}`regression.curve.share_significant_positive` are positive and
# {glue}`regression.curve.share_significant_negative` negative at the
# {glue}`regression.curve.alpha` level. The grey band is where the sorted curve falls in 95 %
# of the null draws, in which strength has no information on prosperity beyond the country;
# the observed curve lies outside it at {glue}`regression.curve.share_outside_band` of its
# ranks. The median estimate by design is {glue}`regression.curve.level_above_growth`.
#
# ```{glue:figure} fig-curve
# :name: fig-curve
#
# Specification curve: every estimated specification sorted by its estimate, with its 95 %
# interval, coloured by significance; the grey band holds 95 % of the sorted null curves
# (strength permuted within countries), the dashed line their median. Below, the share of
# each stretch of the curve that makes each choice: a row dark on the left and pale on the
# right is a choice that pulls the estimate down. Sources: Eurostat, GISCO.
# ```

# %% [markdown]
# ## The joint test
#
# Many significant estimates among thousands prove little when the estimates share their
# data. Simonsohn, Simmons and Nelson's joint test asks instead how often a world without the
# effect produces a curve like the observed one. Here that world keeps everything but the
# link between strength and prosperity within countries: each region's strength columns are
# moved together to a random region of the same country, and the whole curve is estimated
# again, {glue}`regression.curve.draws` times. Because the permutation stays within
# countries, estimates without country fixed effects keep any association between countries
# in the null too: the test asks about strength within a country. The dominant sign is that
# of the median estimate, {glue}`regression.curve.dominant_positive`.
#
# {numref}`tbl-curve-joint` gives the three statistics. The curve has
# {glue}`regression.curve.median_rejected`; {glue}`regression.curve.sign_within_null`; and
# {glue}`regression.curve.significant_within_null`. Under permuted strength, on average
# {glue}`regression.curve.null_share_significant` of the estimates are significant with the
# dominant sign: the null is not pure noise, since the estimates without country fixed
# effects keep the differences between countries. The
# chapter's headline joint p-value is that of the share significant with the dominant sign,
# {glue}`regression.curve.joint_p`; that of the median is
# {glue}`regression.curve.joint_p_median` and that of the sign
# {glue}`regression.curve.joint_p_sign`.

# %% tags=["remove-input"]
show_table(
    findings.joint,
    label="tbl-curve-joint",
    caption="Joint test of the specification curve: each statistic of the observed curve, its "
    "median and 95th percentile (in the dominant direction) over the null curves with "
    "strength permuted within countries, and its p-value (share of null curves at least as "
    "extreme, the observed one counted as a draw). Sources: Eurostat, GISCO.",
    formats=curve_findings.JOINT_FORMATS,
)

# %% [markdown]
# ## What the curve says
#
# Taken together, the curve has {glue}`regression.curve.median_rejected`, while
# {glue}`regression.curve.sign_within_null` and
# {glue}`regression.curve.significant_within_null`. Of the choices,
# {glue}`regression.curve.fixed_effects_move_most`. The median estimate is
# {glue}`regression.curve.median_across_europe` across Europe and
# {glue}`regression.curve.median_within_countries` within countries. A single regression that
# reports one comparison, one measure and one design therefore reports a choice, and the
# regression chapter's main model is one point on this curve. All of this is association: no
# design here turns strength into an effect.
