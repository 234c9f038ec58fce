"""Checks that cannot fail: the verdict 'feasible'.

Some checks test only whether a printed figure is possible at all. Any whole percentage from 0
to 100 is some k/124 (one region of 124 is less than one per cent), so "31 % of the 124
non-weak regions" is always a whole number of regions: the check passes whatever the document
prints, and passing it says nothing. Counting it as consistent would overstate how much of the
documents was tested.

A row of ``data/audit/checks.csv`` may therefore give ``claim_range``, the values its printed
claim could take (``0..100`` for a whole percentage, at the row's ``step``). The check is
re-evaluated with value A replaced by every one of them (value B may depend on A, as in
``nearest_share(A, 124)``); if the relation holds for all of them, the check cannot fail and its
verdict is 'feasible' instead of 'consistent'. The detection is computed, not labelled by hand:
the same percentage check on the 77 weak regions (1/77 is 1.3 %) can fail and stays a test.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

RANGE_PATTERN = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)\s*$")


def parse_range(text: str, step: float) -> np.ndarray:
    """The values ``low..high`` at ``step`` (both ends included): the claims a printed figure
    of that precision could state."""
    found = RANGE_PATTERN.match(text)
    if not found or step <= 0:
        raise ValueError(f"claim_range {text!r} must read low..high, with a positive step")
    low, high = float(found.group(1)), float(found.group(2))
    if high < low:
        raise ValueError(f"claim_range {text!r}: high is below low")
    count = int(round((high - low) / step)) + 1
    return low + step * np.arange(count)


def acceptance(verdict_for: Callable[[float], str], claims: np.ndarray) -> float:
    """Share of the claims a printed figure could state that the check would accept as
    consistent (1 for a check that cannot fail). ``verdict_for(value)`` judges the row with
    value A replaced by ``value``."""
    return float(np.mean([verdict_for(float(value)) == "consistent" for value in claims]))


def cannot_fail(share_accepted: float) -> bool:
    """Whether a check accepts every claim in its range: it tests nothing ('feasible')."""
    return share_accepted >= 1.0
