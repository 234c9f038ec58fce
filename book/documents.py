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
import altair as alt
import pandas as pd

from eucluster.data import published
from eucluster.documents import organisations
from eucluster.report import charts
from eucluster.report.key_figures import KeyFigures
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("documents")
quote = figures.quote


# %% [markdown]
# ## Clusters in weak and non-weak regions (ECCP discussion paper)
#
# The ECCP discussion paper {cite:p}`franco_wilson_2021` splits the regions mapped on the
# European Cluster Collaboration Platform into structurally weak regions (GDP per head below
# 75 % of the EU-27 average) and the rest, and counts *specialisation nodes*: NACE 2-digit
# sectors in which a region has a location quotient above 1.5 and which also matter either
# for the region (more than 1 % of its employment, *regional-relevant*) or for the sector in
# Europe (more than 1 % of the sector's EU employment, *industry-relevant*).

# %% tags=["remove-cell"]
table1 = published.load("eccp_table1").set_index("indicator")
industry_row = "Average Number of Industry-Relevant Specialisation Nodes"
regional_row = "Average Number of Regional-Relevant Specialisation Nodes"
co_row = "Average Number of active Cluster Organisations"
quote(
    "published.table1.industry_relevant.weak",
    table1.loc[industry_row, "weak"],
    unit="nodes per region",
    table="eccp_table1",
)
quote(
    "published.table1.industry_relevant.non_weak",
    table1.loc[industry_row, "non_weak"],
    unit="nodes per region",
    table="eccp_table1",
)
quote(
    "published.table1.regional_relevant.weak",
    table1.loc[regional_row, "weak"],
    unit="nodes per region",
    table="eccp_table1",
)
quote(
    "published.table1.regional_relevant.non_weak",
    table1.loc[regional_row, "non_weak"],
    unit="nodes per region",
    table="eccp_table1",
)
quote(
    "published.table1.cluster_organisations.weak",
    table1.loc[co_row, "weak"],
    unit="organisations per region",
    table="eccp_table1",
)
quote(
    "published.table1.cluster_organisations.non_weak",
    table1.loc[co_row, "non_weak"],
    unit="organisations per region",
    table="eccp_table1",
)

# %% tags=["remove-input"]
show_table(
    published.load("eccp_table1").rename(
        columns={"indicator": "Average per region", "weak": "Weak", "non_weak": "Non-weak"}
    ),
    label="tbl-eccp-table1",
    caption="Specialisation nodes and active cluster organisations per region, weak and "
    "non-weak regions, as published (document 000, Table 1).",
)

# %% [markdown]
# {numref}`tbl-eccp-table1` carries the paper's main finding. Regional-relevant nodes are
# about as common in weak regions ({glue}`published.table1.regional_relevant.weak`) as in
# the others ({glue}`published.table1.regional_relevant.non_weak`), but industry-relevant
# nodes, the ones that weigh in Europe's employment in a sector, are fewer in weak regions
# ({glue}`published.table1.industry_relevant.weak` against
# {glue}`published.table1.industry_relevant.non_weak`), and weak regions host fewer active
# cluster organisations ({glue}`published.table1.cluster_organisations.weak` against
# {glue}`published.table1.cluster_organisations.non_weak`).
#
# The paper repeats the count for the Commission's 14 industrial ecosystems.
# {numref}`fig-eccp-ecosystems` shows both of its ecosystem tables at once: for each
# ecosystem, the share of weak and non-weak regions with a node, and the share of those nodes
# where an active cluster organisation is present.

# %% tags=["remove-cell"]
ecosystem_tables = published.eccp_ecosystem_tables()
measure_names = {
    "regions_pct": "% of regions with node",
    "nodes_with_co_pct": "% of nodes with org.",
}
column_order = [f"{g}: {m}" for g in ("weak", "non-weak") for m in measure_names.values()]
heat = ecosystem_tables.assign(
    panel=lambda d: d["node_type"].str.capitalize() + " nodes (" + d["table"] + ")",
    column=lambda d: d["group"] + ": " + d["measure"].map(measure_names),
    label=lambda d: d["ecosystem_id"] + " " + d["ecosystem"],
)
ecosystem_chart = alt.vconcat(
    *[
        charts.heatmap(
            heat[heat["panel"] == panel],
            x="column",
            y="label",
            value="published_pct",
            value_title="%",
            domain=(0, 100),
            title=panel,
            x_sort=column_order,
            cell=24,
        )
        for panel in sorted(heat["panel"].unique(), reverse=True)
    ]
).resolve_scale(color="shared")
glue_name = "fig-eccp-ecosystems"
from myst_nb import glue

glue(glue_name, ecosystem_chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-eccp-ecosystems
# :name: fig-eccp-ecosystems
#
# Ecosystem specialisation nodes as published in document 000, Table 2 (regional-relevant,
# top) and Table 3 (industry-relevant, bottom). Each cell is a percentage printed in the
# paper; the column label says of what.
# ```
#
# Read down the weak-region columns: agri-food, textiles and energy-intensive industries stand
# out as the ecosystems in which weak regions are specialised, while the non-weak regions'
# nodes spread over digital, health, creative industries and electronics, and more often have
# a cluster organisation. The next chapter checks these percentages against the group sizes
# they imply and against the sentences that describe them.
#
# ## Europe's cluster landscape in headline figures
#
# Two documents quote headline figures from the European Panorama of Clusters and Industrial
# Change and from the Commission ({numref}`tbl-landscape`).

# %% tags=["remove-input"]
landscape = published.load("landscape_figures")
show_table(
    landscape.assign(
        where=lambda d: "doc. " + d["document"] + ", lines " + d["lines"],
    )[["description", "value", "unit", "where"]].rename(
        columns={"description": "Figure", "value": "Value", "unit": "Unit", "where": "Source"}
    ),
    label="tbl-landscape",
    caption="Cluster-landscape figures quoted in documents 001 and 003, as printed.",
    formats={"Value": lambda v: f"{v:,.10g}"},
)

# %% [markdown]
# ## What labelled cluster organisations offer (EU4Digital survey)
#
# The EU4Digital report {cite:p}`eu4digital_2024` surveys cluster organisations that take part
# in digital innovation hubs and groups them by the European cluster-excellence label they
# hold. Its Tables 3 and 4 count, for each service, how many gold, silver and bronze
# organisations offer it.

# %% tags=["remove-cell"]
sizes = organisations.label_group_sizes()
membership_source = published.resource("eu4d_membership").citation
for label, size in sizes.items():
    figures.publish(
        f"published.eu4d.{label}.count",
        size,
        unit="organisations",
        source=membership_source,
        fmt="{:d}",
    )
services = pd.concat(
    [
        organisations.label_shares(published.load(name), sizes).assign(kind=kind)
        for name, kind in [
            ("eu4d_table3", "General services (Table 3)"),
            ("eu4d_table4", "Digitalisation services (Table 4)"),
        ]
    ]
)
order = (
    services[services["label"] == "gold"].sort_values("share", ascending=False)["service"].tolist()
)
service_chart = alt.vconcat(
    *[
        charts.interval_dots(
            services[services["kind"] == kind],
            y="service",
            x="share",
            low="ci_low",
            high="ci_high",
            colour="label",
            colours={"gold": "#B8860B", "silver": "#7F7F7F", "bronze": "#A0522D"},
            x_title="share of organisations offering the service (95 % Wilson interval)",
            y_sort=order,
        ).properties(title=kind)
        for kind in services["kind"].unique()
    ]
)
glue("fig-eu4d-services", service_chart, display=False)

# %% [markdown]
# Counts are not comparable across groups of {glue}`published.eu4d.gold.count` gold,
# {glue}`published.eu4d.silver.count` silver and {glue}`published.eu4d.bronze.count` bronze
# organisations, so {numref}`fig-eu4d-services` turns them into shares of each group, with
# 95 % Wilson intervals {cite:p}`wilson_1927` that show how little a group of fourteen can
# pin down.
#
# ```{glue:figure} fig-eu4d-services
# :name: fig-eu4d-services
#
# Share of gold, silver and bronze labelled organisations offering each service, computed
# from the counts in document 002, Tables 3 and 4, and the group sizes in its section 2.4.3.
# Bars are 95 % Wilson score intervals.
# ```
#
# Collaboration among members, research and innovation support, public funding and digital
# collaborative projects are offered by most labelled organisations; the intervals of gold and
# silver overlap for almost every service. The chapter on best-practice organisations tests
# those differences formally. The ten organisations with the widest range of services are in
# {numref}`tbl-eu4d-top10`.

# %% tags=["remove-input"]
top10 = published.load("eu4d_table5")
show_table(
    top10.rename(
        columns={
            "organisation": "Organisation",
            "label": "Label",
            "country": "Country",
            "large_companies": "Large firms",
            "smes": "SMEs",
            "research_orgs": "Research orgs",
            "services_total": "Services",
            "services_general": "General",
            "services_digital": "Digital",
        }
    ),
    label="tbl-eu4d-top10",
    caption="The ten surveyed organisations with the most services, as published "
    "(document 002, Table 5).",
    formats={
        c: "{:d}"
        for c in ["Large firms", "SMEs", "Research orgs", "Services", "General", "Digital"]
    },
)

# %% [markdown]
# ## Cluster-support actions (Interreg Europe policy brief)
#
# The Interreg Europe brief {cite:p}`interreg_2021_clusters` lists possible cluster actions in
# its Table 1, grouped by policy area ({numref}`tbl-interreg-actions`); the chapter on policy
# recommendations maps them, with the other documents' recommendations, to common themes.

# %% tags=["remove-cell"]
actions = published.load("interreg_table1")
action_counts = (
    actions.fillna({"line_of_action": "(not legible in the source)"})
    .groupby(["line_of_action", "policy_area"], sort=False)
    .size()
    .rename("actions")
    .reset_index()
)
figures.publish(
    "published.interreg.actions.count",
    len(actions),
    unit="actions",
    source=published.resource("interreg_table1").citation,
    fmt="{:d}",
)

# %% tags=["remove-input"]
show_table(
    action_counts.rename(
        columns={
            "line_of_action": "Line of action",
            "policy_area": "Policy area",
            "actions": "Actions",
        }
    ),
    label="tbl-interreg-actions",
    caption="Cluster-support actions per policy area in document 001, Table 1 "
    "(counted from the digitised table).",
    formats={"Actions": "{:d}"},
)

# %% [markdown]
# In all, the table lists {glue}`published.interreg.actions.count` actions.
