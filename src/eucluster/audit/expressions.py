"""The small language in which a row of ``data/audit/checks.csv`` names a quantity.

A row of the audit is data, not code, so its quantities are read by this evaluator and never
by Python's ``eval``. An expression may use

* numbers and quoted strings;
* the name of a digitised table (``eccp_table1``, ``text_figures``, ...; any table of
  ``data/published``), read through :func:`eucluster.data.load`;
* ``table["key"]``: the row whose first column (the table's key) is ``key``;
  ``row(table, column=value, ...)``: the one row with those values, for tables keyed by
  several columns (``landscape_figures`` by figure and document);
* ``row.column``: a cell; ``table.column``: a whole column (for ``sum`` or a special function);
* ``+ - * /``, unary minus and parentheses;
* calls of the functions passed in (the built-ins of :data:`BUILTINS` and the audit's named
  special functions, :mod:`eucluster.audit.special`);
* the names the caller binds, e.g. ``A`` for the row's first quantity.

Anything else (attributes of Python objects, comprehensions, comparisons, imports) is refused
with an :class:`ExpressionError` that says what was found, so a mistyped row fails loudly.

Text columns (locations and notes) may embed expressions as ``{expression}`` or
``{expression:format}`` (:func:`render`).
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

TableSource = Callable[[str], pd.DataFrame]

BUILTINS: dict[str, Callable[..., Any]] = {
    "abs": abs,
    "float": float,
    "int": int,
    "max": max,
    "min": min,
    "round": round,
    "sum": lambda values: sum(plain(v) for v in values),
}
_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class ExpressionError(ValueError):
    """A quantity in a row of the audit cannot be evaluated; the message says why."""


@dataclass(frozen=True)
class Table:
    """A digitised table named in an expression."""

    name: str
    frame: pd.DataFrame
    #: rows already found, by their column values: a check judged for every claim in its
    #: range (the feasibility test) looks up the same rows a hundred times.
    found: dict = field(default_factory=dict, compare=False, repr=False)

    def column(self, name: str) -> pd.Series:
        if name not in self.frame.columns:
            raise ExpressionError(
                f"table {self.name!r} has no column {name!r}; its columns are "
                f"{', '.join(self.frame.columns)}"
            )
        return self.frame[name]

    def row(self, **values: Any) -> Row:
        """The one row with the given column values."""
        key = tuple(sorted((column, str(value)) for column, value in values.items()))
        if key not in self.found:
            self.found[key] = self._find(**values)
        return self.found[key]

    def _find(self, **values: Any) -> Row:
        keep = pd.Series(True, index=self.frame.index)
        for column, value in values.items():
            keep &= self.column(column).astype(str) == str(value)
        found = self.frame[keep]
        wanted = ", ".join(f"{c}={v!r}" for c, v in values.items())
        if len(found) != 1:
            problem = "no row" if found.empty else f"{len(found)} rows"
            raise ExpressionError(f"table {self.name!r} has {problem} with {wanted}")
        return Row(self.name, wanted, found.iloc[0])


@dataclass(frozen=True)
class Row:
    """One row of a digitised table, as named in an expression."""

    table: str
    key: str
    values: pd.Series

    def cell(self, column: str) -> Any:
        if column not in self.values.index:
            raise ExpressionError(
                f"table {self.table!r} has no column {column!r}; its columns are "
                f"{', '.join(self.values.index)}"
            )
        value = self.values[column]
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            raise ExpressionError(f"table {self.table!r}, row {self.key}: {column} is empty")
        return plain(value)


def plain(value: Any) -> Any:
    """A numpy or pandas scalar as a Python number, so that ``round`` rounds as Python does."""
    return value.item() if hasattr(value, "item") else value


def _argument(value: Any) -> Any:
    """What a function receives: the frame of a table, the values of a row."""
    if isinstance(value, Table):
        return value.frame
    if isinstance(value, Row):
        return value.values
    return value


class Evaluator:
    """Evaluates expressions against the digitised tables, loading each table once."""

    def __init__(self, tables: TableSource, functions: Mapping[str, Callable[..., Any]]):
        self._source = tables
        self._tables: dict[str, Table] = {}
        self.functions = dict(functions)

    def table(self, name: str) -> Table:
        if name not in self._tables:
            self._tables[name] = Table(name, self._source(name))
        return self._tables[name]

    def evaluate(self, text: str, names: Mapping[str, Any] | None = None) -> Any:
        """The value of ``text``; ``names`` binds extra names such as ``A``."""
        try:
            tree = ast.parse(text.strip(), mode="eval")
        except SyntaxError as exc:
            raise ExpressionError(f"{text!r} is not an expression ({exc.msg})") from exc
        return _argument(self._node(tree.body, names or {}))

    def _node(self, node: ast.AST, names: Mapping[str, Any]) -> Any:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float | str):
            return node.value
        if isinstance(node, ast.Name):
            return names[node.id] if node.id in names else self.table(node.id)
        if isinstance(node, ast.Subscript):
            return self._subscript(node, names)
        if isinstance(node, ast.Attribute):
            owner = self._node(node.value, names)
            if isinstance(owner, Table):
                return owner.column(node.attr)
            if isinstance(owner, Row):
                return owner.cell(node.attr)
            raise ExpressionError(f"'.{node.attr}' needs a table or a row before it")
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            left, right = (_argument(self._node(n, names)) for n in (node.left, node.right))
            return _OPERATORS[type(node.op)](left, right)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -_argument(self._node(node.operand, names))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self._call(node, names)
        raise ExpressionError(f"{ast.unparse(node)!r} is not allowed in an audit quantity")

    def _subscript(self, node: ast.Subscript, names: Mapping[str, Any]) -> Row:
        table = self._node(node.value, names)
        key = self._node(node.slice, names)
        if not isinstance(table, Table) or not isinstance(key, str | int):
            raise ExpressionError(f'{ast.unparse(node)!r}: write table["key"]')
        return table.row(**{table.frame.columns[0]: key})

    def _call(self, node: ast.Call, names: Mapping[str, Any]) -> Any:
        name = node.func.id
        if name == "row":
            table = self._node(node.args[0], names) if len(node.args) == 1 else None
            if not isinstance(table, Table):
                raise ExpressionError("row(...) takes one table and column=value pairs")
            return table.row(**{k.arg: self._node(k.value, names) for k in node.keywords})
        if name not in self.functions:
            raise ExpressionError(
                f"unknown function {name!r}; known: {', '.join(sorted(self.functions))}, row"
            )
        args = [_argument(self._node(a, names)) for a in node.args]
        kwargs = {k.arg: _argument(self._node(k.value, names)) for k in node.keywords}
        return self.functions[name](*args, **kwargs)

    def render(self, template: str, names: Mapping[str, Any]) -> str:
        """``template`` with each ``{expression}`` or ``{expression:format}`` replaced by its
        value (numbers without a format as ``:g``)."""

        def replace(match: re.Match) -> str:
            inside = match.group(1)
            expression, spec = inside, ""
            head, colon, tail = inside.rpartition(":")
            if colon and re.fullmatch(r"[<>^]?[+-]?,?\d*(\.\d+)?[a-z%]?", tail):
                expression, spec = head, tail
            value = self.evaluate(expression, names)
            if not spec and isinstance(value, float):
                spec = "g"
            return format(value, spec)

        return _PLACEHOLDER.sub(replace, template)
