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


def coefficient_chart(coefficients: pd.DataFrame, *, title: str = "", x_title: str = ""):
    """Dots with 95 % intervals, one row per model (``coefficient_frame`` output)."""
    order = list(coefficients["model"])
    base = alt.Chart(coefficients).encode(
        y=alt.Y("model:N", sort=order, title=None),
    )
    rule = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("low:Q", title=x_title or "Coefficient (95 % interval)"), x2="high:Q"
    )
    dots = base.mark_circle(size=70, opacity=1).encode(
        x="coef:Q",
        tooltip=["model", alt.Tooltip("coef:Q", format=".3f"), alt.Tooltip("se:Q", format=".3f")],
    )
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="#777777", strokeDash=[4, 3])
    return (zero.encode(x="x:Q") + rule + dots).properties(
        title=title, width=420, height=24 * len(order)
    )


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


def specification_chart(curve: pd.DataFrame, main: dict, *, y_title: str = ""):
    """The specification curve: estimates with 95 % intervals sorted by size (top), and below
    them the choices that produced each estimate; the main specification in another colour."""
    data = curve.copy()
    is_main = np.ones(len(data), dtype=bool)
    for key, value in main.items():
        is_main &= data[key].to_numpy() == value
    data["main"] = np.where(is_main, "main specification", "other specifications")
    colour = alt.Color(
        "main:N",
        scale=alt.Scale(
            domain=["other specifications", "main specification"], range=list(POINT_COLOURS)
        ),
        title=None,
        legend=alt.Legend(orient="top"),
    )
    width = 560
    x = alt.X("rank:Q", axis=None, scale=alt.Scale(domain=[0, len(data) + 1]))
    base = alt.Chart(data).encode(x=x)
    intervals = base.mark_rule(opacity=0.5).encode(
        y=alt.Y("low:Q", title=y_title or "Estimate (95 % interval)"), y2="high:Q", color=colour
    )
    dots = base.mark_circle(size=18, opacity=1).encode(y="coef:Q", color=colour)
    highlight = (
        base.transform_filter(alt.datum.main == "main specification")
        .mark_point(size=160, shape="diamond", filled=True, color=POINT_COLOURS[1])
        .encode(y="coef:Q")
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#777777", strokeDash=[4, 3])
    top = (zero.encode(y="y:Q") + intervals + dots + highlight).properties(width=width, height=220)

    rows = []
    for column, title in (
        ("measure", "measure"),
        ("threshold", "threshold"),
        ("sample", "sample"),
        ("controls", "controls"),
        ("fixed_effects", "country FE"),
    ):
        for _, row in data.iterrows():
            rows.append(
                {
                    "rank": row["rank"],
                    "choice": f"{title}: {row[column]}",
                    "main": row["main"],
                    "group": title,
                }
            )
    choices = pd.DataFrame(rows)
    bottom = (
        alt.Chart(choices)
        .mark_tick(thickness=2, size=9)
        .encode(
            x=alt.X(
                "rank:Q",
                title="Specifications, sorted by estimate",
                scale=alt.Scale(domain=[0, len(data) + 1]),
                axis=alt.Axis(labels=False, ticks=False),
            ),
            y=alt.Y(
                "choice:N",
                title=None,
                sort=sorted(choices["choice"].unique()),
                axis=alt.Axis(labelLimit=300),
            ),
            color=colour,
        )
        .properties(width=width)
    )
    return alt.vconcat(top, bottom).resolve_scale(color="shared")


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
