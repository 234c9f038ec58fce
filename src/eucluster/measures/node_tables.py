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
* **Unpublished cells**: ``suppressed`` (see :mod:`eucluster.measures.sbs_employment`).

The weak/non-weak split is not computed here: callers pass a boolean Series (region -> weak)
from :mod:`eucluster.geo.weakness`, so that every chapter uses one definition of weakness.

How firm the weak/non-weak gap is (tests, bootstrap intervals, the threshold grid and the
variants of each choice) is in :mod:`eucluster.measures.weak_gap`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster import data, parameters
from eucluster.geo import weakness
from eucluster.geo.regions import EU27
from eucluster.measures import ecosystems, sbs_employment
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
        parameters.lq_threshold(self.lq_threshold)
        parameters.fraction(self.regional_share, "regional_share")
        parameters.fraction(self.industry_share, "industry_share")
        parameters.suppressed(self.suppressed)
        parameters.integer(self.year, "year", SBS_YEARS[0], SBS_YEARS[-1])
        parameters.integer(self.geo_level, "geo_level", 1, 2)
        parameters.integer(self.seed, "seed", 0, 2**32 - 1)
        parameters.integer(self.n_bootstrap, "n_bootstrap", 100, 1_000_000)
        parameters.choice(
            self.denominator,
            "denominator",
            DENOMINATORS,
            "'sbs' is employment summed over the SBS divisions, 'lfs' total employment (LFS)",
        )
        parameters.choice(self.benchmark, "benchmark", BENCHMARKS)

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
        lq_values = {
            parameters.lq_threshold(value, "grid_lq value")
            for value in parameters.numbers(lq, "grid_lq")
        }
        shares = {
            parameters.fraction(value, "grid_share value")
            for value in parameters.numbers(share, "grid_share")
        }
        object.__setattr__(self, "lq", tuple(sorted(lq_values)))
        object.__setattr__(self, "share", tuple(sorted(shares)))

    @property
    def points(self) -> int:
        """Number of threshold pairs in the grid."""
        return len(self.lq) * len(self.share)


def countries(index: pd.Index) -> np.ndarray:
    """The two-letter country code of each NUTS code."""
    return np.asarray(index.astype(str).str.slice(0, 2))


@dataclass(frozen=True)
class NodeRun:
    """Nodes of the EU-27 regions for one set of parameters, and the data behind them."""

    parameters: NodeParameters
    matrix: sbs_employment.EmploymentMatrix
    filled: sbs_employment.FilledEmployment
    employment: pd.DataFrame  # analysed regions, unpublished cells filled
    benchmark: pd.DataFrame  # regions of the benchmark countries, filled the same way
    found: sp.Nodes
    region_totals: pd.Series | None = None  # LFS totals when denominator == "lfs"
    benchmark_total: float | None = None

    @property
    def counts(self) -> pd.DataFrame:
        return sp.node_counts(self.found)


def compute_nodes(sbs_frame: pd.DataFrame, parameters: NodeParameters) -> NodeRun:
    """Division-level nodes of EU-27 regions from the tidy ``sbs_r_nuts06_r2`` frame."""
    matrix = sbs_employment.employment_matrix(
        sbs_frame, parameters.year, geo_level=parameters.geo_level
    )
    filled = sbs_employment.fill_suppressed(matrix, parameters.suppressed)
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
        & sbs_employment.nuts_level_mask(lfs["geo"], geo_level)
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


def weak_nuts2(sbs_frame: pd.DataFrame) -> pd.Series:
    """Weak (True) / non-weak (False) for every EU-27 NUTS 2 code of the SBS frame, from
    :func:`eucluster.geo.weakness.for_codes` (missing where the region cannot be labelled)."""
    geo = pd.Series(sbs_frame["geo"].unique()).astype(str)
    codes = geo[sbs_employment.nuts_level_mask(geo, 2) & geo.str.slice(0, 2).isin(EU27)]
    return weakness.for_codes(sorted(codes))["weak"]


def weak_for(
    sbs_frame: pd.DataFrame, parameters: NodeParameters, weak_nuts2: pd.Series
) -> pd.Series:
    """The weak classification at the NUTS level of ``parameters``: ``weak_nuts2`` itself
    for NUTS 2, :func:`~eucluster.geo.weakness.by_parent` with that year's NUTS 2 employment
    for NUTS 1."""
    if parameters.geo_level == 2:
        return weak_nuts2
    matrix = sbs_employment.employment_matrix(sbs_frame, parameters.year, geo_level=2)
    employment = matrix.filled(parameters.suppressed).employment.sum(axis=1)
    return weakness.by_parent(weak_nuts2, employment)


def group_means(counts: pd.DataFrame, weak: pd.Series) -> pd.DataFrame:
    """Mean of each column of ``counts`` in weak and non-weak regions (columns ``weak``,
    ``non_weak``, ``n_weak``, ``n_non_weak``)."""
    aligned = weakness.classified(counts.index, weak)
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
    paper = data.load("eccp_table1").set_index("indicator")
    rows = paper.loc[[TABLE1_ROWS[k] for k in sp.NODE_KINDS], ["weak", "non_weak"]]
    rows.index = list(sp.NODE_KINDS)
    result = means.join(rows.add_prefix("published_"))
    for group in ("weak", "non_weak"):
        result[f"deviation_{group}"] = result[group] - result[f"published_{group}"]
    result.index.name = "node_kind"
    return result


@dataclass(frozen=True)
class NodeComparison:
    """What both node chapters start from: the SBS data, the nodes of one set of parameters
    and the weak/non-weak labels of the regions, so that the two chapters compare the same
    regions."""

    sbs: pd.DataFrame
    run: NodeRun
    weak_nuts2: pd.Series  # NUTS 2 labels, carried to NUTS 1 for variants at that level
    weak: pd.Series  # labels at the level of ``run``

    @property
    def classified(self) -> pd.Series:
        """Weak labels of the analysed regions that have one."""
        return weakness.classified(self.run.employment.index, self.weak)

    @property
    def unclassified(self) -> list[str]:
        """Analysed regions without a weak/non-weak label (borders redrawn across
        categories)."""
        return weakness.unclassified(self.run.employment.index, self.weak)


def load_comparison(parameters: NodeParameters) -> NodeComparison:
    """Load ``sbs_r_nuts06_r2`` through the data door, compute nodes and attach weak labels."""
    sbs_frame = data.load("sbs_r_nuts06_r2")
    run = compute_nodes(sbs_frame, parameters)
    weak_nuts2_labels = weak_nuts2(sbs_frame)
    weak = weak_for(sbs_frame, parameters, weak_nuts2_labels)
    return NodeComparison(sbs_frame, run, weak_nuts2_labels, weak)


def to_nuts2021(values: pd.DataFrame) -> pd.DataFrame:
    """Rows of NUTS 2 (2013) regions re-indexed by their NUTS 2021 code, for maps; regions
    that were split or merged since have no single 2021 shape and are left out."""
    labels = weakness.for_codes(values.index)
    keep = labels["recode"].isin(["identical", "renamed"]).reindex(values.index).to_numpy()
    out = values[keep].copy()
    out.index = pd.Index(labels.loc[out.index, "geo_2021"], name="geo")
    return out


# ---------------------------------------------------------------------------------------------
# Tables 2 and 3
# ---------------------------------------------------------------------------------------------

#: Node kinds as a table heading or legend names them.
KIND_NAMES = {"regional_relevant": "Regional-relevant", "industry_relevant": "Industry-relevant"}
#: Node kinds as the published Tables 2 and 3 name them.
NODE_TYPE_NAMES = {
    "regional_relevant": "regional-relevant",
    "industry_relevant": "industry-relevant",
}


def ecosystem_tables(found: sp.Nodes, weak: pd.Series) -> pd.DataFrame:
    """Tables 2 and 3 recomputed beside the published percentages, long form: one row per
    node type x ecosystem x group with ``recomputed_pct``, ``published_pct`` and
    ``difference`` (percentage points)."""
    aligned = weakness.classified(found.lq.index, weak)
    groups = aligned.map(GROUP_LABELS)
    frames = []
    for kind, node_type in NODE_TYPE_NAMES.items():
        shares = ecosystems.ecosystem_node_shares(found, groups, kind)
        long = shares.stack().rename("recomputed_pct").reset_index()
        long = long.rename(columns={"ecosystem": "ecosystem_id"})
        long.insert(0, "node_type", node_type)
        frames.append(long)
    recomputed = pd.concat(frames, ignore_index=True)
    paper = data.eccp_ecosystem_tables()
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


def top_divisions(found: sp.Nodes, weak: pd.Series, kind: str, n: int = 10) -> pd.DataFrame:
    """The ``n`` divisions that are a node of ``kind`` in the most regions, with the count in
    weak and non-weak regions and the division's title."""
    aligned = weakness.classified(found.lq.index, weak)
    flags = getattr(found, kind).loc[aligned.index]
    table = pd.DataFrame(
        {
            "weak": flags[aligned.to_numpy()].sum(),
            "non_weak": flags[~aligned.to_numpy()].sum(),
        }
    )
    table["regions"] = table["weak"] + table["non_weak"]
    table["label"] = division_titles().reindex(table.index)
    table.index.name = "division"
    ordered = table.sort_values(["regions", "weak"], ascending=False, kind="stable")
    return ordered.head(n).reset_index()[["division", "label", "regions", "weak", "non_weak"]]


def division_titles() -> pd.Series:
    """The NACE Rev. 2 title of each division code (``C29`` -> ``Manufacture of motor
    vehicles, trailers and semi-trailers``), from ``data/reference/nace_r2_divisions.csv``."""
    titles = data.load("nace_r2_divisions")
    return titles.set_index("division")["label"]
