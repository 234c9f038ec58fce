"""Table and figure numbers of the two editions, read from the built files, so that a test can
hold the HTML and the PDF to one numbering.

The HTML numbers per chapter because the table of contents is ``numbered`` (Sphinx then gives
each chapter a section number and ``numfig_secnum_depth: 1`` prefixes it: "Table 3.1"); the
PDF numbers per chapter because LaTeX's ``\\chapter`` resets the counters. The introduction (the
root document) is unnumbered in both: its tables are "Table 1", "Table 2". The two schemes
agree only as long as the chapters are the same and in the same order, which is what
:func:`mismatches` checks on a real build.

Sphinx has no API that reports the numbers it wrote into a LaTeX file, and the HTML builder
keeps them only in its pickled environment; reading the outputs themselves (the ``.aux``
``\\newlabel`` entries and the HTML captions) is what a reader sees, so that is what is compared.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Labels the book numbers: tables and figures.
LABEL = r"(?:tbl|fig)-[A-Za-z0-9_-]+"
_ANCHOR = re.compile(rf'<(?:table|figure|div|span)\b[^>]*\bid="(?P<label>{LABEL})"')
_CAPTION = re.compile(r'class="caption-number">(?:Table|Fig\.|Figure)\s+(?P<number>[0-9.]+)')
_NUMREF = re.compile(
    rf'<a class="reference internal" href="(?P<page>[^"#]*)#(?P<label>{LABEL})">'
    r'<span class="std std-numref">(?:Table|Fig\.|Figure)\s+(?P<number>[0-9.]+)</span>'
)
_NEWLABEL = re.compile(
    rf"\\newlabel\{{(?P<doc>[^:}}]+):(?P<label>{LABEL})\}}" r"\{\{(?P<number>[0-9.]*)\}"
)


def page_document(page: Path, html_dir: Path) -> str:
    """The Sphinx document name of an HTML page: ``book/nodes`` for ``html/book/nodes.html``."""
    return page.relative_to(html_dir).with_suffix("").as_posix()


def caption_numbers(text: str) -> dict[str, str]:
    """Label -> number of every numbered table or figure on one HTML page: the first caption
    number after the element that carries the label, before the next labelled element."""
    anchors = list(_ANCHOR.finditer(text))
    numbers = {}
    for position, anchor in enumerate(anchors):
        end = anchors[position + 1].start() if position + 1 < len(anchors) else len(text)
        caption = _CAPTION.search(text, anchor.end(), end)
        if caption:
            numbers[anchor["label"]] = caption["number"]
    return numbers


def html_numbers(html_dir: Path) -> dict[str, str]:
    """``document:label`` -> number for every numbered table and figure of the HTML edition."""
    numbers = {}
    for page in sorted(Path(html_dir).rglob("*.html")):
        document = page_document(page, Path(html_dir))
        for label, number in caption_numbers(page.read_text(encoding="utf-8")).items():
            numbers[f"{document}:{label}"] = number
    return numbers


def html_references(html_dir: Path) -> list[tuple[str, str, str]]:
    """Every ``{numref}`` of the HTML edition as (page document, ``document:label`` it points
    to, number it shows)."""
    found = []
    for page in sorted(Path(html_dir).rglob("*.html")):
        document = page_document(page, Path(html_dir))
        for ref in _NUMREF.finditer(page.read_text(encoding="utf-8")):
            target = document
            if ref["page"]:
                target_page = (page.parent / ref["page"]).resolve()
                target = page_document(target_page, Path(html_dir).resolve())
            found.append((document, f"{target}:{ref['label']}", ref["number"]))
    return found


def latex_numbers(aux_text: str) -> dict[str, str]:
    """``document:label`` -> number from a LaTeX ``.aux`` file's ``\\newlabel`` entries."""
    return {f"{m['doc']}:{m['label']}": m["number"] for m in _NEWLABEL.finditer(aux_text)}


def mismatches(html: dict[str, str], latex: dict[str, str]) -> list[str]:
    """Every label numbered differently in the two editions, or present in only one, as a
    sentence each (empty when the editions agree)."""
    problems = []
    for key in sorted(set(html) | set(latex)):
        if key not in latex:
            problems.append(f"{key}: {html[key]} in the HTML, missing from the PDF")
        elif key not in html:
            problems.append(f"{key}: {latex[key]} in the PDF, missing from the HTML")
        elif html[key] != latex[key]:
            problems.append(f"{key}: {html[key]} in the HTML but {latex[key]} in the PDF")
    return problems


def reference_mismatches(html_dir: Path) -> list[str]:
    """Cross-references of the HTML whose shown number differs from the caption's number."""
    captions = html_numbers(html_dir)
    return [
        f"{page} cites {target} as {shown}, its caption says {captions.get(target)}"
        for page, target, shown in html_references(html_dir)
        if captions.get(target) != shown
    ]
