"""Everything the regression chapter adds to its cross-section, in one call.

:func:`gather` runs the four designs (:mod:`eucluster.models.designs`), the inference checks
of the main estimate (:mod:`eucluster.models.inference`) and the spillover models
(:mod:`eucluster.models.spillovers`) for one run's parameters, and returns their tables and
the key figures and claims the chapter states (:mod:`eucluster.models.design_findings`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from eucluster.geo import weakness
from eucluster.geo.regions import CAPITAL_REGIONS
from eucluster.key_figures import Claim, Figure, computed
from eucluster.models import designs as design_module
from eucluster.models.design_findings import design_figures, inference_figures, spillover_figures
from eucluster.models.estimation import Fit, ols
from eucluster.models.inference import (
    CONLEY_BANDWIDTHS_KM,
    WildBootstrap,
    conley,
    dfbeta,
    wild_cluster_fit,
)
from eucluster.models.spillovers import Spillovers, estimate_spillovers


def in_sample(regions: pd.Index, sample: str) -> pd.Index:
    """The ``regions`` in ``sample`` (``eu27``, ``no_capitals`` or ``weak``), for regions that
    the cross-section's frame may not hold (Croatia enters the SBS file in 2014)."""
    if sample == "eu27":
        return regions
    if sample == "no_capitals":
        return regions.difference(list(CAPITAL_REGIONS.values()))
    weak = weakness.classify()["weak"]
    return regions.intersection(weak.index[weak.astype(bool)])


def coverage_figures(annual: pd.DataFrame) -> list[Figure]:
    """When Croatia enters the SBS file and which years France has, with region counts."""
    present = annual.assign(country=annual["geo"].str.slice(0, 2))
    years = sorted(present["year"].unique())
    croatia = present[present["country"] == "HR"]
    france = present[present["country"] == "FR"]
    france_years = sorted(france["year"].unique())
    missing = [year for year in years if year not in france_years]
    return [
        computed(
            "regression.coverage.croatia_first_year",
            str(int(croatia["year"].min())) if len(croatia) else "never",
            unit="year",
            definition="first SBS year with Croatian regions",
        ),
        computed(
            "regression.coverage.croatia_regions",
            int(croatia["geo"].nunique()),
            unit="regions",
            definition="Croatian NUTS 2 (2021) regions in the SBS file",
            fmt="{:d}",
        ),
        computed(
            "regression.coverage.france_regions",
            int(france["geo"].nunique()),
            unit="regions",
            definition="French NUTS 2 (2021) regions in the SBS file",
            fmt="{:d}",
        ),
        computed(
            "regression.coverage.france_missing_years",
            ", ".join(str(int(year)) for year in missing) or "none",
            unit="years",
            definition="SBS years without French regions",
        ),
    ]


@dataclass(frozen=True)
class Evidence:
    """The designs, the inference checks and the spillover models of one run."""

    designs: design_module.Designs
    wild: WildBootstrap
    conley_se: dict[int, float]
    dfbeta: pd.Series
    without_influential: Fit
    spillovers: Spillovers
    figures: list[Figure | Claim] = field(repr=False)

    def design_table(self) -> pd.DataFrame:
        return design_module.design_table(self.designs)

    def sample_table(self) -> pd.DataFrame:
        return design_module.sample_table(self.designs)


def gather(
    main: Fit,
    annual: pd.DataFrame,
    gdp: pd.DataFrame,
    shapes,
    *,
    strength_measure: str,
    scale: float,
    controls: Sequence[str],
    sample: str,
    k: int = 5,
    seed: int = 0,
) -> Evidence:
    """Designs, inference and spillovers for the main cross-section ``main`` (its data hold
    ``strength``, the controls and ``country``); ``annual`` is strength by region and SBS year,
    ``gdp`` GDP per head (regions x years), ``shapes`` the regions' geometries, ``scale`` the
    standard deviation that standardised the cross-section's strength."""
    regions = in_sample(pd.Index(annual["geo"].unique()), sample)
    designs = design_module.estimate_designs(
        annual[annual["geo"].isin(regions)],
        gdp.loc[gdp.index.intersection(regions)],
        main.data[["strength", main.outcome, *controls]],
        controls,
        measure=strength_measure,
        scale=scale,
        seed=seed,
    )
    wild = wild_cluster_fit(main, seed=seed)
    conley_se = {km: conley(main, shapes, km) for km in CONLEY_BANDWIDTHS_KM}
    influence = dfbeta(main)
    influential = influence.abs().dropna().idxmax()
    without = ols(
        main.data.drop(index=influential),
        main.outcome,
        main.regressors,
        fixed_effects=main.fixed_effects,
        label="Without the most influential region",
    )
    spillovers = estimate_spillovers(main, shapes, k=k, seed=seed)
    figures = [
        *coverage_figures(annual),
        *design_figures(designs),
        *inference_figures(main, wild, conley_se, influence, without),
        *spillover_figures(spillovers),
    ]
    return Evidence(
        designs=designs,
        wild=wild,
        conley_se=conley_se,
        dfbeta=influence,
        without_influential=without,
        spillovers=spillovers,
        figures=figures,
    )


def division_table(table: pd.DataFrame) -> pd.DataFrame:
    """The divisions a reader should check in :func:`eucluster.measures.traded.classify_divisions`'s
    table: those the data rule calls local and those on which it and the Cluster Mapping Project
    disagree, with the rule's Gini and the CMP's local share."""
    local = ~table["traded"].astype(bool)
    disagree = table["agree"].fillna(True).astype(bool) == False  # noqa: E712 (nullable)
    shown = table[local | disagree]
    cmp = shown["cmp_traded"].map({True: "traded", False: "local"}).fillna("no NAICS match")
    return pd.DataFrame(
        {
            "Division": shown.index,
            "Label": [
                textwrap.shorten(str(label), 44, placeholder=" …") for label in shown["label"]
            ],
            "Gini": shown["locational_gini"].to_numpy(),
            "Data rule": shown["traded"].map({True: "traded", False: "local"}).to_numpy(),
            "CMP": cmp.to_numpy(),
            "CMP local share": shown["cmp_local_share"].to_numpy(),
        }
    ).sort_values(["Data rule", "Gini"])
