"""The regression chapter's models of prosperity on cluster strength, and what they report.

The chapter asks one question of several specifications: is a region's early cluster strength
associated with its prosperity today? :func:`chapter_models` estimates them (pooled, with
controls, within countries, and the checks); :func:`estimate` adds the main model without the
regions whose early employment was apportioned by population, and turns every fit into the
key-figure records the chapter states, so that each number's definition lives beside the
computation that gives it and the chapter publishes them in one call.
:func:`influence_summary` does the same for the residual diagnostics of the main model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eucluster.key_figures import Figure, computed
from eucluster.models.designs import interval_text
from eucluster.models.estimation import Fit, influence, leave_one_out, ols, regression_table
from eucluster.models.inference import wild_cluster_fit
from eucluster.models.prosperity_claims import control_figures, influence_claims, model_claims
from eucluster.models.regression_data import BASE_CONTROLS

#: Labels of the chapter's regressors in tables.
LABELS = {
    "strength": "Cluster strength (1 SD)",
    "weak_int": "Weak region",
    "weak_x_strength": "Weak × strength",
    "tertiary_2008": "Tertiary, employed 2008 (%)",
    "log_density_2008": "Log density 2008",
    "log_patents": "Log(1 + patents per million)",
    "tertiary": "Tertiary attainment (%)",
    "log_density": "Log density",
    "high_wage_share": "High-wage sector share",
    "rd_intensity": "R&D intensity (% GDP)",
    "rci_2010": "RCI 2010 (z)",
    "eqi_2021": "Quality of government 2021 (z)",
    "ris_2023": "Innovation index 2023 (/100)",
    "log_gdp_base": "Log GDP per head 2009",
}

#: Columns of the main regression table, in order (``interaction`` only when estimable).
MAIN_TABLE = ("pooled", "controls", "main", "interaction")

#: Columns of the table of checks: the main model, the same on the regions with the 2010
#: competitiveness index, with the index, and with the five-year average outcome.
CHECKS_TABLE = ("main", "rci_sample", "rci", "average")


def chapter_models(frame: pd.DataFrame, strength: str, controls: Sequence[str]) -> dict[str, Fit]:
    """The specifications of the chapter, all with ``strength`` renamed ``"strength"``:
    pooled OLS (HC3) without and with ``controls``; the main model with country fixed effects
    (errors clustered by country); its weak x strength interaction (when the sample has weak
    and non-weak regions); the main model on the regions with the 2010 Regional
    Competitiveness Index and with the index added (so that the index's effect is not mixed
    with the change of sample); the 2019-2023 average outcome."""
    data = frame.assign(strength=frame[strength])
    data["weak_x_strength"] = data["strength"] * data["weak_int"]
    controls = list(controls)
    base = ["strength", *controls]
    fits = {
        "pooled": ols(data, "log_gdp", ["strength"], label="OLS"),
        "controls": ols(data, "log_gdp", base, label="OLS, controls"),
        "main": ols(data, "log_gdp", base, fixed_effects="country", label="Country FE"),
    }
    if data["weak_int"].nunique() > 1:
        fits["interaction"] = ols(
            data,
            "log_gdp",
            ["strength", "weak_int", "weak_x_strength", *controls],
            fixed_effects="country",
            label="× weak",
        )
    with_index = data.dropna(subset=["rci_2010"])
    fits["rci_sample"] = ols(
        with_index, "log_gdp", base, fixed_effects="country", label="RCI sample"
    )
    fits["rci"] = ols(
        with_index, "log_gdp", [*base, "rci_2010"], fixed_effects="country", label="+ RCI 2010"
    )
    fits["average"] = ols(
        data, "log_gdp_avg", base, fixed_effects="country", label="2019-23 average"
    )
    return fits


@dataclass(frozen=True)
class ProsperityModels:
    """The chapter's fits (keys as in :func:`chapter_models`), the main model without the
    apportioned regions, and the key figures they give."""

    fits: dict[str, Fit]
    unsplit: Fit
    figures: list[Figure] = field(repr=False)

    @property
    def main(self) -> Fit:
        return self.fits["main"]

    def table_fits(self, keys: Sequence[str]) -> list[Fit]:
        """The fits of ``keys`` that were estimated, in that order (a table's columns)."""
        return [self.fits[key] for key in keys if key in self.fits]


def estimate(
    frame: pd.DataFrame, strength_measure: str, controls: Sequence[str] = BASE_CONTROLS
) -> ProsperityModels:
    """Estimate the chapter's models on ``frame`` with the standardised ``strength_measure``
    (column ``<measure>_z``) and return them with their key figures.

    The main model is re-estimated without the regions whose early employment is a
    population-weighted share of a region split by a later NUTS revision (``apportioned``),
    because their strength is partly imputed: the chapter shows that they do not drive it.
    """
    strength_column = f"{strength_measure}_z"
    fits = chapter_models(frame, strength_column, controls)
    unsplit = ols(
        frame[~frame["apportioned"]].assign(strength=frame[strength_column]),
        "log_gdp",
        ["strength", *controls],
        fixed_effects="country",
    )
    figures = [
        *headline_figures(fits, strength_measure),
        *unsplit_figures(frame, unsplit),
        *main_figures(fits["main"]),
        *interaction_figures(fits.get("interaction")),
        *check_figures(fits),
        *control_figures(fits),
        *model_claims(fits, unsplit, frame),
    ]
    return ProsperityModels(fits=fits, unsplit=unsplit, figures=figures)


def strength_figures(key: str, fit: Fit, *, coef_unit: str, coef_definition: str, se_kind: str):
    """Coefficient, standard error and observations of ``strength`` in ``fit``, published
    under ``regression.<key>``."""
    coef, se, _ = fit.estimate("strength")
    return [
        computed(
            f"regression.{key}.strength.coef",
            coef,
            unit=coef_unit,
            definition=coef_definition,
            fmt="{:.3f}",
        ),
        computed(
            f"regression.{key}.strength.se",
            se,
            unit="log points",
            definition=f"{se_kind} of that coefficient",
            fmt="{:.3f}",
        ),
        computed(
            f"regression.{key}.nobs",
            fit.nobs,
            unit="regions",
            definition=f"observations in the '{fit.label}' model",
            fmt="{:d}",
        ),
    ]


def headline_figures(fits: dict[str, Fit], strength_measure: str) -> list[Figure]:
    """The strength coefficient, its error, p-value and sample of the pooled, controlled and
    main models: the build-up of the chapter's main table."""
    records = []
    for key in ("main", "pooled", "controls"):
        fit = fits[key]
        records += strength_figures(
            key,
            fit,
            coef_unit="log points per SD of strength",
            coef_definition=f"coefficient of standardised {strength_measure} in the "
            f"'{fit.label}' model",
            se_kind=f"standard error ({fit.cov_type})",
        )
        records.append(
            computed(
                f"regression.{key}.strength.pvalue",
                fit.estimate("strength")[2],
                unit="p-value",
                definition="two-sided p-value of that coefficient",
                fmt="{:.2f}",
            )
        )
    return records


def unsplit_figures(frame: pd.DataFrame, unsplit: Fit) -> list[Figure]:
    """How many regions are apportioned and the main estimate without them."""
    coef, se, _ = unsplit.estimate("strength")
    values = [
        # rounded, then +0.0: a coefficient that rounds to zero is shown as 0.000, not -0.000
        ("strength.coef", np.round(coef, 3) + 0.0, "{:.3f}"),
        ("strength.se", se, "{:.3f}"),
        ("nobs", unsplit.nobs, "{:d}"),
    ]
    records = [
        computed(
            "regression.sample.apportioned",
            int(frame["apportioned"].sum()),
            unit="regions",
            definition="regions whose early employment is a population-weighted share of a "
            "region that was split by a later NUTS revision",
            fmt="{:d}",
        )
    ]
    for name, value, fmt in values:
        records.append(
            computed(
                f"regression.unsplit.{name}",
                value,
                unit="regions" if name == "nobs" else "log points",
                definition=f"main model without the apportioned regions: {name}",
                fmt=fmt,
            )
        )
    return records


def main_figures(main: Fit) -> list[Figure]:
    """The main model's clusters, 95 % interval as a percentage difference of GDP per head,
    and R²."""
    low, high = main.conf_int("strength")
    return [
        computed(
            "regression.main.clusters",
            main.n_clusters,
            unit="countries",
            definition="clusters (countries) of the main model's standard errors",
            fmt="{:d}",
        ),
        computed(
            "regression.main.strength.low_pct",
            100 * (np.exp(low) - 1),
            unit="% of GDP per head per SD",
            definition="lower end of the 95 % interval of the main coefficient, as a percentage",
        ),
        computed(
            "regression.main.strength.high_pct",
            100 * (np.exp(high) - 1),
            unit="% of GDP per head per SD",
            definition="upper end of the 95 % interval of the main coefficient, as a percentage",
        ),
        computed(
            "regression.main.r2",
            main.r2,
            unit="R²",
            definition="R² of the main model (with country dummies)",
            fmt="{:.2f}",
        ),
    ]


def interaction_figures(interaction: Fit | None) -> list[Figure]:
    """The weak x strength coefficient and its error; none when the sample holds only weak or
    only non-weak regions (then the interaction cannot be estimated, and the chapter's claim
    :func:`~eucluster.models.prosperity_claims.interaction_claim` says so in words)."""
    if interaction is None:
        return []
    coef, se, _ = interaction.estimate("weak_x_strength")
    return [
        computed(
            "regression.interaction.coef",
            coef,
            unit="log points per SD",
            definition="coefficient of weak x strength, country fixed effects and controls",
            fmt="{:.3f}",
        ),
        computed(
            "regression.interaction.se",
            se,
            unit="log points",
            definition="clustered standard error of the weak x strength coefficient",
            fmt="{:.3f}",
        ),
    ]


def check_figures(fits: dict[str, Fit]) -> list[Figure]:
    """The checks: another outcome (average) and the competitiveness index (the main model on
    its regions, then with it), and the regions, French ones in particular, without it."""
    main, index_sample = fits["main"], fits["rci_sample"]
    lost = main.data.index.difference(index_sample.data.index)
    records = [
        computed(
            "regression.rci.lost",
            main.nobs - index_sample.nobs,
            unit="regions",
            definition="regions of the main model without the 2010 competitiveness index",
            fmt="{:d}",
        ),
        computed(
            "regression.rci.lost_france",
            int(lost.str.startswith("FR").sum()),
            unit="regions",
            definition="French regions among them",
            fmt="{:d}",
        ),
        computed(
            "regression.sample.france",
            int(main.data.index.str.startswith("FR").sum()),
            unit="regions",
            definition="French regions in the main model",
            fmt="{:d}",
        ),
    ]
    for key in ("average", "rci_sample", "rci"):
        fit = fits[key]
        records += strength_figures(
            key,
            fit,
            coef_unit="log points per SD",
            coef_definition=f"strength coefficient in the '{fit.label}' model",
            se_kind="clustered standard error",
        )
    return records


def results_table(models: ProsperityModels, keys: Sequence[str], *, seed: int = 0):
    """The regression table of the fits ``keys`` with two last rows for the country-clustered
    columns: the wild cluster bootstrap p-value of strength and its 95 % interval."""
    fits = models.table_fits(keys)
    wild = [wild_cluster_fit(fit, seed=seed) if fit.cov_type == "cluster" else None for fit in fits]
    rows = {
        "Wild bootstrap p (strength)": [f"{w.pvalue:.3f}" if w else "" for w in wild],
        "Wild 95 % interval (strength)": [interval_text(w.low, w.high) if w else "" for w in wild],
    }
    return regression_table(fits, LABELS, extra_rows=rows)


@dataclass(frozen=True)
class InfluenceSummary:
    """Residuals, leverage and Cook's distance of the main model's regions that are not alone
    in their country, with the key figures the chapter states about them."""

    table: pd.DataFrame
    absorbed: int
    figures: list[Figure] = field(repr=False)


def influence_summary(main: Fit, capital: pd.Series) -> InfluenceSummary:
    """:func:`~eucluster.models.estimation.influence` of ``main`` with the ``capital`` flag,
    without the regions fitted exactly by their country dummy (their residual is zero by
    construction and says nothing), and the figures: the most influential region, how many
    regions are absorbed, the estimate without each region in turn and the capitals' mean
    residual, with the claims made of them."""
    table = influence(main).join(capital.rename("capital"))
    absorbed = int(table["absorbed"].sum())
    table = table[~table["absorbed"]]
    figures = [
        computed(
            "regression.influence.max_cooks_region",
            str(table["cooks_distance"].idxmax()),
            unit="NUTS code",
            definition="region with the largest Cook's distance in the main model",
        ),
        computed(
            "regression.influence.absorbed",
            absorbed,
            unit="regions",
            definition="regions that are the only region of their country in the sample "
            "(fitted exactly by their country dummy)",
            fmt="{:d}",
        ),
        *influence_claims(main, table, leave_one_out(main, "strength")),
    ]
    return InfluenceSummary(table=table, absorbed=absorbed, figures=figures)
