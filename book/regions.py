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
# # Regions and structural weakness
#
# Which of Europe's regions are structurally weak when the cohesion-policy rule is applied to
# official statistics? Of the {glue}`regions.study.count` NUTS 2 regions of the EU-27,
# {glue}`regions.weak.count` had a GDP per head below 75 % of the EU-27 average in 2015-2017
# and {glue}`regions.non_weak.count` did not: {glue}`regions.weak.share_below_paper`.

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.geo import weakness_evidence as evidence
from eucluster.geo import weakness_sources
from eucluster.key_figures import KeyFigures
from eucluster.report import charts, region_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("regions")
PERIOD = (2015, 2017)

# %% tags=["remove-cell"]
study = evidence.study_labels(PERIOD)
labels = study.table
figures.publish_all(study.figures)

# %% tags=["remove-cell"]
assert labels.index.is_unique and labels["gdp_pps_pct_eu27"].notna().all()
assert labels["category"].value_counts().sum() == len(labels)
assert (labels["weak"] == (labels["category"] == "less developed")).all()

# %% [markdown]
# ## The rule
#
# Cohesion policy for 2021-2027 sorts NUTS 2 regions by their GDP per inhabitant in
# purchasing-power standards, averaged over 2015-2017 and expressed as a percentage of the
# EU-27 average: below 75 the region is *less developed*, from 75 to below 100 it is in
# *transition*, from 100 it is *more developed*. Following the ECCP discussion paper
# {cite:p}`franco_wilson_2021`, the book calls a region *structurally weak* when it is less
# developed. The values come from Eurostat's regional accounts (table `nama_10r_2gdp`, unit
# `PPS_HAB_EU27_2020`) as published in early 2026; they therefore include revisions made
# after the Commission fixed the official list in 2021.
#
# {numref}`fig-regions-map` shows the result: {glue}`regions.category.less_developed` less
# developed, {glue}`regions.category.transition` transition and
# {glue}`regions.category.more_developed` more developed regions. Hover over a region in the
# HTML version to see its name and value.

# %% tags=["remove-cell"]
region_map = region_charts.category_map(labels, title=f"{PERIOD[0]}-{PERIOD[1]}")
figures.publish_all(region_map.figures)
glue("fig-regions-map", region_map.chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-regions-map
# :name: fig-regions-map
#
# Cohesion-policy category of each EU-27 NUTS 2 region (NUTS 2021): GDP per head in PPS,
# mean of 2015-2017, as % of the EU-27 average. Source: Eurostat `nama_10r_2gdp` (2026
# vintage; three Portuguese regions from the V2021 release vintage); boundaries © EuroGeographics
# (GISCO, 1:60 million). Grey: countries outside the EU-27. Not shown: the outermost regions.
# ```
#
# The map leaves out {glue}`regions.map.outside.count` outermost regions that lie far from
# the continent (they are part of every count): {glue}`regions.map.outside.names`.

# %% tags=["remove-cell"]
assert len(region_map.outside) < 15
assert region_map.shapes["geo"].nunique() == len(labels)

# %% [markdown]
# ## How far regions are from the thresholds
#
# A category is a cut through a continuous measure. {numref}`fig-regions-distribution` shows
# where the regions lie: a region close to a threshold can cross it with a revision of the
# accounts, a different base period or a change of boundaries.

# %% tags=["remove-cell"]
glue("fig-regions-distribution", region_charts.distribution(labels, PERIOD), display=False)

# %% [markdown]
# ```{glue:figure} fig-regions-distribution
# :name: fig-regions-distribution
#
# Number of EU-27 NUTS 2 regions by GDP per head in PPS (mean of 2015-2017, % of the EU-27
# average, bins of 5 points); dashed lines at 75 and 100. Source: Eurostat `nama_10r_2gdp`.
# ```
#
# Values run from {glue}`regions.gdp.min` % ({glue}`regions.gdp.min_name`) to
# {glue}`regions.gdp.max` % ({glue}`regions.gdp.max_name`);
# {glue}`regions.near_threshold.count` regions lie within five points of the 75 % line and
# {glue}`regions.near_upper_threshold.count` within five points of the 100 % line.

# %% [markdown]
# ## The ECCP's weak regions
#
# The ECCP discussion paper {cite:p}`franco_wilson_2021` applies the same 75 % rule to the
# regions mapped on the European Cluster Collaboration Platform and finds
# {glue}`regions.eccp.weak` structurally weak and {glue}`regions.eccp.non_weak` other regions,
# {glue}`regions.eccp.total` in all. That set mixes NUTS 1 and NUTS 2 regions, choosing for
# each country the level it considers most relevant for cluster policy, and the paper does
# not list it, so it cannot be rebuilt here from the paper alone; whether the counts single out
# one combination is tested below. {numref}`tbl-regions-counts` sets the paper's counts beside the
# book's NUTS 2 counts and beside the same rule applied to the release of the regional
# accounts that the Commission used for the official 2021-2027 list (vintage 2019, NUTS 2016).

# %% tags=["remove-cell"]
comparison = evidence.eccp_comparison(labels, PERIOD)
figures.publish_all(comparison.figures)
counts = comparison.table
assert (counts["weak"] + counts["non-weak"] == counts["total"]).all()

# %% tags=["remove-input"]
show_table(
    counts,
    label="tbl-regions-counts",
    caption="Weak (GDP per head below 75 % of the EU-27 average) and non-weak regions: the "
    "ECCP paper's count (document 000, section 'What can ECCP data tell us') and the same "
    "rule on Eurostat NUTS 2 data, 2015-2017.",
    formats={"weak share": "{:.0%}"},
)

# %% [markdown]
# With the 2019 release the rule gives {glue}`regions.vintage2019.weak.count` weak regions
# out of {glue}`regions.vintage2019.count`; the 2026 release, on the 2021 boundaries, gives
# {glue}`regions.weak.count` out of {glue}`regions.study.count`.
# {glue}`regions.vintages.more_weak_in_2026` {glue}`regions.vintage2019.matches_paper`
# {glue}`regions.vintages.shares_below_paper`
#
# How much freedom does a mixed set leave? Suppose each country enters with all its NUTS 1 or
# all its NUTS 2 regions, and label NUTS 1 regions by the same rule. The EU-27 has
# {glue}`regions.nuts1.count` NUTS 1 and {glue}`regions.study.count` NUTS 2 regions, and
# {glue}`regions.mixes.count` of the possible country-by-country choices give exactly
# {glue}`regions.eccp.total` regions. Their weak counts run from {glue}`regions.mixes.weak_min`
# to {glue}`regions.mixes.weak_max` ({numref}`fig-regions-mixes`);
# {glue}`regions.mixes.matching` choices give the paper's {glue}`regions.eccp.weak` weak
# regions. {glue}`regions.mixes.consistent` {glue}`regions.mixes.ambiguous` The book works
# with the NUTS 2 regions throughout.

# %% tags=["remove-cell"]
eccp = evidence.eccp_counts()
mixes = evidence.mixed_sets(eccp["total"], eccp["weak"], PERIOD)
figures.publish_all(mixes.figures)
glue("fig-regions-mixes", region_charts.mixed_sets(mixes.table, eccp["total"]), display=False)

# %% [markdown]
# ```{glue:figure} fig-regions-mixes
# :name: fig-regions-mixes
#
# Mixed NUTS 1 / NUTS 2 sets of exactly {glue}`regions.eccp.total` EU-27 regions (each country
# at one level): number of choices by number of weak regions (GDP per head below 75 % of the
# EU-27 average, 2015-2017). Highlighted: the ECCP paper's {glue}`regions.eccp.weak`. Source:
# Eurostat `nama_10r_2gdp` (2026 vintage).
# ```

# %% [markdown]
# ## Regions that change category from year to year
#
# The official rule averages three years to smooth out single-year swings. Applied year by
# year, {glue}`regions.changers.count` regions do not stay in one category through
# 2015-2023 ({numref}`fig-regions-changes`): {glue}`regions.changers.once` of them switch
# once; {glue}`regions.changers.back_and_forth`.

# %% tags=["remove-cell"]
changes = evidence.category_changes(range(2015, 2024))
figures.publish_all(changes.figures)
glue("fig-regions-changes", region_charts.category_changes(changes.table), display=False)
assert (changes.table["categories"] > 1).all()

# %% [markdown]
# ```{glue:figure} fig-regions-changes
# :name: fig-regions-changes
#
# EU-27 NUTS 2 regions whose single-year cohesion category changes between 2015 and 2023,
# one row per region. Source: Eurostat `nama_10r_2gdp` (2026 vintage). Blank cells: no value
# for that year.
# ```

# %% [markdown]
# ## Where the numbers come from
#
# All data enter through the project's data door, which checks each file against a pinned
# sha256 checksum before reading it. {numref}`tbl-regions-provenance` lists the files behind
# this chapter, what was read and what was set aside. The Eurostat extraction of 2026 is
# already coded in NUTS 2024: the {glue}`regions.sources.renamed.count` regions whose codes
# changed ({glue}`regions.sources.renamed.codes`) are mapped back to NUTS 2021 with the JRC
# cross-walk, while the {glue}`regions.sources.unmatched.count` NUTS 2024 regions that were
# merged or split ({glue}`regions.sources.unmatched.codes`) have no NUTS 2021 counterpart, so
# the {glue}`regions.sources.filled.count` NUTS 2021 regions they replace
# ({glue}`regions.sources.filled.codes`) take their values from the 2021 release of the
# regional accounts instead.

# %% tags=["remove-cell"]
provenance = weakness_sources.provenance(PERIOD)
figures.publish_all(weakness_sources.recoding_figures(PERIOD))
assert (provenance["rows used"] <= provenance["rows read"]).all()

# %% tags=["remove-input"]
show_table(
    provenance.drop(columns="not used"),
    label="tbl-regions-provenance",
    caption="Data behind the weakness labels and the map: registered dataset, vintage, "
    "licence holder, first 12 hex digits of the sha256, rows read and rows used for the "
    "2015-2017 labels.",
    widths=[35, 11, 16, 16, 11, 11],
)

# %% [markdown]
# {numref}`tbl-regions-dropped` says why the other rows were not used.

# %% tags=["remove-input"]
show_table(
    provenance[["dataset", "not used"]],
    label="tbl-regions-dropped",
    caption="Rows of each source not used for the 2015-2017 labels, and why.",
    widths=[35, 65],
)

# %% [markdown]
# Later chapters label regions through the same functions of `eucluster.geo.weakness`:
# `weakness.classify()` for NUTS 2021 regions and `weakness.for_codes()` for the NUTS 2013
# regions of the employment statistics, where a region that was later split keeps a label
# only if all its parts share it.
