"""Charts of the regression chapter: coefficients with intervals, flagged scatters (the
added-variable plot and the residual diagnostics) and the specification curve.

They take the frames that :mod:`eucluster.models` returns, so the chapter states only what it
shows (titles, sizes); the shared look comes from :mod:`eucluster.report.charts`. Capital
regions are drawn in a second colour and labelled because they are the regions a reader
expects to stand out.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

#: Colours of ordinary and highlighted points (Okabe & Ito blue and vermilion).
POINT_COLOURS = ("#0072B2", "#D55E00")


def flagged_scatter(
    frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    flag: str,
    flag_labels: tuple[str, str] = ("other regions", "capital regions"),
    x_title: str = "",
    y_title: str = "",
    title: str = "",
    fit_line: bool = False,
    zero_line: bool = False,
):
    """Scatter of ``y`` on ``x`` with the rows where ``flag`` is true drawn in a second colour
    (and labelled by their index); optional least-squares line and zero line."""
    data = frame[[x, y, flag]].copy()
    data["group"] = np.where(data[flag], flag_labels[1], flag_labels[0])
    data["region"] = frame.index.astype(str)
    colour = alt.Color(
        "group:N",
        scale=alt.Scale(domain=list(flag_labels), range=list(POINT_COLOURS)),
        title=None,
        legend=alt.Legend(orient="bottom"),
    )
    base = alt.Chart(data)
    points = base.mark_circle(size=30, opacity=0.75).encode(
        x=alt.X(f"{x}:Q", title=x_title or x, scale=alt.Scale(zero=False)),
        y=alt.Y(f"{y}:Q", title=y_title or y, scale=alt.Scale(zero=False)),
        color=colour,
        tooltip=[
            "region",
            alt.Tooltip(f"{x}:Q", format=".3f"),
            alt.Tooltip(f"{y}:Q", format=".3f"),
        ],
    )
    labels = (
        base.transform_filter(alt.datum.group == flag_labels[1])
        .mark_text(align="left", dx=4, dy=-4, fontSize=9, color=POINT_COLOURS[1])
        .encode(x=f"{x}:Q", y=f"{y}:Q", text="region:N")
    )
    layers = [points, labels]
    if fit_line:
        layers.append(
            base.transform_regression(x, y)
            .mark_line(color="#000000")
            .encode(x=f"{x}:Q", y=f"{y}:Q")
        )
    if zero_line:
        layers.insert(
            0,
            alt.Chart(pd.DataFrame({"y": [0.0]}))
            .mark_rule(color="#777777", strokeDash=[4, 3])
            .encode(y="y:Q"),
        )
    return alt.layer(*layers).properties(title=title, width=420, height=280)


def residual_panels(influence: pd.DataFrame, flag: str = "capital"):
    """Residuals against fitted values above studentised residuals against leverage (the
    table of :func:`eucluster.models.prosperity.influence_summary`), stacked, not side by
    side: two panels in a row come out too small in the PDF."""
    residuals = flagged_scatter(
        influence,
        x="fitted",
        y="residual",
        flag=flag,
        x_title="Fitted log GDP per head",
        y_title="Residual",
        title="Residuals against fitted values",
        zero_line=True,
    )
    leverage = flagged_scatter(
        influence,
        x="leverage",
        y="studentized",
        flag=flag,
        x_title="Leverage",
        y_title="Studentised residual",
        title="Influence",
        zero_line=True,
    )
    return alt.vconcat(residuals.properties(height=240), leverage.properties(height=240))
