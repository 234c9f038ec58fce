"""Re-execute one chapter under other parameters and show which key figures move.

Reviewers ask "what if the threshold were 2.0?". ``eucluster rerun nodes -p lq_threshold 2.0``
converts ``book/nodes.py`` with Jupytext, checks the requested parameters against the
chapter's ``parameters`` cell (name and type) before any computation, executes it with
papermill into ``_build/rerun/`` and prints every key figure that differs from the default
build, old and new side by side, and, separately, every claim whose truth changed (a
conclusion of the chapter that no longer holds, or now holds); the executed notebook opens
with the same list, so a reader of the re-run sees which statements turned. Value checks that
need the chapter's own knowledge (a year without data, a negative threshold) run in the
chapter's first cell after the parameters; when one fails, the chapter's message is printed
without a traceback.
"""

from __future__ import annotations

import ast
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eucluster.build.chapters import chapter_notebook
from eucluster.key_figures import chapter_file
from eucluster.paths import BUILD_DIR, PROJECT_ROOT

BOOK_DIR = PROJECT_ROOT / "book"
RERUN_DIR = BUILD_DIR / "rerun"


class RerunError(Exception):
    """A re-run that cannot start or did not finish, with a message meant for the reviewer."""


@dataclass(frozen=True)
class Change:
    """One key figure whose shown value differs between the default build and the re-run."""

    figure_id: str
    old: str
    new: str
    unit: str


def chapter_source(chapter: str, book_dir: Path = BOOK_DIR) -> Path:
    """The Jupytext source of ``chapter``; the error lists the chapters that exist."""
    path = book_dir / f"{chapter}.py"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in book_dir.glob("*.py")))
        raise RerunError(f"{path}: no such chapter. Chapters: {known}.")
    return path


def to_notebook(source: Path, target: Path) -> Path:
    """Convert a percent script to ``.ipynb`` (papermill executes notebooks only)."""
    import jupytext

    notebook = chapter_notebook(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    jupytext.write(notebook, target, fmt="ipynb")
    return target


def declared_parameters(notebook: Path) -> dict[str, Any]:
    """Names and default values of the chapter's ``parameters`` cell."""
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    if not declared:
        raise RerunError(
            f"{notebook.name}: the chapter has no cell tagged 'parameters', so it takes none."
        )
    defaults = {}
    for name, info in declared.items():
        try:
            defaults[name] = ast.literal_eval(info["default"])
        except (ValueError, SyntaxError):
            defaults[name] = info["default"]
    return defaults


def _describe(defaults: dict[str, Any]) -> str:
    return ", ".join(f"{k} ({type(v).__name__}, default {v!r})" for k, v in defaults.items())


def coerce(requested: dict[str, str], defaults: dict[str, Any]) -> dict[str, Any]:
    """Turn ``-p name value`` strings into values of each parameter's declared type.

    An unknown name or a value of the wrong type stops here, before anything is executed,
    with the list of what the chapter accepts.
    """
    values: dict[str, Any] = {}
    for name, text in requested.items():
        if name not in defaults:
            raise RerunError(f"unknown parameter {name!r}. Allowed: {_describe(defaults)}.")
        default = defaults[name]
        try:
            values[name] = _convert(text, default)
        except ValueError as exc:
            raise RerunError(
                f"parameter {name!r}: {text!r} is not of type {type(default).__name__} ({exc}). "
                f"Allowed: {_describe(defaults)}."
            ) from None
    return values


def _convert(text: str, default: Any) -> Any:
    if isinstance(default, bool):
        lowered = text.strip().lower()
        if lowered not in {"true", "false"}:
            raise ValueError("write true or false")
        return lowered == "true"
    if isinstance(default, int):
        return int(text)
    if isinstance(default, float):
        return float(text)
    if isinstance(default, str):
        return text
    value = ast.literal_eval(text)
    if default is not None and type(value) is not type(default):
        raise ValueError(f"expected a value like {default!r}")
    return value


def _is_claim(record: dict | None) -> bool:
    return bool(record) and record.get("kind") == "claim"


def changes(old: dict[str, dict], new: dict[str, dict]) -> list[Change]:
    """Key figures (numbers and texts, not claims) whose shown value differs, appears or
    disappears between two runs."""
    found = []
    for figure_id in sorted(set(old) | set(new)):
        if _is_claim(old.get(figure_id)) or _is_claim(new.get(figure_id)):
            continue
        before, after = old.get(figure_id), new.get(figure_id)
        old_text = before["display"] if before else "(absent)"
        new_text = after["display"] if after else "(absent)"
        if old_text != new_text:
            unit = (after or before)["unit"]
            found.append(Change(figure_id, old_text, new_text, unit))
    return found


@dataclass(frozen=True)
class Flip:
    """A claim whose truth differs between the default build and the re-run (or that exists
    in one of them only: ``None``)."""

    claim_id: str
    old: bool | None
    new: bool | None
    statement: str


def flips(old: dict[str, dict], new: dict[str, dict]) -> list[Flip]:
    """Claims whose truth changed, appeared or disappeared."""
    found = []
    for claim_id in sorted(set(old) | set(new)):
        before, after = old.get(claim_id), new.get(claim_id)
        if not (_is_claim(before) or _is_claim(after)):
            continue
        was = before["value"] if _is_claim(before) else None
        now = after["value"] if _is_claim(after) else None
        if was != now:
            found.append(Flip(claim_id, was, now, after["display"] if after else ""))
    return found


def _truth(value: bool | None) -> str:
    return "(absent)" if value is None else str(value).lower()


def format_flips(found: list[Flip], unchanged: int) -> str:
    """The claims that turned, with the sentence the re-run now states."""
    if not found:
        return f"no claim changed its truth ({unchanged} claims compared)."
    lines = [f"{len(found)} claims changed their truth, {unchanged} did not:"]
    for flip in found:
        lines.append(f"claim {flip.claim_id}: {_truth(flip.old)} -> {_truth(flip.new)}")
        if flip.statement:
            lines.append(f"    now states: {flip.statement}")
    return "\n".join(lines)


def mark_notebook(output: Path, header: str, found: list[Flip], unchanged: int) -> None:
    """Open the executed notebook with a cell naming the parameters and the turned claims."""
    import nbformat

    notebook = nbformat.read(output, as_version=4)
    items = [
        f"- `{f.claim_id}`: {_truth(f.old)} → **{_truth(f.new)}**"
        + (f". Now stated: “{f.statement}”" if f.statement else "")
        for f in found
    ]
    text = f"**Re-run with {header}.** " + (
        f"{len(found)} claims of the default build changed their truth "
        f"({unchanged} did not):\n\n" + "\n".join(items)
        if found
        else f"No claim of the default build changed its truth ({unchanged} compared)."
    )
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata["tags"] = ["rerun-claims"]
    notebook.cells.insert(0, cell)
    nbformat.write(notebook, output)


def format_changes(chapter: str, found: list[Change], unchanged: int) -> str:
    """A plain-text table a reviewer can paste into a report."""
    if not found:
        return f"{chapter}: no key figure changed ({unchanged} compared)."
    width = max(len(c.figure_id) for c in found)
    lines = [f"{chapter}: {len(found)} key figures changed, {unchanged} unchanged", ""]
    lines.append(f"{'key figure':<{width}}  {'default':>14}  {'re-run':>14}  unit")
    for change in found:
        lines.append(
            f"{change.figure_id:<{width}}  {change.old:>14}  {change.new:>14}  {change.unit}"
        )
    return "\n".join(lines)


def _figures(build_dir: Path, chapter: str) -> dict[str, dict]:
    path = chapter_file(chapter, build_dir)
    if not path.exists():
        raise RerunError(
            f"{path}: no key figures of the default build to compare with. "
            "Build the book first (`make book`)."
        )
    return json.loads(path.read_text(encoding="utf-8"))


def execute(
    chapter: str,
    requested: dict[str, str] | None = None,
    *,
    values: dict[str, Any] | None = None,
    book_dir: Path = BOOK_DIR,
    out_dir: Path = RERUN_DIR,
) -> tuple[Path, dict[str, Any], dict[str, dict]]:
    """Execute ``chapter`` with parameters (``requested`` as command-line strings, checked and
    converted, or ``values`` already typed) into ``out_dir``; returns the executed notebook,
    the parameters used and the run's key figures."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    source = chapter_source(chapter, book_dir)
    notebook = to_notebook(source, out_dir / f"{chapter}.input.ipynb")
    defaults = declared_parameters(notebook)
    if values is None:
        values = coerce(requested or {}, defaults)
    else:
        unknown = set(values) - set(defaults)
        if unknown:
            raise RerunError(
                f"unknown parameters {sorted(unknown)}. Allowed: {_describe(defaults)}."
            )
    output = out_dir / f"{chapter}.ipynb"
    previous = os.environ.get("EUCLUSTER_BUILD_DIR")
    os.environ["EUCLUSTER_BUILD_DIR"] = str(out_dir)
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=values,
            kernel_name="python3",
            cwd=str(book_dir),
            progress_bar=False,
        )
    except PapermillExecutionError as exc:
        raise RerunError(
            f"{chapter} stopped with {exc.ename}: {exc.evalue}\n(full output: {output})"
        ) from None
    finally:
        if previous is None:
            os.environ.pop("EUCLUSTER_BUILD_DIR", None)
        else:
            os.environ["EUCLUSTER_BUILD_DIR"] = previous
    return output, values, _figures(out_dir, chapter)


def rerun(
    chapter: str,
    requested: dict[str, str],
    *,
    book_dir: Path = BOOK_DIR,
    baseline_dir: Path = BUILD_DIR,
    out_dir: Path = RERUN_DIR,
) -> str:
    """Execute ``chapter`` with ``requested`` parameters and report the changed key figures
    and the claims whose truth changed."""
    chapter_source(chapter, book_dir)
    baseline = _figures(baseline_dir, chapter)
    output, values, new = execute(chapter, requested, book_dir=book_dir, out_dir=out_dir)
    found = changes(baseline, new)
    header = ", ".join(f"{k}={v!r}" for k, v in values.items()) or "default parameters"
    unchanged = sum(
        1
        for k in set(baseline) & set(new)
        if not _is_claim(new[k]) and baseline[k]["display"] == new[k]["display"]
    )
    turned = flips(baseline, new)
    kept = sum(1 for k in set(baseline) & set(new) if _is_claim(new[k])) - sum(
        1 for f in turned if f.old is not None and f.new is not None
    )
    mark_notebook(output, header, turned, kept)
    report = format_changes(chapter, found, unchanged)
    return f"re-ran {chapter} with {header} -> {output}\n{report}\n{format_flips(turned, kept)}"
