"""What the regression chapter states about its designs, its inference and its spillovers.

Each number here is a key figure with its definition, each conclusion a claim computed from
the run's estimates with the words of :mod:`eucluster.models.verdicts` ("clear" means a
p-value below 5 %, here the wild cluster bootstrap's), so that a re-run under another strength
measure or scope states what its own estimates say.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from scipy.stats import norm

from eucluster.key_figures import Claim, Figure, claim, computed
from eucluster.models.designs import LABELS, DesignEstimate, Designs
from eucluster.models.estimation import Fit
from eucluster.models.inference import WildBootstrap
from eucluster.models.verdicts import LEVEL, LEVEL_TEXT, is_clear, p_text, same_answer, sign_word


def coefficient_figures(key: str, coef: float, se: float, what: str) -> list[Figure]:
    """``regression.<key>.coef`` and ``.se`` (log points per SD of strength)."""
    return [
        computed(
            f"regression.{key}.coef",
            coef,
            unit="log points per SD of strength",
            definition=f"coefficient of {what}",
            fmt="{:.3f}",
        ),
        computed(
            f"regression.{key}.se",
            se,
            unit="log points",
            definition=f"standard error of that coefficient ({what})",
            fmt="{:.3f}",
        ),
    ]


def verdict(coef: float, pvalue: float) -> str:
    """``positive (p = ...)``, ``negative (...)`` or ``indistinguishable from zero (...)``."""
    if not is_clear(pvalue):
        return f"indistinguishable from zero at the {LEVEL_TEXT} level ({p_text(pvalue)})"
    return f"clearly {sign_word(coef, 'negative', 'positive')} ({p_text(pvalue)})"


def unclear_claim(
    identifier: str, coef: float, pvalue: float, what: str, interval: tuple[float, float]
) -> Claim:
    """A claim that an estimate is not clear, by the wild bootstrap: its wild 95 % interval
    (the null values the bootstrap test keeps at 5 %) includes zero; its false sentence says
    which sign the estimate clearly has and where the interval lies."""
    low, high = interval
    text = f"{coef:.3f}; wild bootstrap {p_text(pvalue)}, 95 % interval {low:.3f} to {high:.3f}"
    return claim(
        identifier,
        not is_clear(pvalue),
        definition=f"the wild cluster bootstrap p-value of {what} is at least {LEVEL}, so that "
        "its wild 95 % interval (the null values the bootstrap test does not reject) "
        "includes zero",
        if_true=f"is indistinguishable from zero ({text}, which includes zero)",
        if_false=f"is clearly {sign_word(coef, 'negative', 'positive')} ({text}, "
        "which excludes zero)",
    )


def wild_interval_figures(key: str, low: float, high: float, what: str) -> list[Figure]:
    """``regression.<key>.wild_low`` and ``.wild_high``: the wild cluster bootstrap 95 %
    interval of a coefficient, found by inverting the bootstrap test."""
    return [
        computed(
            f"regression.{key}.wild_{end}",
            value,
            unit="log points per SD of strength",
            definition=f"{side} end of the 95 % interval of {what} that inverts the restricted "
            "wild cluster bootstrap test (Webb weights, the same draws for every null value; "
            "bisection to 1e-6 standard errors)",
            fmt="{:.3f}",
        )
        for end, side, value in (("low", "lower", low), ("high", "upper", high))
    ]


def design_figures(designs: Designs) -> list[Figure | Claim]:
    """The designs' coefficients, errors, wild p-values and samples, on their largest
    samples, with one claim each on whether the estimate is clear, and whether any design
    finds a clear positive association."""
    records: list[Figure | Claim] = []
    for key, estimate in designs.largest.items():
        if key == "main":
            continue
        what = f"standardised strength in the {LABELS[key].lower()} design"
        records += coefficient_figures(f"{key}.strength", estimate.coef, estimate.se, what)
        records += [
            computed(
                f"regression.{key}.strength.wild_p",
                estimate.wild_p,
                unit="p-value",
                definition=f"wild cluster bootstrap p-value (Webb weights, restricted) of {what}",
                fmt="{:.3f}",
            ),
            *wild_interval_figures(f"{key}.strength", estimate.wild_low, estimate.wild_high, what),
            computed(
                f"regression.{key}.regions",
                len(estimate.regions),
                unit="regions",
                definition=f"regions in the {LABELS[key].lower()} design",
                fmt="{:d}",
            ),
            unclear_claim(
                f"regression.{key}.strength.unclear",
                estimate.coef,
                estimate.wild_p,
                what,
                (estimate.wild_low, estimate.wild_high),
            ),
        ]
    panel = designs.largest["panel"]
    slower = [
        designs.largest[key].coef < 0 and is_clear(designs.largest[key].wild_p)
        for key in ("growth", "growth_long")
    ]
    records += [
        claim(
            "regression.growth.not_both_negative",
            not all(slower),
            definition=f"the two growth designs do not both have a negative strength "
            f"coefficient with a wild bootstrap p-value below {LEVEL}",
            if_true="the growth designs do not both find clearly slower growth where strength "
            "was higher",
            if_false="the growth designs find slower growth where strength was higher, which is "
            "what convergence within countries would produce if strong clusters sat in regions "
            "that had already grown; it is not evidence that clusters slow growth",
        ),
        computed(
            "regression.panel.observations",
            panel.observations,
            unit="region-years",
            definition="region-years of the panel after singletons are dropped",
            fmt="{:,d}",
        ),
        computed(
            "regression.common.regions",
            len(designs.common_regions),
            unit="regions",
            definition="regions that every design uses (the common sample)",
            fmt="{:d}",
        ),
        *agreement_claims(designs.largest, designs.common),
    ]
    return records


def agreement_claims(
    largest: Mapping[str, DesignEstimate], common: Mapping[str, DesignEstimate]
) -> list[Claim]:
    """Does any design find a clear positive association, and does the common sample change
    any design's answer?"""
    positive = [key for key, e in largest.items() if e.coef > 0 and is_clear(e.wild_p)]
    changed = [
        LABELS[key].lower()
        for key in largest
        if not same_answer(
            (largest[key].coef, largest[key].wild_p), (common[key].coef, common[key].wild_p)
        )
    ]
    return [
        claim(
            "regression.designs.none_positive",
            not positive,
            definition=f"no design's strength coefficient is positive with a wild bootstrap "
            f"p-value below {LEVEL}",
            if_true="none of the designs finds a clearly positive association",
            if_false="the "
            + ", ".join(LABELS[key].lower() for key in positive)
            + " design finds a clearly positive association",
        ),
        claim(
            "regression.common.some_answer_changes",
            bool(changed),
            definition="some design gives another answer (clear at 5 % by the wild bootstrap "
            "or not, and the sign if clear) on the common sample than on its largest sample",
            if_true="changes the answer of the "
            + " and the ".join(changed or ["none"])
            + " design, a sign of how close to the 5 % line that estimate is",
            if_false="gives every design the same answer as its largest sample",
        ),
    ]


def inference_figures(
    main: Fit,
    wild: WildBootstrap,
    conley_se: Mapping[int, float],
    dfbeta: pd.Series,
    without_influential: Fit,
) -> list[Figure | Claim]:
    """The main estimate's wild bootstrap p-value and interval, spatial-HAC errors at each
    bandwidth, most influential region and the estimate without it, with claims on whether
    each check keeps the main answer and whether the wild interval is wider than the clustered
    one."""
    coef, se, p = main.estimate("strength")
    wild_p = wild.pvalue
    low, high = main.conf_int("strength")
    wider = wild.high - wild.low > high - low
    clustered_text = f"{low:.3f} to {high:.3f} from the clustered standard error"
    narrow, wide = sorted(conley_se)
    largest = dfbeta.abs().dropna().idxmax()
    without = without_influential.estimate("strength")
    conley_p = {
        bandwidth: 2 * float(norm.sf(abs(coef) / value)) for bandwidth, value in conley_se.items()
    }
    records: list[Figure | Claim] = [
        computed(
            "regression.main.strength.wild_p",
            wild_p,
            unit="p-value",
            definition="wild cluster bootstrap p-value of the main coefficient (country "
            "clusters, Webb weights, null imposed)",
            fmt="{:.3f}",
        ),
        *wild_interval_figures(
            "main.strength", wild.low, wild.high, "the main coefficient (country clusters)"
        ),
        computed(
            "regression.wild.reps",
            wild.reps,
            unit="draws",
            definition="draws of every wild cluster bootstrap of the chapter (the same draws "
            "for every null value of one test)",
            fmt="{:,d}",
        ),
        claim(
            "regression.main.wild_wider",
            wider,
            definition="the wild cluster bootstrap 95 % interval of the main coefficient is "
            "wider than the normal 95 % interval from its clustered standard error",
            if_true=f"wider than the interval of {clustered_text}",
            if_false=f"no wider than the interval of {clustered_text}",
        ),
        computed(
            "regression.main.strength.conley_se",
            conley_se[narrow],
            unit="log points",
            definition=f"spatial-HAC standard error of the main coefficient, triangular kernel "
            f"of {narrow} km between region centroids (spreg)",
            fmt="{:.3f}",
        ),
        computed(
            "regression.main.strength.conley_se_wide",
            conley_se[wide],
            unit="log points",
            definition=f"the same with a {wide} km kernel",
            fmt="{:.3f}",
        ),
        computed(
            "regression.conley.narrow_km", narrow, unit="km", definition="narrow kernel", fmt="{:d}"
        ),
        computed(
            "regression.conley.wide_km", wide, unit="km", definition="wide kernel", fmt="{:d}"
        ),
        computed(
            "regression.influence.dfbeta_region",
            str(largest),
            unit="NUTS code",
            definition="region with the largest absolute DFBETA of strength in the main model",
        ),
        *coefficient_figures(
            "influential.strength",
            without[0],
            without[1],
            "strength in the main model without the region of largest DFBETA",
        ),
        claim(
            "regression.main.wild_same_answer",
            is_clear(wild_p) == is_clear(p),
            definition=f"the wild bootstrap p-value and the clustered p-value are on the same "
            f"side of {LEVEL}",
            if_true="gives the same verdict as the clustered standard error",
            if_false="reverses the verdict of the clustered standard error",
        ),
        claim(
            "regression.main.conley_same_answer",
            all(is_clear(value) == is_clear(p) for value in conley_p.values()),
            definition=f"the main coefficient's normal p-value with each spatial-HAC error is "
            f"on the same side of {LEVEL} as with the clustered error",
            if_true="neither bandwidth changes the verdict",
            if_false="the verdict changes with a spatial-HAC error "
            f"(p = {conley_p[narrow]:.3f} at {narrow} km, {conley_p[wide]:.3f} at {wide} km)",
        ),
        claim(
            "regression.influential.same_answer",
            same_answer((coef, p), without[::2]),
            definition="without the region of largest DFBETA the main coefficient gives the "
            "same answer (clear at 5 % or not, and its sign if clear)",
            if_true="gives the same answer",
            if_false=f"changes the answer ({verdict(without[0], without[2])})",
        ),
    ]
    return records


def spillover_figures(spillovers) -> list[Figure | Claim]:
    """The SLX neighbours' coefficient and the spatial error model's strength coefficient."""
    coef, se, _ = spillovers.slx.estimate("neighbour_strength")
    own = spillovers.slx.estimate("strength")
    wild = spillovers.slx_wild.pvalue
    interval = (spillovers.slx_wild.low, spillovers.slx_wild.high)
    return [
        *coefficient_figures(
            "slx.neighbour_strength",
            coef,
            se,
            f"the mean strength of the {spillovers.k} nearest regions in the SLX model",
        ),
        computed(
            "regression.slx.neighbour_strength.wild_p",
            wild,
            unit="p-value",
            definition="wild cluster bootstrap p-value of the neighbours' strength",
            fmt="{:.3f}",
        ),
        *wild_interval_figures(
            "slx.neighbour_strength", *interval, "the neighbours' strength in the SLX model"
        ),
        *coefficient_figures("slx.strength", own[0], own[1], "own strength in the SLX model"),
        *coefficient_figures(
            "error_model.strength",
            spillovers.error_coef,
            spillovers.error_se,
            "strength in the spatial error model (GM_Error_Het)",
        ),
        computed(
            "regression.error_model.lambda",
            spillovers.error_lambda,
            unit="lambda",
            definition="spatial autocorrelation of the errors in the spatial error model",
            fmt="{:.2f}",
        ),
        unclear_claim(
            "regression.slx.neighbour_unclear",
            coef,
            wild,
            "the neighbours' strength (SLX)",
            interval,
        ),
    ]
