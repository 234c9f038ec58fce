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
# Eurostat employment statistics? Measured against business-economy employment, weak regions
# again have more regional-relevant nodes than the others, but their deficit in
# industry-relevant nodes is smaller than published and within the statistical noise;
# measured against total employment, both kinds of node are rarer in weak regions.

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

# %% tags=["remove-cell"]
from eucluster.measures import node_tables

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
import altair as alt
import pandas as pd
from myst_nb import glue

from eucluster.data import published
from eucluster.geo import regions, weakness
from eucluster.measures import specialisation as sp
from eucluster.report import charts
from eucluster.report.key_figures import KeyFigures
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("nodes")
compute, quote = figures.compute, figures.quote
KIND_NAMES = {"regional_relevant": "Regional-relevant", "industry_relevant": "Industry-relevant"}

study = node_tables.study(parameters)
run, weak = study.run, study.classified
counts = run.counts

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
# {glue}`nodes.rule.regional_share` and the industry share {glue}`nodes.rule.industry_share`,
# the paper's values unless the chapter is re-run with others.
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

# %% tags=["remove-cell"]
compute(
    "nodes.rule.lq_threshold",
    parameters.lq_threshold,
    unit="",
    definition="location-quotient threshold (parameter)",
    fmt="{:.2f}",
)
compute(
    "nodes.rule.regional_share",
    parameters.regional_share,
    unit="of regional employment",
    definition="regional-relevance threshold (parameter)",
    fmt="{:.1%}",
)
compute(
    "nodes.rule.industry_share",
    parameters.industry_share,
    unit="of EU sector employment",
    definition="industry-relevance threshold (parameter)",
    fmt="{:.1%}",
)
paper_text = published.load("text_figures").set_index("statement_id")["value"]
figures.publish(
    "nodes.paper.divisions",
    int(paper_text["000.nodes.nace_sectors"]),
    unit="divisions",
    source=published.resource("text_figures").citation,
    fmt="{:d}",
)
figures.publish(
    "nodes.paper.regions",
    int(paper_text["000.eccp.regions_total"]),
    unit="regions",
    source=published.resource("text_figures").citation,
    fmt="{:d}",
)
compute("nodes.data.year", parameters.year, unit="", definition="year (parameter)", fmt="{}")
compute(
    "nodes.data.divisions",
    run.employment.shape[1],
    unit="divisions",
    definition="NACE divisions in sbs_r_nuts06_r2 for the year",
    fmt="{:d}",
)
compute(
    "nodes.data.regions",
    run.employment.shape[0],
    unit="regions",
    definition="EU-27 regions of the chosen NUTS level with at least one published division",
    fmt="{:d}",
)
compute(
    "nodes.data.countries",
    len(set(node_tables.countries(run.employment.index))),
    unit="countries",
    definition="EU-27 countries with regional data for the year",
    fmt="{:d}",
)
compute(
    "nodes.data.denominator",
    {
        "sbs": "business-economy employment (sum over the divisions)",
        "lfs": "total employment from the Labour Force Survey",
    }[parameters.denominator],
    unit="",
    definition="region totals of the LQ and the regional share (parameter)",
)
compute(
    "nodes.data.benchmark",
    parameters.benchmark.replace("EU", "EU-"),
    unit="",
    definition="countries whose regions form the benchmark (parameter)",
)

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

# %% tags=["remove-cell"]
status = run.matrix.status_counts()
report = sp.suppression_sensitivity(run.matrix, **parameters.thresholds)
compute(
    "nodes.cells.total",
    int(run.matrix.employment.size),
    unit="cells",
    definition="regions x divisions",
    fmt="{:,d}",
)
for name in ("confidential", "missing"):
    compute(
        f"nodes.cells.{name}",
        int(status[name]),
        unit="cells",
        definition=f"cells without a value, status {name} (flag c = confidential)",
        fmt="{:,d}",
    )
compute(
    "nodes.cells.empty_regions",
    len(run.matrix.empty_regions),
    unit="region codes",
    definition="codes with no published division in the year",
    fmt="{:d}",
)
compute(
    "nodes.cells.estimated_under_bound",
    report.cells_estimated_under_bound,
    unit="cells",
    definition="unpublished cells with a positive section residual",
    fmt="{:,d}",
)
compute("nodes.cells.choice", parameters.suppressed, unit="", definition="parameter")
suppression_table = pd.DataFrame(
    {
        "Node kind": list(KIND_NAMES.values()),
        "Nodes, exclude": [report.regional_nodes_exclude, report.industry_nodes_exclude],
        "Nodes, bound": [report.regional_nodes_bound, report.industry_nodes_bound],
        "Cells that change": [report.regional_nodes_changed, report.industry_nodes_changed],
    }
)

# %% tags=["remove-input"]
show_table(
    suppression_table,
    label="tbl-nodes-suppressed",
    caption="Nodes in all regions with data under the two treatments of unpublished cells, "
    "and the number of region-division cells whose node status differs between them. "
    "Source: Eurostat sbs_r_nuts06_r2; own computation.",
    formats={c: "{:,d}" for c in suppression_table.columns[1:]},
)

# %% [markdown]
# ## Nodes per region
#
# {numref}`fig-nodes-map` maps the count of nodes per region. Regional-relevant nodes are
# spread widely: a region has {glue}`nodes.count.regional_median` of them at the median. The
# industry-relevant ones gather in large regions, since holding a given share of a sector's
# European employment is easier for a region with many workers; the median region has
# {glue}`nodes.count.industry_median`, and {glue}`nodes.count.industry_zero` regions have
# none.

# %% tags=["remove-cell"]
for kind, short in (("regional_relevant", "regional"), ("industry_relevant", "industry")):
    compute(
        f"nodes.count.{short}_median",
        float(counts[kind].median()),
        unit="nodes",
        definition=f"median number of {kind.replace('_', '-')} nodes per region",
        fmt="{:.0f}",
    )
compute(
    "nodes.count.industry_zero",
    int((counts["industry_relevant"] == 0).sum()),
    unit="regions",
    definition="regions without an industry-relevant node",
    fmt="{:d}",
)
shapes = regions.boundaries(2).rename(columns={"name_latn": "name"})
shapes = shapes[shapes["country"].isin(node_tables.EU27)][["geo", "name", "geometry"]]
on_map = node_tables.to_nuts2021(counts)
node_maps = alt.hconcat(
    *[
        charts.choropleth(
            shapes.merge(on_map[[kind]], left_on="geo", right_index=True, how="left"),
            value=kind,
            value_title="nodes",
            width=300,
        ).properties(title=f"{name} nodes")
        for kind, name in KIND_NAMES.items()
    ]
).resolve_scale(color="independent")
glue("fig-nodes-map", node_maps, display=False)

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
# ({glue}`nodes.top.division`), a node in {glue}`nodes.top.regions` regions.

# %% tags=["remove-cell"]
top = node_tables.top_divisions(run.found, weak, "industry_relevant", n=10)
compute("nodes.top.division", top.loc[0, "division"], unit="", definition="NACE code")
compute("nodes.top.label", top.loc[0, "label"], unit="", definition="NACE Rev. 2 title")
compute(
    "nodes.top.regions",
    int(top.loc[0, "regions"]),
    unit="regions",
    definition="classified regions where the division is an industry-relevant node",
    fmt="{:d}",
)

# %% tags=["remove-input"]
show_table(
    top.rename(
        columns={
            "division": "Division",
            "label": "Title",
            "regions": "Regions",
            "weak": "Weak",
            "non_weak": "Non-weak",
        }
    ),
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
table1 = node_tables.table1(counts, study.weak)
tests = node_tables.table1_tests(counts, study.weak, parameters)
compute(
    "nodes.groups.threshold",
    weakness.LESS_DEVELOPED_BELOW / 100,
    unit="of EU-27 GDP per head",
    definition="upper bound of GDP per head (PPS) of less developed regions, 2021-2027",
    fmt="{:.0%}",
)
for group in ("weak", "non_weak"):
    compute(
        f"nodes.groups.{group}",
        int(table1[f"n_{group}"].iloc[0]),
        unit="regions",
        definition=f"{group.replace('_', '-')} regions with employment data",
        fmt="{:d}",
    )
compute(
    "nodes.groups.unclassified",
    len(weakness.unclassified(run.employment.index, study.weak)),
    unit="regions",
    definition="regions without a weak/non-weak label",
    fmt="{:d}",
)
for kind in sp.NODE_KINDS:
    for group in ("weak", "non_weak"):
        compute(
            f"table1.{kind}_nodes.{group}",
            table1.loc[kind, group],
            unit="nodes per region",
            definition=f"mean {kind.replace('_', '-')} nodes, {group.replace('_', '-')} regions",
        )
        quote(
            f"nodes.published.{kind}.{group}",
            table1.loc[kind, f"published_{group}"],
            unit="nodes per region",
            table="eccp_table1",
        )
    row = tests.loc[kind]
    for name in ("difference", "ci_low", "ci_high"):
        compute(
            f"nodes.test.{kind}.{name}",
            row[name],
            unit="nodes per region",
            definition=f"weak minus non-weak mean ({name}; bootstrap, seed {parameters.seed})",
            fmt="{:+.1f}",
        )
    for name in ("welch_p", "mann_whitney_p"):
        compute(
            f"nodes.test.{kind}.{name}",
            row[name],
            unit="",
            definition=f"two-sided p-value ({name})",
            fmt="{:.3f}" if row[name] >= 0.001 else "{:.0e}",
        )
compute(
    "nodes.test.level",
    float(tests["level"].iloc[0]),
    unit="",
    definition="interval level",
    fmt="{:.0%}",
)
compute(
    "nodes.test.n_bootstrap",
    parameters.n_bootstrap,
    unit="resamples",
    definition="bootstrap resamples (parameter)",
    fmt="{:,d}",
)

# %% tags=["remove-cell"]
assert table1[["weak", "non_weak"]].ge(0).all().all()
assert table1.loc["regional_relevant", "n_weak"] + table1.loc[
    "regional_relevant", "n_non_weak"
] + len(weakness.unclassified(run.employment.index, study.weak)) == len(run.employment)
assert (tests["ci_low"] <= tests["difference"]).all()
assert (tests["difference"] <= tests["ci_high"]).all()

# %% tags=["remove-input"]
table1_shown = pd.DataFrame(
    {
        "Nodes per region": list(KIND_NAMES.values()),
        "Weak, published": table1["published_weak"].to_numpy(),
        "Weak, recomputed": table1["weak"].to_numpy(),
        "Non-weak, published": table1["published_non_weak"].to_numpy(),
        "Non-weak, recomputed": table1["non_weak"].to_numpy(),
        "Weak - non-weak (interval)": [
            f"{r.difference:+.1f} ({r.ci_low:+.1f} to {r.ci_high:+.1f})" for r in tests.itertuples()
        ],
    }
)
show_table(
    table1_shown,
    label="tbl-nodes-table1",
    caption="Specialisation nodes per region in weak and non-weak regions: published "
    "(document 000, Table 1) and recomputed from Eurostat sbs_r_nuts06_r2, with the "
    "recomputed difference with its bootstrap interval.",
)

# %% [markdown]
# The recomputed pattern for regional-relevant nodes is the published one, only sharper:
# weak regions have {glue}`table1.regional_relevant_nodes.weak` such nodes on average
# (published {glue}`nodes.published.regional_relevant.weak`), the others
# {glue}`table1.regional_relevant_nodes.non_weak` (published
# {glue}`nodes.published.regional_relevant.non_weak`). The difference of
# {glue}`nodes.test.regional_relevant.difference` nodes has a {glue}`nodes.test.level`
# bootstrap interval from
# {glue}`nodes.test.regional_relevant.ci_low` to {glue}`nodes.test.regional_relevant.ci_high`
# ({glue}`nodes.test.n_bootstrap` resamples; Welch p =
# {glue}`nodes.test.regional_relevant.welch_p`, Mann-Whitney p =
# {glue}`nodes.test.regional_relevant.mann_whitney_p`).
#
# For industry-relevant nodes, the paper's headline, the recomputed averages are lower in
# both groups, {glue}`table1.industry_relevant_nodes.weak` in weak and
# {glue}`table1.industry_relevant_nodes.non_weak` in non-weak regions (published
# {glue}`nodes.published.industry_relevant.weak` and
# {glue}`nodes.published.industry_relevant.non_weak`). The gap has the published sign, but at
# {glue}`nodes.test.industry_relevant.difference` nodes, with an interval from
# {glue}`nodes.test.industry_relevant.ci_low` to {glue}`nodes.test.industry_relevant.ci_high`
# (Welch p = {glue}`nodes.test.industry_relevant.welch_p`, Mann-Whitney p =
# {glue}`nodes.test.industry_relevant.mann_whitney_p`), these data do not rule out that it is
# noise. The levels differ for reasons the data explain: fewer divisions mean fewer
# candidate nodes; many more, smaller regions than the paper's mixed set mean that fewer of
# them reach a given share of European employment; and the business-economy denominator
# raises every regional share. The chapter on {doc}`ecosystems` shows how the gap moves with
# the thresholds, the year, the benchmark and the region frame.

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
paper_table1 = published.load("eccp_table1")
show_table(
    paper_table1[paper_table1["indicator"].str.contains("Cluster Organisations")].rename(
        columns={"indicator": "Average per region", "weak": "Weak", "non_weak": "Non-weak"}
    ),
    label="tbl-nodes-organisations",
    caption="Active cluster organisations per region and per node, as published (document "
    "000, Table 1); not recomputed, for want of location data.",
)
