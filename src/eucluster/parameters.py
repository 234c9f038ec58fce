"""The one public validator of each parameter rule.

Chapters take their parameters from papermill, so any of them can arrive with a wrong type or
an impossible value. Every module and chapter that accepts a parameter checks it here, before
computing anything, so that a rule (what a location-quotient threshold may be, what a share
is) is stated once and a re-run under a bad value stops with the same message wherever the
value enters.

Each validator returns the value in its canonical type, so callers write
``lq = parameters.lq_threshold(lq)`` and carry on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np

SUPPRESSED_CHOICES = ("exclude", "bound")
"""How unpublished (confidential or missing) SBS cells are treated: ``exclude`` counts them
as zero employment, ``bound`` fills them from the region's section total."""

LQ_RANGE = (1.0, 5.0)
"""Location-quotient thresholds the project accepts: below 1 a region would count as
specialised in a sector it holds less of than the benchmark; above 5 almost no cell qualifies,
and the paper's 1.5 and the Cluster Observatory's 2 lie well inside."""


def number(value: object, name: str) -> float:
    """A real number (not a bool, not NaN or infinite)."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise TypeError(f"{name} must be a number, got {value!r} ({type(value).__name__})")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return value


def lq_threshold(value: object, name: str = "lq_threshold") -> float:
    """A location-quotient threshold in :data:`LQ_RANGE` (the paper's node rule uses 1.5)."""
    value = number(value, name)
    low, high = LQ_RANGE
    if not low <= value <= high:
        raise ValueError(
            f"{name} must be a location quotient in [{low:g}, {high:g}] (the paper uses 1.5), "
            f"got {value:g}"
        )
    return value


def fraction(value: object, name: str, *, high: float = 1.0) -> float:
    """A share in ``[0, high)``; says so when a percentage was given instead (1 means 100 %)."""
    value = number(value, name)
    if not 0.0 <= value < high:
        hint = " (it is a fraction: 0.01 means 1 %)" if value >= 1.0 else ""
        raise ValueError(f"{name} must be a fraction in [0, {high:g}){hint}, got {value:g}")
    return value


def integer(value: object, name: str, low: int, high: int) -> int:
    """An integer in ``[low, high]`` (bools refused: ``True`` is not a year)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")
    return int(value)


def choice(value: object, name: str, choices: Iterable[str], meaning: str = "") -> str:
    """One of ``choices``; ``meaning`` explains them in the error."""
    choices = tuple(choices)
    if value not in choices:
        extra = f": {meaning}" if meaning else ""
        raise ValueError(f"{name} must be one of {list(choices)}, got {value!r}{extra}")
    return str(value)


def suppressed(value: object, name: str = "suppressed") -> str:
    """The treatment of unpublished SBS cells (:data:`SUPPRESSED_CHOICES`)."""
    return choice(
        value,
        name,
        SUPPRESSED_CHOICES,
        "'exclude' counts confidential and missing cells as zero employment (they cannot "
        "become nodes); 'bound' fills them from the section total of the region",
    )


def years(values: object, name: str, low: int, high: int) -> tuple[int, ...]:
    """A non-empty list of integer years in ``[low, high]``."""
    if isinstance(values, str | int) or not isinstance(values, Sequence | tuple | list):
        raise TypeError(f"{name} must be a list of years {low}-{high}, got {values!r}")
    if not values:
        raise ValueError(f"{name} must hold at least one year in {low}-{high}")
    return tuple(integer(y, f"{name} value", low, high) for y in values)


def numbers(values: object, name: str) -> list:
    """A non-empty list (a grid of values), refusing a bare number or a string."""
    if isinstance(values, str) or not hasattr(values, "__iter__"):
        raise TypeError(f"{name} must be a list of numbers, got {values!r}")
    values = list(values)
    if not values:
        raise ValueError(f"{name} must hold at least one value")
    return values


def check_all(checks: Iterable[Callable[[], object]]) -> None:
    """Run every check of a chapter's parameters and report all problems at once, so that a
    reviewer re-running a chapter fixes every wrong value in one go rather than one per run."""
    problems = []
    for check in checks:
        try:
            check()
        except (TypeError, ValueError) as problem:
            problems.append(str(problem))
    if problems:
        raise ValueError("invalid chapter parameters:\n- " + "\n- ".join(problems))
