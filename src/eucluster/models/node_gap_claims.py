"""The claims of the node-gaps chapter: sentences whose truth the run computes.

A rate ratio's side of one, whether an interval excludes the null value, whether the size
adjustment turns a comparison around, whether two models or two resampling units read the
same: each builder returns a :class:`~eucluster.key_figures.Claim` whose truth compares this
run with the default run's outcome (``expected``, from
:data:`eucluster.models.node_gap_findings.DEFAULT_OUTCOME`) and whose sentences say what the
run found in either case, so a re-run never states a false sentence.
"""

from __future__ import annotations

import numpy as np

from eucluster.key_figures import Claim, claim, name_list
from eucluster.models import country_bootstrap as boot
from eucluster.models import node_counts

IRR_FORMAT, GAP_FORMAT = "{:.2f}", "{:+.1f}"


def side(value: float, null: float, digits: int = 2) -> int:
    """-1, 0 or +1: where ``value``, rounded to ``digits`` as the book shows it, lies relative
    to ``null`` (a ratio shown as 1.00 is stated as no difference, never as "more")."""
    return int(np.sign(round(value, digits) - null))


def side_claim(claim_id: str, irr: float, *, expected: int, noun: str, detail: str) -> Claim:
    """Weak regions have a rate of ``noun`` below (``expected`` -1) or above (+1) that of
    comparable non-weak regions; the sentence names the side this run found."""
    found = side(irr, 1.0)
    words = {-1: "fewer", 0: "as many", 1: "more"}

    def sentence(direction: int) -> str:
        ratio = IRR_FORMAT.format(irr)
        than = "as" if direction == 0 else "than"
        return f"weak regions have {words[direction]} {noun} {than} {detail} (rate ratio {ratio})"

    return claim(
        claim_id,
        found == expected,
        definition=f"incidence-rate ratio of weak regions for {noun} {detail} is "
        f"{'below' if expected < 0 else 'above'} one",
        if_true=sentence(expected),
        if_false=sentence(found),
    )


def excludes(low: float, high: float, null: float) -> bool:
    """The interval ``[low, high]`` lies wholly on one side of ``null``."""
    return bool(low > null or high < null)


def interval_claim(
    claim_id: str, low: float, high: float, *, null: float, expected: bool, what: str, fmt: str
) -> Claim:
    """Whether the interval of ``what`` excludes ``null`` (``expected``: the default run's
    answer); the sentence gives the interval and its reading."""
    shown = f"{fmt.format(low)} to {fmt.format(high)}"
    null_text = "one" if null == 1 else "zero"
    outside = f"the interval of {what} ({shown}) excludes {null_text}"
    inside = (
        f"the interval of {what} ({shown}) includes {null_text}: the data cannot tell the "
        "groups apart"
    )
    found = excludes(low, high, null)
    return claim(
        claim_id,
        found == expected,
        definition=f"the 95 % interval of {what} {'excludes' if expected else 'includes'} {null}",
        if_true=outside if expected else inside,
        if_false=inside if expected else outside,
    )


def adjustment_effect(before: int, after: int) -> str:
    """``turns`` when the sides of one before and after the size adjustment are opposite,
    ``keeps`` when they are the same, ``moves`` when one of them is one itself."""
    if before * after < 0:
        return "turns"
    return "keeps" if before == after else "moves"


def reversal_claim(claim_id: str, before: float, after: float, outcome: dict, noun: str) -> Claim:
    """What the size adjustment does to the side of one the ratio lies on, against the
    default run's outcome (:func:`adjustment_effect` of its two sides)."""
    expected = adjustment_effect(outcome["unadjusted_side"], outcome["adjusted_side"])
    found = adjustment_effect(side(before, 1.0), side(after, 1.0))
    sentences = {
        "turns": f"the size adjustment turns the comparison of {noun} around: the shortfall or "
        "surplus is a size effect",
        "keeps": f"the size adjustment leaves the comparison of {noun} on the same side of one",
        "moves": f"the size adjustment moves the rate ratio of {noun} from "
        f"{before:.2f} to {after:.2f}",
    }
    return claim(
        claim_id,
        found == expected,
        definition=f"the size adjustment {expected} the side of one of the weak rate ratio "
        "(turns: opposite sides; keeps: the same side; moves: one of them is one)",
        if_true=sentences[expected],
        if_false=sentences[found],
    )


def same_reading_claim(
    claim_id: str, chosen: node_counts.CountFit, check: node_counts.CountFit, check_name: str
) -> Claim:
    """A second estimate (``check_name``: another model, other nodes) puts the size-adjusted
    ratio on the same side of one, with the same reading of its interval."""
    agree = side(chosen.irr, 1) == side(check.irr, 1) and excludes(
        chosen.low, chosen.high, 1
    ) == excludes(check.low, check.high, 1)
    shown = f"{check.irr:.2f}, {check.low:.2f} to {check.high:.2f}"
    return claim(
        claim_id,
        agree,
        definition=f"the size-adjusted ratios of {check_name} and of the chosen estimate lie on "
        "the same side of one and their intervals both exclude or both include one",
        if_true=f"{check_name} reads the same ({shown})",
        if_false=f"{check_name} reads otherwise ({shown})",
    )


def gap_claims(prefix: str, noun: str, gaps: boot.GapIntervals, expected: bool) -> list[Claim]:
    """The country interval is wider than the region interval; it excludes zero or not (as the
    default run); and it reads as the region interval does."""
    region_excludes = excludes(gaps.region_low, gaps.region_high, 0.0)
    country_excludes = excludes(gaps.country.low, gaps.country.high, 0.0)
    ratio = f"{gaps.width_ratio:.1f}"
    same = "the gap's reading does not depend on the resampling unit"
    differs = (
        "the gap's reading depends on the resampling unit: resampling countries "
        + ("keeps zero outside" if country_excludes else "brings zero inside")
        + " an interval that "
        + ("excludes" if region_excludes else "includes")
        + " it when regions are resampled"
    )
    return [
        claim(
            f"{prefix}.wider",
            bool(gaps.width_ratio > 1),
            definition="the country-bootstrap interval is wider than the region-bootstrap one",
            if_true=f"resampling countries widens the interval of {noun} {ratio} times",
            if_false=f"resampling countries does not widen the interval of {noun} (width ratio "
            f"{ratio})",
        ),
        interval_claim(
            f"{prefix}.country_interval",
            gaps.country.low,
            gaps.country.high,
            null=0.0,
            expected=expected,
            what=f"the gap in {noun} with countries resampled",
            fmt=GAP_FORMAT,
        ),
        claim(
            f"{prefix}.same_reading",
            region_excludes == country_excludes,
            definition="the region- and country-bootstrap intervals both exclude or both "
            "include zero",
            if_true=same,
            if_false=differs,
        ),
    ]


def significant_side(low: float, high: float, null: float) -> int:
    """+1 when the interval lies above ``null``, -1 below, 0 when it includes it."""
    return 1 if low > null else (-1 if high < null else 0)


def verdict_claim(
    claim_id: str, noun: str, found: dict[str, int], expected: dict[str, int]
) -> Claim:
    """Which comparisons (label -> :func:`significant_side`) find weak regions with
    significantly fewer or more ``noun``, and which find no clear difference; true when every
    comparison reads as in the default run (``expected``)."""

    def sentence(sides: dict[str, int]) -> str:
        clauses = []
        for value, text in ((-1, "significantly fewer"), (1, "significantly more")):
            labels = [label for label, side_ in sides.items() if side_ == value]
            if labels:
                clauses.append(f"{text} {noun} {name_list(labels)}")
        unclear = [label for label, side_ in sides.items() if side_ == 0]
        unclear_text = f"no significant difference {name_list(unclear)}" if unclear else ""
        if not clauses:
            return f"weak and non-weak regions show {unclear_text}"
        found_text = "weak regions have " + " and ".join(clauses)
        return f"{found_text}, but {unclear_text}" if unclear else found_text

    return claim(
        claim_id,
        found == expected,
        definition="95 % intervals of the comparisons ("
        + ", ".join(f"{label}: {value:+d}" for label, value in expected.items())
        + "; +1 above, -1 below the null value, 0 including it)",
        if_true=sentence(expected),
        if_false=sentence(found),
    )
