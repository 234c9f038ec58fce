"""The words a regression chapter may use about an estimate, decided by the estimate.

A referee reads "clearly", "neither richer nor poorer", "small" and "the same answer" as
claims about a coefficient's interval. These helpers fix what each word means (the test and
its threshold) in one place, so that every claim of the chapter that says it uses the same
rule and a re-run under other parameters gets the words its own numbers support:

* **clear**: the two-sided p-value is below :data:`LEVEL` (the 95 % interval excludes zero);
* **small**: the whole 95 % interval lies within :data:`SMALL_PCT` per cent of GDP per head
  either side of zero;
* **the same answer**: two estimates agree on whether they are clear and, if both are, on the
  sign.
"""

from __future__ import annotations

import math

import numpy as np

#: Significance level of every "clearly" in the chapter (two-sided).
LEVEL = 0.05

#: The level as the prose writes it.
LEVEL_TEXT = f"{100 * LEVEL:g} %"

#: An association whose 95 % interval lies within this many per cent of GDP per head per
#: standard deviation of strength, either side of zero, is called small.
SMALL_PCT = 5.0


def p_text(pvalue: float) -> str:
    """A p-value as the chapter writes it (``p < 0.001`` below one in a thousand)."""
    return "p < 0.001" if pvalue < 0.001 else f"p = {pvalue:.3f}"


def is_clear(pvalue: float) -> bool:
    """Is the estimate distinguishable from zero at :data:`LEVEL`?"""
    return bool(pvalue < LEVEL)


def sign_word(coef: float, negative: str, positive: str) -> str:
    """``negative`` or ``positive`` by the sign of ``coef`` (zero counts as positive)."""
    return negative if coef < 0 else positive


def as_percent(log_points: float) -> float:
    """A difference in log GDP per head as a percentage difference of GDP per head."""
    return float(100 * np.expm1(log_points))


def is_small(low: float, high: float) -> bool:
    """Does the interval ``[low, high]`` (log points) lie within :data:`SMALL_PCT` % of GDP per
    head either side of zero?"""
    return bool(as_percent(low) > -SMALL_PCT and as_percent(high) < SMALL_PCT)


def same_answer(first: tuple[float, float], second: tuple[float, float]) -> bool:
    """Do two ``(coef, p-value)`` estimates give the same answer: both unclear, or both clear
    with the same sign?"""
    (coef_a, p_a), (coef_b, p_b) = first, second
    if is_clear(p_a) != is_clear(p_b):
        return False
    return not is_clear(p_a) or math.copysign(1, coef_a) == math.copysign(1, coef_b)


def richer_or_poorer(coef: float, pvalue: float, subject: str, *, clear: bool) -> str:
    """``"<subject> are poorer (p = ...)"`` or ``"... richer ..."`` (by the sign of ``coef``)
    when ``clear``, else ``"<subject> are neither clearly richer nor poorer (p = ...)"``: a
    claim passes ``clear=True`` for its true sentence and ``False`` for its false one."""
    if not clear:
        return f"{subject} are neither clearly richer nor poorer ({p_text(pvalue)})"
    return f"{subject} are {sign_word(coef, 'poorer', 'richer')} ({p_text(pvalue)})"
