"""What the node-gaps chapter states: key figures, claims and tables, computed once.

``book/node_gaps.py`` asks whether the weak/non-weak gap of the ECCP paper's Table 1 is a
size effect (:mod:`eucluster.models.node_counts`) and whether it survives when countries,
not regions, are the independent units (:mod:`eucluster.models.country_bootstrap`). Each
function here answers one section: it returns the :class:`~eucluster.key_figures.Figure` and
:class:`~eucluster.key_figures.Claim` records the section's prose glues, and the table or
chart data it shows.

Every claim's truth compares the run with the outcome of the default run, recorded in
:data:`DEFAULT_OUTCOME` (a direction, or whether an interval excludes the null value), so
all claims are true under the default parameters; the sentence always says what this run
found, in either case. The claim builders are in :mod:`eucluster.models.node_gap_claims`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eucluster.key_figures import Claim, Figure, claim, computed, name_list
from eucluster.measures import specialisation as sp
from eucluster.measures.node_tables import KIND_NAMES, NodeParameters
from eucluster.models import country_bootstrap as boot
from eucluster.models import node_counts
from eucluster.models.node_counts import MODEL_NAMES
from eucluster.models.node_gap_claims import (
    IRR_FORMAT,
    interval_claim,
    reversal_claim,
    same_reading_claim,
    side_claim,
)

#: Outcomes of the default run that the claims test: the side of one of each rate ratio
#: (-1 below, +1 above), whether an interval excludes the null value, and whether the counts
#: are overdispersed; ``verdict`` is the reading of the four comparisons of
#: :data:`COMPARISONS` (+1 significantly above the null value, -1 below, 0 neither).
DEFAULT_OUTCOME = {
    "industry_relevant": {
        "unadjusted_side": -1,
        "unadjusted_excludes": False,
        "adjusted_side": +1,
        "adjusted_excludes": True,
        "overdispersed": True,
        "fixed_effects_excludes": False,
        "gap_excludes": False,
        "verdict": (0, +1, 0, 0),
    },
    "regional_relevant": {
        "unadjusted_side": +1,
        "unadjusted_excludes": True,
        "adjusted_side": +1,
        "adjusted_excludes": True,
        "overdispersed": False,
        "fixed_effects_excludes": False,
        "gap_excludes": True,
        "verdict": (+1, +1, 0, +1),
    },
}
#: The weak lists of :func:`eucluster.measures.node_frames.region_nodes`, as the prose names
#: them.
WEAK_LIST_TEXT = {
    "2026": "the 2026 data release (the nodes chapter's labels)",
    "2019": "the 2019 data release, on which the 2021-2027 categories were decided",
}
#: The four comparisons the chapter's conclusion weighs, as its sentences name them.
COMPARISONS = (
    "before adjustment",
    "with size in the model",
    "within countries",
    "with countries resampled",
)
NOUNS = {kind: f"{name.lower()} nodes" for kind, name in KIND_NAMES.items()}


@dataclass(frozen=True)
class Section:
    """Records a section of the chapter glues, and the table or chart data it shows."""

    figures: list[Figure | Claim]
    table: pd.DataFrame = field(default_factory=pd.DataFrame)


def irr_figures(prefix: str, fitted: node_counts.CountFit, interval: boot.BootstrapInterval):
    """The rate ratio, its clustered and its country-bootstrap interval under ``prefix``."""
    label = "size-adjusted" if fitted.adjusted else "unadjusted"
    model = MODEL_NAMES[fitted.model]
    values = {
        "": (fitted.irr, f"{label} {model} incidence-rate ratio of weak regions"),
        "_low": (fitted.low, "lower end, 95 % interval, country-clustered errors"),
        "_high": (fitted.high, "upper end, 95 % interval, country-clustered errors"),
        "_boot_low": (interval.low, "lower end, 95 % country-block bootstrap interval"),
        "_boot_high": (interval.high, "upper end, 95 % country-block bootstrap interval"),
    }
    return [
        computed(f"{prefix}{suffix}", value, unit="ratio", definition=text, fmt=IRR_FORMAT)
        for suffix, (value, text) in values.items()
    ]


@dataclass(frozen=True)
class SizeSection(Section):
    """The size-adjusted comparison: fits of both models and the within-country fit."""

    fits: dict = field(default_factory=dict)


def size_adjusted(
    frame: pd.DataFrame, weights: np.ndarray, *, model: str, expected=DEFAULT_OUTCOME
) -> SizeSection:
    """Rate ratios of weak regions before and after the size adjustment for both node kinds,
    with clustered and country-bootstrap intervals, the other model as a check and the
    within-country (fixed-effects) ratio; the claims each section of prose states."""
    other = "negbin" if model == "poisson" else "poisson"
    figures: list[Figure | Claim] = [
        computed("nodes.size_adjusted.model", MODEL_NAMES[model], unit="", definition="model"),
        computed(
            "nodes.size_adjusted.other_model", MODEL_NAMES[other], unit="", definition="check"
        ),
    ]
    rows, fits = [], {}
    for kind in sp.NODE_KINDS:
        outcome, noun = expected[kind], NOUNS[kind]
        prefix = f"nodes.size_adjusted.{kind}"
        before = node_counts.fit(frame, kind, model=model, adjusted=False)
        after = node_counts.fit(frame, kind, model=model, adjusted=True)
        check = node_counts.fit(frame, kind, model=other, adjusted=True)
        within = node_counts.fixed_effects(frame, kind)
        before_boot = boot.interval_from(boot.irr_draws(frame, kind, weights, before))
        after_boot = boot.interval_from(boot.irr_draws(frame, kind, weights, after))
        fits[kind] = {"unadjusted": before, "adjusted": after, "check": check, "within": within}
        figures += irr_figures(f"{prefix}.unadjusted_irr", before, before_boot)
        figures += irr_figures(f"{prefix}.weak_irr", after, after_boot)
        figures += within_figures(prefix, within)
        figures += [
            computed(
                f"{prefix}.size_elasticity",
                after.size_elasticity,
                unit="",
                definition="coefficient of log employment (per cent more nodes per per cent "
                "more employment)",
                fmt="{:.2f}",
            ),
            computed(
                f"{prefix}.check_irr",
                check.irr,
                unit="ratio",
                definition=f"size-adjusted rate ratio of weak regions, {MODEL_NAMES[other]}",
                fmt=IRR_FORMAT,
            ),
            computed(
                f"{prefix}.check_irr_low",
                check.low,
                unit="ratio",
                definition="lower end, clustered",
                fmt=IRR_FORMAT,
            ),
            computed(
                f"{prefix}.check_irr_high",
                check.high,
                unit="ratio",
                definition="upper end, clustered",
                fmt=IRR_FORMAT,
            ),
        ]
        figures += [
            side_claim(
                f"{prefix}.unadjusted_side",
                before.irr,
                expected=outcome["unadjusted_side"],
                noun=noun,
                detail="the others",
            ),
            interval_claim(
                f"{prefix}.unadjusted_interval",
                before.low,
                before.high,
                null=1.0,
                expected=outcome["unadjusted_excludes"],
                what="the unadjusted ratio",
                fmt=IRR_FORMAT,
            ),
            side_claim(
                f"{prefix}.adjusted_side",
                after.irr,
                expected=outcome["adjusted_side"],
                noun=noun,
                detail="non-weak regions of the same size",
            ),
            interval_claim(
                f"{prefix}.adjusted_interval",
                after.low,
                after.high,
                null=1.0,
                expected=outcome["adjusted_excludes"],
                what="the size-adjusted ratio",
                fmt=IRR_FORMAT,
            ),
            interval_claim(
                f"{prefix}.adjusted_boot_interval",
                after_boot.low,
                after_boot.high,
                null=1.0,
                expected=outcome["adjusted_excludes"],
                what="the size-adjusted ratio from the country bootstrap",
                fmt=IRR_FORMAT,
            ),
            reversal_claim(f"{prefix}.adjustment_effect", before.irr, after.irr, outcome, noun),
            same_reading_claim(
                f"{prefix}.models_agree", after, check, f"the {MODEL_NAMES[other]} model"
            ),
            interval_claim(
                f"{prefix}.fixed_effects_interval",
                within.low,
                within.high,
                null=1.0,
                expected=outcome["fixed_effects_excludes"],
                what="the within-country ratio",
                fmt=IRR_FORMAT,
            ),
        ]
        for label, fitted, interval in (
            ("unadjusted", before, before_boot),
            ("size-adjusted", after, after_boot),
        ):
            rows.append(irr_row(kind, label, fitted.irr, fitted.low, fitted.high, interval))
        rows.append(
            irr_row(
                kind, "size-adjusted, within countries", within.irr, within.low, within.high, None
            )
        )
    figures += fixed_effects_figures(fits)
    return SizeSection(figures, pd.DataFrame(rows), fits)


def irr_row(kind, label, irr, low, high, interval) -> dict:
    """One row of the rate-ratio table, intervals as text."""
    shown = "not computed" if interval is None else f"{interval.low:.2f} to {interval.high:.2f}"
    return {
        "Nodes": KIND_NAMES[kind],
        "Model": label,
        "Rate ratio, weak": irr,
        "Interval, clustered": f"{low:.2f} to {high:.2f}",
        "Interval, country bootstrap": shown,
    }


def within_figures(prefix: str, within: node_counts.FixedEffectsFit) -> list[Figure]:
    """The within-country rate ratio and its clustered interval."""
    text = "size-adjusted Poisson rate ratio with country fixed effects"
    return [
        computed(
            f"{prefix}.fixed_effects_irr{suffix}",
            value,
            unit="ratio",
            definition=f"{text}{extra}",
            fmt=IRR_FORMAT,
        )
        for suffix, value, extra in (
            ("", within.irr, ""),
            ("_low", within.low, ", lower end (clustered)"),
            ("_high", within.high, ", upper end (clustered)"),
        )
    ]


def fixed_effects_figures(fits: dict) -> list[Figure]:
    """Which countries the within-country comparison uses (the same for both kinds unless a
    country has no node of one kind at all)."""
    within = [fits[kind]["within"] for kind in sp.NODE_KINDS]
    dropped_zero = sorted({code for fit in within for code in fit.zero_count_countries})
    first = within[0]
    return [
        computed(
            "nodes.size_adjusted.fixed_effects.single_region_countries",
            len(first.single_region_countries),
            unit="countries",
            definition="countries with one region (their dummy fits it exactly)",
            fmt="{:d}",
        ),
        computed(
            "nodes.size_adjusted.fixed_effects.single_region_names",
            name_list(first.single_region_countries, empty="none"),
            unit="",
            definition="country codes of single-region countries",
        ),
        computed(
            "nodes.size_adjusted.fixed_effects.zero_count_note",
            "no other country is dropped"
            if not dropped_zero
            else f"{name_list(dropped_zero)} are dropped too, having no node of a kind in "
            "any region",
            unit="",
            definition="countries without any node of a kind (their dummy runs to minus infinity)",
        ),
        computed(
            "nodes.size_adjusted.fixed_effects.countries",
            min(fit.countries for fit in within),
            unit="countries",
            definition="countries in the fixed-effects fit (fewest over the node kinds)",
            fmt="{:d}",
        ),
        computed(
            "nodes.size_adjusted.fixed_effects.mixed_countries",
            min(len(fit.mixed_countries) for fit in within),
            unit="countries",
            definition="countries with both weak and non-weak regions (they identify the ratio)",
            fmt="{:d}",
        ),
    ]


def setting(
    frame: pd.DataFrame, weights: np.ndarray, chosen: NodeParameters, weak_list: str
) -> list:
    """The regions, countries and draws of the analysis, the release of the weak list, the
    size of weak against non-weak regions, and how many draws had an empty group."""
    weak = frame["weak"]
    medians = frame.groupby("weak")["employment"].median() / 1000
    empty = int(
        (
            (weights[:, weak.to_numpy()].sum(axis=1) == 0)
            | (weights[:, ~weak.to_numpy()].sum(axis=1) == 0)
        ).sum()
    )
    draws = weights.shape[0]
    counts, thousands = "{:d}", "{:,.0f}"
    rows = [
        ("size_adjusted.regions", len(frame), "regions", "regions with a weak/non-weak label",
         counts),
        ("size_adjusted.weak_regions", int(weak.sum()), "regions", "weak regions", counts),
        ("country_bootstrap.countries", frame["country"].nunique(), "countries",
         "countries (resampling units)", counts),
        ("country_bootstrap.weak_countries", frame.loc[weak, "country"].nunique(), "countries",
         "countries with at least one weak region", counts),
        ("country_bootstrap.n_bootstrap", chosen.n_bootstrap, "draws",
         "country-bootstrap draws (parameter)", "{:,d}"),
        ("size_adjusted.weak_list", WEAK_LIST_TEXT[weak_list], "", "weak list (parameter)", ""),
        ("country_bootstrap.seed", chosen.seed, "", "seed of the draws (parameter)", counts),
        ("country_bootstrap.empty_group_draws", empty, "draws",
         "draws without a weak or without a non-weak region", "{:,d}"),
        ("size_adjusted.weak_median_employment", medians.loc[True], "thousand persons",
         "median employment, weak regions", thousands),
        ("size_adjusted.non_weak_median_employment", medians.loc[False], "thousand persons",
         "median employment, non-weak regions", thousands),
    ]  # fmt: skip
    figures: list[Figure | Claim] = [
        computed(f"nodes.{name}", value, unit=unit, definition=text, fmt=fmt)
        for name, value, unit, text, fmt in rows
    ]  # fmt: skip
    return figures + [
        claim(
            "nodes.size_adjusted.weak_smaller",
            bool(medians.loc[True] < medians.loc[False]),
            definition="median employment of weak regions is below that of non-weak regions",
            if_true="weak regions are smaller than the others",
            if_false="weak regions are not smaller than the others",
        ),
        claim(
            "nodes.country_bootstrap.no_empty_draws",
            empty == 0,
            definition="no country-bootstrap draw lacks a weak or a non-weak region",
            if_true="no draw lacked either group",
            if_false=f"{empty:,d} of the {draws:,d} draws lacked one group and are left out "
            "of every interval",
        ),
    ]


def overdispersion_section(frame: pd.DataFrame, expected=DEFAULT_OUTCOME) -> Section:
    """The likelihood-ratio test of the negative binomial dispersion for both node kinds (of
    the size-adjusted model), and which model fits each kind better."""
    figures: list[Figure | Claim] = []
    for kind in sp.NODE_KINDS:
        test = node_counts.overdispersion(frame, kind)
        prefix, noun = f"nodes.size_adjusted.{kind}", NOUNS[kind]
        p_format = "{:.3f}" if test.p_value >= 0.001 else "{:.0e}"
        better = "negative binomial" if test.overdispersed else "Poisson"
        figures += [
            computed(
                f"{prefix}.negbin_alpha",
                test.alpha,
                unit="",
                definition="NB2 dispersion (size-adjusted)",
                fmt="{:.2f}",
            ),
            computed(
                f"{prefix}.overdispersion_p",
                test.p_value,
                unit="",
                definition="p-value, likelihood-ratio test of NB2 dispersion = 0 "
                "(half chi-square tail)",
                fmt=p_format,
            ),
            computed(
                f"{prefix}.better_model",
                better,
                unit="",
                definition="negative binomial when the test rejects at 5 %, else Poisson",
            ),
        ]
        yes = f"{noun} are overdispersed, and the negative binomial fits them better"
        no = f"{noun} are no more dispersed than Poisson counts, so Poisson fits them as well"
        wanted = expected[kind]["overdispersed"]
        figures.append(
            claim(
                f"{prefix}.dispersion",
                test.overdispersed == wanted,
                definition=f"the likelihood-ratio test of the NB2 dispersion "
                f"{'rejects' if wanted else 'does not reject'} zero at 5 %",
                if_true=yes if wanted else no,
                if_false=no if wanted else yes,
            )
        )
    return Section(figures)


def traded_section(
    traded_frame: pd.DataFrame, divisions: int, size: SizeSection, *, model: str
) -> Section:
    """The rate ratios with nodes counted in traded divisions only (retail, food service and
    other activities that follow population are not clusters in any anchor's sense), beside
    those of all divisions, and whether the size-adjusted reading is the same."""
    figures: list[Figure | Claim] = [
        computed("nodes.size_adjusted.traded.divisions", divisions, unit="divisions",
                 definition="traded divisions (eucluster.measures.traded)", fmt="{:d}")
    ]  # fmt: skip
    rows = []
    for kind in sp.NODE_KINDS:
        prefix = f"nodes.size_adjusted.traded.{kind}"
        for adjusted, name in ((False, "unadjusted_irr"), (True, "weak_irr")):
            fitted = node_counts.fit(traded_frame, kind, model=model, adjusted=adjusted)
            everything = size.fits[kind]["adjusted" if adjusted else "unadjusted"]
            figures += [
                computed(f"{prefix}.{name}{suffix}", value, unit="ratio", fmt=IRR_FORMAT,
                         definition=f"{text}, traded divisions only, country-clustered")
                for suffix, value, text in (("", fitted.irr, "rate ratio"),
                                            ("_low", fitted.low, "lower end"),
                                            ("_high", fitted.high, "upper end"))
            ]  # fmt: skip
            rows.append({
                "Nodes": KIND_NAMES[kind],
                "Model": "size-adjusted" if adjusted else "unadjusted",
                "Rate ratio, all divisions": everything.irr,
                "Rate ratio, traded only": fitted.irr,
                "Interval, traded only": f"{fitted.low:.2f} to {fitted.high:.2f}",
            })  # fmt: skip
        figures.append(
            same_reading_claim(f"{prefix}.same_reading", size.fits[kind]["adjusted"], fitted,
                               f"the count of traded {NOUNS[kind]}")
        )  # fmt: skip
    return Section(figures, pd.DataFrame(rows))
