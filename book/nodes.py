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
# # Where Europe's specialisation nodes are
#
# Do structurally weak regions have fewer industry-relevant specialisation nodes than other
# regions, as the ECCP discussion paper reports, when the nodes are recomputed from public
# Eurostat employment statistics? Measured against {glue}`nodes.data.denominator`,
# {glue}`nodes.table1.regional_gap_published_sign`, and
# {glue}`nodes.table1.industry_gap_published_sign`; for these,
# {glue}`nodes.table1.industry_gap_size`, and {glue}`nodes.table1.industry_gap_within_noise`.
# Measured against {glue}`nodes.other_denominator.name` instead,
# {glue}`nodes.other_denominator.regional_fewer` and
# {glue}`nodes.other_denominator.industry_fewer`.

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
frame_sample = 500

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.key_figures import KeyFigures
from eucluster.measures import frame_table1, node_findings, node_tables
from eucluster.report import charts, node_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("nodes")

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
frame_sample = frame_table1.checked_sample(frame_sample)
comparison = node_tables.load_comparison(parameters)
figures.publish_all(node_findings.setting(comparison))

# %% [markdown]
# ## From employment to nodes
#
# The paper {cite:p}`franco_wilson_2021` calls a region-sector pair a *specialisation node*
# when the region's location quotient (its share of employment in the sector divided by the
# sector's share of European employment) is above a threshold and the pair also matters:
# for the region (*regional-relevant*: the sector holds more than a given share of the
# region's employment) or for the sector (*industry-relevant*: the region holds more than a
# given share of the sector's European employment). Both inequalities are strict. Here the
# location-quotient threshold is {glue}`nodes.rule.lq_threshold`, the regional share
# {glue}`nodes.rule.regional_share` and the industry share {glue}`nodes.rule.industry_share`:
# {glue}`nodes.rule.papers_values`.
#
# The paper counts nodes over {glue}`nodes.paper.divisions` NACE divisions for
# {glue}`nodes.paper.regions` regions that mix NUTS 1 and NUTS 2 and does not publish its
# employment source. We use Eurostat's regional structural business statistics
# {cite:p}`eurostat_sbs_r_nuts06_r2`, persons employed in {glue}`nodes.data.year`, which cover
# the business economy only: {glue}`nodes.data.divisions` divisions of sections B to N
# without K, plus S95. Agriculture, finance, public administration, education, health and
# the arts are absent, so a region's employment is by default its business-economy
# employment (the sum over these divisions), not all its jobs. We keep that denominator rather than
# total employment from the Labour Force Survey because the survey counts people where they
# live and by broad section only; mixing it with workplace counts by division would put the
# two sides of every share on different bases. The cost is that a sector's share of
# "regional employment" is larger here than in the paper, which makes the regional-relevance
# test easier to pass; the chapter on {doc}`ecosystems` shows the nodes with survey totals as
# the denominator instead. This run divides by {glue}`nodes.data.denominator`. The regions
# are the {glue}`nodes.data.regions` NUTS regions of {glue}`nodes.data.countries` EU-27
# countries with data for that year; the European benchmark is the
# {glue}`nodes.data.benchmark` total.

# %% [markdown]
# ### Confidential and missing cells
#
# Eurostat does not publish every region-division cell. Of the
# {glue}`nodes.cells.total` cells of the matrix (all regions with data, before the EU-27
# selection), {glue}`nodes.cells.confidential` are confidential and
# {glue}`nodes.cells.missing` are missing for other reasons; regions where no division is
# published at all ({glue}`nodes.cells.empty_regions` codes, mostly superseded NUTS codes
# that the file keeps as empty rows) are dropped. This run treats them with the rule
# {glue}`nodes.cells.choice`. Under `"exclude"` an unpublished cell counts as
# no employment, so it can never be a node; under `"bound"` it receives an equal part of
# what its section total leaves after the published divisions, which is possible for
# {glue}`nodes.cells.estimated_under_bound` cells. {numref}`tbl-nodes-suppressed` shows what
# the choice does to the node counts.

# %% tags=["remove-input"]
cells = node_findings.unpublished_cells(comparison)
figures.publish_all(cells.figures)
show_table(
    cells.table,
    label="tbl-nodes-suppressed",
    caption="Nodes in all regions with data under the two treatments of unpublished cells, "
    "and the number of region-division cells whose node status differs between them. "
    "Source: Eurostat sbs_r_nuts06_r2; own computation.",
    formats={column: "{:,d}" for column in cells.table.columns[1:]},
)

# %% [markdown]
# ## Nodes per region
#
# {numref}`fig-nodes-map` maps the count of nodes per region. A region has
# {glue}`nodes.count.regional_median` regional-relevant nodes at the median, and
# {glue}`nodes.count.regional_zero` regions have none.
# {glue}`nodes.count.industry_in_large_regions`; the median region has
# {glue}`nodes.count.industry_median` industry-relevant nodes, and
# {glue}`nodes.count.industry_zero` regions have none.

# %% tags=["remove-cell"]
figures.publish_all(node_findings.nodes_per_region(comparison))
on_map = node_tables.to_nuts2021(comparison.run.counts)
glue("fig-nodes-map", node_charts.node_maps(on_map), display=False)

# %% [markdown]
# ```{glue:figure} fig-nodes-map
# :name: fig-nodes-map
#
# Specialisation nodes per region, NUTS 2 regions of the EU-27. Grey: no employment data
# for the year, or a region whose borders changed between NUTS 2013 and NUTS 2021 so that
# it has no single shape on the map. Source: Eurostat sbs_r_nuts06_r2 (persons employed);
# boundaries © EuroGeographics; own computation.
# ```

# %% [markdown]
# ## Sectors with the most nodes
#
# {numref}`tbl-nodes-top` lists the divisions in which most regions have an
# industry-relevant node. First comes {glue}`nodes.top.label`
# ({glue}`nodes.top.division`), a node in {glue}`nodes.top.regions` regions;
# {glue}`nodes.top.ahead`.

# %% tags=["remove-input"]
top = node_findings.top_sectors(comparison, n=10)
figures.publish_all(top.figures)
show_table(
    top.table,
    label="tbl-nodes-top",
    caption="The ten NACE divisions that are an industry-relevant node in the most regions, "
    "with the number of weak and non-weak regions among them. Source: Eurostat "
    "sbs_r_nuts06_r2; own computation.",
)

# %% [markdown]
# ## Table 1 recomputed
#
# To split regions as the paper does, each region takes the cohesion-policy label of its
# NUTS 2021 counterpart: *weak* when its GDP per head in purchasing power standards is below
# {glue}`nodes.groups.threshold` of the EU-27 average {cite:p}`eurostat_nama_10r_2gdp`.
# {glue}`nodes.groups.weak` regions are weak and {glue}`nodes.groups.non_weak` are not;
# {glue}`nodes.groups.unclassified` regions cannot be labelled because their borders were
# redrawn across categories. {numref}`tbl-nodes-table1` sets the recomputed averages beside
# the published ones.

# %% tags=["remove-cell"]
table1 = node_findings.table1_section(comparison)
figures.publish_all(table1.figures)
groups = table1.recomputed.loc["regional_relevant", ["n_weak", "n_non_weak"]]
assert groups.sum() + len(comparison.unclassified) == len(comparison.run.employment)
assert table1.recomputed[["weak", "non_weak"]].ge(0).all().all()
tests = table1.tests
assert ((tests["ci_low"] <= tests["difference"]) & (tests["difference"] <= tests["ci_high"])).all()

# %% tags=["remove-input"]
show_table(
    table1.table,
    label="tbl-nodes-table1",
    caption="Specialisation nodes per region in weak and non-weak regions: published "
    "(document 000, Table 1) and recomputed from Eurostat sbs_r_nuts06_r2, with the "
    "recomputed difference with its bootstrap interval.",
)

# %% [markdown]
# For regional-relevant nodes, {glue}`nodes.table1.regional_gap_published_sign`: on average
# {glue}`table1.regional_relevant_nodes.weak` in weak regions (published
# {glue}`nodes.published.regional_relevant.weak`) and
# {glue}`table1.regional_relevant_nodes.non_weak` in the others (published
# {glue}`nodes.published.regional_relevant.non_weak`). Recomputed,
# {glue}`nodes.table1.regional_gap_size`, and {glue}`nodes.table1.regional_gap_beyond_noise`;
# {glue}`nodes.table1.regional_tests_agree`. The intervals come from
# {glue}`nodes.test.n_bootstrap` bootstrap resamples of each group.
#
# For industry-relevant nodes, the paper's headline,
# {glue}`nodes.table1.industry_means_below_published`:
# {glue}`table1.industry_relevant_nodes.weak` in weak and
# {glue}`table1.industry_relevant_nodes.non_weak` in non-weak regions (published
# {glue}`nodes.published.industry_relevant.weak` and
# {glue}`nodes.published.industry_relevant.non_weak`). Recomputed,
# {glue}`nodes.table1.industry_gap_published_sign`;
# {glue}`nodes.table1.industry_gap_size`, and
# {glue}`nodes.table1.industry_gap_within_noise`; {glue}`nodes.table1.industry_tests_agree`.
# The levels differ for reasons the data explain: {glue}`nodes.levels.fewer_divisions`;
# {glue}`nodes.levels.more_regions`; and {glue}`nodes.levels.business_denominator`.
# {glue}`nodes.levels.papers_thresholds`.
#
# The denominator is a choice too. Measured against
# {glue}`nodes.other_denominator.name` instead, {glue}`nodes.other_denominator.regional_fewer`
# and {glue}`nodes.other_denominator.industry_fewer`. The chapter on {doc}`ecosystems` shows
# how the gap moves with this and every other choice: the thresholds, the year, the
# benchmark and the region frame.

# %% tags=["remove-cell"]
figures.publish_all(node_findings.other_denominator(comparison))

# %% [markdown]
# ## Which frame, which weak list, which divisions
#
# The paper's {glue}`nodes.paper.regions` regions mix NUTS 1 and NUTS 2, and a large region
# holds 1 % of a sector's European employment far more easily than a small one, so the frame
# alone may explain part of the distance. Suppose, as the chapter on {doc}`regions` does, that
# each country enters with all its NUTS 1 or all its NUTS 2 regions: of the
# {glue}`nodes.frames.total` frames of that size, {glue}`nodes.frames.count` give the paper's
# {glue}`nodes.paper.weak` weak regions. We recompute Table 1 on each of them: a NUTS 1
# region's employment is that of its NUTS 2 parts, and a sector's European employment, and
# with it every location quotient and industry share, is summed over the frame's own regions.
# On the 2013 boundaries of the employment data the fitting frames hold
# {glue}`nodes.frames.regions_min` to {glue}`nodes.frames.regions_max` regions, of which
# {glue}`nodes.frames.n_weak_min` to {glue}`nodes.frames.n_weak_max` carry the weak label (a
# NUTS 1 region is weak when most of its employment is in weak NUTS 2 regions). To see what a
# frame with another weak count does, a uniform sample of {glue}`nodes.frames.sample` of all
# the frames, drawn without replacement with the run's seed, gets the same treatment.

# %% tags=["remove-cell"]
frames = frame_table1.study(comparison, frame_sample)
published = figures.publish_all(frames.figures)
assert len(frames.fitting) == published["nodes.frames.count"] > 0
closest = frames.variants.at["closest fitting frame", "mean_rel_dev"]
assert frames.fitting["mean_rel_dev"].min() == closest
chart = node_charts.frame_means(frame_table1.chart_frame(frames), frame_table1.chart_marks(frames))
glue("fig-nodes-frames", chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-nodes-frames
# :name: fig-nodes-frames
#
# The four means of Table 1 in every frame of the paper's size that gives its weak count
# (blue) and in a uniform sample of all frames of that size (grey), with the published value
# (document 000, Table 1) and the default NUTS 2 value. Source: Eurostat sbs_r_nuts06_r2 and
# nama_10r_2gdp; own computation.
# ```
#
# {numref}`fig-nodes-frames` sets the means of every frame beside the published ones. In
# every fitting frame the industry-relevant gap lies between
# {glue}`nodes.frames.industry_relevant.gap_min` and
# {glue}`nodes.frames.industry_relevant.gap_max` nodes per region, the regional-relevant gap
# between {glue}`nodes.frames.regional_relevant.gap_min` and
# {glue}`nodes.frames.regional_relevant.gap_max`. The fitting frame closest to the paper
# takes {glue}`nodes.frames.closest.nuts1` at NUTS 1 and every other country at NUTS 2; in
# the deviation below, {glue}`nodes.frames.closest_closer`. Among all frames of the paper's
# size, whatever their weak count, {glue}`nodes.frames.sample_sign_depends`.
#
# {numref}`tbl-nodes-variants` gathers every variant and its mean relative deviation from the
# four published means. Besides the frames it holds the weak list of the 2019 release of
# regional GDP, on which the 2021-2027 categories were decided (on the regions of the
# employment data it labels {glue}`nodes.list2019.weak` weak, the 2026 release
# {glue}`nodes.groups.weak`), and nodes counted only in
# traded divisions (a node still needs the same location quotient and share; local-serving
# divisions such as retail simply do not count). By this measure
# {glue}`nodes.frames.list2019_closer`, and {glue}`nodes.table1.traded_further`. Finally,
# {glue}`nodes.frames.sampled_closer`, with fewer weak regions than the paper has: the four
# means alone cannot single out the paper's frame.

# %% tags=["remove-input"]
show_table(
    frame_table1.deviation_table(frames),
    label="tbl-nodes-variants",
    caption="Table 1 under each variant: mean nodes per region (Reg.: regional-relevant, Ind.: "
    "industry-relevant; weak and non-weak regions), the number of regions in each group (n) "
    "and the mean relative deviation from the four published means (document 000, Table 1). "
    "Source: Eurostat sbs_r_nuts06_r2 and nama_10r_2gdp; own computation.",
    formats=frame_table1.DEVIATION_FORMATS,
    widths=frame_table1.DEVIATION_WIDTHS,
)

# %% [markdown]
# What survives? Judged over the variants that could be the paper's setting (NUTS 2 and every
# fitting frame, each with both weak lists and with traded divisions only), the two
# directions of the paper hold: {glue}`nodes.variants.industry_fewer`, and
# {glue}`nodes.variants.regional_more`. The sizes do not:
# {glue}`nodes.variants.industry_gap_published_size`, and
# {glue}`nodes.variants.regional_gap_published_size`;
# {glue}`nodes.variants.industry_levels_below`.
# Open data thus reproduce the paper's directions but not its levels: the default frame
# is off by {glue}`nodes.table1.default.mean_rel_dev` on average, the closest fitting frame
# by {glue}`nodes.table1.closest_frame.mean_rel_dev`, traded divisions by
# {glue}`nodes.table1.traded.mean_rel_dev`, the 2019 list by
# {glue}`nodes.table1.list2019.mean_rel_dev` and a pure NUTS 1 frame by
# {glue}`nodes.table1.nuts1.mean_rel_dev`.

# %% [markdown]
# ## Cluster organisations: what cannot be recomputed
#
# The last three rows of the paper's Table 1 count *active* cluster organisations (profiles
# on the European Cluster Collaboration Platform recently updated when the paper was
# written) per region and per node. {numref}`tbl-nodes-organisations` repeats them as
# published. They cannot be recomputed: none of the project's data sources locates cluster
# organisations (the external data catalogue lists the ECCP profiles and the ESCA labels
# among its known gaps), and the activity criterion refers to a snapshot of the platform
# that is not public. Without locations no organisation can be assigned to a region, let
# alone to a region's node.

# %% tags=["remove-input"]
show_table(
    node_findings.organisation_rows(),
    label="tbl-nodes-organisations",
    caption="Active cluster organisations per region and per node, as published (document "
    "000, Table 1); not recomputed, for want of location data.",
)
