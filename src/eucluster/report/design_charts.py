"""The regression chapter's chart of its designs: each coefficient with two 95 % intervals.

With 26 country clusters, a few of them single regions, the interval from the clustered
standard error and a normal reference distribution is too narrow; the wild cluster bootstrap
interval (:class:`eucluster.models.inference.WildTest`) is the one the chapter's verdicts
use. Drawing both on each row shows by how much the bootstrap widens each design's interval.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

#: Colours of the two intervals (Okabe & Ito grey-blue and vermilion).
INTERVAL_COLOURS = ("#56B4E9", "#D55E00")


def interval_chart(coefficients: pd.DataFrame, *, x_title: str = "", row_height: int = 30):
    """Dots with two intervals per row (``designs.design_coefficients`` output: ``model``,
    ``interval``, ``coef``, ``low``, ``high``), the intervals side by side within the row and
    coloured by kind, with a legend below the plot."""
    order = list(dict.fromkeys(coefficients["model"]))
    kinds = list(dict.fromkeys(coefficients["interval"]))
    base = alt.Chart(coefficients).encode(
        y=alt.Y("model:N", sort=order, title=None, axis=alt.Axis(labelLimit=220)),
        yOffset=alt.YOffset("interval:N", sort=kinds),
    )
    colour = alt.Color(
        "interval:N",
        scale=alt.Scale(domain=kinds, range=list(INTERVAL_COLOURS[: len(kinds)])),
        legend=alt.Legend(orient="bottom", title="95 % interval"),
    )
    rules = base.mark_rule(strokeWidth=2.5).encode(
        x=alt.X("low:Q", title=x_title or "Coefficient (95 % interval)"),
        x2="high:Q",
        color=colour,
        tooltip=[
            "model",
            "interval",
            alt.Tooltip("coef:Q", format=".3f"),
            alt.Tooltip("low:Q", format=".3f"),
            alt.Tooltip("high:Q", format=".3f"),
        ],
    )
    dots = base.mark_circle(size=45, opacity=1, color="#222222").encode(x="coef:Q")
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="#777777", strokeDash=[4, 3])
    return (zero.encode(x="x:Q") + rules + dots).properties(
        width=420, height=row_height * len(order)
    )
