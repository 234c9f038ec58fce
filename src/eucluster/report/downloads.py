"""The data behind every numbered table and figure, as CSV files a reader can download.

A journalist who wants the numbers behind a chart should not have to re-run the book. So each
table and chart carries its own data out of the kernel as a myst-nb glue entry named like the
item: :func:`eucluster.report.tables.show_table` glues the frame it shows under the table's
label, and the chart renderer of :mod:`eucluster.report.charts` adds :data:`DATA_MIME` to every
chart's MIME bundle, so a chart glued as ``fig-...`` carries its data. myst-nb keeps glued
outputs (in every execution mode, cached or not) in the ``.glue.json`` it writes beside the
executed notebook; the Sphinx extension (:mod:`eucluster.build.data_files`) reads them there,
puts the caption in a header line, writes the files beside the HTML, links each under its
caption and lists them all in the data appendix. No chapter writes a file or changes.

This module holds the kernel-side parts (no Sphinx, no files): the payloads, the data of a
Vega-Lite spec, the header line and the file text. Walking a Vega-Lite spec for its datasets
is hand-written: Altair and vl-convert render specs but do not return their data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pandas as pd

#: The MIME type of the data entry; myst-nb renders no such type, so it only travels.
DATA_MIME = "application/vnd.eucluster.data+json"
#: The column that names the layer a row comes from when a chart draws several datasets.
LAYER_COLUMN = "layer"
#: The folder, relative to the HTML book's root, that holds the files.
FOLDER = "data"
_VIEW_KEYS = ("layer", "hconcat", "vconcat", "concat")
MYST_ROLE = re.compile(r"\{[\w:.-]+\}`([^`]*)`")
INLINE_MARKS = re.compile(r"(`|\*\*)(.+?)\1")
TOKEN = re.compile("\x01(.*?)\x02")


def frame_csv(frame: pd.DataFrame) -> str:
    """CSV text of ``frame``: all columns, unformatted numbers, no index, commas and quotes
    escaped the standard way (RFC 4180 quoting)."""
    return frame.to_csv(index=False, lineterminator="\n")


class GluedData:
    """A data payload as a display object: only :data:`DATA_MIME`, which no builder renders."""

    def __init__(self, payload: dict):
        self.payload = payload

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {DATA_MIME: self.payload, "text/plain": f"data of {self.payload.get('label')}"}


def glue_data(name: str, payload: dict) -> None:
    """Glue ``payload`` under ``name`` (myst-nb, not displayed) when a kernel runs the code;
    outside a kernel (unit tests, scripts) there is no notebook to carry it."""
    from IPython.core.interactiveshell import InteractiveShell

    if InteractiveShell.initialized():
        from myst_nb import glue

        glue(name, GluedData(payload), display=False)


def plain_text(value: object) -> object:
    """A cell as a reader sees it: MyST roles (``{cite:t}`key```) give their text, code
    and bold marks go. Anything but a string is returned as it is."""
    if not isinstance(value, str):
        return value
    text = MYST_ROLE.sub(r"\1", value)
    return INLINE_MARKS.sub(r"\2", text)


def table_payload(frame: pd.DataFrame, *, label: str, index: bool = False) -> dict:
    """The data entry of a table shown with ``show_table``: the columns as the table shows
    them (the index becomes a column when the table shows it), text without MyST markup."""
    data = frame.reset_index() if index else frame
    text_columns = [c for c in data.columns if not pd.api.types.is_numeric_dtype(data[c])]
    data = data.copy()
    for column in text_columns:
        data[column] = data[column].map(plain_text)
    return {"kind": "table", "label": label, "rows": len(data), "csv": frame_csv(data)}


def _mark_name(view: dict) -> str:
    mark = view.get("mark", "")
    return mark.get("type", "") if isinstance(mark, dict) else str(mark)


def _fields(view: dict) -> list[str]:
    found = []
    for channel in view.get("encoding", {}).values():
        for item in channel if isinstance(channel, list) else [channel]:
            field = item.get("field") if isinstance(item, dict) else None
            if isinstance(field, str) and field not in found:
                found.append(field)
    return found


def _title(spec: dict) -> str:
    title = spec.get("title")
    text = title.get("text", "") if isinstance(title, dict) else title
    return " ".join(text) if isinstance(text, list) else str(text or "")


def _views(spec: dict, data: dict | None = None, title: str = "") -> Iterator[tuple]:
    """``(view, data, title)`` for every view of ``spec``: a child without data or title uses
    its parent's; lookup tables of a view's transforms count as views of their own."""
    data = spec.get("data", data)
    title = _title(spec) or title
    if "mark" in spec:
        yield spec, data, title
    for step in spec.get("transform", []):
        source = step.get("from", {}).get("data") if isinstance(step.get("from"), dict) else None
        if source:
            yield {"mark": "lookup", "encoding": {}}, source, title
    for key in _VIEW_KEYS:
        for child in spec.get(key, []):
            yield from _views(child, data, title)
    if isinstance(spec.get("spec"), dict):
        yield from _views(spec["spec"], data, title)


def _distinct(names: list[str]) -> list[str]:
    return [
        f"{name} ({names[:i].count(name) + 1})" if names.count(name) > 1 else name
        for i, name in enumerate(names)
    ]


def _records(data: dict, datasets: dict) -> list | None:
    if "name" in data and data["name"] in datasets:
        return datasets[data["name"]]
    return data.get("values") if isinstance(data.get("values"), list) else None


def _frame(records: list) -> pd.DataFrame:
    """Rows of a dataset; GeoJSON features give their properties (a CSV holds no shapes)."""
    if records and all(isinstance(r, dict) and r.get("type") == "Feature" for r in records):
        records = [r.get("properties") or {} for r in records]
    if records and not isinstance(records[0], dict):
        return pd.DataFrame({"value": records})
    return pd.json_normalize(records) if records else pd.DataFrame()


def _field_name(field: str) -> str:
    return field.removeprefix("properties.")


def chart_frames(spec: dict) -> list[tuple[str, pd.DataFrame]]:
    """Each distinct dataset a Vega-Lite spec draws, in drawing order, named by the first view
    that draws it: its panel's title (where titles do not tell datasets apart, title and mark,
    then also the fields), else its mark and the fields it encodes (``point: share, region``);
    a count for what is still alike."""
    datasets = spec.get("datasets", {})
    seen: set[str] = set()
    found: list[tuple[list[str], pd.DataFrame]] = []
    for view, data, title in _views(spec):
        records = _records(data or {}, datasets)
        key = json.dumps(data, sort_keys=True, default=str)
        if records is None or key in seen:
            continue
        seen.add(key)
        mark = _mark_name(view)
        fields = ", ".join(_field_name(f) for f in _fields(view))
        drawn = f"{mark}: {fields}" if fields else mark
        candidates = [title, f"{title}: {mark}", f"{title}: {drawn}"] if title else [drawn]
        found.append((candidates, _frame(records)))
    names = [candidates[0] for candidates, _ in found]
    for tier in (1, 2):
        if len(set(names)) < len(names):
            names = [candidates[min(tier, len(candidates) - 1)] for candidates, _ in found]
    return list(zip(_distinct(names), [frame for _, frame in found], strict=True))


def chart_frame(spec: dict) -> pd.DataFrame:
    """All data of a chart in one frame; with several datasets, a first column names the layer
    each row comes from (columns a layer lacks stay empty)."""
    frames = chart_frames(spec)
    if len(frames) == 1:
        return frames[0][1]
    if not frames:
        return pd.DataFrame()
    return pd.concat(
        [frame.assign(**{LAYER_COLUMN: name}) for name, frame in frames], ignore_index=True
    ).pipe(lambda f: f[[LAYER_COLUMN, *[c for c in f.columns if c != LAYER_COLUMN]]])


def chart_payload(spec: dict) -> dict:
    """The data entry of a rendered chart (its label comes from the glue name later)."""
    frame = chart_frame(spec)
    return {"kind": "figure", "rows": len(frame), "csv": frame_csv(frame)}


def file_path(chapter: str, label: str) -> str:
    """Where the file lives, relative to the HTML root: ``data/<chapter>/<label>.csv``."""
    return f"{FOLDER}/{chapter}/{label}.csv"


def header_line(*, item: str, label: str, chapter_title: str, book_title: str, caption: str):
    """The file's first line, a ``#`` comment naming the item, the chapter and the caption,
    which states what is shown and its source. One line, so that ``skiprows=1`` skips it."""
    text = f"{item} ({label}) of the chapter '{chapter_title}' in '{book_title}'. {caption}"
    return "# " + " ".join(text.split())


def file_text(header: str, csv: str) -> str:
    """The file: the header line, then the CSV."""
    return header + "\n" + csv


def xref_token(fields: dict) -> str:
    """A cross-reference kept inside plain caption text: ``\x01{json}\x02`` (compact JSON,
    no spaces outside its strings, so a sentence split never cuts it)."""
    return "\x01" + json.dumps(fields, separators=(",", ":")) + "\x02"


def _visible_length(word: str) -> int:
    """Length of ``word`` as printed: a cross-reference token counts as its text."""
    return len(TOKEN.sub(lambda m: json.loads(m.group(1)).get("text", ""), word))


def first_sentence(caption: str, limit: int = 160) -> str:
    """A caption's first sentence (the title used in the data appendix), cut after the word
    that passes ``limit`` printed characters. Cross-reference tokens (``\x01{json}\x02``, see
    :func:`eucluster.build.data_files.caption_with_tokens`) count as the text they print and
    are never split."""
    text = " ".join(caption.split())
    if ". " in text:
        text = text.split(". ", 1)[0] + "."
    kept, length = [], 0
    for word in text.split(" "):
        length += _visible_length(word) + (1 if kept else 0)
        if length > limit and kept:
            return " ".join(kept) + "…"
        kept.append(word)
    return text
