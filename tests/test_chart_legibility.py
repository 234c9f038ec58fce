"""Charts print legibly: no text under 7 pt once the PDF has fitted the chart to the page."""

import re

import altair as alt
import pandas as pd
import pytest

from eucluster.paths import PROJECT_ROOT
from eucluster.report import print_legibility as legibility

#: Chapters whose charts are held to the print size (the others: see the report of issue 16).
CHECKED_CHAPTERS = [
    "documents",
    "regions",
    "nodes",
    "node_gaps",
    "ecosystems",
    "organisations",
    "recommendations",
    "audit",
]


def svg(width, height, *sizes):
    texts = "".join(f'<text font-size="{size}px">x</text>' for size in sizes)
    return f'<svg class="marks" width="{width}" height="{height}" viewBox="0 0 1 1">{texts}</svg>'


def test_a_wide_chart_prints_its_text_smaller():
    narrow = legibility.smallest_print_pt(svg(500, 300, 11, 12))
    wide = legibility.smallest_print_pt(svg(1000, 300, 11, 12))
    assert narrow == pytest.approx(2 * wide)
    assert narrow > legibility.READABLE_PT > wide


def test_a_tall_chart_is_limited_by_the_page_height():
    assert legibility.print_scale(500, 2000) == pytest.approx(legibility.MAX_HEIGHT_CM / 2000)
    assert legibility.smallest_print_pt(svg(400, 2300, 11)) < legibility.READABLE_PT


def test_a_chart_without_text_is_never_too_small():
    assert legibility.smallest_print_pt(svg(100, 100)) == float("inf")


def test_long_labels_wrap_and_short_ones_stay():
    expr = legibility.wrapped_label_expr(["short", "a much longer label that needs two lines"], 20)
    assert (
        '"a much longer label that needs two lines": ["a much longer label", "that needs two'
        in expr
    )
    assert '"short"' not in expr
    assert legibility.wrapped_label_expr(["short"], 20) == "datum.label"


def test_a_rendered_chart_is_measured():
    frame = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    chart = alt.Chart(frame).mark_bar().encode(y="a:N", x="b:Q").properties(width=300)
    assert legibility.chart_print_pt(chart) > legibility.READABLE_PT
    assert legibility.chart_print_pt(chart.properties(width=2000)) < legibility.READABLE_PT


def chapter_charts(chapter: str) -> dict[str, str]:
    """Figure label -> SVG text of each static chart on a chapter's HTML page."""
    html = PROJECT_ROOT / "_build" / "html"
    page = (html / "book" / f"{chapter}.html").read_text(encoding="utf-8")
    found = {}
    for figure in re.finditer(r'<figure[^>]*id="(fig-[^"]+)".*?</figure>', page, re.S):
        source = re.search(r'src="\.\./(_images/[^"]+\.svg)"', figure.group(0))
        if source:
            found[figure.group(1)] = (html / source.group(1)).read_text(encoding="utf-8")
    return found


@pytest.mark.build
@pytest.mark.parametrize("chapter", CHECKED_CHAPTERS)
def test_every_chart_prints_its_text_at_7_pt_or_more(chapter):
    sizes = {
        label: round(legibility.smallest_print_pt(text), 1)
        for label, text in chapter_charts(chapter).items()
    }
    small = {label: pt for label, pt in sizes.items() if pt < legibility.READABLE_PT}
    assert not small, f"text under {legibility.READABLE_PT} pt in print: {small}"


NODE_TABLES = [("regional-relevant", "Table 2"), ("industry-relevant", "Table 3")]


def ecosystem_tables() -> pd.DataFrame:
    """Tables 2 and 3 in the shape the ecosystems chapter gives the chart: 14 ecosystems with
    the chapter's longest name, two groups, published and recomputed shares."""
    rows = [
        {
            "node_type": node_type,
            "table": table,
            "ecosystem_id": f"E{number:02d}",
            "ecosystem": "Mobility-Transport-Automotive",
            "group": group,
            "published_pct": 61.0,
            "recomputed_pct": 15.0,
            "difference": -46.0,
        }
        for node_type, table in NODE_TABLES
        for number in range(1, 15)
        for group in ("weak", "non-weak")
    ]
    return pd.DataFrame(rows)


def test_the_ecosystem_table_heatmaps_print_at_7_pt():
    from eucluster.report import node_charts

    heatmaps = node_charts.ecosystem_table_heatmaps(ecosystem_tables())
    assert set(heatmaps) == {"fig-ecosystems-table2", "fig-ecosystems-table3"}
    for chart in heatmaps.values():
        assert legibility.chart_print_pt(chart) >= legibility.READABLE_PT


def test_the_threshold_grid_prints_at_7_pt():
    from eucluster.report import node_charts

    lq_values, share_values = (1.25, 1.5, 2.0, 3.0), (0.005, 0.01, 0.02, 0.05)
    gaps = pd.DataFrame(
        [
            {"node_kind": kind, "lq_threshold": lq, "share_threshold": share, "gap_pct": -90.0}
            for kind in ("regional_relevant", "industry_relevant")
            for lq in lq_values
            for share in share_values
        ]
    )
    chart = node_charts.threshold_gap_heatmap(gaps, lq_values, share_values)
    assert legibility.chart_print_pt(chart) >= legibility.READABLE_PT
