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
# its choices change? Recomputed from business statistics, the ecosystem shares come close
# to the published ones for some manufacturing ecosystems but not for agri-food, textiles or
# health, which these data measure poorly, and the gap in industry-relevant nodes changes
# sign with the thresholds, so the paper's headline contrast rests on its particular choices.

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
grid = node_tables.GridParameters(grid_lq, grid_share)

# %% tags=["remove-cell"]
import altair as alt
import numpy as np
import pandas as pd
from myst_nb import glue

from eucluster.data import published
from eucluster.measures import ecosystems
from eucluster.measures import specialisation as sp
from eucluster.report import charts
from eucluster.report.key_figures import KeyFigures
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("ecosystems")
compute, quote = figures.compute, figures.quote
KIND_NAMES = {"regional_relevant": "Regional-relevant", "industry_relevant": "Industry-relevant"}
KIND_COLOURS = {"Regional-relevant": "#009E73", "Industry-relevant": "#CC79A7"}

study = node_tables.study(parameters)
run, weak = study.run, study.weak
mapping = ecosystems.load_ecosystem_map()
found = node_tables.ecosystem_nodes(run, mapping)

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
# ecosystems miss at least one of their divisions. Health keeps only pharmaceuticals,
# devices and trade, without hospitals and care; agri-food has no farming; proximity has no
# social work or personal services. For these ecosystems no recomputation from these data
# can match the paper.

# %% tags=["remove-cell"]
coverage = ecosystems.ecosystem_coverage(run.employment.columns, mapping)
names = pd.read_csv(ecosystems.REFERENCE_DIR / "ecosystems.csv", dtype=str).set_index(
    "ecosystem_id"
)["ecosystem"]
compute(
    "ecosystems.count",
    len(coverage),
    unit="ecosystems",
    definition="rows of the mapping",
    fmt="{:d}",
)
compute(
    "ecosystems.coverage.incomplete",
    int((coverage["divisions_missing"] != "").sum()),
    unit="ecosystems",
    definition="ecosystems with a mapped division absent from SBS",
    fmt="{:d}",
)

# %% tags=["remove-input"]
show_table(
    coverage.reset_index()
    .assign(ecosystem=lambda d: d["ecosystem"] + " " + d["ecosystem"].map(names))
    .rename(
        columns={
            "ecosystem": "Ecosystem",
            "divisions_mapped": "Divisions mapped",
            "divisions_covered": "In the regional data",
            "divisions_missing": "Missing",
        }
    ),
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
# {glue}`ecosystems.deviation.largest.recomputed`, an ecosystem whose farming core the
# business statistics do not cover.

# %% tags=["remove-cell"]
tables = node_tables.ecosystem_tables(found, weak)
assert tables["recomputed_pct"].between(0, 100).all()
assert len(tables) == 2 * 2 * len(coverage)
for kind, node_type in node_tables.NODE_TYPE_NAMES.items():
    part = tables[tables["node_type"] == node_type]
    compute(
        f"ecosystems.deviation.{kind}",
        float(part["difference"].abs().mean()),
        unit="percentage points",
        definition=f"mean absolute difference, {node_type} table",
    )
largest = tables.loc[tables["difference"].abs().idxmax()]
compute(
    "ecosystems.deviation.largest.ecosystem",
    largest["ecosystem"],
    unit="",
    definition="ecosystem of the cell with the largest absolute deviation",
)
compute(
    "ecosystems.deviation.largest.group",
    largest["group"],
    unit="",
    definition="group of the cell with the largest absolute deviation",
)
compute(
    "ecosystems.deviation.largest.published",
    largest["published_pct"] / 100,
    unit="of regions",
    definition="published share with the largest deviation",
    fmt="{:.0%}",
)
compute(
    "ecosystems.deviation.largest.recomputed",
    largest["recomputed_pct"] / 100,
    unit="of regions",
    definition="recomputed share with the largest deviation",
    fmt="{:.0%}",
)
long = tables.melt(
    id_vars=["node_type", "table", "ecosystem_id", "ecosystem", "group"],
    value_vars=["published_pct", "recomputed_pct", "difference"],
    var_name="panel",
    value_name="pct",
).assign(
    label=lambda d: d["ecosystem_id"] + " " + d["ecosystem"],
    panel=lambda d: d["panel"].map(
        {"published_pct": "published", "recomputed_pct": "recomputed", "difference": "difference"}
    ),
)
limit = float(np.ceil(tables["difference"].abs().max() / 10) * 10)
for node_type in node_tables.NODE_TYPE_NAMES.values():
    part = long[long["node_type"] == node_type]
    shares = part[part["panel"] != "difference"]
    chart = alt.hconcat(
        charts.heatmap(
            shares,
            x="group",
            y="label",
            value="pct",
            column="panel",
            value_title="% regions",
            domain=(0, 100),
            x_sort=["weak", "non-weak"],
            cell=22,
        ),
        charts.heatmap(
            part[part["panel"] == "difference"],
            x="group",
            y="label",
            value="pct",
            value_title="difference",
            scheme="redblue",
            domain=(-limit, limit),
            x_sort=["weak", "non-weak"],
            title="recomputed - published",
            cell=22,
        ),
    ).resolve_scale(color="independent")
    glue(f"fig-ecosystems-{part['table'].iloc[0].lower().replace(' ', '')}", chart, display=False)

# %% [markdown]
# ```{glue:figure} fig-ecosystems-table2
# :name: fig-ecosystems-table2
#
# Regional-relevant ecosystem nodes: percentage of weak and non-weak regions with a node in
# each ecosystem, published (document 000, Table 2) and recomputed, and the difference in
# percentage points. Source: Franco and Wilson (2021); Eurostat sbs_r_nuts06_r2; own
# computation.
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
# ({numref}`tbl-ecosystems-means`). Recomputed, weak regions have more regional-relevant
# ecosystem nodes than the others, as published, and fewer industry-relevant ones, against
# the paper's near parity.

# %% tags=["remove-cell"]
means = node_tables.ecosystem_means(found, weak)
text = published.load("text_figures").set_index("statement_id")["value"]
paper_means = {
    ("regional_relevant", "weak"): "000.ecosystems.regional_nodes_weak",
    ("regional_relevant", "non_weak"): "000.ecosystems.regional_nodes_nonweak",
    ("industry_relevant", "weak"): "000.ecosystems.industry_nodes_weak",
    ("industry_relevant", "non_weak"): "000.ecosystems.industry_nodes_nonweak",
}
means_table = pd.DataFrame(
    [
        {
            "Nodes per region": KIND_NAMES[kind],
            "Group": group.replace("_", "-"),
            "Published": float(text[statement]),
            "Recomputed": means.loc[kind, group],
        }
        for (kind, group), statement in paper_means.items()
    ]
)

# %% tags=["remove-input"]
show_table(
    means_table,
    label="tbl-ecosystems-means",
    caption="Average number of ecosystem nodes per region: published (document 000, section "
    "'Presence of industrial ecosystems', text) and recomputed.",
    formats={"Published": "{:.1f}", "Recomputed": "{:.1f}"},
)

# %% [markdown]
# ## How firm is the weak/non-weak gap?
#
# The paper's headline is the sector-level gap of its Table 1 (see {doc}`nodes`). Every
# choice behind it is a parameter here, and {numref}`fig-ecosystems-grid` varies the two
# thresholds together. Weak regions have more regional-relevant nodes than the others at
# {glue}`ecosystems.grid.regional_positive` of the {glue}`ecosystems.grid.points` threshold
# pairs. For industry-relevant nodes the sign depends on the thresholds: at this chapter's
# industry share, weak regions have more such nodes from a location-quotient threshold of
# {glue}`ecosystems.grid.flip_lq` upwards, and they have more at
# {glue}`ecosystems.grid.industry_positive` of the pairs in all.

# %% tags=["remove-cell"]
threshold_gaps = node_tables.threshold_grid(run.found, study.classified, grid.lq, grid.share)
positive = threshold_gaps[threshold_gaps["gap"] > 0]
compute(
    "ecosystems.grid.points",
    len(grid.lq) * len(grid.share),
    unit="threshold pairs",
    definition="grid size",
    fmt="{:d}",
)
for kind in sp.NODE_KINDS:
    compute(
        f"ecosystems.grid.{kind.split('_')[0]}_positive",
        int((positive["node_kind"] == kind).sum()),
        unit="threshold pairs",
        definition=f"pairs where weak regions have more {kind.replace('_', '-')} nodes",
        fmt="{:d}",
    )
flips = positive[
    (positive["node_kind"] == "industry_relevant")
    & np.isclose(positive["share_threshold"], parameters.industry_share)
]
compute(
    "ecosystems.grid.flip_lq",
    f"{flips['lq_threshold'].min():g}" if len(flips) else "none in the grid",
    unit="",
    definition="smallest grid LQ threshold with a positive industry-relevant gap at the "
    "chapter's industry share",
)
grid_frame = threshold_gaps.assign(
    kind=lambda d: d["node_kind"].map(KIND_NAMES),
    lq=lambda d: d["lq_threshold"].map("LQ > {:g}".format),
    share=lambda d: d["share_threshold"].map("share > {:.1%}".format),
    gap_pct=lambda d: d["gap_pct"].replace([np.inf, -np.inf], np.nan),
)
grid_limit = float(np.ceil(grid_frame["gap_pct"].abs().max() / 10) * 10)
grid_chart = charts.heatmap(
    grid_frame,
    x="share",
    y="lq",
    value="gap_pct",
    column="kind",
    scheme="redblue",
    domain=(-grid_limit, grid_limit),
    value_title="gap, % of non-weak mean",
    cell=24,
    y_sort=[f"LQ > {v:g}" for v in grid.lq],
    x_sort=[f"share > {v:.1%}" for v in grid.share],
)
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
# {glue}`ecosystems.variants.industry_significant` of them. The years are not strictly
# comparable: the set of countries with data changes from year to year, from
# {glue}`ecosystems.variants.countries_min` to {glue}`ecosystems.variants.countries_max`
# countries. At NUTS 1 a region is weak when most of the employment of its labelled NUTS 2
# regions is in weak ones.
#
# The denominator matters most. With the other denominator (LFS total employment when this
# run uses the SBS sum, and the reverse), weak regions have
# {glue}`ecosystems.variants.denominator.regional_relevant.weak` regional-relevant nodes
# against {glue}`ecosystems.variants.denominator.regional_relevant.non_weak` in non-weak
# regions, and {glue}`ecosystems.variants.denominator.industry_relevant.weak` industry-relevant
# nodes against {glue}`ecosystems.variants.denominator.industry_relevant.non_weak`. Survey
# totals include farming and public services, which weigh more in weak regions, so the
# business sectors there have smaller shares and lower location quotients. That is closer to
# the paper's all-sector basis, and it brings the industry-relevant gap near the published
# one, but it divides workplace counts by residents and cannot be checked division by
# division.

# %% tags=["remove-cell"]
variants = {str(y): {"year": y} for y in node_tables.SBS_YEARS if y != parameters.year}
variants = {"this chapter": {}, **variants}
variants["EU-28 benchmark" if benchmark == "EU27" else "EU-27 benchmark"] = {
    "benchmark": "EU28" if benchmark == "EU27" else "EU27"
}
variants[f"NUTS {3 - geo_level}"] = {"geo_level": 3 - geo_level}
other_denominator = "lfs" if denominator == "sbs" else "sbs"
variants[f"denominator: {other_denominator.upper()}"] = {"denominator": other_denominator}
variants[f"suppressed: {'bound' if suppressed == 'exclude' else 'exclude'}"] = {
    "suppressed": "bound" if suppressed == "exclude" else "exclude"
}
gaps = node_tables.variant_gaps(study.sbs, parameters, variants, study.weak2)
industry_gaps = gaps[gaps["node_kind"] == "industry_relevant"]
compute(
    "ecosystems.variants.count",
    len(industry_gaps),
    unit="variants",
    definition="variants compared",
    fmt="{:d}",
)
compute(
    "ecosystems.variants.regional_positive",
    int((gaps.loc[gaps["node_kind"] == "regional_relevant", "gap"] > 0).sum()),
    unit="variants",
    definition="variants with more regional-relevant nodes in weak regions",
    fmt="{:d}",
)
compute(
    "ecosystems.variants.industry_negative",
    int((industry_gaps["gap"] < 0).sum()),
    unit="variants",
    definition="variants with fewer industry-relevant nodes in weak regions",
    fmt="{:d}",
)
compute(
    "ecosystems.variants.industry_significant",
    int(((industry_gaps["gap_low"] > 0) | (industry_gaps["gap_high"] < 0)).sum()),
    unit="variants",
    definition="variants whose bootstrap interval excludes zero",
    fmt="{:d}",
)
for name, pick in (("min", min), ("max", max)):
    compute(
        f"ecosystems.variants.countries_{name}",
        int(pick(gaps["countries"])),
        unit="countries",
        definition=f"{name} number of countries over the variants",
        fmt="{:d}",
    )
denominator_rows = gaps[gaps["variant"] == f"denominator: {other_denominator.upper()}"]
for row in denominator_rows.itertuples():
    for group in ("weak", "non_weak"):
        compute(
            f"ecosystems.variants.denominator.{row.node_kind}.{group}",
            getattr(row, group),
            unit="nodes per region",
            definition=f"mean {row.node_kind.replace('_', '-')} nodes with the "
            f"{other_denominator.upper()} denominator, {group.replace('_', '-')} regions",
        )
assert (gaps["gap_low"] <= gaps["gap_high"]).all()
variant_chart = charts.interval_dots(
    gaps.assign(kind=gaps["node_kind"].map(KIND_NAMES)),
    y="variant",
    x="gap",
    low="gap_low",
    high="gap_high",
    colour="kind",
    colours=KIND_COLOURS,
    x_format=".1f",
    x_title="weak minus non-weak nodes per region",
    y_sort=list(variants),
)
zero_line = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#777777").encode(x="zero:Q")
variant_chart = (variant_chart + zero_line).properties(height=alt.Step(15))
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
