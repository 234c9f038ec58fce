"""Charts of the specification-curve chapter: the curve against its null band, and which
choices sit where along it.

With thousands of specifications one tick per specification and choice (the classic
specification-curve panel) is neither legible at the PDF's width nor within Altair's row
limit. The curve is therefore drawn at evenly spaced ranks (at most :data:`CURVE_POINTS`), and
the choices as a heat map: for each stretch of the sorted curve (:data:`RANK_BINS` of them)
the share of its specifications that make each choice. A choice that is dark on the left and
pale on the right pulls the estimate down. Labels are at least 12 px in a 600 px chart, which
the PDF prints at about 8 pt.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from eucluster.models.curve_findings import DIMENSION_NAMES
from eucluster.models.curve_grid import DIMENSIONS
from eucluster.models.joint_curve import JointCurve

#: Most points of the curve drawn (evenly spaced ranks).
CURVE_POINTS = 400

#: Stretches of the sorted curve in the choice heat map.
RANK_BINS = 40

#: Width of both panels in px: with the choice labels the chart is about 600 px wide, which
#: the PDF scales to its text width.
WIDTH = 400

#: Label size in px: at least 11 px stays legible after the PDF's scaling.
LABEL_SIZE = 12

#: Short dimension names for the chart's row labels (the tables use the long ones).
SHORT_NAMES = {**DIMENSION_NAMES, "measure": "measure", "scope": "divisions"}

#: Colours of the estimates by significance (Okabe & Ito vermilion, blue, grey).
SIGNIFICANCE_COLOURS = {
    "significant, positive": "#D55E00",
    "significant, negative": "#0072B2",
    "not significant": "#999999",
}


def curve_points(result: JointCurve) -> pd.DataFrame:
    """The estimated specifications at evenly spaced ranks, with their significance class."""
    estimated = result.estimated.sort_values("rank")
    step = max(1, int(np.ceil(len(estimated) / CURVE_POINTS)))
    shown = estimated.iloc[::step].copy()
    shown["class"] = np.where(
        ~shown["significant"],
        "not significant",
        np.where(shown["coef"] > 0, "significant, positive", "significant, negative"),
    )
    return shown[["rank", "coef", "low", "high", "class"]]


def choice_shares(result: JointCurve, bins: int = RANK_BINS) -> pd.DataFrame:
    """For each stretch of the sorted curve, the share of its specifications making each
    choice of each dimension (one row per stretch x choice)."""
    estimated = result.estimated
    edges = np.linspace(0, len(estimated), bins + 1)
    stretch = np.searchsorted(edges, estimated["rank"].to_numpy(), side="left") - 1
    stretch = np.clip(stretch, 0, bins - 1)
    frames = []
    for dimension in DIMENSIONS:
        values = estimated[dimension].astype(str).str.replace("_", " ")
        if values.nunique() < 2:
            continue
        counts = pd.crosstab(stretch, values, normalize="index")
        long = counts.stack().rename("share").reset_index()
        long.columns = ["stretch", "value", "share"]
        long["choice"] = SHORT_NAMES[dimension] + ": " + long["value"]
        frames.append(long)
    table = pd.concat(frames, ignore_index=True)
    table["start"] = edges[table["stretch"]]
    table["end"] = edges[table["stretch"] + 1]
    return table[["choice", "start", "end", "share"]]


def curve_chart(result: JointCurve, *, y_title: str = "Estimate (1 SD of strength)"):
    """The sorted estimates with their intervals, the null band (2.5-97.5 % of the sorted null
    curves at each rank) and below the choices along the curve."""
    points = curve_points(result)
    total = len(result.estimated)
    x_scale = alt.Scale(domain=[0, total])
    colour = alt.Color(
        "class:N",
        title=None,
        scale=alt.Scale(
            domain=list(SIGNIFICANCE_COLOURS), range=list(SIGNIFICANCE_COLOURS.values())
        ),
        legend=alt.Legend(orient="top", labelFontSize=LABEL_SIZE, symbolSize=80),
    )
    x = alt.X("rank:Q", scale=x_scale, axis=None)
    band = (
        alt.Chart(result.null_band)
        .mark_area(color="#BBBBBB", opacity=0.45)
        .encode(x=x, y="low:Q", y2="high:Q")
    )
    null_median = alt.Chart(result.null_band).mark_line(color="#555555", strokeDash=[4, 3])
    null_median = null_median.encode(x=x, y="median:Q")
    base = alt.Chart(points).encode(x=x)
    intervals = base.mark_rule(opacity=0.35).encode(
        y=alt.Y(
            "low:Q",
            title=y_title,
            axis=alt.Axis(labelFontSize=LABEL_SIZE, titleFontSize=LABEL_SIZE),
        ),
        y2="high:Q",
        color=colour,
    )
    dots = base.mark_circle(size=14, opacity=1).encode(y="coef:Q", color=colour)
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#333333", strokeWidth=0.8)
    top = (band + intervals + zero.encode(y="y:Q") + null_median + dots).properties(
        width=WIDTH, height=230
    )
    shares = choice_shares(result)
    order = list(dict.fromkeys(shares["choice"]))
    bottom = (
        alt.Chart(shares)
        .mark_rect()
        .encode(
            x=alt.X(
                "start:Q",
                scale=x_scale,
                title="Specifications, sorted by estimate",
                axis=alt.Axis(
                    labelFontSize=LABEL_SIZE, titleFontSize=LABEL_SIZE, format="d", tickCount=5
                ),
            ),
            x2="end:Q",
            y=alt.Y(
                "choice:N",
                sort=order,
                title=None,
                axis=alt.Axis(labelFontSize=LABEL_SIZE, labelLimit=210),
            ),
            color=alt.Color(
                "share:Q",
                title="share of the stretch",
                scale=alt.Scale(scheme="greys", domain=[0, 1]),
                legend=alt.Legend(
                    orient="bottom",
                    format=".0%",
                    labelFontSize=LABEL_SIZE,
                    titleFontSize=LABEL_SIZE,
                    gradientLength=200,
                ),
            ),
        )
        .properties(width=WIDTH, height=15 * len(order))
    )
    return alt.vconcat(top, bottom, spacing=6).resolve_scale(color="independent")
