"""The node-gaps chapter's second objection: countries, not regions, as the units.

:func:`country_resampling` sets the weak minus non-weak gap of each node kind beside three
intervals (regions resampled, countries resampled, country-clustered errors) and states the
claims about them; :func:`verdicts` weighs the four comparisons of the chapter (before and
after the size adjustment, within countries, countries resampled) into its conclusion. The
size-adjusted models are in :mod:`eucluster.models.node_gap_findings`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eucluster.key_figures import Claim, Figure, computed
from eucluster.measures import specialisation as sp
from eucluster.measures.node_tables import KIND_NAMES
from eucluster.models import country_bootstrap as boot
from eucluster.models.node_gap_claims import (
    GAP_FORMAT,
    gap_claims,
    significant_side,
    verdict_claim,
)
from eucluster.models.node_gap_findings import (
    COMPARISONS,
    DEFAULT_OUTCOME,
    NOUNS,
    Section,
    SizeSection,
)


def country_resampling(
    frame: pd.DataFrame, weights: np.ndarray, region_tests: pd.DataFrame, expected=DEFAULT_OUTCOME
) -> Section:
    """The weak minus non-weak gaps with the region-bootstrap interval of the nodes chapter
    (``region_tests``, :func:`eucluster.measures.weak_gap.table1_tests`), the country-block
    bootstrap interval and the country-clustered interval; the table feeds the chart."""
    figures: list[Figure | Claim] = []
    rows = []
    for kind in sp.NODE_KINDS:
        region = (float(region_tests.loc[kind, "ci_low"]), float(region_tests.loc[kind, "ci_high"]))
        gaps = boot.gap_intervals(frame, kind, weights, region)
        prefix, noun = f"nodes.country_bootstrap.{kind}", NOUNS[kind]
        values = {
            "gap": (gaps.gap, "weak minus non-weak mean"),
            "gap_low": (gaps.country.low, "lower end, 95 % country-block bootstrap"),
            "gap_high": (gaps.country.high, "upper end, 95 % country-block bootstrap"),
            "region_low": (gaps.region_low, "lower end, 95 % region bootstrap (nodes chapter)"),
            "region_high": (gaps.region_high, "upper end, 95 % region bootstrap"),
            "clustered_low": (gaps.clustered_low, "lower end, 95 %, country-clustered errors"),
            "clustered_high": (gaps.clustered_high, "upper end, 95 %, country-clustered errors"),
        }
        figures += [
            computed(
                f"{prefix}.{name}", value, unit="nodes per region", definition=text, fmt=GAP_FORMAT
            )
            for name, (value, text) in values.items()
        ]
        figures.append(
            computed(
                f"{prefix}.width_ratio",
                gaps.width_ratio,
                unit="times",
                definition="country-bootstrap interval width / region-bootstrap width",
                fmt="{:.1f}",
            )
        )
        figures += gap_claims(prefix, noun, gaps, expected[kind]["gap_excludes"])
        for label, low, high in (
            ("regions resampled", gaps.region_low, gaps.region_high),
            ("countries resampled", gaps.country.low, gaps.country.high),
            ("country-clustered", gaps.clustered_low, gaps.clustered_high),
        ):
            rows.append(
                {
                    "kind": KIND_NAMES[kind],
                    "interval": label,
                    "gap": gaps.gap,
                    "low": low,
                    "high": high,
                }
            )
    return Section(figures, pd.DataFrame(rows))


def verdicts(size: SizeSection, resampled: Section, expected=DEFAULT_OUTCOME) -> list[Claim]:
    """For each node kind, which of :data:`COMPARISONS` find weak regions with significantly
    fewer or more nodes: the chapter's conclusion on what survives."""
    claims = []
    for kind in sp.NODE_KINDS:
        fits = size.fits[kind]
        rows = resampled.table[resampled.table["kind"] == KIND_NAMES[kind]]
        country = rows[rows["interval"] == "countries resampled"].iloc[0]
        found = (
            significant_side(fits["unadjusted"].low, fits["unadjusted"].high, 1.0),
            significant_side(fits["adjusted"].low, fits["adjusted"].high, 1.0),
            significant_side(fits["within"].low, fits["within"].high, 1.0),
            significant_side(country["low"], country["high"], 0.0),
        )
        claims.append(
            verdict_claim(
                f"nodes.node_gaps.{kind}.verdict",
                NOUNS[kind],
                dict(zip(COMPARISONS, found, strict=True)),
                dict(zip(COMPARISONS, expected[kind]["verdict"], strict=True)),
            )
        )
    return claims
