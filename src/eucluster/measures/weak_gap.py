"""How firm the weak/non-weak gap in node counts is.

The ECCP paper reads a policy conclusion from a difference in mean node counts between weak and
non-weak regions (its Table 1), without an interval and for one set of choices. This module
asks the two questions a reader should ask of such a gap: is it larger than the noise
(:func:`compare_groups`: Welch and Mann-Whitney tests and a bootstrap interval), and does it
survive other reasonable choices (:func:`threshold_grid` for the two thresholds,
:func:`variant_gaps` for the year, benchmark, region frame, unpublished cells and
denominator, one change at a time as :func:`one_at_a_time` lists them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from eucluster.geo import weakness
from eucluster.measures import specialisation as sp
from eucluster.measures.node_tables import (
    SBS_YEARS,
    NodeParameters,
    compute_nodes,
    countries,
    group_means,
    weak_for,
)


@dataclass(frozen=True)
class GroupTest:
    """Weak minus non-weak difference in means, with two tests and a bootstrap interval."""

    difference: float
    welch_t: float
    welch_p: float
    mann_whitney_u: float
    mann_whitney_p: float
    ci_low: float
    ci_high: float
    level: float
    n_bootstrap: int
    seed: int


def _difference_in_means(weak: np.ndarray, other: np.ndarray, axis: int = -1) -> np.ndarray:
    return weak.mean(axis=axis) - other.mean(axis=axis)


def compare_groups(
    values: pd.Series, weak: pd.Series, *, seed: int, n_bootstrap: int = 2000, level: float = 0.95
) -> GroupTest:
    """Welch's t-test, the Mann-Whitney U test (both two-sided) and a percentile bootstrap
    interval of the difference in means, resampling each group separately.

    Node counts are small integers with many ties and skew, hence the rank test beside the
    t-test; the bootstrap gives an interval without assuming normal means. ``seed`` fixes the
    resampling so that a rebuild reproduces the interval exactly.

    The interval is :func:`scipy.stats.bootstrap` (``method="percentile"``, a generator seeded
    with ``seed``). It draws the resamples of the weak group, then those of the non-weak
    group, with the same calls as the hand-written resampling it replaced, so the published
    intervals are unchanged to the last digit (``tests/test_node_tables.py`` checks the two
    against each other).
    """
    aligned = weakness.classified(values.index, weak)
    weak_values = values.loc[aligned.index][aligned].to_numpy(float)
    other_values = values.loc[aligned.index][~aligned].to_numpy(float)
    welch = stats.ttest_ind(weak_values, other_values, equal_var=False)
    rank = stats.mannwhitneyu(weak_values, other_values, alternative="two-sided")
    interval = stats.bootstrap(
        (weak_values, other_values),
        _difference_in_means,
        n_resamples=n_bootstrap,
        confidence_level=level,
        method="percentile",
        vectorized=True,
        rng=np.random.default_rng(seed),
    ).confidence_interval
    low, high = interval.low, interval.high
    return GroupTest(
        difference=float(weak_values.mean() - other_values.mean()),
        welch_t=float(welch.statistic),
        welch_p=float(welch.pvalue),
        mann_whitney_u=float(rank.statistic),
        mann_whitney_p=float(rank.pvalue),
        ci_low=float(low),
        ci_high=float(high),
        level=level,
        n_bootstrap=n_bootstrap,
        seed=seed,
    )


def table1_tests(counts: pd.DataFrame, weak: pd.Series, parameters: NodeParameters) -> pd.DataFrame:
    """:func:`compare_groups` for both node kinds, one row each."""
    rows = {
        kind: dataclasses.asdict(
            compare_groups(
                counts[kind], weak, seed=parameters.seed, n_bootstrap=parameters.n_bootstrap
            )
        )
        for kind in sp.NODE_KINDS
    }
    frame = pd.DataFrame(rows).T
    frame.index.name = "node_kind"
    return frame


#: The default threshold grid of the ecosystems chapter (LQ thresholds, share thresholds): its
#: papermill parameters cell repeats these literals (papermill needs literals there), and a
#: test keeps the two equal. Other chapters that restate the grid's result use these.
DEFAULT_GRID_LQ = (1.25, 1.5, 2.0, 3.0)
DEFAULT_GRID_SHARE = (0.005, 0.01, 0.02, 0.05)


def threshold_grid(
    found: sp.Nodes,
    weak: pd.Series,
    lq_values: list[float],
    share_values: list[float],
) -> pd.DataFrame:
    """Mean nodes per region in each group, and the gap (weak - non-weak), for every pair of
    LQ and share threshold (the share threshold is applied to the regional share for
    regional-relevant and to the industry share for industry-relevant nodes).

    The ratios of ``found`` are reused; the whole grid is one broadcast comparison.
    """
    aligned = weakness.classified(found.lq.index, weak)
    is_weak = aligned.to_numpy()
    lq = found.lq.loc[aligned.index].to_numpy()
    lq_axis = np.asarray(lq_values, float)[:, None, None, None]
    share_axis = np.asarray(share_values, float)[None, :, None, None]
    rows = []
    for kind, ratio in (
        ("regional_relevant", found.regional_share),
        ("industry_relevant", found.industry_share),
    ):
        flags = sp.node_rule(lq, ratio.loc[aligned.index].to_numpy(), lq_axis, share_axis)
        per_region = flags.sum(axis=3)  # lq x share x region
        weak_mean = per_region[..., is_weak].mean(axis=2)
        other_mean = per_region[..., ~is_weak].mean(axis=2)
        for i, lq_value in enumerate(lq_values):
            for j, share_value in enumerate(share_values):
                rows.append((kind, lq_value, share_value, weak_mean[i, j], other_mean[i, j]))
    grid = pd.DataFrame(
        rows, columns=["node_kind", "lq_threshold", "share_threshold", "weak", "non_weak"]
    )
    grid["gap"] = grid["weak"] - grid["non_weak"]
    grid["gap_pct"] = 100 * grid["gap"] / grid["non_weak"]
    return grid


def variant_gaps(
    sbs_frame: pd.DataFrame,
    base: NodeParameters,
    variants: Mapping[str, Mapping[str, object]],
    weak_nuts2: pd.Series,
) -> pd.DataFrame:
    """Group means and gaps with a 95 % interval for each variant of ``base``.

    ``variants`` maps a label to parameter changes (``{"2010": {"year": 2010}}``,
    ``{"NUTS 1": {"geo_level": 1}}``); ``weak_nuts2`` is the NUTS 2 classification
    (:func:`~eucluster.measures.node_tables.weak_nuts2`), carried to NUTS 1 by
    :func:`~eucluster.measures.node_tables.weak_for`. Each row also says how many
    regions were compared, because the set of countries with data changes between years.
    """
    rows = []
    for label, changes in variants.items():
        parameters = base.replace(**changes)
        run = compute_nodes(sbs_frame, parameters)
        counts = run.counts
        weak = weak_for(sbs_frame, parameters, weak_nuts2)
        means = group_means(counts, weak)
        for kind in sp.NODE_KINDS:
            test = compare_groups(
                counts[kind], weak, seed=parameters.seed, n_bootstrap=parameters.n_bootstrap
            )
            rows.append(
                {
                    "variant": label,
                    "node_kind": kind,
                    "weak": means.loc[kind, "weak"],
                    "non_weak": means.loc[kind, "non_weak"],
                    "gap": test.difference,
                    "gap_low": test.ci_low,
                    "gap_high": test.ci_high,
                    "n_weak": int(means.loc[kind, "n_weak"]),
                    "n_non_weak": int(means.loc[kind, "n_non_weak"]),
                    "countries": len(set(countries(counts.index))),
                }
            )
    return pd.DataFrame(rows)


def one_at_a_time(base: NodeParameters) -> dict[str, dict[str, object]]:
    """The variants of ``base`` the ecosystems chapter compares, each changing one choice:
    ``base`` itself, every other SBS year, the other benchmark (EU-27 or EU-28), the other
    NUTS level, the other denominator and the other treatment of unpublished cells. Labels
    name the change, so a re-run under other parameters still labels its variants truly."""
    other_benchmark = "EU28" if base.benchmark == "EU27" else "EU27"
    other_denominator = "lfs" if base.denominator == "sbs" else "sbs"
    other_suppressed = "bound" if base.suppressed == "exclude" else "exclude"
    variants: dict[str, dict[str, object]] = {"this chapter": {}}
    variants.update({str(year): {"year": year} for year in SBS_YEARS if year != base.year})
    variants[f"{other_benchmark.replace('EU', 'EU-')} benchmark"] = {"benchmark": other_benchmark}
    variants[f"NUTS {3 - base.geo_level}"] = {"geo_level": 3 - base.geo_level}
    variants[denominator_label(other_denominator)] = {"denominator": other_denominator}
    variants[f"suppressed: {other_suppressed}"] = {"suppressed": other_suppressed}
    return variants


def denominator_label(denominator: str) -> str:
    """The label of the variant that uses ``denominator`` (e.g. ``denominator: LFS``)."""
    return f"denominator: {denominator.upper()}"
