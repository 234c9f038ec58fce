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
# # What the documents report
#
# What do the five documents actually state about clusters in Europe's regions, and on what
# numbers? This chapter shows their tables as they were published, digitised from the text
# and checked against it; the next chapter tests them for internal consistency, and later
# chapters recompute what official statistics allow.

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster import data
from eucluster.documents import as_published, landscape, published_readings
from eucluster.key_figures import KeyFigures
from eucluster.report import charts, document_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("documents")

# %% [markdown]
# ## Clusters in weak and non-weak regions (ECCP discussion paper)
#
# The ECCP discussion paper {cite:p}`franco_wilson_2021` splits the regions mapped on the
# European Cluster Collaboration Platform into structurally weak regions (GDP per head below
# 75 % of the EU-27 average) and the rest, and counts *specialisation nodes*: NACE 2-digit
# sectors in which a region has a location quotient above 1.5 and which also matter either
# for the region (more than 1 % of its employment, *regional-relevant*) or for the sector in
# Europe (more than 1 % of the sector's EU employment, *industry-relevant*).

# %% tags=["remove-input"]
table1 = as_published.eccp_table1()
figures.publish_all([*table1.figures, *published_readings.table1_claims()])
show_table(
    table1.table,
    label="tbl-eccp-table1",
    caption="Specialisation nodes and active cluster organisations per region, weak and "
    "non-weak regions, as published (document 000, Table 1).",
)

# %% [markdown]
# {numref}`tbl-eccp-table1` carries the paper's main finding.
# {glue}`documents.table1.regional_relevant_not_fewer`
# ({glue}`published.table1.regional_relevant.weak` against
# {glue}`published.table1.regional_relevant.non_weak` in the others), but industry-relevant
# nodes, the ones that weigh in Europe's employment in a sector,
# {glue}`documents.table1.industry_relevant_fewer`
# ({glue}`published.table1.industry_relevant.weak` against
# {glue}`published.table1.industry_relevant.non_weak`), and
# {glue}`documents.table1.organisations_fewer`
# ({glue}`published.table1.cluster_organisations.weak` against
# {glue}`published.table1.cluster_organisations.non_weak`).
#
# The paper repeats the count for the Commission's 14 industrial ecosystems.
# {numref}`fig-eccp-ecosystems` shows both of its ecosystem tables at once: for each
# ecosystem, the share of weak and non-weak regions with a node, and the share of those nodes
# where an active cluster organisation is present.

# %% tags=["remove-cell"]
ecosystem_tables = data.eccp_ecosystem_tables()
figures.publish_all(published_readings.ecosystem_readings(ecosystem_tables))
ecosystem_chart = document_charts.ecosystem_heatmaps(ecosystem_tables)
glue("fig-eccp-ecosystems", ecosystem_chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-eccp-ecosystems
# :name: fig-eccp-ecosystems
#
# Ecosystem specialisation nodes as published in document 000, Table 2 (regional-relevant,
# top) and Table 3 (industry-relevant, bottom). Each cell is a percentage printed in the
# paper; the column label says of what.
# ```
#
# Read down the weak-region columns of Table 2: the ecosystems in which the largest shares of
# weak regions are specialised are {glue}`documents.ecosystems.weak_top`. Comparing the
# columns, {glue}`documents.ecosystems.non_weak_ahead`, and
# {glue}`documents.ecosystems.non_weak_organised`. The next chapter checks these percentages
# against the group sizes they imply and against the sentences that describe them.
#
# ## Europe's cluster landscape in headline figures
#
# Two documents quote headline figures from the European Panorama of Clusters and Industrial
# Change and from the Commission ({numref}`tbl-landscape`).

# %% tags=["remove-input"]
show_table(
    landscape.landscape_table(),
    label="tbl-landscape",
    caption="Cluster-landscape figures quoted in documents 001 and 003, as printed, with the "
    "section (in the one-page document 003, the paragraph) that prints each.",
    formats={"Value": "{:,.10g}"},
    widths=[46, 10, 22, 22],
    breakable=True,
)

# %% [markdown]
# ## What labelled cluster organisations offer (EU4Digital survey)
#
# The EU4Digital report {cite:p}`eu4digital_2024` surveys cluster organisations that take part
# in digital innovation hubs and groups them by the European cluster-excellence label they
# hold. Its Tables 3 and 4 count, for each service, how many gold, silver and bronze
# organisations offer it.

# %% tags=["remove-cell"]
figures.publish_all(as_published.label_group_figures())
service_shares = as_published.service_shares()
figures.publish_all(published_readings.service_readings(service_shares))
service_chart = document_charts.service_share_intervals(service_shares)
glue("fig-eu4d-services", service_chart, display=False)

# %% [markdown]
# Counts are not comparable across groups of {glue}`published.eu4d.gold.count` gold,
# {glue}`published.eu4d.silver.count` silver and {glue}`published.eu4d.bronze.count` bronze
# organisations, so {numref}`fig-eu4d-services` turns them into shares of each group, with
# 95 % Wilson intervals {cite:p}`wilson_1927` that show how little a group of
# {glue}`published.eu4d.silver.count` can pin down.
#
# ```{glue:figure} fig-eu4d-services
# :name: fig-eu4d-services
#
# Share of gold, silver and bronze labelled organisations offering each service, computed
# from the counts in document 002, Tables 3 and 4, and the group sizes in its section 2.4.3.
# Bars are 95 % Wilson score intervals.
# ```
#
# {glue}`documents.services.most_offered` (more than half of the three groups together);
# {glue}`documents.services.intervals_overlap`. The chapter on best-practice organisations tests
# those differences formally. The ten organisations with the widest range of services are in
# {numref}`tbl-eu4d-top10`.

# %% tags=["remove-input"]
show_table(
    as_published.top_organisations(),
    label="tbl-eu4d-top10",
    caption="The ten surveyed organisations with the most services, as published "
    "(document 002, Table 5).",
)

# %% [markdown]
# ## Cluster-support actions (Interreg Europe policy brief)
#
# The Interreg Europe brief {cite:p}`interreg_2021_clusters` lists possible cluster actions in
# its Table 1, grouped by policy area ({numref}`tbl-interreg-actions`); the chapter on policy
# recommendations maps them, with the other documents' recommendations, to common themes.

# %% tags=["remove-input"]
actions = as_published.interreg_actions()
figures.publish_all(actions.figures)
show_table(
    actions.table,
    label="tbl-interreg-actions",
    caption="Cluster-support actions per policy area in document 001, Table 1 "
    "(counted from the digitised table).",
)

# %% [markdown]
# In all, the table lists {glue}`published.interreg.actions.count` actions.
