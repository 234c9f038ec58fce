"""The verdict rule: how far value B may stand from a claim A for each way a claim is stated.

One rule for every check, set down before any result was seen. A claim is stated either as
exact (``equals``: "600 member organisations") or with a qualifier (``approx``: "about 600",
``more_than``, ``ratio_approx``: "twice", ``fraction``: "one in four", ...). Both kinds share
one tolerance, :func:`tolerance`, the amount a rounded figure may be off:

* the ``step`` of the row when it gives one (the printed precision of the claim, e.g. 0.1 for
  a figure printed as 2.0): half of it;
* otherwise half of the place value of the claim's last non-zero digit (40 -> 5, 600 -> 50),
  capped at :data:`RELATIVE_CAP` of the claim (100 -> 10, not 50).

The verdicts, from best to worst (:data:`VERDICTS`):

* **consistent**: ``equals``: B is A, or A is B rounded at the row's own ``step``;
  ``approx``: B lies within the tolerance of A;
* **rounding**: ``equals``: B is within the tolerance of A, or the interval of true values of
  B (the rounding of B's own printed inputs) reaches it; ``approx``: that interval reaches it;
* **discrepancy**: anything else.

So a claim stated as exact is never judged more leniently than the same claim stated as
approximate: its consistent values are a subset of the approximate claim's consistent values,
and its rounding values of the approximate claim's consistent-or-rounding values
(``tests/test_audit_rule.py`` checks this on a grid of claims, values, steps and intervals).
The fourth verdict, **feasible**, is not given here: a check whose relation holds for every
value the claim could take cannot fail (:mod:`eucluster.audit.feasibility`).
"""

from __future__ import annotations

import math

#: Verdicts from best to worst; 'feasible' marks a check that holds but could not have failed.
VERDICTS = ("consistent", "feasible", "rounding", "discrepancy")
#: Rank of each verdict when readings of a claim are compared (lower fits better).
RANK = {"consistent": 0, "feasible": 0, "rounding": 1, "discrepancy": 2}
RELATIONS = (
    "equals",
    "rounds_to",
    "approx",
    "more_than",
    "at_least",
    "at_most",
    "ratio_approx",
    "fraction",
)
#: Largest tolerance of a rounded or approximate claim, as a share of the claim.
RELATIVE_CAP = 0.10
EPS = 1e-9


def rounding_step(value: float) -> float:
    """Place value of the last non-zero digit as printed: 40 -> 10, 0.35 -> 0.01, 497 -> 1."""
    if value == 0:
        return 1.0
    text = f"{abs(value):.10f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    stripped = text.rstrip("0")
    return 10.0 ** (len(text) - len(stripped))


def tolerance(claim: float, step: float | None = None) -> float:
    """How far a rounded figure may be from ``claim``: half the row's ``step`` when it gives
    one, else half the place value of the last non-zero digit, capped at
    :data:`RELATIVE_CAP` of the claim (a zero claim keeps half its step)."""
    if step is not None:
        return step / 2
    half = rounding_step(claim) / 2
    return min(half, RELATIVE_CAP * abs(claim)) if claim else half


def _reaches(low: float, high: float, centre: float, spread: float) -> bool:
    """Whether the interval [low, high] of true values reaches centre ± spread."""
    return low - EPS <= centre + spread and high + EPS >= centre - spread


def _judge_exact(claim, observed, low, high, step, ranged) -> str:
    """``equals``: exact, or at the row's own printed step; rounding within the tolerance."""
    if math.isclose(observed, claim, abs_tol=EPS):
        return "consistent"
    if step is not None:
        half = step / 2
        inside = ranged and claim - half <= low and high < claim + half
        if abs(observed - claim) < half - EPS or inside:
            return "consistent"
    spread = tolerance(claim, step)
    return "rounding" if _reaches(low, high, claim, spread) else "discrepancy"


def _judge_near(claim, observed, low, high, spread) -> str:
    """``approx`` and ``ratio_approx``: consistent within ``spread``, rounding if B's interval
    reaches it."""
    inside = claim - spread - EPS <= low and high <= claim + spread + EPS
    if abs(observed - claim) <= spread + EPS or inside:
        return "consistent"
    return "rounding" if _reaches(low, high, claim, spread) else "discrepancy"


def judge(
    claim: float,
    observed: float,
    relation: str = "equals",
    *,
    step: float | None = None,
    observed_range: tuple[float, float] | None = None,
) -> str:
    """Verdict for a claim (value A, as qualified by ``relation``) against an observation B.

    ``relation``: ``equals`` (B = A; exact unless ``step`` gives A's printed precision),
    ``rounds_to`` (B rounds to A at ``step``), ``approx`` (B within :func:`tolerance` of A),
    ``more_than``/``at_least`` (B > A, B >= A), ``at_most`` (A <= B, a part against its
    total), ``ratio_approx`` (B within :data:`RELATIVE_CAP` of A), ``fraction`` (A is N in
    "one in N", B a share).

    ``observed_range`` is the interval of true values compatible with the rounding of the
    printed figures behind ``observed`` (a point if omitted).
    """
    if relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}; use one of {RELATIONS}")
    low, high = observed_range or (observed, observed)
    if relation == "equals":
        return _judge_exact(claim, observed, low, high, step, observed_range is not None)
    if relation == "rounds_to":
        half = (rounding_step(claim) if step is None else step) / 2
        return "consistent" if abs(observed - claim) <= half + EPS else "discrepancy"
    if relation == "approx":
        return _judge_near(claim, observed, low, high, tolerance(claim, step))
    if relation == "ratio_approx":
        return _judge_near(claim, observed, low, high, RELATIVE_CAP * abs(claim))
    if relation in ("more_than", "at_least"):
        strict = relation == "more_than"
        if observed > claim + EPS if strict else observed >= claim - EPS:
            return "consistent"
        reached = high > claim + EPS if strict else high >= claim - EPS
        return "rounding" if reached else "discrepancy"
    if relation == "at_most":
        if claim <= observed + EPS:
            return "consistent"
        return "rounding" if claim <= high + EPS else "discrepancy"
    # fraction: the claim is N in "one in N"; the observation is the share (0-1)
    nearest = round(1 / observed) if observed > 0 else math.inf
    if nearest == claim:
        return "consistent"
    ends = {round(1 / x) for x in (low, high) if x > 0}
    return "rounding" if claim in ends else "discrepancy"


def best(verdicts: list[str]) -> str:
    """The best of several verdicts (for a claim with several readings)."""
    return min(verdicts, key=lambda verdict: RANK[verdict])
