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
# and {glue}`regions.non_weak.count` did not, a split close to, but not the same as, the one
# the ECCP discussion paper made on its own mix of regions.

# %% tags=["remove-cell"]
import altair as alt
import pandas as pd
from IPython.display import Markdown
from myst_nb import glue

from eucluster.data import published
from eucluster.geo import regions, weakness
from eucluster.report import charts
from eucluster.report.key_figures import KeyFigures
from eucluster.report.tables import markdown_table, show_table

charts.use_theme()
figures = KeyFigures("regions")
PERIOD = (2015, 2017)
MAP_BOUNDS = (-25.0, 34.0, 35.0, 72.0)  # lon/lat: mainland Europe, Cyprus, Iceland

# %% tags=["remove-cell"]
weak_labels = weakness.weakness(PERIOD)
counts = weak_labels["category"].value_counts().reindex(list(weakness.CATEGORIES))
figures.publish(
    "regions.study.count",
    len(weak_labels),
    unit="NUTS 2 regions",
    definition="EU-27 NUTS 2 regions of NUTS 2021 (GISCO), extra-regio codes excluded",
    fmt="{:d}",
)
figures.publish(
    "regions.weak.count",
    int(weak_labels["weak"].sum()),
    unit="NUTS 2 regions",
    definition="EU-27 NUTS 2 regions with GDP per head in PPS, mean of 2015-2017, below 75 % "
    "of the EU-27 average (nama_10r_2gdp, 2026 vintage)",
    fmt="{:d}",
)
figures.publish(
    "regions.non_weak.count",
    int((~weak_labels["weak"]).sum()),
    unit="NUTS 2 regions",
    definition="EU-27 NUTS 2 regions with GDP per head in PPS, mean of 2015-2017, at or above "
    "75 % of the EU-27 average",
    fmt="{:d}",
)
for category, count in counts.items():
    figures.publish(
        f"regions.category.{category.replace(' ', '_')}",
        int(count),
        unit="NUTS 2 regions",
        definition=f"EU-27 NUTS 2 regions in the cohesion category '{category}', 2015-2017",
        fmt="{:d}",
    )

# %% tags=["remove-cell"]
assert weak_labels.index.is_unique
assert int(weak_labels["weak"].sum()) + int((~weak_labels["weak"]).sum()) == len(weak_labels)
assert counts.sum() == len(weak_labels)
assert weak_labels["gdp_pps_pct_eu27"].notna().all()
assert (weak_labels["weak"] == (weak_labels["category"] == "less developed")).all()

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
shapes = regions.boundaries(2)
shapes = shapes.merge(weak_labels.reset_index()[["geo", "name", "gdp_pps_pct_eu27", "category"]])
shapes["category"] = shapes["category"].astype("str")
shapes["gdp"] = shapes["gdp_pps_pct_eu27"].round(0)
shapes = shapes[["geo", "name", "gdp", "category", "geometry"]]
outside = regions.outside_map(shapes, MAP_BOUNDS)
figures.publish(
    "regions.map.outside.count",
    len(outside),
    unit="NUTS 2 regions",
    definition="study regions wholly outside the map extent (outermost regions)",
    fmt="{:d}",
)
neighbours = regions.boundaries(0)
neighbours = neighbours[~neighbours["country"].isin(regions.EU27)][["geo", "geometry"]]
region_map = charts.category_map(
    shapes,
    background=neighbours,
    category="category",
    colours=charts.CATEGORY_COLOURS,
    bounds=MAP_BOUNDS,
    title="2015-2017",
    tooltip=[
        alt.Tooltip("properties.name:N", title="region"),
        alt.Tooltip("properties.geo:N", title="code"),
        alt.Tooltip("properties.gdp:Q", title="GDP per head, % of EU-27"),
        alt.Tooltip("properties.category:N", title="category"),
    ],
)
glue("fig-regions-map", charts.interactive(region_map, "regions-map"), display=False)

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
# the continent (they are part of every count): the Canary Islands, the Azores, Madeira and
# the French overseas regions.

# %% tags=["remove-cell"]
assert len(outside) < 15
assert shapes["geo"].nunique() == len(weak_labels)

# %% [markdown]
# ## How far regions are from the thresholds
#
# A category is a cut through a continuous measure. {numref}`fig-regions-distribution` shows
# where the regions lie: many sit close to a threshold, so a revision of the accounts, a
# different base period or a change of boundaries moves some of them across.

# %% tags=["remove-cell"]
distribution = (
    alt.Chart(weak_labels.reset_index())
    .mark_bar()
    .encode(
        x=alt.X(
            "gdp_pps_pct_eu27:Q",
            bin=alt.Bin(step=5),
            title="GDP per head in PPS, % of EU-27 average (2015-2017)",
        ),
        y=alt.Y("count():Q", title="regions"),
        color=alt.Color(
            "category:N",
            title=None,
            scale=alt.Scale(
                domain=list(charts.CATEGORY_COLOURS), range=list(charts.CATEGORY_COLOURS.values())
            ),
            legend=alt.Legend(orient="top-right"),
        ),
    )
)
rules = (
    alt.Chart(pd.DataFrame({"x": [weakness.LESS_DEVELOPED_BELOW, weakness.MORE_DEVELOPED_FROM]}))
    .mark_rule(strokeDash=[4, 3], color="#444444")
    .encode(x="x:Q")
)
glue("fig-regions-distribution", (distribution + rules).properties(width=520), display=False)
near = weak_labels["gdp_pps_pct_eu27"].sub(weakness.LESS_DEVELOPED_BELOW).abs() < 5
figures.publish(
    "regions.near_threshold.count",
    int(near.sum()),
    unit="NUTS 2 regions",
    definition="regions whose 2015-2017 GDP per head lies within 5 points of the 75 % threshold",
    fmt="{:d}",
)
lowest = weak_labels["gdp_pps_pct_eu27"].idxmin()
highest = weak_labels["gdp_pps_pct_eu27"].idxmax()
figures.publish(
    "regions.gdp.min",
    weak_labels.at[lowest, "gdp_pps_pct_eu27"],
    unit="% of EU-27 average",
    definition=f"lowest 2015-2017 GDP per head in PPS: {weak_labels.at[lowest, 'name']}",
    fmt="{:.0f}",
)
figures.publish(
    "regions.gdp.min_name", weak_labels.at[lowest, "name"], unit="", definition="region"
)
figures.publish(
    "regions.gdp.max",
    weak_labels.at[highest, "gdp_pps_pct_eu27"],
    unit="% of EU-27 average",
    definition=f"highest 2015-2017 GDP per head in PPS: {weak_labels.at[highest, 'name']}",
    fmt="{:.0f}",
)
figures.publish(
    "regions.gdp.max_name", weak_labels.at[highest, "name"], unit="", definition="region"
)

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
# {glue}`regions.near_threshold.count` regions lie within five points of the 75 % line.

# %% [markdown]
# ## The ECCP's 77 weak regions
#
# The ECCP discussion paper {cite:p}`franco_wilson_2021` applies the same 75 % rule to the
# regions mapped on the European Cluster Collaboration Platform and finds
# {glue}`regions.eccp.weak` structurally weak and {glue}`regions.eccp.non_weak` other regions,
# {glue}`regions.eccp.total` in all. That set mixes NUTS 1 and NUTS 2 regions, choosing for
# each country the level it considers most relevant for cluster policy, and the paper does
# not list it. It therefore cannot be rebuilt here: no combination is given, and the counts
# alone do not identify one. {numref}`tbl-regions-counts` sets the paper's counts beside the
# book's NUTS 2 counts and beside the same rule applied to the release of the regional
# accounts that the Commission used for the official 2021-2027 list (vintage 2019, NUTS 2016).

# %% tags=["remove-cell"]
paper = published.load("text_figures").set_index("statement_id")["value"]
citation = published.resource("text_figures").citation
eccp = {
    "weak": int(paper["000.eccp.regions_weak"]),
    "non_weak": int(paper["000.eccp.regions_nonweak"]),
    "total": int(paper["000.eccp.regions_total"]),
}
for key, value in eccp.items():
    figures.publish(
        f"regions.eccp.{key}",
        value,
        unit="ECCP regions",
        source=f"{citation}; document 000, section 'What can ECCP data tell us', line 173",
        fmt="{:d}",
    )
vintage_2019 = weakness.weakness_from_vintage("V2019", PERIOD)
figures.publish(
    "regions.vintage2019.weak.count",
    int(vintage_2019["weak"].sum()),
    unit="NUTS 2 regions",
    definition="EU-27 NUTS 2 (2016) regions below 75 % in 2015-2017, release vintage V2019",
    fmt="{:d}",
)
figures.publish(
    "regions.vintage2019.count",
    len(vintage_2019),
    unit="NUTS 2 regions",
    definition="EU-27 NUTS 2 (2016) regions with GDP values for 2015-2017 in vintage V2019",
    fmt="{:d}",
)
comparison = pd.DataFrame(
    [
        {
            "regions": "ECCP regions (NUTS 1/2 mix), document 000",
            "weak": eccp["weak"],
            "non-weak": eccp["non_weak"],
            "total": eccp["total"],
        },
        {
            "regions": "EU-27 NUTS 2 (2021), nama_10r_2gdp 2026 vintage",
            "weak": int(weak_labels["weak"].sum()),
            "non-weak": int((~weak_labels["weak"]).sum()),
            "total": len(weak_labels),
        },
        {
            "regions": "EU-27 NUTS 2 (2016), release vintage V2019",
            "weak": int(vintage_2019["weak"].sum()),
            "non-weak": int((~vintage_2019["weak"]).sum()),
            "total": len(vintage_2019),
        },
    ]
)
comparison["weak share"] = comparison["weak"] / comparison["total"]
assert (comparison["weak"] + comparison["non-weak"] == comparison["total"]).all()

# %% tags=["remove-input"]
show_table(
    comparison,
    label="tbl-regions-counts",
    caption="Weak (GDP per head below 75 % of the EU-27 average) and non-weak regions: the "
    "ECCP paper's count (document 000, line 173) and the same rule on Eurostat NUTS 2 data, "
    "2015-2017.",
    formats={"weak share": "{:.0%}"},
)

# %% [markdown]
# With the 2019 release the rule gives {glue}`regions.vintage2019.weak.count` weak regions
# out of {glue}`regions.vintage2019.count`; the 2026 release, on the 2021 boundaries, gives
# {glue}`regions.weak.count` out of {glue}`regions.study.count`. Both NUTS 2 shares
# ({glue}`regions.weak.share` in the 2026 release) are lower than the paper's
# {glue}`regions.eccp.weak_share`: the paper's mixed set holds relatively more weak regions.
#
# How much freedom does a mixed set leave? Suppose each country enters with all its NUTS 1 or
# all its NUTS 2 regions, and label NUTS 1 regions by the same rule. The EU-27 has
# {glue}`regions.nuts1.count` NUTS 1 and {glue}`regions.study.count` NUTS 2 regions, and
# {glue}`regions.mixes.count` of the possible country-by-country choices give exactly
# {glue}`regions.eccp.total` regions. Their weak counts run from {glue}`regions.mixes.weak_min`
# to {glue}`regions.mixes.weak_max` ({numref}`fig-regions-mixes`);
# {glue}`regions.mixes.matching` choices give the paper's {glue}`regions.eccp.weak` weak
# regions. The published counts are thus consistent with the statistics, but they do not
# single out one set of regions, and the ECCP's own list would be needed to rebuild it. The
# book therefore works with the NUTS 2 regions throughout.

# %% tags=["remove-cell"]
mixes, per_country = weakness.mixed_level_counts(eccp["total"], PERIOD)
figures.publish(
    "regions.weak.share",
    float(weak_labels["weak"].mean()),
    unit="share of EU-27 NUTS 2 regions",
    definition="weak NUTS 2 regions / all EU-27 NUTS 2 regions, 2015-2017",
    fmt="{:.0%}",
)
figures.publish(
    "regions.eccp.weak_share",
    eccp["weak"] / eccp["total"],
    unit="share of ECCP regions",
    definition="77 weak of 201 ECCP regions (document 000, line 173)",
    fmt="{:.0%}",
)
figures.publish(
    "regions.nuts1.count",
    int(per_country["nuts1"].sum()),
    unit="NUTS 1 regions",
    definition="EU-27 NUTS 1 regions (NUTS 2024 codes of the 2026 GDP release)",
    fmt="{:d}",
)
figures.publish(
    "regions.mixes.count",
    int(mixes["combinations"].sum()),
    unit="choices",
    definition="country-by-country choices of NUTS 1 or NUTS 2 that give exactly 201 regions",
    fmt="{:,d}",
)
figures.publish(
    "regions.mixes.weak_min",
    int(mixes["weak"].min()),
    unit="weak regions",
    definition="fewest weak regions among the 201-region choices",
    fmt="{:d}",
)
figures.publish(
    "regions.mixes.weak_max",
    int(mixes["weak"].max()),
    unit="weak regions",
    definition="most weak regions among the 201-region choices",
    fmt="{:d}",
)
matching = mixes.loc[mixes["weak"] == eccp["weak"], "combinations"]
figures.publish(
    "regions.mixes.matching",
    int(matching.sum()),
    unit="choices",
    definition="201-region choices with exactly 77 weak regions",
    fmt="{:,d}",
)
assert per_country["nuts2"].sum() == len(weak_labels)
mix_bars = (
    alt.Chart(mixes.assign(paper=mixes["weak"] == eccp["weak"]))
    .mark_bar(size=8)
    .encode(
        x=alt.X("weak:Q", title="weak regions among the 201", scale=alt.Scale(zero=False)),
        y=alt.Y("combinations:Q", title="country-by-country choices"),
        color=alt.condition(
            "datum.paper", alt.value(charts.GROUP_COLOURS["weak"]), alt.value("#9aa5b1")
        ),
        tooltip=["weak", "combinations"],
    )
    .properties(width=520, height=220)
)
glue("fig-regions-mixes", mix_bars, display=False)

# %% [markdown]
# ```{glue:figure} fig-regions-mixes
# :name: fig-regions-mixes
#
# Mixed NUTS 1 / NUTS 2 sets of exactly 201 EU-27 regions (each country at one level): number
# of choices by number of weak regions (GDP per head below 75 % of the EU-27 average,
# 2015-2017). Highlighted: the ECCP paper's 77. Source: Eurostat `nama_10r_2gdp` (2026 vintage).
# ```

# %% [markdown]
# ## Regions that change category from year to year
#
# The official rule averages three years to smooth out single-year swings. Applied year by
# year, {glue}`regions.changers.count` regions do not stay in one category through
# 2015-2023 ({numref}`fig-regions-changes`): {glue}`regions.changers.once` of them switch
# once, the others move back and forth across a threshold.

# %% tags=["remove-cell"]
changes = weakness.category_changes(range(2015, 2024))
figures.publish(
    "regions.changers.count",
    len(changes),
    unit="NUTS 2 regions",
    definition="EU-27 NUTS 2 regions with more than one single-year category in 2015-2023",
    fmt="{:d}",
)
year_columns = [c for c in changes.columns if c.isdigit()]
figures.publish(
    "regions.changers.once",
    int((changes["switches"] == 1).sum()),
    unit="NUTS 2 regions",
    definition="regions whose single-year category changes exactly once in 2015-2023",
    fmt="{:d}",
)
long = changes.reset_index().melt(
    id_vars=["geo", "name"], value_vars=year_columns, var_name="year", value_name="category"
)
long = long[long["category"] != ""]
long["region"] = long["name"].str.slice(0, 28) + " (" + long["geo"] + ")"
change_chart = (
    alt.Chart(long)
    .mark_rect(stroke="white", strokeWidth=0.5)
    .encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("region:N", title=None, sort=alt.SortField("region")),
        color=alt.Color(
            "category:N",
            title=None,
            scale=alt.Scale(
                domain=list(charts.CATEGORY_COLOURS), range=list(charts.CATEGORY_COLOURS.values())
            ),
            legend=alt.Legend(orient="top"),
        ),
        tooltip=["region", "year", "category"],
    )
    .properties(width=alt.Step(34), height=alt.Step(11))
)
glue("fig-regions-changes", change_chart, display=False)
assert (changes["categories"] > 1).all()

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
# already coded in NUTS 2024: the two Dutch regions whose codes changed are mapped back to
# NUTS 2021 with the JRC cross-walk, while the five new Portuguese regions have no NUTS 2021
# counterpart, so the three former Portuguese regions take their values from the 2021 release
# of the regional accounts instead.

# %% tags=["remove-cell"]
provenance = weakness.provenance(PERIOD).rename(
    columns={"rows_read": "rows read", "rows_used": "rows used", "not_used": "not used"}
)
assert (provenance["rows used"] <= provenance["rows read"]).all()


# %% tags=["remove-input"]
def with_widths(markdown: str, widths: str) -> Markdown:
    """A table with relative column widths, so that LaTeX does not squeeze the names."""
    return Markdown(markdown.replace(":align: center", f":align: center\n:widths: {widths}"))


with_widths(
    markdown_table(
        provenance.drop(columns="not used"),
        label="tbl-regions-provenance",
        caption="Data behind the weakness labels and the map: registered dataset, vintage, "
        "licence holder, first 12 hex digits of the sha256, rows read and rows used for the "
        "2015-2017 labels.",
    ),
    "35 11 16 16 11 11",
)

# %% [markdown]
# {numref}`tbl-regions-dropped` says why the other rows were not used.

# %% tags=["remove-input"]
with_widths(
    markdown_table(
        provenance[["dataset", "not used"]],
        label="tbl-regions-dropped",
        caption="Rows of each source not used for the 2015-2017 labels, and why.",
    ),
    "35 65",
)

# %% [markdown]
# Later chapters label regions through the same functions: `regions.weakness()` for NUTS 2021
# regions and `regions.weakness_for()` for the NUTS 2013 regions of the employment statistics,
# where a region that was later split keeps a label only if all its parts share it.
