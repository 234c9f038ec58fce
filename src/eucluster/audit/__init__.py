"""The audit: do the five documents' published numbers agree with each other?

This package owns the verdict engine and the few checks that cannot be written as data. The
checks themselves are rows of ``data/audit/checks.csv`` (described in ``data/audit/README.md``):
each names the two places it compares (document, line or table), the two quantities as
expressions over the digitised tables of ``data/published``, the relation that must hold and
its tolerance. ``data/audit/set_aside.csv`` lists the text figures deliberately not checked.

* :mod:`~eucluster.audit.rule` is the verdict rule (tolerances, relations, verdicts);
* :mod:`~eucluster.audit.engine` reads the rows and judges each one by that rule, under every
  reading the text admits;
* :mod:`~eucluster.audit.feasibility` finds the checks that cannot fail ('feasible');
* :mod:`~eucluster.audit.expressions` evaluates a row's quantities (a small, safe language);
* :mod:`~eucluster.audit.special` holds the named functions a row may call;
* :mod:`~eucluster.audit.presentation` builds the summary, the verdict chart and the findings;
* :mod:`~eucluster.audit.figures` turns the verdicts into the chapter's key figures,
  :mod:`~eucluster.audit.details` into the numbers of its account of single findings, and
  :mod:`~eucluster.audit.claims` into its qualitative statements (computed claims).

:func:`run` does all of it, so the chapter gets results and figures in one call.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster.audit.engine import (
    COLUMNS,
    AuditDataError,
    evaluate,
    read_checks,
    read_readings,
    read_set_aside,
)
from eucluster.audit.figures import key_figures
from eucluster.audit.presentation import (
    FINDINGS_TABLES,
    discrepancy_findings,
    document_group,
    findings,
    readings_table,
    summary,
    verdict_chart,
)
from eucluster.audit.rule import RELATIONS, RELATIVE_CAP, VERDICTS, judge, rounding_step, tolerance
from eucluster.key_figures import Claim, Figure

__all__ = [
    "COLUMNS",
    "FINDINGS_TABLES",
    "RELATIONS",
    "RELATIVE_CAP",
    "VERDICTS",
    "Audit",
    "AuditDataError",
    "discrepancy_findings",
    "document_group",
    "evaluate",
    "findings",
    "judge",
    "read_checks",
    "read_readings",
    "read_set_aside",
    "readings_table",
    "rounding_step",
    "run",
    "summary",
    "tolerance",
    "verdict_chart",
]


@dataclass(frozen=True)
class Audit:
    """Every check judged, the text figures set aside, and the numbers the chapter states."""

    results: pd.DataFrame
    set_aside: pd.DataFrame
    figures: list[Figure | Claim]


def run() -> Audit:
    """Judge every row of ``data/audit/checks.csv``, under every reading of
    ``data/audit/readings.csv``, against the digitised tables."""
    checks = read_checks()
    results = evaluate(checks, readings=read_readings(checks))
    set_aside = read_set_aside()
    return Audit(results, set_aside, key_figures(results, set_aside))
