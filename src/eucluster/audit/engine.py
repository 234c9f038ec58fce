"""The verdict engine: reads the checks of ``data/audit/checks.csv`` (through the data door,
``data.load("audit_checks")``) and judges each one.

A check sets two quantities side by side, value A (the claim, as printed) and value B (what
the documents' own tables or text give for it), and a relation that says how B must stand to
A. The verdict follows one rule for every check (:mod:`eucluster.audit.rule`), set down before
any result was seen: consistent, rounding or discrepancy, with a claim stated as exact never
judged more leniently than one stated as approximate. Three things the rule alone cannot say
are data too:

* a row may give ``claim_range``: a check that holds for every claim in that range cannot
  fail and is judged **feasible** (:mod:`eucluster.audit.feasibility`);
* where the text admits two readings, ``data/audit/readings.csv`` gives each further reading
  its own value B and relation; every reading is judged, the row takes the verdict of the
  reading that fits best and names it (``reading``), and ``readings`` lists them all;
* ``finding`` groups the cells of one underlying difference (one annex-vs-table difference
  that shows in 12 services and 2 column sums is one finding with 14 cells).

Quantities are computed from the digitised tables in ``data/published`` only
(:mod:`eucluster.audit.expressions`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from eucluster import data
from eucluster.audit import special
from eucluster.audit.expressions import BUILTINS, Evaluator, ExpressionError, TableSource
from eucluster.audit.feasibility import RANGE_PATTERN, acceptance, cannot_fail, parse_range
from eucluster.audit.rule import RANK, RELATIONS, best, judge

#: The audit's tables in ``data/audit/datapackage.json``: the checks, the further readings of
#: a claim and the figures set aside.
CHECKS_TABLE = "audit_checks"
READINGS_TABLE = "audit_readings"
SET_ASIDE_TABLE = "audit_set_aside"

CHECK_FIELDS = [
    "check_id",
    "kind",
    "documents",
    "statement",
    "location_a",
    "quantity_a",
    "location_b",
    "quantity_b",
    "relation",
    "step",
    "observed_low",
    "observed_high",
    "note",
    "findings_table",
    "claim_range",
    "reading",
    "finding",
]
READING_FIELDS = ["check_id", "reading", "location_b", "quantity_b", "relation"]
REQUIRED_FIELDS = ["check_id", "kind", "documents", "location_a", "quantity_a"]
REQUIRED_FIELDS += ["location_b", "quantity_b", "relation", "findings_table"]
COLUMNS = [
    "check_id",
    "kind",
    "documents",
    "location_a",
    "value_a",
    "location_b",
    "value_b",
    "relation",
    "difference",
    "verdict",
    "note",
    "findings_table",
    "finding",
    "reading",
    "readings",
    "acceptance",
]
_ID_PATTERN = re.compile(r"^[0-9a-z_]+(\.[0-9a-z_]+)*$")


class AuditDataError(ValueError):
    """A row of ``data/audit`` is malformed or names a quantity that does not exist."""


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, int | float) and not (isinstance(value, float) and math.isnan(value)):
        return float(value)
    return None


def read_text_table(name: str) -> tuple[pd.DataFrame, Path]:
    """An audit table from the data door, every cell a string, and the file it came from.

    The door reads an empty cell as missing; the checks below and the evaluator read it as the
    empty string (an optional column left blank), so missing cells become ``""``.
    """
    return data.load(name).fillna(""), data.resource(name).path


def read_checks() -> pd.DataFrame:
    """The checks of ``data/audit/checks.csv`` as rows, checked by :func:`validate_checks`."""
    rows, path = read_text_table(CHECKS_TABLE)
    return validate_checks(rows, path)


def validate_checks(rows: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Refuse rows (read from ``path``, one ``str`` per cell) whose columns, ids or relations
    are wrong, naming the file, the line and the check; return them unchanged otherwise."""
    if list(rows.columns) != CHECK_FIELDS:
        raise AuditDataError(
            f"{path}: columns are {list(rows.columns)} but the audit expects {CHECK_FIELDS}. "
            "Rename the header (data/audit/README.md describes each column)."
        )
    for number, row in enumerate(rows.itertuples(index=False), start=2):
        where = f"{path}, line {number} ({row.check_id or 'no id'})"
        empty = [f for f in REQUIRED_FIELDS if not getattr(row, f).strip()]
        if empty:
            raise AuditDataError(f"{where}: empty {', '.join(empty)}. Fill in every such column.")
        if not _ID_PATTERN.match(row.check_id):
            raise AuditDataError(f"{where}: the id must be dotted lower-case words.")
        if row.relation not in RELATIONS:
            raise AuditDataError(
                f"{where}: unknown relation {row.relation!r}. Use one of {', '.join(RELATIONS)}."
            )
        if bool(row.observed_low.strip()) != bool(row.observed_high.strip()):
            raise AuditDataError(f"{where}: give both observed_low and observed_high, or neither.")
        if row.step.strip() and not re.fullmatch(r"\d+(\.\d+)?", row.step.strip()):
            raise AuditDataError(f"{where}: step {row.step!r} must be a positive number.")
        if row.claim_range.strip() and not (
            RANGE_PATTERN.match(row.claim_range) and row.step.strip()
        ):
            raise AuditDataError(
                f"{where}: claim_range {row.claim_range!r} must read low..high (e.g. 0..100) "
                "and needs the step at which the claim is printed."
            )
    duplicated = rows.loc[rows["check_id"].duplicated(), "check_id"].tolist()
    if duplicated:
        raise AuditDataError(f"{path}: check ids must be unique; repeated: {duplicated}.")
    return rows


def read_set_aside() -> pd.DataFrame:
    """Text figures of ``data/audit/set_aside.csv``, deliberately not checked, with reasons."""
    frame, path = read_text_table(SET_ASIDE_TABLE)
    return validate_set_aside(frame, path)


def validate_set_aside(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Refuse a set-aside table (read from ``path``) with other columns or an empty cell."""
    if list(frame.columns) != ["statement_id", "reason"] or (frame == "").any().any():
        raise AuditDataError(f"{path}: needs the columns statement_id and reason, all filled.")
    return frame


def read_readings(checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """The further readings of ``data/audit/readings.csv``, checked against ``checks`` (by
    default the rows of :func:`read_checks`) by :func:`validate_readings`."""
    frame, path = read_text_table(READINGS_TABLE)
    return validate_readings(frame, read_checks() if checks is None else checks, path)


def validate_readings(frame: pd.DataFrame, checks: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Refuse readings (read from ``path``) with other columns, an empty cell, an unknown
    relation, or a check that is not in ``checks`` or does not name its own first reading."""
    if list(frame.columns) != READING_FIELDS or (frame == "").any().any():
        raise AuditDataError(f"{path}: needs the columns {READING_FIELDS}, all filled.")
    named = checks.set_index("check_id")["reading"]
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        where = f"{path}, line {number} ({row.check_id})"
        if row.check_id not in named.index:
            raise AuditDataError(f"{where}: no such check in checks.csv.")
        if not named[row.check_id].strip():
            raise AuditDataError(
                f"{where}: the check's own row must name its first reading (column reading)."
            )
        if row.relation not in RELATIONS:
            raise AuditDataError(f"{where}: unknown relation {row.relation!r}.")
    return frame


def _compare(value_a: Any, value_b: Any, relation: str, step, observed_range) -> tuple:
    """(verdict, difference) for two evaluated quantities."""
    a, b = _number(value_a), _number(value_b)
    if a is not None and b is not None:
        verdict = judge(a, b, relation, step=step, observed_range=observed_range)
        return verdict, b - a
    if relation == "equals":
        return ("consistent" if value_a == value_b else "discrepancy"), math.nan
    raise ExpressionError(f"relation {relation!r} needs two numbers")


def _fitting(options: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """The reading that fits best (the row's own on a tie) and how the result names it."""
    if len(options) == 1:
        return options[0], ""
    top = RANK[best([option["verdict"] for option in options])]
    fits = [option for option in options if RANK[option["verdict"]] == top]
    chosen = fits[0]
    if chosen["verdict"] == "discrepancy":
        return chosen, "neither reading fits"
    if len(fits) == len(options):
        return chosen, "both readings fit"
    return chosen, " / ".join(option["reading"] for option in fits)


def _judge_row(row: Any, evaluator: Evaluator, alternatives: list[Any]) -> dict[str, Any]:
    value_a = evaluator.evaluate(row.quantity_a)
    value_b = evaluator.evaluate(row.quantity_b, {"A": value_a})
    names: dict[str, Any] = {"A": value_a, "B": value_b}
    if row.observed_low.strip():
        names["LOW"] = evaluator.evaluate(row.observed_low, names)
        names["HIGH"] = evaluator.evaluate(row.observed_high, names)
    step = float(row.step) if row.step.strip() else None
    observed_range = (names["LOW"], names["HIGH"]) if "LOW" in names else None
    verdict, difference = _compare(value_a, value_b, row.relation, step, observed_range)
    options = [
        {
            "reading": row.reading,
            "location_b": evaluator.render(row.location_b, names),
            "value_b": value_b,
            "relation": row.relation,
            "verdict": verdict,
            "difference": difference,
        }
    ]
    for other in alternatives:
        other_b = evaluator.evaluate(other.quantity_b, {"A": value_a})
        other_verdict, other_difference = _compare(value_a, other_b, other.relation, step, None)
        options.append(
            {
                "reading": other.reading,
                "location_b": evaluator.render(other.location_b, {**names, "B": other_b}),
                "value_b": other_b,
                "relation": other.relation,
                "verdict": other_verdict,
                "difference": other_difference,
            }
        )
    chosen, reading = _fitting(options)
    share_accepted = math.nan
    if row.claim_range.strip() and not alternatives:

        def verdict_for(claim: float) -> str:
            other_b = evaluator.evaluate(row.quantity_b, {"A": claim})
            return judge(claim, _number(other_b), row.relation, step=step)

        share_accepted = acceptance(verdict_for, parse_range(row.claim_range, step))
        if chosen["verdict"] == "consistent" and cannot_fail(share_accepted):
            chosen = {**chosen, "verdict": "feasible"}
    return {
        "check_id": row.check_id,
        "kind": row.kind,
        "documents": row.documents,
        "location_a": evaluator.render(row.location_a, names),
        "value_a": value_a,
        "location_b": chosen["location_b"],
        "value_b": chosen["value_b"],
        "relation": chosen["relation"],
        "difference": chosen["difference"],
        "verdict": chosen["verdict"],
        "note": evaluator.render(row.note, names),
        "findings_table": row.findings_table,
        "finding": row.finding.strip() or row.check_id,
        "reading": reading,
        "readings": _describe(options) if alternatives else "",
        "acceptance": share_accepted,
    }


def _describe(options: list[dict[str, Any]]) -> str:
    """Every reading with its value B and verdict, for the table of readings."""
    return "; ".join(f"{o['reading']}: {_shown(o['value_b'])} ({o['verdict']})" for o in options)


def _shown(value: Any) -> str:
    number = _number(value)
    if number is None:
        return str(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,.4g}"


def evaluate(
    checks: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame] | None = None,
    *,
    path: Path | None = None,
    readings: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Judge every row of ``checks`` (as :func:`read_checks` returns them) and return the
    tidy result table (:data:`COLUMNS`), one row per check in the file's order.

    ``tables`` replaces the digitised tables (tests use small hand-made ones); by default
    they are the tables of ``data/published``, read through :func:`eucluster.data.load`.
    ``readings`` are the further readings of some checks (:func:`read_readings`; none if
    omitted). A row that names a missing table, row, column or function stops with an
    :class:`AuditDataError` naming the file (``path``, by default ``data/audit/checks.csv``),
    the line and the check.
    """
    if path is None:
        path = data.resource(CHECKS_TABLE).path
    evaluator = Evaluator(_source(tables), {**BUILTINS, **special.FUNCTIONS})
    further = (
        {}
        if readings is None
        else {k: list(g.itertuples()) for k, g in readings.groupby("check_id")}
    )
    results = []
    for number, row in enumerate(checks.itertuples(index=False), start=2):
        try:
            results.append(_judge_row(row, evaluator, further.get(row.check_id, [])))
        except (ExpressionError, data.PublishedDataError, ZeroDivisionError) as exc:
            raise AuditDataError(
                f"{path}, line {number} (check {row.check_id}): {exc}. Fix the quantity in "
                "that row (data/audit/README.md describes the expressions) or the table it "
                "names."
            ) from exc
    return pd.DataFrame(results, columns=COLUMNS)


def published_table(name: str) -> pd.DataFrame:
    """A digitised table of ``data/published`` by name: the only tables a quantity may name."""
    known = data.tables("published")
    if name not in known:
        raise ExpressionError(
            f"no table named {name!r} in data/published. Known tables: {', '.join(sorted(known))}"
        )
    return data.load(name)


def _source(tables: Mapping[str, pd.DataFrame] | None) -> TableSource:
    if tables is None:
        return published_table

    def lookup(name: str) -> pd.DataFrame:
        if name not in tables:
            raise ExpressionError(
                f"no table named {name!r}; known tables: {', '.join(sorted(tables))}"
            )
        return tables[name]

    return lookup
