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
# # What about my region?
#
# What does this book say about one region? The explorer below gathers, for each of the
# {glue}`explorer.coverage.regions` NUTS 2 regions of the EU-27, the results the other
# chapters compute for all of them at once: its cohesion-policy category year by year, its
# GDP per head against the EU-27 average, its specialisation nodes by division and ecosystem,
# and its place in the main regression of cluster strength on prosperity.

# %% tags=["parameters"]
region = "CZ08"  # NUTS 2 (2021) code of the worked example

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster.key_figures import KeyFigures
from eucluster.report import charts, explorer_charts, explorer_data, explorer_example

charts.use_theme()
figures = KeyFigures("explorer")

# %% tags=["remove-cell"]
explorer = explorer_data.assemble()
explorer_data.check_region(region, explorer.regions)
figures.publish_all(explorer_example.worked_example(explorer, region))
chart = explorer_charts.explorer_chart(explorer, region)
glue("fig-explorer", charts.interactive(chart, "region-explorer"), display=False)

# %% tags=["remove-cell"]
assert explorer.regions.index.is_unique and explorer.coverage["regions"] == len(explorer.regions)
assert explorer.nodes["geo"].isin(explorer.regions.index).all()
assert explorer.neighbours["geo"].isin(explorer.regions.index).all()

# %% [markdown]
# ## How to use it
#
# Pick a region in the list under the chart; in most browsers the open list can be searched
# by typing the start of a code (`CZ08`) or, after the code, of a name. Every panel then
# follows that region. The page needs no server and no network: the numbers travel with the
# page, and the drawing is done in the reader's browser. In the printed edition the chart shows
# the worked example below.
#
# ```{glue:figure} fig-explorer
# :name: fig-explorer
#
# One region at a time. Top: GDP per head in purchasing power standards as a percentage of the
# EU-27 average, each year coloured by the category it would give (below 75 % less developed,
# 75-100 % transition); dashed lines at 75 % and 100 %. Middle: the region's specialisation
# nodes in 2014 by NACE division, location quotient on a log scale, coloured by node kind.
# Bottom: every region of the main regression, cluster strength against log GDP per head; the
# chosen region in red, its nearest neighbours in orange. Sources: Eurostat nama_10r_2gdp
# (2026 release) and sbs_r_nuts06_r2; the book's computations.
# ```
#
# ## Where each panel comes from
#
# The category history applies the rule of the {doc}`regions` chapter to every single year
# rather than to the three-year window the Commission uses, so a region near a threshold can
# change colour from one year to the next. The nodes are those of the {doc}`nodes` chapter at
# its default settings (location quotient above 1.5 and more than 1 % of the region's or of
# the sector's European employment); the ecosystems are those of the {doc}`ecosystems`
# chapter's mapping, where one division can feed several ecosystems. The strength and the
# residual come from the main model of the {doc}`regression` chapter, and the neighbours are
# the nearest regions in its spatial weights.
#
# Three gaps are part of the data, not of the explorer. Of the
# {glue}`explorer.coverage.regions` regions, {glue}`explorer.coverage.with_nodes` have node
# data: the employment statistics use the 2013 borders, and a region whose borders were
# redrawn since has no single counterpart. {glue}`explorer.coverage.in_regression` regions are
# in the regression sample. A region outside either says so in the headline.
#
# ## A worked example: {glue}`explorer.region.name`
#
# {glue}`explorer.region.name` ({glue}`explorer.region.code`) had a GDP per head of
# {glue}`explorer.region.gdp_pct_eu27` % of the EU-27 average in
# {glue}`explorer.region.latest_year`, which makes it a {glue}`explorer.region.category`
# region by the single-year rule; {glue}`explorer.region.category_changed`.
#
# As for specialisation, {glue}`explorer.region.node_summary`: that is
# {glue}`explorer.region.more_nodes_than_median`.
#
# Set against every other region, {glue}`explorer.region.regression_summary`, and
# {glue}`explorer.region.like_neighbours`. A residual is what the model does not explain; it
# is not a verdict on the region's policy, and the {doc}`regression` chapter explains what the
# model can and cannot say about cause and effect.
#
# To read another region in print, re-run this chapter with its code:
# `eucluster rerun explorer -p region PL22`.
