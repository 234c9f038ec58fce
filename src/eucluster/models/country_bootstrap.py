"""Intervals with countries, not regions, as the independent units.

The nodes chapter's intervals resample regions as if each were an independent draw. Weak
regions, however, cluster in a few countries (all of Hungary's, most of Poland's and
Greece's), and regions of one country share their national statistics, institutions and
economic history. A block bootstrap treats the country as the unit: each draw takes as many
countries as there are, with replacement, and keeps all regions of every country drawn, so a
country drawn twice counts twice. The interval is the percentile interval of the statistic
over the draws.

Empty groups are never ignored silently: a draw that contains no weak region (only
countries without weak regions), no non-weak region, or (for the count models) no node of
the kind in one group has no defined gap or rate ratio. Such draws are dropped and their
number is returned with every interval, for the chapter to state.

Hand-written with numpy rather than :func:`scipy.stats.bootstrap`, which resamples
observations of equal weight: here one set of country draws, turned into frequency weights
per region (:func:`country_weights`), serves the gaps, the clustered-model comparison and the
count models of :mod:`eucluster.models.node_counts` alike, and scipy's statistic could mark an
empty group only by NaN, which turns the whole interval into NaN instead of dropping the draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import statsmodels.api as sm

from eucluster import data
from eucluster.measures import node_frames, traded, weak_gap
from eucluster.measures import specialisation as sp
from eucluster.measures.node_tables import NodeParameters
from eucluster.models import node_counts
from eucluster.models.node_counts import LEVEL


def country_weights(country: pd.Series, *, n_bootstrap: int, seed: int) -> np.ndarray:
    """(draws x regions) frequency weights: how often each region's country was drawn when
    as many countries as there are are drawn with replacement (``numpy`` generator seeded with
    ``seed``, so a rebuild gives the same draws)."""
    codes, names = pd.factorize(country)
    rng = np.random.default_rng(seed)
    drawn = rng.integers(0, len(names), size=(n_bootstrap, len(names)))
    per_country = np.zeros((n_bootstrap, len(names)))
    np.add.at(per_country, (np.arange(n_bootstrap)[:, None], drawn), 1.0)
    return per_country[:, codes]


def percentile_interval(values: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
    """Equal-tailed percentile interval of the finite ``values``."""
    tail = (1 - level) / 2
    low, high = np.quantile(values, [tail, 1 - tail])
    return float(low), float(high)


@dataclass(frozen=True)
class BootstrapInterval:
    """A statistic's country-bootstrap percentile interval and the draws it rests on."""

    low: float
    high: float
    draws: int  # draws the interval uses
    dropped: int  # draws without a defined statistic (an empty group)


def interval_from(values: np.ndarray) -> BootstrapInterval:
    """The interval of the defined draws of ``values`` (NaN marks an undefined draw)."""
    defined = np.isfinite(values)
    if not defined.any():
        raise ValueError("no bootstrap draw has a defined statistic: every draw had an empty group")
    low, high = percentile_interval(values[defined])
    return BootstrapInterval(low, high, int(defined.sum()), int((~defined).sum()))


def gap_draws(values: pd.Series, weak: pd.Series, weights: np.ndarray) -> np.ndarray:
    """Weak minus non-weak mean for each row of ``weights`` (NaN where a group is empty)."""
    is_weak = weak.to_numpy(bool)
    counts = values.to_numpy(float)
    weak_weight = weights[:, is_weak].sum(axis=1)
    other_weight = weights[:, ~is_weak].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        weak_mean = weights[:, is_weak] @ counts[is_weak] / weak_weight
        other_mean = weights[:, ~is_weak] @ counts[~is_weak] / other_weight
    gap = weak_mean - other_mean
    gap[(weak_weight == 0) | (other_weight == 0)] = np.nan
    return gap


def irr_draws(
    frame: pd.DataFrame, kind: str, weights: np.ndarray, fitted: node_counts.CountFit
) -> np.ndarray:
    """The weak rate ratio of ``fitted``'s model refitted on every draw (NaN where a group is
    empty or has no node of ``kind``, so that the ratio is 0 or undefined)."""
    exog = node_counts.design(frame, adjusted=fitted.adjusted)
    counts = frame[kind].to_numpy(float)
    is_weak = frame["weak"].to_numpy(bool)
    empty = (
        (weights[:, is_weak] @ counts[is_weak] == 0)
        | (weights[:, ~is_weak] @ counts[~is_weak] == 0)
        | (weights[:, is_weak].sum(axis=1) == 0)
        | (weights[:, ~is_weak].sum(axis=1) == 0)
    )
    start = fitted.params[exog.columns].to_numpy(float)
    coefficients, _ = node_counts.weighted_fits(
        exog.to_numpy(float), counts, weights, start, dispersion=fitted.dispersion
    )
    ratio = np.exp(coefficients[:, list(exog.columns).index("weak")])
    ratio[empty] = np.nan
    return ratio


@dataclass(frozen=True)
class GapIntervals:
    """The weak minus non-weak gap of one node kind with three intervals."""

    kind: str
    gap: float
    region_low: float  # region bootstrap of the nodes chapter (each group resampled)
    region_high: float
    country: BootstrapInterval
    clustered_low: float  # least squares on the weak dummy, country-clustered errors
    clustered_high: float

    @property
    def width_ratio(self) -> float:
        """Width of the country interval over the width of the region interval."""
        return (self.country.high - self.country.low) / (self.region_high - self.region_low)


def clustered_gap(frame: pd.DataFrame, kind: str) -> tuple[float, float, float]:
    """The gap as the slope of counts on the weak dummy (least squares), with a
    country-clustered interval: the analytic counterpart of the country bootstrap."""
    exog = node_counts.design(frame, adjusted=False)
    result = sm.OLS(frame[kind].astype(float), exog).fit(
        cov_type="cluster", cov_kwds={"groups": pd.factorize(frame["country"])[0]}
    )
    low, high = result.conf_int(alpha=1 - LEVEL).loc["weak"]
    return float(result.params["weak"]), float(low), float(high)


def gap_intervals(
    frame: pd.DataFrame, kind: str, weights: np.ndarray, region_interval: tuple[float, float]
) -> GapIntervals:
    """The gap of ``kind`` with its region-level interval (passed in, from the nodes
    chapter's test), its country-bootstrap interval and its clustered interval."""
    gap, clustered_low, clustered_high = clustered_gap(frame, kind)
    country = interval_from(gap_draws(frame[kind], frame["weak"], weights))
    return GapIntervals(kind, gap, *region_interval, country, clustered_low, clustered_high)


@dataclass(frozen=True)
class GapData:
    """What the node-gaps chapter analyses: one row per labelled region
    (:func:`eucluster.models.node_counts.region_frame`), the same regions with nodes counted
    in traded divisions only, the country-bootstrap weights of the run's seed and number of
    draws, and the region-level tests of the nodes chapter
    (:func:`eucluster.measures.weak_gap.table1_tests`) on the same regions."""

    frame: pd.DataFrame
    traded_frame: pd.DataFrame
    traded_divisions: int
    weights: np.ndarray
    region_tests: pd.DataFrame


def prepare(chosen: NodeParameters, weak_list: str = "2026") -> GapData:
    """Nodes per region of ``chosen``'s pure NUTS frame with the weak labels of ``weak_list``
    (:func:`eucluster.measures.node_frames.region_nodes`), the same with nodes counted in the
    traded divisions of :func:`eucluster.measures.traded.traded_divisions` only (the node rule
    still sees every division), the country draws and the region-level tests."""
    inputs = node_frames.frame_inputs(data.load("sbs_r_nuts06_r2"), chosen)
    nodes = node_frames.region_nodes(chosen, weak_list, inputs=inputs)
    frame = node_counts.region_frame(nodes)
    divisions = traded.traded_divisions()
    mask = inputs.frame_matrix([node_frames.as_frame(chosen)])
    member = inputs.membership(mask)[0]
    counts = node_frames.frame_counts(inputs, mask, pd.Index(divisions))
    traded_nodes = nodes.assign(**{kind: counts[kind][0][member] for kind in sp.NODE_KINDS})
    weights = country_weights(frame["country"], n_bootstrap=chosen.n_bootstrap, seed=chosen.seed)
    tests = weak_gap.table1_tests(frame[list(sp.NODE_KINDS)], frame["weak"], chosen)
    traded_frame = node_counts.region_frame(traded_nodes)
    return GapData(frame, traded_frame, len(divisions), weights, tests)
