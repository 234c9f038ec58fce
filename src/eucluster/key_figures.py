"""The key-figure registry: every number the book states goes through here.

It sits below the domain packages (geo, measures, models, documents, audit), which return
their results with :class:`Figure` records, and above the data door, whose table citations a
quoted figure carries.

A chapter creates one :class:`KeyFigures` for itself and calls :meth:`KeyFigures.publish` for
each number it mentions. Publishing does two things:

* it *glues* the formatted number (myst-nb ``glue``) so the prose can cite it with
  ``{glue}`id``` instead of typing it, and
* it records the raw value, its unit, the chapter and its definition or source in
  ``_build/key-figures/<chapter>.json`` and in the merged ``_build/key-figures.json``.

The JSON is written with sorted keys and no timestamps, so two builds from the same data give
byte-identical files: reviewers can diff a re-execution against the published book.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from eucluster.paths import BUILD_DIR, PROJECT_ROOT

_ID_PATTERN = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
MERGED_NAME = "key-figures.json"


def registry_dir() -> Path:
    """Where key figures are written: ``EUCLUSTER_BUILD_DIR`` (used by re-runs) or ``_build``.

    A relative setting is taken from the project root, not from the kernel's working directory
    (chapters run in the folder of their notebook).
    """
    folder = Path(os.environ.get("EUCLUSTER_BUILD_DIR", BUILD_DIR))
    return folder if folder.is_absolute() else PROJECT_ROOT / folder


def chapter_file(chapter: str, build_dir: Path | None = None) -> Path:
    """Where one chapter's key figures are stored (``<build>/key-figures/<chapter>.json``)."""
    return (build_dir or registry_dir()) / "key-figures" / f"{chapter}.json"


class _Text:
    """A string whose plain-text representation has no quotes, so glued numbers read cleanly."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


@dataclass(frozen=True)
class KeyFigure:
    """One published number, text or claim with what a reader needs to trust it.

    ``kind`` is ``"number"`` (a computed or quoted number), ``"text"`` (a name, a label) or
    ``"claim"`` (a qualitative statement: ``value`` is its computed truth, ``display`` the
    sentence the book shows, ``statements`` the sentences for either truth).
    """

    id: str
    value: float | int | str | bool
    display: str
    unit: str
    chapter: str
    definition: str
    source: str
    kind: str = "number"
    statements: dict[str, str] | None = None

    def record(self) -> dict[str, Any]:
        """The JSON record (``statements`` only for claims)."""
        record = asdict(self)
        if self.statements is None:
            del record["statements"]
        return record


@dataclass(frozen=True)
class Figure:
    """A number a domain function hands to the chapter that states it.

    Domain functions return their results together with these records (value, unit, and a
    definition for a computed number or a source for a quoted one), so a chapter publishes
    them in one call, :meth:`KeyFigures.publish_all`, instead of restating each definition.
    """

    id: str
    value: Any
    unit: str
    definition: str = ""
    source: str = ""
    fmt: str = "{:,.1f}"


def computed(
    figure_id: str, value: Any, *, unit: str, definition: str, fmt: str = "{:,.1f}"
) -> Figure:
    """A computed number with the sentence that says how it is computed."""
    return Figure(figure_id, value, unit, definition=definition, fmt=fmt)


def quoted(figure_id: str, value: Any, *, unit: str, table: str, fmt: str = "{:,.1f}") -> Figure:
    """A number read from the digitised table ``table``, citing its document, section and
    table (the table's ``citation`` in ``data/published/datapackage.json``)."""
    from eucluster import data  # lazy: pandas and pandera only when quoting

    return Figure(figure_id, value, unit, source=data.resource(table).citation, fmt=fmt)


@dataclass(frozen=True)
class Claim:
    """A qualitative statement a domain function hands to the chapter: its computed truth and
    the text the book shows in either case.

    Signs, orderings, significance, agreement with a published value, "largest", "no single
    region": a chapter never types such a statement. It glues ``{glue}`id``` where the
    statement goes, and the book shows ``if_true`` or ``if_false`` according to ``holds``, so a
    re-run under other parameters states what its own numbers say. ``definition`` says how the
    truth is computed (the test, with its threshold).
    """

    id: str
    holds: bool
    definition: str
    if_true: str
    if_false: str


def claim(claim_id: str, holds: Any, *, definition: str, if_true: str, if_false: str) -> Claim:
    """A :class:`Claim`; ``holds`` may be a numpy bool (it is turned into ``bool``)."""
    if hasattr(holds, "item"):
        holds = holds.item()
    if not isinstance(holds, bool):
        raise TypeError(f"claim {claim_id!r}: holds must be a bool, got {holds!r}")
    return Claim(claim_id, holds, definition, if_true, if_false)


def name_list(names: Iterable[str], *, empty: str | None = None) -> str:
    """Names as prose, for the sentences of claims and text figures: ``a``, ``a and b``,
    ``a, b and c``. An empty list reads as ``empty``; without it, an empty list is an error, since
    a sentence that names nothing would read as a placeholder."""
    names = list(names)
    if not names:
        if empty is None:
            raise ValueError("an empty list of names has no prose: pass empty=... to say so")
        return empty
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plain(value: Any) -> float | int | str:
    """Turn numpy scalars into JSON-native values; refuse NaN, which no text should state."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a key figure cannot be NaN or infinite: check the computation")
    if not isinstance(value, int | float | str):
        raise TypeError(f"a key figure must be a number or a string, not {type(value).__name__}")
    return value


class KeyFigures:
    """The registry of one chapter. Creating it clears what the chapter published before."""

    def __init__(self, chapter: str, *, glue: bool = True):
        if not _ID_PATTERN.match(chapter):
            raise ValueError(f"chapter name {chapter!r} must be lower-case words joined by _")
        self.chapter = chapter
        self.glue = glue
        self.figures: dict[str, KeyFigure] = {}
        self._write()

    def publish(
        self,
        figure_id: str,
        value: Any,
        *,
        unit: str,
        definition: str = "",
        source: str = "",
        fmt: str = "{:,.1f}",
    ) -> Any:
        """Record ``value`` under ``figure_id``, glue its formatted text, and return ``value``.

        ``definition`` says how a computed number is computed; ``source`` cites document,
        section and table for a quoted number. One of them is required.
        """
        self._check_id(figure_id)
        if not (definition or source):
            raise ValueError(f"key figure {figure_id!r} needs a definition or a source")
        plain = _plain(value)
        display = fmt.format(plain) if not isinstance(plain, str) else plain
        kind = "text" if isinstance(plain, str) else "number"
        self.figures[figure_id] = KeyFigure(
            figure_id, plain, display, unit, self.chapter, definition, source, kind=kind
        )
        self._write()
        self._glue(figure_id, display)
        return value

    def _check_id(self, figure_id: str) -> None:
        if not _ID_PATTERN.match(figure_id):
            raise ValueError(
                f"key-figure id {figure_id!r} must be dotted lower-case words, e.g. "
                "'regions.weak.count'"
            )
        if figure_id in self.figures:
            raise ValueError(f"key figure {figure_id!r} is published twice in {self.chapter}")

    def _glue(self, figure_id: str, text: str) -> None:
        if self.glue:
            from myst_nb import glue

            glue(figure_id, _Text(text), display=False)

    def state(self, record: Claim) -> bool:
        """Register a claim, glue the sentence that holds, and return its truth."""
        self._check_id(record.id)
        if not record.definition:
            raise ValueError(f"claim {record.id!r} needs a definition (how its truth is computed)")
        if not (record.if_true and record.if_false):
            raise ValueError(
                f"claim {record.id!r} needs a text for both truths (if_true and if_false): a "
                "re-run may turn it false, and the book must then say so"
            )
        shown = record.if_true if record.holds else record.if_false
        self.figures[record.id] = KeyFigure(
            record.id,
            bool(record.holds),
            shown,
            "",
            self.chapter,
            record.definition,
            "",
            kind="claim",
            statements={"true": record.if_true, "false": record.if_false},
        )
        self._write()
        self._glue(record.id, shown)
        return record.holds

    def claims(self) -> dict[str, bool]:
        """The truth of every claim registered so far (for the chapter's asserting cells)."""
        return {k: bool(v.value) for k, v in self.figures.items() if v.kind == "claim"}

    def publish_all(self, records: Iterable[Figure | Claim]) -> dict[str, Any]:
        """Publish every record a domain function returned (numbers and claims); returns
        ``{id: value}`` (a claim's value is its truth) so the chapter can assert on it."""
        values = {}
        for record in records:
            if isinstance(record, Claim):
                values[record.id] = self.state(record)
                continue
            values[record.id] = self.publish(
                record.id,
                record.value,
                unit=record.unit,
                definition=record.definition,
                source=record.source,
                fmt=record.fmt,
            )
        return values

    def compute(
        self, figure_id: str, value: Any, *, unit: str, definition: str, fmt: str = "{:,.1f}"
    ) -> Any:
        """Publish a number the chapter computes, saying how (a :func:`computed` record)."""
        record = computed(figure_id, value, unit=unit, definition=definition, fmt=fmt)
        return self.publish_all([record])[figure_id]

    def quote(
        self, figure_id: str, value: Any, *, unit: str, table: str, fmt: str = "{:,.1f}"
    ) -> Any:
        """Publish a number read from the digitised table ``table`` (a :func:`quoted` record,
        citing that table), so every chapter cites a quoted number the same way."""
        return self.publish_all([quoted(figure_id, value, unit=unit, table=table, fmt=fmt)])[
            figure_id
        ]

    def _write(self) -> None:
        path = chapter_file(self.chapter)
        path.parent.mkdir(parents=True, exist_ok=True)
        records = {k: v.record() for k, v in sorted(self.figures.items())}
        _dump(path, records)
        merge(registry_dir())


def _dump(path: Path, payload: Any) -> None:
    text = json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        # Written aside and renamed: chapters executed side by side read each other's files.
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)


def merge(build_dir: Path, chapters: set[str] | None = None) -> Path:
    """Merge the chapters' figures into ``key-figures.json``; ids must be unique book-wide.

    With ``chapters``, files of other chapters (left over from a chapter that was renamed or
    removed from the book) are deleted first, so the registry holds only what the book states.
    """
    merged: dict[str, Any] = {}
    for chapter_file in sorted((build_dir / "key-figures").glob("*.json")):
        if chapters is not None and chapter_file.stem not in chapters:
            chapter_file.unlink()
            continue
        for figure_id, record in json.loads(chapter_file.read_text(encoding="utf-8")).items():
            if figure_id in merged:
                raise ValueError(
                    f"key figure {figure_id!r} is published by both "
                    f"{merged[figure_id]['chapter']} and {record['chapter']}"
                )
            merged[figure_id] = record
    target = build_dir / MERGED_NAME
    _dump(target, dict(sorted(merged.items())))
    return target


def load(build_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Read the merged registry (e.g. to compare a re-run with the published build)."""
    path = (build_dir or registry_dir()) / MERGED_NAME
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: no key-figure registry yet. Build the book first (`make book`)."
        )
    return json.loads(path.read_text(encoding="utf-8"))


def report(chapter: str, build_dir: Path | None = None) -> str:
    """The key figures of one chapter as stable text, one ``id = shown value unit`` per line
    (``id = claim true`` or ``claim false`` for a claim: its truth, not its sentence).

    Chapter tests compare this text with a reviewed reference, so a number or a conclusion that
    changes in the book fails a test until someone looks at it.
    """
    path = chapter_file(chapter, build_dir)
    if not path.exists():
        return f"(no key figures recorded for {chapter})"
    records = json.loads(path.read_text(encoding="utf-8"))
    lines = [_report_line(fid, rec) for fid, rec in records.items()]
    return "\n".join(lines) if lines else f"(chapter {chapter} publishes no key figures)"


def _report_line(figure_id: str, record: dict[str, Any]) -> str:
    if record.get("kind") == "claim":
        return f"{figure_id} = claim {str(record['value']).lower()}"
    return f"{figure_id} = {record['display']} {record['unit']}".rstrip()


def claims(records: dict[str, dict[str, Any]]) -> dict[str, bool]:
    """The claims among registry records (as read by :func:`load`): id -> truth."""
    return {k: bool(r["value"]) for k, r in records.items() if r.get("kind") == "claim"}
