"""Charts of the ecosystems chapter's mapping variants (Tables 2 and 3 under each mapping).

:mod:`eucluster.report.node_charts` draws the default recomputation beside the paper; this
module draws the same shares under every mapping variant of
:mod:`eucluster.measures.ecosystem_variants`, one column per variant after the published one,
so that a reader sees in which ecosystems a stricter mapping moves the shares towards the
paper and in which it moves them away.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from eucluster.measures.ecosystem_variants import VARIANTS

#: Text size of the cell labels: 11 px stays legible when a 600 px chart fills the PDF page.
CELL_FONT = 11


def variant_long(tables: pd.DataFrame) -> pd.DataFrame:
    """One row per table x ecosystem x group x column (``published`` or a variant label) with
    the share in percent; missing where a variant cannot measure the ecosystem."""
    key = ["node_type", "table", "ecosystem_id", "ecosystem", "group"]
    published = (
        tables[tables["variant"] == next(iter(VARIANTS))][[*key, "published_pct"]]
        .rename(columns={"published_pct": "pct"})
        .assign(column="published")
    )
    recomputed = (
        tables[[*key, "recomputed_pct", "variant"]]
        .rename(columns={"recomputed_pct": "pct"})
        .assign(column=lambda d: d["variant"].map({k: v.label for k, v in VARIANTS.items()}))
        .drop(columns="variant")
    )
    long = pd.concat([published, recomputed], ignore_index=True)
    return long.assign(label=long["ecosystem_id"] + " " + long["ecosystem"])


def variant_heatmaps(tables: pd.DataFrame) -> dict[str, alt.FacetChart]:
    """For Tables 2 and 3, a heatmap of the share of weak and non-weak regions (rows of
    panels) with an ecosystem node, published and under each mapping variant (columns),
    keyed by the glue name (``fig-ecosystems-mappings-table2``). Empty cells: the variant
    keeps no division of the ecosystem that the regional data have. The percentages are
    printed in the cells, so the colour needs no legend."""
    long = variant_long(tables)
    order = ["published", *(v.label for v in VARIANTS.values())]
    result = {}
    for table, part in long.groupby("table", sort=True):
        base = alt.Chart(part).encode(
            x=alt.X(
                "column:N",
                title=None,
                sort=order,
                axis=alt.Axis(labelAngle=-35, labelLimit=160, orient="top"),
            ),
            y=alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=230)),
        )
        cells = base.mark_rect().encode(
            color=alt.Color("pct:Q", legend=None, scale=alt.Scale(scheme="blues", domain=[0, 70])),
        )
        measured = base.transform_filter("isValid(datum.pct)")
        text = measured.mark_text(fontSize=CELL_FONT).encode(
            text=alt.Text("pct:Q", format=".0f"),
            color=alt.condition(alt.datum.pct > 40, alt.value("white"), alt.value("#222222")),
        )
        chart = (
            (cells + text)
            .properties(width=alt.Step(46), height=alt.Step(17))
            .facet(row=alt.Row("group:N", title=None, sort=["weak", "non-weak"]))
        )
        result[f"fig-ecosystems-mappings-{table.lower().replace(' ', '')}"] = chart
    return result
