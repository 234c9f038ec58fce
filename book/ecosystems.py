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
# # Industrial ecosystems
#
# In which of the Commission's industrial ecosystems do weak and non-weak regions have
# specialisation nodes, and how firm is the weak/non-weak contrast of the ECCP paper when
# its choices change? Recomputed from business statistics,
# {glue}`ecosystems.deviation.some_close`, and the shares are farthest from the published
# ones for {glue}`ecosystems.deviation.farthest` (mean absolute deviation in percentage
# points); {glue}`ecosystems.deviation.incomplete_deviate_more`. Under stricter mappings of
# divisions to ecosystems, {glue}`ecosystems.mapping.gain_small`. Over the thresholds,
# {glue}`ecosystems.answer.industry_sign_varies`.

# %% tags=["parameters"]
lq_threshold = 1.5
regional_share = 0.01
industry_share = 0.01
year = 2014
suppressed = "exclude"
geo_level = 2
benchmark = "EU27"
seed = 2021
n_bootstrap = 2000
denominator = "sbs"
grid_lq = [1.25, 1.5, 2.0, 3.0]
grid_share = [0.005, 0.01, 0.02, 0.05]

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.key_figures import KeyFigures
from eucluster.measures import ecosystem_findings, ecosystems, node_tables, traded
from eucluster.report import charts, ecosystem_charts, node_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("ecosystems")

# %% tags=["remove-cell"]
parameters = node_tables.NodeParameters(
    lq_threshold=lq_threshold,
    regional_share=regional_share,
    industry_share=industry_share,
    year=year,
    suppressed=suppressed,
    geo_level=geo_level,
    benchmark=benchmark,
    seed=seed,
    n_bootstrap=n_bootstrap,
    denominator=denominator,
)

# %% tags=["remove-cell"]
grid = node_tables.GridParameters(grid_lq, grid_share)
comparison = node_tables.load_comparison(parameters)
mapping = ecosystems.load_ecosystem_map()
found = node_tables.ecosystem_nodes(comparison.run, mapping)

# %% [markdown]
# ## From divisions to ecosystems
#
# The paper {cite:p}`franco_wilson_2021` repeats its node count for the
# {glue}`ecosystems.count` industrial ecosystems of the Commission's updated industrial
# strategy {cite:p}`ec_2021_asmr`. It does not publish which sectors make up each ecosystem,
# and the Commission's own annex could not be obtained, so the project uses its own
# reconstruction from the Commission's published ecosystem descriptions (see
# `data/reference/README.md`). A division belongs to an ecosystem if any of its classes
# does, and counts there in full; a division can belong to several ecosystems. An ecosystem's
# location quotient divides its share of the region's employment over all divisions by its
# share of European employment; the region's employment is never the sum over ecosystems,
# which would count shared divisions twice.
#
# The regional business statistics lack whole parts of some ecosystems
# ({numref}`tbl-ecosystems-coverage`): {glue}`ecosystems.coverage.incomplete` of the
# ecosystems miss at least one of their divisions.
# {glue}`ecosystems.coverage.health_without_care`;
# {glue}`ecosystems.coverage.agri_food_without_farming`;
# {glue}`ecosystems.coverage.proximity_without_services`. Where divisions are missing, a
# recomputation from these data cannot be expected to match the paper.

# %% tags=["remove-input"]
coverage = ecosystem_findings.coverage(comparison, mapping)
figures.publish_all(coverage.figures)
show_table(
    coverage.table,
    label="tbl-ecosystems-coverage",
    caption="Divisions of each ecosystem in the project's mapping and in the regional "
    "business statistics (Eurostat sbs_r_nuts06_r2).",
    formats={"Divisions mapped": "{:d}", "In the regional data": "{:d}"},
)

# %% [markdown]
# ## Tables 2 and 3 recomputed
#
# {numref}`fig-ecosystems-table2` and {numref}`fig-ecosystems-table3` set, for each
# ecosystem, the share of weak and non-weak regions with a node as published beside the
# recomputed share and their difference. On average the recomputed shares are
# {glue}`ecosystems.deviation.regional_relevant` percentage points from the published ones
# for regional-relevant nodes and {glue}`ecosystems.deviation.industry_relevant` for
# industry-relevant nodes. The largest gap is in {glue}`ecosystems.deviation.largest.ecosystem`
# for {glue}`ecosystems.deviation.largest.group` regions: published
# {glue}`ecosystems.deviation.largest.published`, recomputed
# {glue}`ecosystems.deviation.largest.recomputed`,
# {glue}`ecosystems.deviation.largest_incomplete`. Over the four cells of each ecosystem,
# {glue}`ecosystems.deviation.some_close`; {glue}`ecosystems.deviation.incomplete_deviate_more`.
# {glue}`ecosystems.deviation.health_above_median`.
# {glue}`ecosystems.deviation.textile_above_median`,
# {glue}`ecosystems.coverage.textile_complete`.

# %% tags=["remove-cell"]
tables = ecosystem_findings.published_tables(found, comparison, mapping)
figures.publish_all(tables.figures)
assert tables.table["recomputed_pct"].between(0, 100).all()
assert len(tables.table) == 2 * 2 * len(coverage.table)
for name, chart in node_charts.ecosystem_table_heatmaps(tables.table).items():
    glue(name, chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-ecosystems-table2
# :name: fig-ecosystems-table2
#
# Regional-relevant ecosystem nodes: percentage of weak (left) and non-weak (right) regions
# with a node in each ecosystem, published (document 000, Table 2) and recomputed, and the
# difference in percentage points (recomputed minus published; red where the recomputed share
# is lower, blue where it is higher). Source: Franco and Wilson (2021); Eurostat
# sbs_r_nuts06_r2; own computation.
# ```
#
# ```{glue:figure} fig-ecosystems-table3
# :name: fig-ecosystems-table3
#
# Industry-relevant ecosystem nodes, as in {numref}`fig-ecosystems-table2` (document 000,
# Table 3). Source: Franco and Wilson (2021); Eurostat sbs_r_nuts06_r2; own computation.
# ```
#
# The paper also gives the average number of ecosystem nodes per region in its text
# ({numref}`tbl-ecosystems-means`). Recomputed, {glue}`ecosystems.means.regional_direction`,
# and {glue}`ecosystems.means.industry_direction`.

# %% tags=["remove-input"]
means = ecosystem_findings.means_section(found, comparison.weak)
figures.publish_all(means.figures)
show_table(
    means.table,
    label="tbl-ecosystems-means",
    caption="Average number of ecosystem nodes per region: published (document 000, section "
    "'Presence of industrial ecosystems', text) and recomputed.",
    formats={"Published": "{:.1f}", "Recomputed": "{:.1f}"},
)

# %% [markdown]
# ## Stricter ecosystems
#
# The mapping is generous in two ways. A division counts in full in an ecosystem when only
# some of its classes belong there, and wholesale (G46) sits in five ecosystems and retail
# (G47) in four. Under the default mapping {glue}`ecosystems.trade.mostly_trade_count` of the
# ecosystems have more than half of their employment in trade (G45-G47):
# {glue}`ecosystems.trade.mostly_trade` ({numref}`tbl-ecosystems-trade`).
# {glue}`ecosystems.trade.textile_mostly_trade`; {glue}`ecosystems.trade.health_mostly_trade`.

# %% tags=["remove-input"]
stricter = ecosystem_findings.stricter_mappings(comparison, mapping, traded.traded_divisions())
figures.publish_all(stricter.figures)
assert stricter.table["Trade share"].between(0, 1).all()
show_table(
    stricter.table,
    label="tbl-ecosystems-trade",
    caption="Employment of each ecosystem under the default mapping (EU-27 regions of this "
    "run) and the shares of motor trade (G45), wholesale (G46) and retail (G47) in it. Source: "
    "Eurostat sbs_r_nuts06_r2; own computation.",
    formats=ecosystem_findings.TRADE_FORMATS,
)

# %% [markdown]
# Each generous choice can be undone, and {numref}`fig-ecosystems-mappings-table2` and
# {numref}`fig-ecosystems-mappings-table3` recompute Tables 2 and 3 under five other
# mappings: whole divisions only (the strict mapping, in which Aerospace & Defence, made only
# of partial divisions, disappears), no wholesale and retail, both, traded divisions only,
# and whole traded divisions only. The project's traded/local classification counts a
# division as local when it is spread over a country's regions about as evenly as
# employment itself, as local-serving activities are; clusters are made of the others. Of the
# {glue}`ecosystems.traded.of_divisions` divisions of the regional data,
# {glue}`ecosystems.traded.divisions` are traded. The thresholds, denominators and regions
# are this chapter's.

# %% tags=["remove-cell"]
for name, chart in ecosystem_charts.variant_heatmaps(stricter.tables).items():
    glue(name, chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-ecosystems-mappings-table2
# :name: fig-ecosystems-mappings-table2
#
# Regional-relevant ecosystem nodes under each mapping: percentage of weak and non-weak
# regions with a node, published (document 000, Table 2) and recomputed under the default
# mapping and five stricter ones. An empty cell: the mapping keeps none of the ecosystem's
# divisions that the regional data have. Source: Franco and Wilson (2021); Eurostat
# sbs_r_nuts06_r2; own computation.
# ```
#
# ```{glue:figure} fig-ecosystems-mappings-table3
# :name: fig-ecosystems-mappings-table3
#
# Industry-relevant ecosystem nodes under each mapping, as in
# {numref}`fig-ecosystems-mappings-table2` (document 000, Table 3). Source: Franco and Wilson
# (2021); Eurostat sbs_r_nuts06_r2; own computation.
# ```
#
# {numref}`tbl-ecosystems-mapping-deviation` sums up the distance from the paper. With the
# default mapping the recomputed shares are {glue}`ecosystems.default.mean_dev_pp` percentage
# points from the published ones on average, with the strict mapping
# {glue}`ecosystems.strict.mean_dev_pp`, without wholesale and retail
# {glue}`ecosystems.no_wholesale_retail.mean_dev_pp` and with traded divisions only
# {glue}`ecosystems.traded.mean_dev_pp`. Of all mappings,
# {glue}`ecosystems.mapping.closest_not_default`, but {glue}`ecosystems.mapping.gain_small`;
# {glue}`ecosystems.mapping.traded_farther`. By ecosystem,
# {glue}`ecosystems.trade.textile_nearer_without_trade`; the ecosystems that come nearer
# without wholesale and retail are {glue}`ecosystems.trade.nearer_without_trade`.

# %% tags=["remove-input"]
show_table(
    stricter.deviations,
    label="tbl-ecosystems-mapping-deviation",
    caption="Mean absolute deviation of the recomputed from the published shares (percentage "
    "points) under each mapping: Table 2, Table 3, both, and both over the ecosystems every "
    "mapping measures. Source: Franco and Wilson (2021); Eurostat sbs_r_nuts06_r2; own "
    "computation.",
    formats=ecosystem_findings.DEVIATION_FORMATS,
    widths=ecosystem_findings.DEVIATION_WIDTHS,
)

# %% [markdown]
# Which of the paper's readings of its Tables 2 and 3 does the mapping decide?
# {numref}`tbl-ecosystems-statements` tests {glue}`ecosystems.paper.statements` of its
# statements under each mapping: {glue}`ecosystems.paper.survives_count` hold under every
# mapping, {glue}`ecosystems.paper.depends_count` depend on it and
# {glue}`ecosystems.paper.fails_count` hold under none. In detail,
# {glue}`ecosystems.paper.regional_more_in_weak`;
# {glue}`ecosystems.paper.textile_industry_weak_more`;
# {glue}`ecosystems.paper.nonweak_more_diverse`; {glue}`ecosystems.paper.ordering_agrees`.
# Further,
# {glue}`ecosystems.paper.agri_textile_regional_weak_more`;
# {glue}`ecosystems.paper.cci_digital_health_nonweak_more`;
# {glue}`ecosystems.paper.renewables_weak_more`. Finally,
# {glue}`ecosystems.paper.industry_weak_at_least`, and
# {glue}`ecosystems.paper.industry_weak_agri_textile`.

# %% tags=["remove-input"]
show_table(
    stricter.statements,
    label="tbl-ecosystems-statements",
    caption="The paper's statements on ecosystems (document 000, section 'Presence of "
    "industrial ecosystems') and whether each holds under each mapping of this chapter's run.",
    widths=ecosystem_findings.STATEMENT_WIDTHS,
)

# %% [markdown]
# ## How firm is the weak/non-weak gap?
#
# The paper's headline is the sector-level gap of its Table 1 (see {doc}`nodes`). Every
# choice behind it is a parameter here, and {numref}`fig-ecosystems-grid` varies the two
# thresholds together. Weak regions have more regional-relevant nodes than the others at
# {glue}`ecosystems.grid.regional_positive` of the {glue}`ecosystems.grid.points` threshold
# pairs. {glue}`ecosystems.grid.industry_sign_varies`: {glue}`ecosystems.grid.industry_flip`,
# and they have more such nodes at {glue}`ecosystems.grid.industry_positive` of the pairs in
# all.

# %% tags=["remove-cell"]
sensitivity = ecosystem_findings.threshold_sensitivity(comparison, grid)
figures.publish_all(sensitivity.figures)
grid_chart = node_charts.threshold_gap_heatmap(sensitivity.table, grid.lq, grid.share)
glue("fig-ecosystems-grid", grid_chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-ecosystems-grid
# :name: fig-ecosystems-grid
#
# Weak minus non-weak mean number of sector nodes per region, in percent of the non-weak
# mean, for pairs of location-quotient and share thresholds (the share is the regional
# share for regional-relevant and the industry share for industry-relevant nodes). Blue:
# weak regions have more nodes; red: fewer. Source: Eurostat sbs_r_nuts06_r2; own
# computation.
# ```
#
# {numref}`fig-ecosystems-variants` changes one other choice at a time: the year, the
# benchmark (EU-27 or EU-28), the region frame (NUTS 2 or NUTS 1), the treatment of
# unpublished cells and the denominator. The regional-relevant gap is positive in
# {glue}`ecosystems.variants.regional_positive` of the {glue}`ecosystems.variants.count`
# variants. The industry-relevant gap is negative in
# {glue}`ecosystems.variants.industry_negative` of them, and its interval excludes zero in
# {glue}`ecosystems.variants.industry_significant` of them.
# {glue}`ecosystems.variants.countries_vary`. At NUTS 1 a region is weak when most of the
# employment of its labelled NUTS 2 regions is in weak ones.
#
# {glue}`ecosystems.variants.denominator_moves_most`. With the other denominator (LFS total
# employment when this run uses the SBS sum, and the reverse), weak regions have
# {glue}`ecosystems.variants.denominator.regional_relevant.weak` regional-relevant nodes
# against {glue}`ecosystems.variants.denominator.regional_relevant.non_weak` in non-weak
# regions, and {glue}`ecosystems.variants.denominator.industry_relevant.weak` industry-relevant
# nodes against {glue}`ecosystems.variants.denominator.industry_relevant.non_weak`.
# {glue}`ecosystems.denominator.business_share_lower_in_weak`. The survey denominator is
# closer to the paper's all-sector basis, and {glue}`ecosystems.denominator.lfs_nearer_published`,
# but it divides workplace counts by residents and cannot be checked division by division.

# %% tags=["remove-cell"]
variants = ecosystem_findings.variant_sensitivity(comparison)
figures.publish_all(variants.figures)
assert (variants.table["gap_low"] <= variants.table["gap_high"]).all()
variant_chart = node_charts.variant_intervals(variants.table, variants.order)
glue("fig-ecosystems-variants", variant_chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-ecosystems-variants
# :name: fig-ecosystems-variants
#
# Weak minus non-weak mean number of sector nodes per region with a bootstrap interval, for
# this chapter's parameters and for one change at a time. Source: Eurostat sbs_r_nuts06_r2;
# own computation.
# ```

# %% [markdown]
# ## Cluster organisations in ecosystem nodes
#
# Tables 2 and 3 of the paper also give, for each ecosystem, the share of nodes with an
# active cluster organisation. As for Table 1 (see {doc}`nodes`), no public source locates
# the organisations, so these columns cannot be recomputed; the chapter on {doc}`documents`
# shows them as published.
