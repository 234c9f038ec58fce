"""The verdict engine: reads the checks of ``data/audit/checks.csv`` (through the data door,
``data.load("audit_checks")``) and judges each one.

A check sets two quantities side by side, value A (the claim, as printed) and value B (what
the documents' own tables or text give for it), and a relation that says how B must stand to
A. The verdict follows one rule for every check (:func:`judge`), set down before any result
was seen:

* **consistent**: the two values agree as printed, allowing for the claim's own qualifier
  ("more than", "about", "twice", "one in four", ...);
* **rounding**: they differ, but no more than the rounding of the printed figures allows;
* **discrepancy**: anything else.

The tolerance for a qualified claim is its own rounding step: "about 40 %" covers anything
within half a step of the last non-zero digit (here ±5), capped at :data:`RELATIVE_CAP` of the
claim; "twice" covers ratios within that share of 2; "one in four" holds if four is the
nearest whole N to 1/share. Quantities are computed from the digitised tables in
``data/published`` only (:mod:`eucluster.audit.expressions`).
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

#: The audit's tables in ``data/audit/datapackage.json``: the checks and the figures set aside.
CHECKS_TABLE = "audit_checks"
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
]
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
]
VERDICTS = ("consistent", "rounding", "discrepancy")
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
RELATIVE_CAP = 0.10
EPS = 1e-9
_ID_PATTERN = re.compile(r"^[0-9a-z_]+(\.[0-9a-z_]+)*$")


class AuditDataError(ValueError):
    """A row of ``data/audit`` is malformed or names a quantity that does not exist."""


def rounding_step(value: float) -> float:
    """Place value of the last non-zero digit as printed: 40 -> 10, 0.35 -> 0.01, 497 -> 1."""
    if value == 0:
        return 1.0
    text = f"{abs(value):.10f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    stripped = text.rstrip("0")
    return 10.0 ** (len(text) - len(stripped))


def _within(low: float, high: float, centre: float, tolerance: float) -> bool:
    """Whether the interval [low, high] of true values reaches centre ± tolerance."""
    return low - EPS <= centre + tolerance and high + EPS >= centre - tolerance


def judge(
    claim: float,
    observed: float,
    relation: str = "equals",
    *,
    step: float | None = None,
    observed_range: tuple[float, float] | None = None,
) -> str:
    """Verdict for a claim (value A, as qualified by ``relation``) against an observation B.

    ``relation``: ``equals`` (B = A; exact unless ``step`` says how A was rounded),
    ``rounds_to`` (B rounds to A at ``step``), ``approx`` (B within A's tolerance),
    ``more_than``/``at_least`` (B > A, B >= A), ``at_most`` (A <= B, a part against its
    total), ``ratio_approx`` (B within :data:`RELATIVE_CAP` of A), ``fraction`` (A is N in
    "one in N", B a share).

    ``observed_range`` is the interval of true values compatible with the rounding of the
    printed figures behind ``observed`` (a point if omitted); ``step`` overrides the claim's
    rounding step (e.g. 0.1 for a figure printed as 2.0).
    """
    if relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}; use one of {RELATIONS}")
    low, high = observed_range or (observed, observed)
    half_step = (rounding_step(claim) if step is None else step) / 2
    if relation == "equals":
        if math.isclose(observed, claim, abs_tol=EPS):
            return "consistent"
        if step is not None:
            inside = observed_range is not None and claim - half_step <= low
            if abs(observed - claim) < half_step - EPS or (inside and high < claim + half_step):
                return "consistent"
        return "rounding" if _within(low, high, claim, half_step) else "discrepancy"
    if relation == "rounds_to":
        return "consistent" if abs(observed - claim) <= half_step + EPS else "discrepancy"
    if relation in ("approx", "ratio_approx"):
        if relation == "approx":
            tolerance = min(half_step, RELATIVE_CAP * abs(claim)) if claim else half_step
        else:
            tolerance = RELATIVE_CAP * claim
        if abs(observed - claim) <= tolerance + EPS:
            return "consistent"
        return "rounding" if _within(low, high, claim, tolerance) else "discrepancy"
    if relation in ("more_than", "at_least"):
        strict = relation == "more_than"
        if observed > claim + EPS if strict else observed >= claim - EPS:
            return "consistent"
        return (
            "rounding"
            if (high > claim + EPS if strict else high >= claim - EPS)
            else ("discrepancy")
        )
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


def _judge_row(row: Any, evaluator: Evaluator) -> dict[str, Any]:
    value_a = evaluator.evaluate(row.quantity_a)
    value_b = evaluator.evaluate(row.quantity_b, {"A": value_a})
    a, b = _number(value_a), _number(value_b)
    names: dict[str, Any] = {"A": value_a, "B": value_b}
    if row.observed_low.strip():
        names["LOW"] = evaluator.evaluate(row.observed_low, names)
        names["HIGH"] = evaluator.evaluate(row.observed_high, names)
    if a is not None and b is not None:
        step = float(row.step) if row.step.strip() else None
        observed_range = (names["LOW"], names["HIGH"]) if "LOW" in names else None
        verdict = judge(a, b, row.relation, step=step, observed_range=observed_range)
        difference = b - a
    elif row.relation == "equals":
        verdict = "consistent" if value_a == value_b else "discrepancy"
        difference = math.nan
    else:
        raise ExpressionError(f"relation {row.relation!r} needs two numbers")
    return {
        "check_id": row.check_id,
        "kind": row.kind,
        "documents": row.documents,
        "location_a": evaluator.render(row.location_a, names),
        "value_a": value_a,
        "location_b": evaluator.render(row.location_b, names),
        "value_b": value_b,
        "relation": row.relation,
        "difference": difference,
        "verdict": verdict,
        "note": evaluator.render(row.note, names),
        "findings_table": row.findings_table,
    }


def evaluate(
    checks: pd.DataFrame,
    tables: Mapping[str, pd.DataFrame] | None = None,
    *,
    path: Path | None = None,
) -> pd.DataFrame:
    """Judge every row of ``checks`` (as :func:`read_checks` returns them) and return the
    tidy result table (:data:`COLUMNS`), one row per check in the file's order.

    ``tables`` replaces the digitised tables (tests use small hand-made ones); by default
    they are the tables of ``data/published``, read through :func:`eucluster.data.load`. A row
    that names a missing table, row, column or function stops with an :class:`AuditDataError`
    naming the file (``path``, by default ``data/audit/checks.csv``), the line and the check.
    """
    if path is None:
        path = data.resource(CHECKS_TABLE).path
    evaluator = Evaluator(_source(tables), {**BUILTINS, **special.FUNCTIONS})
    results = []
    for number, row in enumerate(checks.itertuples(index=False), start=2):
        try:
            results.append(_judge_row(row, evaluator))
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
