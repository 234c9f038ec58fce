"""Charts of the node-gaps chapter: one gap, three intervals.

The chapter's point is that the width of an interval depends on what is taken as the
independent unit. The chart therefore draws, for each node kind, the same weak minus
non-weak gap three times, each with one interval (regions resampled, countries resampled,
country-clustered errors), around a zero line, in one colour per interval kind.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

#: One colour per interval kind (from the book's palette), in the order the legend lists them.
INTERVAL_COLOURS = {
    "regions resampled": "#0072B2",
    "countries resampled": "#D55E00",
    "country-clustered": "#009E73",
}


def gap_intervals(frame: pd.DataFrame) -> alt.LayerChart:
    """Dots for the gap and bars for its intervals; ``frame`` has columns ``kind``,
    ``interval``, ``gap``, ``low`` and ``high`` (see
    :func:`eucluster.models.node_gap_findings.country_resampling`)."""
    order = list(INTERVAL_COLOURS)
    colour = alt.Color(
        "interval:N",
        title=None,
        scale=alt.Scale(domain=order, range=list(INTERVAL_COLOURS.values())),
        legend=alt.Legend(orient="bottom", labelFontSize=12),
    )
    base = alt.Chart(frame).encode(
        y=alt.Y("kind:N", title=None, axis=alt.Axis(labelFontSize=12, labelLimit=200)),
        yOffset=alt.YOffset("interval:N", sort=order),
        color=colour,
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color="#777777").encode(x="zero:Q")
    bars = base.mark_rule(strokeWidth=2.5).encode(
        x=alt.X(
            "low:Q",
            title="Weak minus non-weak nodes per region (95 % interval)",
            axis=alt.Axis(format="+.1f", labelFontSize=12, titleFontSize=12),
        ),
        x2="high:Q",
    )
    dots = base.mark_point(filled=True, size=70).encode(
        x="gap:Q",
        tooltip=["kind", "interval", alt.Tooltip("low:Q", format="+.2f"), "high:Q"],
    )
    return alt.layer(zero, bars, dots).properties(width=520, height=alt.Step(30))
