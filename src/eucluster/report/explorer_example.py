"""The explorer's worked example: one region's results as key figures and claims.

The PDF cannot offer a drop-down, so the explorer chapter reads one region (its ``region``
parameter) in prose. Every sentence about that region is glued from here, so a re-run for
another region states that region's numbers, and says so plainly where a piece is missing
(no node data after a border change, not in the regression sample).
"""

from __future__ import annotations

import pandas as pd

from eucluster.key_figures import claim, computed, name_list
from eucluster.report.explorer_data import Explorer, check_region

PREFIX = "explorer.region"


def _text(key: str, value: str, definition: str):
    return computed(f"{PREFIX}.{key}", value, unit="text", definition=definition, fmt="{}")


def times(count: int) -> str:
    """``once``, ``twice``, ``3 times``."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def category_history(explorer: Explorer, code: str) -> list:
    """Latest GDP per head and category, and how often the category changed since 2000."""
    years = explorer.years[explorer.years["geo"] == code].sort_values("year")
    row = explorer.region(code)
    changes = int((years["category"] != years["category"].shift()).iloc[1:].sum())
    first, last = int(years["year"].iloc[0]), int(years["year"].iloc[-1])
    categories = name_list(list(dict.fromkeys(years["category"])))
    return [
        _text("code", code, "NUTS 2 (2021) code of the worked example (parameter region)"),
        _text("name", str(row["name"]), "Eurostat name of the region"),
        computed(
            f"{PREFIX}.gdp_pct_eu27",
            float(row["gdp_pps_pct_eu27"]),
            unit="% of EU-27",
            definition="GDP per head in PPS as % of the EU-27 average, latest year "
            "(nama_10r_2gdp, 2026 release)",
            fmt="{:.0f}",
        ),
        computed(f"{PREFIX}.latest_year", last, unit="year", definition="latest year", fmt="{}"),
        computed(f"{PREFIX}.first_year", first, unit="year", definition="first year", fmt="{}"),
        _text("category", str(row["category"]), "cohesion-policy category in the latest year"),
        _text("categories", categories, "categories the region held, in order of first year"),
        computed(
            f"{PREFIX}.category_changes",
            changes,
            unit="changes",
            definition="years in which the single-year category differs from the year before",
            fmt="{:d}",
        ),
        claim(
            f"{PREFIX}.category_changed",
            changes > 0,
            definition="the single-year category changed at least once over the years shown",
            if_true=f"its single-year category changed {times(changes)} between {first} and "
            f"{last} (categories held: {categories})",
            if_false=f"it held the same category in every year from {first} to {last}",
        ),
    ]


def nodes(explorer: Explorer, code: str) -> list:
    """The region's node counts against the median region and its strongest node."""
    row = explorer.region(code)
    median = float(explorer.regions["regional_nodes"].median())
    definition = "regional-relevant nodes above the median over the explorer's regions"
    if pd.isna(row["regional_nodes"]):
        summary = (
            "the nodes chapter has no nodes for it, because its borders were redrawn between "
            "the NUTS 2013 statistics and the 2021 map"
        )
        more = claim(
            f"{PREFIX}.more_nodes_than_median",
            False,
            definition=definition,
            if_true=f"more regional-relevant nodes than the median region ({median:.0f})",
            if_false="so it cannot be set against the median region",
        )
        return [_text("node_summary", summary, "the region's nodes in words"), more]
    cells = explorer.nodes[explorer.nodes["geo"] == code].sort_values("lq", ascending=False)
    regional, industry = int(row["regional_nodes"]), int(row["industry_nodes"])
    summary = f"in 2014 it had {regional} regional-relevant and {industry} industry-relevant nodes"
    if len(cells):
        summary += (
            f"; its most specialised node division is {cells['division'].iloc[0]} "
            f"({cells['title'].iloc[0]}, location quotient {cells['lq'].iloc[0]:.1f})"
        )
    return [
        _text("node_summary", summary, "the region's nodes in words"),
        claim(
            f"{PREFIX}.more_nodes_than_median",
            regional > median,
            definition=definition,
            if_true=f"more regional-relevant nodes than the median region ({median:.0f})",
            if_false=f"no more regional-relevant nodes than the median region ({median:.0f})",
        ),
    ]


def regression(explorer: Explorer, code: str) -> list:
    """The region's residual in the main regression, and its neighbours' mean residual."""
    row = explorer.region(code)
    definition = (
        "the region's residual and the mean residual of its nearest neighbours have the same sign"
    )
    if pd.isna(row["residual"]):
        summary = (
            "it is not in the main regression's sample (no SBS employment for the strength "
            "years under its 2021 code)"
        )
        return [
            _text("regression_summary", summary, "the region's place in the regression"),
            claim(
                f"{PREFIX}.like_neighbours",
                False,
                definition=definition,
                if_true="its nearest neighbours lean the same way",
                if_false="there is no residual to compare with its neighbours",
            ),
        ]
    residual, around = float(row["residual"]), float(row["neighbour_residual"])
    n = int(explorer.regions["residual"].notna().sum())
    richer = "richer" if residual > 0 else "poorer"
    summary = (
        f"in the main regression it is {abs(residual):.2f} log points {richer} than its "
        f"strength, controls and country predict (rank {int(row['residual_rank'])} of {n} "
        "from the top)"
    )
    return [
        _text("regression_summary", summary, "the region's place in the regression"),
        claim(
            f"{PREFIX}.like_neighbours",
            (residual > 0) == (around > 0),
            definition=definition,
            if_true=f"its nearest neighbours lean the same way (mean residual {around:+.2f})",
            if_false=f"its nearest neighbours lean the other way (mean residual {around:+.2f})",
        ),
    ]


def worked_example(explorer: Explorer, code: str) -> list:
    """Every key figure and claim of the worked example for region ``code``."""
    check_region(code, explorer.regions)
    coverage = [
        computed(
            f"explorer.coverage.{key}",
            value,
            unit="regions",
            definition=f"explorer regions: {key.replace('_', ' ')}",
            fmt="{:d}",
        )
        for key, value in explorer.coverage.items()
    ]
    return [
        *coverage,
        *category_history(explorer, code),
        *nodes(explorer, code),
        *regression(explorer, code),
    ]
