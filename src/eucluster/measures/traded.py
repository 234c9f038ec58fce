"""Traded and local-serving NACE divisions: which activities can be clusters at all.

Delgado, Porter & Stern (2016, "Defining clusters of related industries", *Journal of Economic
Geography* 16(1)) and the U.S. Cluster Mapping Project (CMP) before them split industries into
*traded* ones, which sell across regions and so concentrate where they have an advantage, and
*local* ones (retail, food service, construction, personal services), which serve the
population where it lives and so are spread like it. Only traded activities form clusters in
their sense; counting a region's shops and restaurants as "strong clusters" measures its size
and income, not its specialisation. This module decides, per NACE 2-digit division of the
regional SBS file, which side a division is on, in two independent ways:

* **The data rule** (:func:`locational_gini`): the locational Gini of Krugman (1991,
  *Geography and Trade*): regions sorted by the division's location quotient, the Lorenz curve
  of the division's employment against total employment; 0 when the division is spread exactly
  like employment, near 1 when it sits in a few regions. With ``reference="country"`` (the
  default) the quotients compare each region with its own country, so that national
  differences in the size of a division (Spain's construction boom of 2008, the different SBS
  coverage of utilities) do not count as concentration: the question is whether the division
  follows the regions' employment *within* each country. A division is traded when its Gini
  exceeds ``gini_threshold``.
* **The CMP's view** (:func:`cmp_local_shares`): the share of the division's NAICS industries
  (through the NAICS-subsector-to-NACE-division table ``naics_nace_division`` of
  ``data/reference``) that the CMP assigns to a local cluster; the division is CMP-local when
  that share is at least one half.

**The threshold** (default :data:`DEFAULT_GINI_THRESHOLD` = 0.25). A benchmark that follows
population exactly (regional population 2008-2010 taken as a division) has a within-country
Gini of about 0.15 against employment, from commuting and different employment rates alone
(key figure ``regression.traded.population_gini``); retail, motor trade, wholesale, land
transport and food service follow the regions' employment even more closely (about 0.10),
since their jobs are where people work and shop. The median division has about 0.30. The
threshold 0.25 sits between the two: under it are the divisions that follow employment about
as closely as population does or closer (retail, food service, repair, legal and accounting,
real estate, building services, construction); above it a division is concentrated clearly
more than an activity that follows population. There is no sharp break in the sorted Ginis
(neighbouring divisions below 0.39 differ by at most 0.03), so the threshold is a choice: it is
a parameter, and the chapters vary it.

The Ginis and quotient spreads are hand-written here: the inequality libraries (PySAL's
``inequality``) compute unweighted Ginis of one variable, not the employment-weighted Lorenz
curve of a sector against total employment.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster import parameters
from eucluster.data import derived
from eucluster.geo.nuts import is_nuts2, recode
from eucluster.key_figures import Claim, Figure, claim, computed, name_list
from eucluster.measures import sbs_employment

#: Default locational-Gini threshold above which a division is traded (see the module text).
DEFAULT_GINI_THRESHOLD = 0.25
#: What a region's location quotient compares it with: its own country or the EU.
REFERENCES = ("country", "eu")
#: A location quotient in this band counts as "near one" in :func:`lq_spread`.
LQ_BAND = (0.8, 1.25)
#: A division is CMP-local when at least this share of its NAICS industries are local.
CMP_LOCAL_SHARE = 0.5
#: Divisions that any reading of "local-serving" must classify as local (retail, food and
#: beverage service, specialised construction): the issue names them.
EXPECTED_LOCAL = ("G47", "I56", "F43")
#: The CMP's local clusters have keys starting with this prefix (16 clusters, codes 101-116).
CMP_LOCAL_PREFIX = "local"
#: Strength years whose mean employment the rule is computed on.
DEFAULT_YEARS = (2008, 2009, 2010)


def _groups(index: pd.Index, reference: str) -> np.ndarray:
    if reference == "country":
        return np.asarray(index.astype(str).str.slice(0, 2))
    return np.zeros(len(index), dtype=int).astype(str)


def location_quotients(
    employment: pd.DataFrame, *, reference: str = "country", totals: pd.Series | None = None
) -> pd.DataFrame:
    """Location quotients of every region x division cell against the region's country
    (``reference="country"``) or the whole matrix (``"eu"``): the division's share of the
    region's employment over its share in the reference area. ``totals`` are the regions'
    employment (default: row sums); they also define the reference area's employment."""
    reference = parameters.choice(reference, "reference", REFERENCES)
    values = sbs_employment.validate_employment(employment)
    totals = values.sum(axis=1) if totals is None else totals.reindex(values.index).astype(float)
    groups = _groups(values.index, reference)
    area_division = values.groupby(groups).transform("sum")
    area_total = totals.groupby(groups).transform("sum")
    with np.errstate(divide="ignore", invalid="ignore"):
        regional = values.div(totals, axis=0)
        area = area_division.div(area_total, axis=0)
        quotients = regional / area
    return quotients


def locational_gini(
    employment: pd.DataFrame, *, reference: str = "country", totals: pd.Series | None = None
) -> pd.Series:
    """Krugman's locational Gini of each division (column) of ``employment``.

    Regions are sorted by the division's location quotient (:func:`location_quotients`); the
    Lorenz curve plots the cumulative share of total employment (x) against the cumulative
    share of the division's employment (y), where with ``reference="country"`` a region's
    division employment is first rescaled to what it would be if its country had the EU's
    share of the division (so the curve measures concentration within countries). The Gini is
    one minus twice the area under the curve: ``1 - sum_k (X_k - X_{k-1}) (Y_k + Y_{k-1})``.
    Equivalently, ``sum_ij x_i x_j |LQ_i - LQ_j| / (2 mean LQ)`` with weights ``x`` the regions'
    employment shares (a test checks both). NaN for a division without employment."""
    values = sbs_employment.validate_employment(employment)
    totals = values.sum(axis=1) if totals is None else totals.reindex(values.index).astype(float)
    keep = (totals > 0).to_numpy()
    values, totals = values[keep], totals[keep]
    quotients = location_quotients(values, reference=reference, totals=totals).fillna(0.0)
    weights = (totals / totals.sum()).to_numpy()
    gini = {}
    for division in values.columns:
        lq = quotients[division].to_numpy()
        mass = weights * lq
        if not mass.sum() > 0:
            gini[division] = np.nan
            continue
        order = np.argsort(lq, kind="stable")
        x = np.concatenate([[0.0], np.cumsum(weights[order])])
        y = np.concatenate([[0.0], np.cumsum(mass[order]) / mass.sum()])
        gini[division] = 1.0 - float(np.sum(np.diff(x) * (y[1:] + y[:-1])))
    return pd.Series(gini, name="locational_gini", dtype=float)


def lq_spread(employment: pd.DataFrame, *, reference: str = "country") -> pd.DataFrame:
    """How widely each division's location quotients spread across regions.

    ``lq_cv``: the employment-weighted coefficient of variation of the quotients (weights =
    the regions' shares of total employment; 0 when every region has the same quotient);
    ``lq_near_one``: the share of regions (with the division present or not) whose quotient is
    within :data:`LQ_BAND` (0.8 to 1.25), high for an activity that follows employment."""
    values = sbs_employment.validate_employment(employment)
    totals = values.sum(axis=1)
    values = values[totals > 0]
    totals = totals[totals > 0]
    quotients = location_quotients(values, reference=reference).fillna(0.0)
    weights = (totals / totals.sum()).to_numpy()[:, None]
    mean = (weights * quotients.to_numpy()).sum(axis=0)
    spread = np.sqrt((weights * (quotients.to_numpy() - mean) ** 2).sum(axis=0))
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = np.where(mean > 0, spread / mean, np.nan)
    low, high = LQ_BAND
    near = ((quotients >= low) & (quotients <= high)).mean(axis=0)
    return pd.DataFrame({"lq_cv": cv, "lq_near_one": near.to_numpy()}, index=values.columns)


def cmp_local_shares(definitions: pd.DataFrame, correspondence: pd.DataFrame) -> pd.DataFrame:
    """Per NACE division, the CMP's NAICS industries mapped to it and the share that are local.

    ``definitions``: the CMP's cluster definitions (``naics`` 6-digit codes, ``cluster_key``;
    a key starting with :data:`CMP_LOCAL_PREFIX` is a local cluster). ``correspondence``:
    ``naics_subsector`` (3-digit) to ``division`` rows; an industry maps to every division its
    subsector maps to. Returns ``naics_industries``, ``local_industries`` and
    ``cmp_local_share`` (unweighted: each industry counts once; the CMP publishes no
    employment by industry in these files)."""
    industries = definitions.assign(
        naics_subsector=definitions["naics"].astype(str).str.slice(0, 3),
        local=definitions["cluster_key"].fillna("").str.startswith(CMP_LOCAL_PREFIX),
    )
    pairs = industries.merge(
        correspondence[["naics_subsector", "division"]], on="naics_subsector", how="inner"
    )
    grouped = pairs.groupby("division")["local"].agg(["size", "sum"])
    table = pd.DataFrame(
        {
            "naics_industries": grouped["size"].astype(int),
            "local_industries": grouped["sum"].astype(int),
        }
    )
    table["cmp_local_share"] = table["local_industries"] / table["naics_industries"]
    table.index.name = "division"
    return table


@functools.lru_cache(maxsize=4)
def population_benchmark(years: Sequence[int] = DEFAULT_YEARS) -> pd.Series:
    """Population (``tgs00096``, mean over ``years``) of the EU-27 NUTS 2 regions, recoded from
    NUTS 2016 to 2021: the employment of a pseudo-division that follows population exactly."""
    from eucluster import data  # lazy: the door only when data are read

    population = data.load("tgs00096")
    population = population[population["year"].isin(list(years)) & is_nuts2(population["geo"])]
    mean = population.groupby("geo")["value"].mean()
    return recode(mean, 2016, policy="apportion", unknown="drop").data.rename("population")


@dataclass(frozen=True)
class TradedClassification:
    """The classification of every division and what the chapters state about it.

    ``table``: one row per division (index ``division``, e.g. ``"C29"``) with ``label``,
    ``locational_gini`` (the rule's statistic), ``locational_gini_eu`` (against the EU),
    ``lq_spread`` (= ``lq_cv``), ``lq_near_one``, ``employment_share`` (of the matrix),
    ``naics_industries``, ``cmp_local_share``, ``traded`` (bool, the data rule),
    ``cmp_traded`` (nullable bool, NA where no NAICS industry maps) and ``agree`` (nullable).
    ``figures``: key figures and claims (ids ``regression.traded.*``)."""

    table: pd.DataFrame
    figures: list[Figure | Claim]
    gini_threshold: float
    reference: str
    population_gini: float

    @property
    def traded(self) -> tuple[str, ...]:
        return tuple(self.table.index[self.table["traded"]])

    @property
    def local(self) -> tuple[str, ...]:
        return tuple(self.table.index[~self.table["traded"]])


def validate_rule(
    gini_threshold: float, reference: str, suppressed: str, years: Sequence[int]
) -> tuple[float, str, str, tuple[int, ...]]:
    """The rule's parameters, checked with :mod:`eucluster.parameters` (a Gini is a fraction)."""
    first, last = sbs_employment.SBS_YEARS[0], sbs_employment.SBS_YEARS[-1]
    return (
        parameters.fraction(gini_threshold, "gini_threshold"),
        parameters.choice(
            reference,
            "reference",
            REFERENCES,
            "'country' compares each region with its own country, 'eu' with the whole EU",
        ),
        parameters.suppressed(suppressed),
        parameters.years(list(years), "years", first, last),
    )


def classify_table(
    employment: pd.DataFrame,
    cmp_shares: pd.DataFrame,
    *,
    gini_threshold: float = DEFAULT_GINI_THRESHOLD,
    reference: str = "country",
) -> pd.DataFrame:
    """The classification table of :class:`TradedClassification` from an employment matrix
    and :func:`cmp_local_shares` (no data loading: the unit tests use toy matrices)."""
    values = sbs_employment.validate_employment(employment)
    table = pd.DataFrame(index=pd.Index(values.columns, name="division"))
    table["locational_gini"] = locational_gini(values, reference=reference)
    table["locational_gini_eu"] = locational_gini(values, reference="eu")
    spread = lq_spread(values, reference=reference)
    table["lq_spread"] = spread["lq_cv"]
    table["lq_near_one"] = spread["lq_near_one"]
    table["employment_share"] = values.sum(axis=0) / values.to_numpy().sum()
    shares = cmp_shares.reindex(table.index)
    table["naics_industries"] = shares["naics_industries"].fillna(0).astype(int)
    table["cmp_local_share"] = shares["cmp_local_share"]
    table["traded"] = (table["locational_gini"] > gini_threshold).astype(bool)
    cmp_traded = pd.array(table["cmp_local_share"] < CMP_LOCAL_SHARE, dtype="boolean")
    cmp_traded[table["cmp_local_share"].isna().to_numpy()] = pd.NA
    table["cmp_traded"] = cmp_traded
    table["agree"] = table["cmp_traded"] == pd.array(table["traded"], dtype="boolean")
    return table


def _codes(divisions) -> str:
    return name_list(list(divisions), empty="none")


def classification_figures(
    table: pd.DataFrame, *, gini_threshold: float, reference: str, population_gini: float
) -> list[Figure | Claim]:
    """Key figures and claims of a classification table (ids ``regression.traded.*``)."""
    traded, local = table.index[table["traded"]], table.index[~table["traded"]]
    compared = table[table["cmp_traded"].notna()]
    agree = int(compared["agree"].astype(bool).sum())
    data_traded_cmp_local = compared.index[compared["traded"] & ~compared["cmp_traded"]]
    data_local_cmp_traded = compared.index[~compared["traded"] & compared["cmp_traded"]]
    expected_traded = [d for d in EXPECTED_LOCAL if d in traded]
    where = "within countries" if reference == "country" else "across the EU"
    rule = (
        f"locational Gini of the division's employment {where} (regions sorted by location "
        f"quotient, Lorenz curve against total employment, SBS persons employed 2008-2010) "
        f"above {gini_threshold:.2f}"
    )
    figures: list[Figure | Claim] = [
        computed(
            "regression.traded.count",
            len(traded),
            unit="divisions",
            definition=f"NACE divisions of the SBS matrix that are traded: {rule}",
            fmt="{:,.0f}",
        ),
        computed(
            "regression.traded.local_count",
            len(local),
            unit="divisions",
            definition=f"NACE divisions that are local-serving: not ({rule})",
            fmt="{:,.0f}",
        ),
        computed(
            "regression.traded.gini_threshold",
            gini_threshold,
            unit="Gini",
            definition="locational Gini above which a division is traded (parameter)",
            fmt="{:.2f}",
        ),
        computed(
            "regression.traded.population_gini",
            population_gini,
            unit="Gini",
            definition=f"locational Gini {where} of regional population 2008-2010 taken as "
            "a division: the Gini of an activity that follows population exactly",
            fmt="{:.2f}",
        ),
        computed(
            "regression.traded.employment_share",
            100 * float(table.loc[traded, "employment_share"].sum()),
            unit="%",
            definition="share of the matrix's employment (EU-27, 2008-2010) in traded divisions",
            fmt="{:.0f}",
        ),
        computed(
            "regression.traded.compared",
            len(compared),
            unit="divisions",
            definition="divisions to which at least one NAICS industry of the U.S. Cluster "
            "Mapping definitions maps (table naics_nace_division)",
            fmt="{:,.0f}",
        ),
        computed(
            "regression.traded.agreement",
            agree,
            unit="divisions",
            definition="divisions that the data rule and the Cluster Mapping Project classify "
            "alike (CMP-local: at least half of the division's NAICS industries are in local "
            "clusters)",
            fmt="{:,.0f}",
        ),
        computed(
            "regression.traded.local_names",
            _codes(local),
            unit="text",
            definition=f"local-serving divisions: not ({rule})",
            fmt="{}",
        ),
        computed(
            "regression.traded.disagree_traded_names",
            _codes(data_traded_cmp_local),
            unit="text",
            definition="divisions traded by the data rule but local for the Cluster Mapping "
            "Project",
            fmt="{}",
        ),
        computed(
            "regression.traded.disagree_local_names",
            _codes(data_local_cmp_traded),
            unit="text",
            definition="divisions local by the data rule but traded for the Cluster Mapping "
            "Project",
            fmt="{}",
        ),
        claim(
            "regression.traded.expected_local",
            not expected_traded,
            definition=f"every one of {', '.join(EXPECTED_LOCAL)} has a locational Gini at "
            f"or below the threshold {gini_threshold:.2f}",
            if_true="retail (G47), food and beverage service (I56) and specialised "
            "construction (F43) all come out local",
            if_false="not all plainly local-serving divisions come out local: "
            f"{_codes(expected_traded)} count as traded under this threshold",
        ),
        claim(
            "regression.traded.population_benchmark_local",
            bool(population_gini <= gini_threshold),
            definition="the population benchmark's locational Gini is at or below the threshold",
            if_true="an activity that followed population exactly would count as local",
            if_false="even an activity that followed population exactly would count as traded "
            "under this threshold, so the rule cannot tell local from traded",
        ),
        claim(
            "regression.traded.mostly_agree",
            bool(agree > len(compared) / 2),
            definition="the data rule and the Cluster Mapping Project agree on more than half "
            "of the divisions both classify",
            if_true="the two classifications agree on most divisions",
            if_false="the two classifications disagree on at least half of the divisions",
        ),
    ]
    return figures


def _label_table() -> pd.Series:
    from eucluster import data  # lazy: the door only when data are read

    divisions = data.load("nace_r2_divisions")
    return divisions.set_index("division")["label"]


@functools.lru_cache(maxsize=16)
@derived.cached  # five chapters classify the divisions alike: their kernels share one result
def _classify_cached(
    gini_threshold: float, reference: str, suppressed: str, years: tuple[int, ...]
) -> TradedClassification:
    from eucluster import data  # lazy: the door only when data are read

    employment = sbs_employment.eu_regions_mean(years, suppressed)
    shares = cmp_local_shares(data.load("us_cluster_definitions"), data.load("naics_nace_division"))
    table = classify_table(employment, shares, gini_threshold=gini_threshold, reference=reference)
    table.insert(0, "label", _label_table().reindex(table.index))
    population = population_benchmark(years)
    common = employment.index.intersection(population.index)
    population_gini = float(
        locational_gini(
            population.loc[common].to_frame(),
            reference=reference,
            totals=employment.loc[common].sum(axis=1),
        ).iloc[0]
    )
    figures = classification_figures(
        table, gini_threshold=gini_threshold, reference=reference, population_gini=population_gini
    )
    return TradedClassification(table, figures, gini_threshold, reference, population_gini)


def classify_divisions(
    *,
    gini_threshold: float = DEFAULT_GINI_THRESHOLD,
    reference: str = "country",
    suppressed: str = "bound",
    years: Sequence[int] = DEFAULT_YEARS,
) -> TradedClassification:
    """Traded or local, for every NACE division of the regional SBS file (EU-27 NUTS 2 regions,
    persons employed averaged over ``years``, unpublished cells filled as ``suppressed``
    says), by the data rule and by the Cluster Mapping Project (see the module text).

    Cached: callers must not modify the returned table."""
    rule = validate_rule(gini_threshold, reference, suppressed, years)
    return _classify_cached(*rule)


@functools.lru_cache(maxsize=16)
def traded_divisions(
    *,
    gini_threshold: float = DEFAULT_GINI_THRESHOLD,
    reference: str = "country",
    suppressed: str = "bound",
    years: Sequence[int] = DEFAULT_YEARS,
) -> tuple[str, ...]:
    """The traded divisions under the rule (codes such as ``"C29"``, in the matrix's order)."""
    return classify_divisions(
        gini_threshold=gini_threshold, reference=reference, suppressed=suppressed, years=years
    ).traded
