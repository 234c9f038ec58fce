"""The ECCP paper's Tables 1-3 recomputed from Eurostat regional employment.

Franco & Wilson (2021, document 000) count specialisation nodes in 88 NACE divisions for 201
ECCP regions (a mix of NUTS 1 and NUTS 2) and compare weak with non-weak regions. Their
employment source and region list are not published, so this module recomputes the same
quantities from what is public, and keeps every choice a parameter so that the book can show
how much each one moves the result:

* **Employment**: Eurostat ``sbs_r_nuts06_r2`` (persons employed, ``V16110``), which covers the
  business economy only: 68 divisions of sections B-J, L, M, N and S95 (no agriculture, finance,
  public services, health or arts), against the paper's 88.
* **Denominator**: the region's employment summed over those 68 divisions (SBS business
  economy), not LFS total employment. LFS counts people where they live and by section groups
  only, so mixing it with SBS workplace counts would put numerator and denominator on different
  bases; the price is that shares of "regional employment" are shares of business-economy
  employment, larger than shares of all employment, so the 1 % regional-relevance threshold is
  easier to pass than in the paper.
* **Regions and benchmark**: NUTS 2 (or NUTS 1) regions of the EU-27 are analysed; the EU
  benchmark (``E_s`` and ``E`` in the LQ) is EU-27 by default, EU-28 as a variant.
* **Unpublished cells**: ``suppressed`` (see :mod:`eucluster.measures.specialisation`).

The weak/non-weak split is not computed here: callers pass a boolean Series (region -> weak)
from :mod:`eucluster.geo.regions`, so that every chapter uses one definition of weakness.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from eucluster import data
from eucluster.data import published
from eucluster.geo import weakness
from eucluster.geo.regions import EU27
from eucluster.geo.weakness import align_weak, weak_by_parent
from eucluster.measures import ecosystems
from eucluster.measures import specialisation as sp

#: Countries whose regions make up the EU benchmark of the LQ.
BENCHMARKS = {"EU27": tuple(EU27), "EU28": (*EU27, "UK")}
#: Region totals: SBS business economy (sum over divisions) or LFS total employment.
DENOMINATORS = ("sbs", "lfs")
#: LFS employment by region (thousands, place of residence), all ages from 15.
LFS_DATASET, LFS_SEX, LFS_AGE = "lfst_r_lfe2emp", "T", "Y_GE15"
#: Years of the 2017 vintage of ``sbs_r_nuts06_r2``.
SBS_YEARS = tuple(range(2008, 2016))
#: Row labels of the published Table 1 for each node kind.
TABLE1_ROWS = {
    "regional_relevant": "Average Number of Regional-Relevant Specialisation Nodes",
    "industry_relevant": "Average Number of Industry-Relevant Specialisation Nodes",
}
GROUP_LABELS = {True: "weak", False: "non-weak"}


@dataclass(frozen=True)
class NodeParameters:
    """Every choice behind a node count, checked when created so that a chapter run with bad
    papermill parameters stops before computing anything."""

    lq_threshold: float = 1.5
    regional_share: float = 0.01
    industry_share: float = 0.01
    year: int = 2014
    suppressed: str = "exclude"
    geo_level: int = 2
    benchmark: str = "EU27"
    seed: int = 2021
    n_bootstrap: int = 2000
    denominator: str = "sbs"

    def __post_init__(self) -> None:
        sp._check_lq_threshold(self.lq_threshold)
        sp._check_fraction(self.regional_share, "regional_share")
        sp._check_fraction(self.industry_share, "industry_share")
        sp._check_suppressed(self.suppressed)
        _check_int(self.year, "year", SBS_YEARS[0], SBS_YEARS[-1])
        _check_int(self.geo_level, "geo_level", 1, 2)
        _check_int(self.seed, "seed", 0, 2**32 - 1)
        _check_int(self.n_bootstrap, "n_bootstrap", 100, 1_000_000)
        if self.denominator not in DENOMINATORS:
            raise ValueError(
                f"denominator must be one of {DENOMINATORS}, got {self.denominator!r}: 'sbs' "
                "is employment summed over the SBS divisions, 'lfs' total employment (LFS)"
            )
        if self.benchmark not in BENCHMARKS:
            raise ValueError(f"benchmark must be one of {list(BENCHMARKS)}, got {self.benchmark!r}")

    def replace(self, **changes) -> NodeParameters:
        return dataclasses.replace(self, **changes)

    @property
    def thresholds(self) -> dict[str, float]:
        """The keyword arguments of :func:`eucluster.measures.specialisation.nodes`."""
        return {
            "lq_threshold": self.lq_threshold,
            "regional_share_threshold": self.regional_share,
            "industry_share_threshold": self.industry_share,
        }


@dataclass(frozen=True)
class GridParameters:
    """The threshold grid of the sensitivity analysis: LQ values and share values (the share
    is applied to the regional or industry share depending on the node kind)."""

    lq: tuple[float, ...]
    share: tuple[float, ...]

    def __init__(self, lq, share) -> None:
        lq_values = tuple(sp._check_lq_threshold(v, "grid_lq value") for v in _as_list(lq, "lq"))
        shares = tuple(sp._check_fraction(v, "grid_share value") for v in _as_list(share, "share"))
        object.__setattr__(self, "lq", tuple(sorted(set(lq_values))))
        object.__setattr__(self, "share", tuple(sorted(set(shares))))


def _as_list(values: object, name: str) -> list:
    if isinstance(values, str) or not hasattr(values, "__iter__"):
        raise TypeError(f"grid_{name} must be a list of numbers, got {values!r}")
    values = list(values)
    if not values:
        raise ValueError(f"grid_{name} must hold at least one value")
    return values


def _check_int(value: object, name: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")


def countries(index: pd.Index) -> np.ndarray:
    """The two-letter country code of each NUTS code."""
    return np.asarray(index.astype(str).str.slice(0, 2))


@dataclass(frozen=True)
class NodeRun:
    """Nodes of the EU-27 regions for one set of parameters, and the data behind them."""

    parameters: NodeParameters
    matrix: sp.EmploymentMatrix
    filled: sp.FilledEmployment
    employment: pd.DataFrame  # analysed regions, unpublished cells filled
    benchmark: pd.DataFrame  # regions of the benchmark countries, filled the same way
    found: sp.Nodes
    region_totals: pd.Series | None = None  # LFS totals when denominator == "lfs"
    benchmark_total: float | None = None

    @property
    def counts(self) -> pd.DataFrame:
        return sp.node_counts(self.found)


def compute_nodes(sbs: pd.DataFrame, parameters: NodeParameters) -> NodeRun:
    """Division-level nodes of EU-27 regions from the tidy ``sbs_r_nuts06_r2`` frame."""
    matrix = sp.employment_matrix(sbs, parameters.year, geo_level=parameters.geo_level)
    filled = sp.fill_suppressed(matrix, parameters.suppressed)
    employment = filled.employment
    totals = None
    if parameters.denominator == "lfs":
        totals = lfs_employment(parameters.year, parameters.geo_level)
        employment = employment[employment.index.isin(totals.index)]
    country = countries(employment.index)
    benchmark = employment[np.isin(country, BENCHMARKS[parameters.benchmark])]
    analysed = employment[np.isin(country, EU27)]
    region_totals = None if totals is None else totals.reindex(analysed.index)
    benchmark_total = None if totals is None else float(totals.reindex(benchmark.index).sum())
    found = sp.nodes(
        analysed,
        **parameters.thresholds,
        benchmark=benchmark,
        region_totals=region_totals,
        benchmark_total=benchmark_total,
    )
    return NodeRun(
        parameters, matrix, filled, analysed, benchmark, found, region_totals, benchmark_total
    )


def lfs_employment(year: int, geo_level: int) -> pd.Series:
    """Total employment (persons) by region from the Labour Force Survey, for the
    ``denominator="lfs"`` variant: it counts every sector, as the paper's 88 divisions do, but
    by place of residence, so commuter regions look smaller than their workplaces."""
    lfs = data.load(LFS_DATASET)
    rows = lfs[
        (lfs["sex"] == LFS_SEX)
        & (lfs["age"] == LFS_AGE)
        & (lfs["year"] == year)
        & sp._nuts_level_mask(lfs["geo"], geo_level)
        & lfs["value"].notna()
    ]
    return rows.set_index("geo")["value"].astype(float) * 1000.0


def ecosystem_nodes(run: NodeRun, mapping: pd.DataFrame | None = None) -> sp.Nodes:
    """Ecosystem-level nodes for the regions and benchmark of ``run``."""
    mapping = ecosystems.load_ecosystem_map() if mapping is None else mapping
    return ecosystems.ecosystem_nodes(
        run.employment,
        mapping,
        **run.parameters.thresholds,
        region_totals=run.region_totals,
        benchmark=run.benchmark,
        benchmark_total=run.benchmark_total,
    )


# ---------------------------------------------------------------------------------------------
# Weak against non-weak regions
# ---------------------------------------------------------------------------------------------


def weak_nuts2(sbs: pd.DataFrame) -> pd.Series:
    """Weak (True) / non-weak (False) for every EU-27 NUTS 2 code of the SBS frame, from
    :func:`eucluster.geo.regions.weakness_for` (missing where the region cannot be labelled)."""
    geo = pd.Series(sbs["geo"].unique()).astype(str)
    codes = geo[sp._nuts_level_mask(geo, 2) & geo.str.slice(0, 2).isin(EU27)]
    return weakness.weakness_for(sorted(codes))["weak"]


def weak_for(sbs: pd.DataFrame, parameters: NodeParameters, weak2: pd.Series) -> pd.Series:
    """The weak classification at the NUTS level of ``parameters``: ``weak2`` itself for
    NUTS 2, :func:`weak_by_parent` with that year's NUTS 2 employment for NUTS 1."""
    if parameters.geo_level == 2:
        return weak2
    matrix = sp.employment_matrix(sbs, parameters.year, geo_level=2)
    return weak_by_parent(weak2, matrix.filled(parameters.suppressed).employment.sum(axis=1))


def group_means(counts: pd.DataFrame, weak: pd.Series) -> pd.DataFrame:
    """Mean of each column of ``counts`` in weak and non-weak regions (columns ``weak``,
    ``non_weak``, ``n_weak``, ``n_non_weak``)."""
    aligned = align_weak(counts.index, weak)
    values = counts.loc[aligned.index]
    return pd.DataFrame(
        {
            "weak": values[aligned].mean(),
            "non_weak": values[~aligned].mean(),
            "n_weak": int(aligned.sum()),
            "n_non_weak": int((~aligned).sum()),
        }
    )


def table1(counts: pd.DataFrame, weak: pd.Series) -> pd.DataFrame:
    """Table 1 recomputed beside the published rows: one row per node kind with the recomputed
    and published means per group and the deviation (recomputed - published)."""
    means = group_means(counts[list(sp.NODE_KINDS)], weak)
    paper = published.load("eccp_table1").set_index("indicator")
    rows = paper.loc[[TABLE1_ROWS[k] for k in sp.NODE_KINDS], ["weak", "non_weak"]]
    rows.index = list(sp.NODE_KINDS)
    result = means.join(rows.add_prefix("published_"))
    for group in ("weak", "non_weak"):
        result[f"deviation_{group}"] = result[group] - result[f"published_{group}"]
    result.index.name = "node_kind"
    return result


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


def compare_groups(
    values: pd.Series, weak: pd.Series, *, seed: int, n_bootstrap: int = 2000, level: float = 0.95
) -> GroupTest:
    """Welch's t-test, the Mann-Whitney U test (both two-sided) and a percentile bootstrap
    interval of the difference in means, resampling each group separately.

    Node counts are small integers with many ties and skew, hence the rank test beside the
    t-test; the bootstrap gives an interval without assuming normal means. ``seed`` fixes the
    resampling so that a rebuild reproduces the interval exactly.
    """
    aligned = align_weak(values.index, weak)
    weak_values = values.loc[aligned.index][aligned].to_numpy(float)
    other_values = values.loc[aligned.index][~aligned].to_numpy(float)
    welch = stats.ttest_ind(weak_values, other_values, equal_var=False)
    rank = stats.mannwhitneyu(weak_values, other_values, alternative="two-sided")
    rng = np.random.default_rng(seed)
    boot_weak = rng.choice(weak_values, size=(n_bootstrap, weak_values.size)).mean(axis=1)
    boot_other = rng.choice(other_values, size=(n_bootstrap, other_values.size)).mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(boot_weak - boot_other, [tail, 1 - tail])
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


@dataclass(frozen=True)
class Study:
    """What both node chapters start from: the data, the nodes and the weak labels."""

    sbs: pd.DataFrame
    run: NodeRun
    weak2: pd.Series  # NUTS 2 labels, for variants at other levels
    weak: pd.Series  # labels at the level of ``run``

    @property
    def classified(self) -> pd.Series:
        """Weak labels of the analysed regions that have one."""
        return align_weak(self.run.employment.index, self.weak)


def study(parameters: NodeParameters) -> Study:
    """Load ``sbs_r_nuts06_r2`` through the data door, compute nodes and attach weak labels."""
    sbs = data.load("sbs_r_nuts06_r2")
    run = compute_nodes(sbs, parameters)
    weak2 = weak_nuts2(sbs)
    return Study(sbs, run, weak2, weak_for(sbs, parameters, weak2))


def to_nuts2021(values: pd.DataFrame) -> pd.DataFrame:
    """Rows of NUTS 2 (2013) regions re-indexed by their NUTS 2021 code, for maps; regions
    that were split or merged since have no single 2021 shape and are left out."""
    labels = weakness.weakness_for(values.index)
    keep = labels["recode"].isin(["identical", "renamed"]).reindex(values.index).to_numpy()
    out = values[keep].copy()
    out.index = pd.Index(labels.loc[out.index, "geo_2021"], name="geo")
    return out


# ---------------------------------------------------------------------------------------------
# Tables 2 and 3
# ---------------------------------------------------------------------------------------------

NODE_TYPE_NAMES = {
    "regional_relevant": "regional-relevant",
    "industry_relevant": "industry-relevant",
}


def ecosystem_tables(found: sp.Nodes, weak: pd.Series) -> pd.DataFrame:
    """Tables 2 and 3 recomputed beside the published percentages, long form: one row per
    node type x ecosystem x group with ``recomputed_pct``, ``published_pct`` and
    ``difference`` (percentage points)."""
    aligned = align_weak(found.lq.index, weak)
    groups = aligned.map(GROUP_LABELS)
    frames = []
    for kind, node_type in NODE_TYPE_NAMES.items():
        shares = ecosystems.ecosystem_node_shares(found, groups, kind)
        long = shares.stack().rename("recomputed_pct").reset_index()
        long = long.rename(columns={"ecosystem": "ecosystem_id"})
        long.insert(0, "node_type", node_type)
        frames.append(long)
    recomputed = pd.concat(frames, ignore_index=True)
    paper = published.eccp_ecosystem_tables()
    paper = paper[paper["measure"] == "regions_pct"]
    merged = paper.merge(recomputed, on=["node_type", "ecosystem_id", "group"], how="left")
    merged["difference"] = merged["recomputed_pct"] - merged["published_pct"]
    return merged[
        ["node_type", "table", "ecosystem_id", "ecosystem", "group"]
        + ["published_pct", "recomputed_pct", "difference"]
    ]


def ecosystem_means(found: sp.Nodes, weak: pd.Series) -> pd.DataFrame:
    """Mean number of ecosystem nodes per region, by group (the paper's text quotes them)."""
    return group_means(sp.node_counts(found), weak)


# ---------------------------------------------------------------------------------------------
# Sensitivity
# ---------------------------------------------------------------------------------------------


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
    aligned = align_weak(found.lq.index, weak)
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
    sbs: pd.DataFrame,
    base: NodeParameters,
    variants: Mapping[str, Mapping[str, object]],
    weak2: pd.Series,
) -> pd.DataFrame:
    """Group means and gaps with a 95 % interval for each variant of ``base``.

    ``variants`` maps a label to parameter changes (``{"2010": {"year": 2010}}``,
    ``{"NUTS 1": {"geo_level": 1}}``); ``weak2`` is the NUTS 2 classification
    (:func:`weak_nuts2`), carried to NUTS 1 by :func:`weak_for`. Each row also says how many
    regions were compared, because the set of countries with data changes between years.
    """
    rows = []
    for label, changes in variants.items():
        parameters = base.replace(**changes)
        run = compute_nodes(sbs, parameters)
        counts = run.counts
        weak = weak_for(sbs, parameters, weak2)
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


def top_divisions(found: sp.Nodes, weak: pd.Series, kind: str, n: int = 10) -> pd.DataFrame:
    """The ``n`` divisions that are a node of ``kind`` in the most regions, with the count in
    weak and non-weak regions and the division's title."""
    aligned = align_weak(found.lq.index, weak)
    flags = getattr(found, kind).loc[aligned.index]
    table = pd.DataFrame(
        {
            "weak": flags[aligned.to_numpy()].sum(),
            "non_weak": flags[~aligned.to_numpy()].sum(),
        }
    )
    table["regions"] = table["weak"] + table["non_weak"]
    titles = pd.read_csv(ecosystems.REFERENCE_DIR / "nace_r2_divisions.csv", dtype=str)
    table["label"] = titles.set_index("division")["label"].reindex(table.index)
    table.index.name = "division"
    ordered = table.sort_values(["regions", "weak"], ascending=False, kind="stable")
    return ordered.head(n).reset_index()[["division", "label", "regions", "weak", "non_weak"]]
