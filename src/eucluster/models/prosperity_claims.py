"""What the regression chapter concludes, computed from each run's data and models.

The chapter's conclusions are signs ("less prosperous"), significance ("neither richer nor
poorer"), comparisons ("the same answer", "turns the coefficient positive") and descriptions
that follow the parameters (the measure's name, the years, the controls of the model actually
fitted). Each is a :class:`~eucluster.key_figures.Claim` or a text figure made here, with the
words of :mod:`eucluster.models.verdicts`, so a re-run under another measure, sample or
threshold states what its own estimates say instead of the default build's conclusions.

* :func:`design_claims`: the design as run (measure, years, rules and their thresholds);
* :func:`model_claims`: the estimates of the chapter's models;
* :func:`influence_claims`: what single regions and the capitals do to the main estimate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from eucluster.key_figures import Claim, Figure, claim, computed
from eucluster.models.estimation import Fit
from eucluster.models.verdicts import (
    LEVEL,
    SMALL_PCT,
    as_percent,
    is_clear,
    is_small,
    p_text,
    richer_or_poorer,
    same_answer,
    sign_word,
)

#: How the prose names each strength measure.
MEASURE_NAMES = {
    "node_share": "node employment share",
    "node_count": "node count",
    "star_share": "star share",
    "benchmark_share": "benchmark share",
}

#: How the prose describes each control (with the years it is measured in).
CONTROL_DESCRIPTIONS = {
    "tertiary_2008": "the share of employed adults (25-64) with tertiary education in 2008",
    "log_density_2008": "population density in 2008 (a region's first year in the file where "
    "it starts later)",
    "log_patents": "EPO patent applications per million inhabitants in 2008-2010",
    "tertiary": "the share of adults with tertiary education (2013-2015, the first years "
    "published)",
    "log_density": "population density (2019)",
    "high_wage_share": "the share of jobs in the third of divisions with the highest EU wages "
    "per person (the sector mix)",
    "rd_intensity": "R&D intensity (2013-2015)",
    "rci_2010": "the Regional Competitiveness Index of 2010",
    "eqi_2021": "the quality-of-government pillars of the RCI 2022",
    "ris_2023": "the Regional Innovation Scoreboard 2023",
}

#: The years of the financial crisis, for the sentence that places the strength years.
CRISIS_YEARS = (2008, 2009)

#: The published rules' own thresholds: node LQ and share (ECCP), star LQ (Cluster
#: Observatory), benchmark percentile (U.S. Cluster Mapping).
PUBLISHED_RULES = {
    "lq_threshold": 1.5,
    "share_threshold": 0.01,
    "star_lq": 2.0,
    "benchmark_quantile": 0.75,
}


def listing(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --------------------------------------------------------------------------- the design


def design_claims(full: pd.DataFrame, choices: Mapping, strength_measure: str) -> list:
    """The design as this run has it: the measure's name and spread, the strength years
    (whether they fall in the financial crisis, which countries enter late, how long before the
    outcome) and the rules' thresholds against the published ones."""
    years = choices["strength_years"]
    last = max(years)
    name = MEASURE_NAMES[strength_measure]
    spread = full[strength_measure].std()
    spread_text = (
        f"{spread:.1f} nodes"
        if strength_measure == "node_count"
        else f"{100 * spread:.1f} percentage points"
    )
    crisis = [year for year in years if year in CRISIS_YEARS]
    late = dict(choices.get("late_countries", {}))
    records: list[Figure | Claim] = [
        computed(
            "regression.strength.measure_name",
            name,
            unit="",
            definition="the strength measure of the main model (parameter strength_measure)",
        ),
        computed(
            "regression.strength.sd",
            spread_text,
            unit="",
            definition="standard deviation of the strength measure over all regions (a share "
            "in percentage points, a count in nodes)",
        ),
        computed(
            "regression.strength.lead_years",
            int(choices["outcome_year"]) - last,
            unit="years",
            definition="years from the last strength year to the outcome year",
            fmt="{:d}",
        ),
        claim(
            "regression.strength.crisis_years",
            bool(crisis),
            definition=f"the strength years include a year of the financial crisis {CRISIS_YEARS}",
            if_true=f"years that include the financial crisis of {CRISIS_YEARS[0]}-"
            f"{CRISIS_YEARS[1]}",
            if_false=f"years after the financial crisis of {CRISIS_YEARS[0]}-{CRISIS_YEARS[1]}",
        ),
        claim(
            "regression.strength.france_late",
            "FR" in late,
            definition="France has no SBS persons employed in the first strength year",
            if_true=f"France enters in {late.get('FR', last)}, the first year the file reports it",
            if_false="France is reported in every one of these years",
        ),
        *rule_claims(choices),
    ]
    return records


def rule_claims(choices: Mapping) -> list[Claim]:
    """Each strength rule as run, and whether its thresholds are the published rule's."""
    lq, share = choices["lq_threshold"], choices["share_threshold"]
    star, percentile = choices["star_lq"], choices["benchmark_quantile"]
    published = PUBLISHED_RULES
    node = f"location quotient above {lq:g} and more than {100 * share:g} % of the region's jobs"
    star_rule = f"location quotient at least {star:g}"
    benchmark = f"location quotient at or above the sector's {100 * percentile:g}th percentile"
    return [
        claim(
            "regression.rule.node_published",
            (lq, share) == (published["lq_threshold"], published["share_threshold"]),
            definition="the node thresholds of this run equal the ECCP's (LQ 1.5, share 1 %)",
            if_true=f"{node}, the ECCP's rule",
            if_false=f"{node}; the ECCP's own rule is above 1.5 and more than 1 %",
        ),
        claim(
            "regression.rule.star_published",
            star == published["star_lq"],
            definition="the star LQ of this run equals the Cluster Observatory's (2)",
            if_true=f"{star_rule}, the Observatory's rule",
            if_false=f"{star_rule}; the Observatory's own rule is at least 2",
        ),
        claim(
            "regression.rule.benchmark_published",
            percentile == published["benchmark_quantile"],
            definition="the benchmark percentile of this run equals the Cluster Mapping's (75)",
            if_true=f"{benchmark}, the Cluster Mapping rule",
            if_false=f"{benchmark}; the Cluster Mapping rule uses the 75th",
        ),
    ]


# --------------------------------------------------------------------------- the models


def control_figures(fits: Mapping[str, Fit]) -> list[Figure]:
    """The controls of the main model and those the two checks add, listed from the models
    actually fitted (so the text can never name a control the model does not contain)."""
    main = fits["main"]
    controls = [name for name in main.regressors if name != "strength"]
    records = [
        computed(
            "regression.main.controls",
            listing([CONTROL_DESCRIPTIONS[name] for name in controls]),
            unit="",
            definition="the controls of the main model, listed from its regressors",
        )
    ]
    return records


def model_claims(fits: Mapping[str, Fit], unsplit: Fit, frame: pd.DataFrame) -> list[Claim]:
    """The chapter's conclusions about its models, each from this run's estimates."""
    pooled, controls, main = (
        fits[key].estimate("strength") for key in ("pooled", "controls", "main")
    )
    low, high = fits["main"].conf_int("strength")
    return [
        *headline_claims(pooled, controls, main, (low, high)),
        *check_claims(fits, unsplit, frame),
        interaction_claim(fits.get("interaction"), frame),
    ]


def headline_claims(pooled, controls, main, interval) -> list[Claim]:
    """Pooled, controlled and main estimates: sign, clarity, size and what controls do."""
    low, high = interval
    low_pct, high_pct = as_percent(low), as_percent(high)
    outside = (
        "in either direction"
        if low_pct <= -SMALL_PCT and high_pct >= SMALL_PCT
        else ("upward" if high_pct >= SMALL_PCT else "downward")
    )
    positive_clear = main[0] > 0 and is_clear(main[2])
    return [
        claim(
            "regression.pooled.strength.positive",
            pooled[0] >= 0,
            definition="the pooled coefficient of strength without controls is not negative",
            if_true="more",
            if_false="less",
        ),
        claim(
            "regression.pooled.strength.includes_zero",
            not is_clear(pooled[2]),
            definition=f"the pooled coefficient's p-value is at least {LEVEL}",
            if_true=richer_or_poorer(*pooled[::2], "regions with more of it", clear=False),
            if_false=richer_or_poorer(*pooled[::2], "regions with more of it", clear=True),
        ),
        claim(
            "regression.controls.strength.shrinks",
            abs(controls[0]) < abs(pooled[0]),
            definition="the coefficient with controls is smaller in absolute value than without",
            if_true="shrink that association to",
            if_false="do not shrink that association; it becomes",
        ),
        claim(
            "regression.main.strength.includes_zero",
            not is_clear(main[2]),
            definition=f"the main coefficient's p-value is at least {LEVEL} (its 95 % interval "
            "includes zero)",
            if_true=richer_or_poorer(*main[::2], "they", clear=False),
            if_false=richer_or_poorer(*main[::2], "they", clear=True),
        ),
        claim(
            "regression.main.strength.small",
            is_small(low, high),
            definition=f"the main 95 % interval lies within {SMALL_PCT:g} % of GDP per head "
            "either side of zero",
            if_true=f"which rules out an association of more than {SMALL_PCT:g} % in either "
            "direction",
            if_false=f"which does not rule out an association of more than {SMALL_PCT:g} % "
            f"{outside}",
        ),
        claim(
            "regression.main.no_support",
            not positive_clear,
            definition=f"the main coefficient is not positive with p < {LEVEL}",
            if_true="the data give no support to the ECCP paper's claim that strong clusters "
            "drive prosperity: within countries, regions with stronger clusters are not clearly "
            "more prosperous",
            if_false="the data show the association that the ECCP paper's claim predicts: "
            "within countries, regions with stronger clusters are clearly more prosperous, "
            "though an association is not an effect",
        ),
    ]


def check_claims(fits: Mapping[str, Fit], unsplit: Fit, frame: pd.DataFrame) -> list[Claim]:
    """The checks: without apportioned regions, another outcome, the competitiveness index."""
    main = fits["main"].estimate("strength")
    low, high = fits["main"].conf_int("strength")
    split = unsplit.estimate("strength")
    average = fits["average"].estimate("strength")
    index_sample = fits["rci_sample"].estimate("strength")
    with_index = fits["rci"].estimate("strength")
    lost = fits["main"].data.index.difference(fits["rci_sample"].data.index)
    lost_capitals = int(frame["capital"].reindex(lost).fillna(False).astype(bool).sum())
    sign = sign_word(with_index[0], "negative", "positive")
    text = f"({with_index[0]:.3f}, standard error {with_index[1]:.3f}, {p_text(with_index[2])})"
    return [
        claim(
            "regression.unsplit.same_conclusion",
            bool(low <= split[0] <= high) and same_answer(main[::2], split[::2]),
            definition="without the apportioned regions the coefficient stays inside the main "
            "95 % interval and gives the same answer (clear or not, and the sign if clear)",
            if_true="do not drive it",
            if_false="change it",
        ),
        claim(
            "regression.average.same_answer",
            same_answer(main[::2], average[::2]),
            definition="the average-outcome coefficient is clear (p < 0.05) exactly when the "
            "main one is, with the same sign",
            if_true="gives the same answer",
            if_false="gives a different answer",
        ),
        claim(
            "regression.rci_sample.same_answer",
            same_answer(main[::2], index_sample[::2]),
            definition="the main model on the regions with the 2010 RCI is clear (p < 0.05) "
            "exactly when the main model is, with the same sign",
            if_true="gives the same answer as on all regions",
            if_false="gives another answer than on all regions",
        ),
        claim(
            "regression.rci.keeps_sign",
            (with_index[0] < 0) == (index_sample[0] < 0),
            definition="adding the 2010 RCI leaves the strength coefficient with the sign of "
            "the main model on the same regions",
            if_true=f"leaves the coefficient {sign} {text}",
            if_false=f"turns the coefficient {sign} {text}",
        ),
        claim(
            "regression.rci.lost_capitals",
            lost_capitals > 0,
            definition="capital regions are among the regions without the 2010 RCI",
            if_true=f"{lost_capitals} capital regions, which the index merges with their "
            "commuting belts",
            if_false="no capital region",
        ),
    ]


def interaction_claim(interaction: Fit | None, frame: pd.DataFrame) -> Claim:
    """Does strength go with prosperity differently in weak regions? Not estimable when the
    sample has only weak or no weak regions: then the sentence says so."""
    definition = f"the weak x strength interaction is estimated and its p-value is at least {LEVEL}"
    if interaction is None:
        missing = (
            "every region of this sample is weak"
            if frame["weak"].all()
            else ("this sample has no weak region")
        )
        return claim(
            "regression.interaction.no_difference",
            False,
            definition=definition,
            if_true="The interaction shows no sign that strength goes with more or less "
            "prosperity in weak regions than elsewhere.",
            if_false=f"Here {missing}, so the slope cannot differ between weak and other "
            "regions and the table has no interaction column.",
        )
    coef, se, p = interaction.estimate("weak_x_strength")
    numbers = f"{coef:.3f} (standard error {se:.3f}, {p_text(p)})"
    return claim(
        "regression.interaction.no_difference",
        not is_clear(p),
        definition=definition,
        if_true=f"The interaction is {numbers}: there is no sign that strength goes with more "
        "or less prosperity in weak regions than elsewhere.",
        if_false=f"The interaction is {numbers}: strength goes with "
        f"{sign_word(coef, 'less', 'more')} prosperity in weak regions than elsewhere.",
    )


# --------------------------------------------------------------------------- influence


def influence_claims(main: Fit, table: pd.DataFrame, dropped: pd.DataFrame) -> list:
    """Does one region carry the main estimate (``dropped``: the leave-one-out estimates of
    :func:`~eucluster.models.estimation.leave_one_out`), and where do the capitals lie
    (``table``: the influence table with the ``capital`` flag)?"""
    coef, _, p = main.estimate("strength")
    agrees = [same_answer((coef, p), (row.coef, row.pvalue)) for row in dropped.itertuples()]
    dropped = dropped.assign(agrees=agrees)
    largest_move = (dropped["coef"] - coef).abs().idxmax()
    changing = dropped.index[~dropped["agrees"]]
    capitals = table.loc[table["capital"], "residual"]
    mean_residual = float(capitals.mean()) if len(capitals) else 0.0
    records: list[Figure | Claim] = [
        computed(
            "regression.influence.dropped_min",
            dropped["coef"].min(),
            unit="log points per SD",
            definition="smallest main coefficient when one region is left out",
            fmt="{:.3f}",
        ),
        computed(
            "regression.influence.dropped_max",
            dropped["coef"].max(),
            unit="log points per SD",
            definition="largest main coefficient when one region is left out",
            fmt="{:.3f}",
        ),
        computed(
            "regression.influence.dropped_region",
            str(largest_move),
            unit="NUTS code",
            definition="the region whose omission moves the main coefficient most",
        ),
    ]
    if len(changing):
        first = changing[0]
        row = dropped.loc[first]
        changed = (
            f"one region can change it: without {first}"
            + (f" (and {len(changing) - 1} other regions, each alone)" if len(changing) > 1 else "")
            + f" the coefficient is {row['coef']:.3f} ({p_text(row['pvalue'])})"
        )
    else:
        changed = "one region can change its answer"
    records.append(
        claim(
            "regression.influence.no_single_region",
            not len(changing),
            definition="leaving out any one region keeps the main estimate's answer (clear at "
            f"{LEVEL} or not, and its sign if clear)",
            if_true="no single region carries it",
            if_false=changed,
        )
    )
    if len(capitals):
        records.append(
            computed(
                "regression.influence.capital_mean_residual",
                mean_residual,
                unit="log points",
                definition="mean residual of capital regions in the main model",
                fmt="{:.2f}",
            )
        )
    where = sign_word(mean_residual, "below", "above")
    records.append(
        claim(
            "regression.influence.capitals_above",
            len(capitals) > 0 and mean_residual > 0,
            definition="capital regions (not alone in their country) have a positive mean "
            "residual in the main model",
            if_true=f"capital regions lie above the fitted values on average (mean residual "
            f"{mean_residual:.2f} log points)",
            if_false=f"capital regions lie {where} the fitted values on average (mean residual "
            f"{mean_residual:.2f} log points)"
            if len(capitals)
            else "this sample has no capital region that shares its country with others",
        )
    )
    return records
