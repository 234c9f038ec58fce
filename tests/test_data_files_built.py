"""Checks of the built book's data files (run by `make test` after the HTML and PDF builds).

Every numbered table and figure of the HTML edition links its CSV under its caption, the file
exists and parses, and there are exactly as many files as numbered items; the PDF's data
appendix lists every file.
"""

import re
from pathlib import Path

import pandas as pd
import pytest

from eucluster.report import downloads
from tests.test_build import HTML, _letters, _run

pytestmark = pytest.mark.build
ITEM = re.compile(r'<(?:figure|table)\b[^>]*\bid="((?:fig|tbl)-[^"]+)"')
LINK = re.compile(r'<p class="eucluster-data-link"><a [^>]*href="([^"]+)"')


def numbered_items() -> dict[str, list[str]]:
    """Labels of the numbered tables and figures of each HTML page (a captioned item)."""
    found = {}
    for page in sorted((HTML / "book").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        starts = list(ITEM.finditer(text))
        ends = [m.start() for m in starts[1:]] + [len(text)] if starts else []
        labels = [
            m.group(1)
            for m, end in zip(starts, ends, strict=True)
            if 'class="caption-number"' in text[m.end() : end]
        ]
        if labels:
            found[page.stem] = labels
    return found


def data_files() -> list[Path]:
    return sorted((HTML / downloads.FOLDER).rglob("*.csv"))


def test_every_numbered_item_links_its_file():
    missing = []
    for chapter, labels in numbered_items().items():
        text = (HTML / "book" / f"{chapter}.html").read_text(encoding="utf-8")
        links = set(LINK.findall(text))
        for label in labels:
            target = "../" + downloads.file_path(chapter, label)
            if target not in links or not (HTML / "book" / target).resolve().exists():
                missing.append(f"{chapter}: {label}")
    assert not missing, f"numbered items without a linked data file: {missing}"


def test_as_many_files_as_numbered_items():
    items = sum(len(labels) for labels in numbered_items().values())
    files = len(data_files())
    print(f"{items} numbered tables and figures, {files} data files")
    assert items > 0 and files == items, f"{files} data files for {items} numbered items"


@pytest.mark.parametrize("path", data_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_file_has_its_header_and_parses(path):
    header = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert header.startswith("# ") and f"({path.stem})" in header
    frame = pd.read_csv(path, skiprows=1)
    assert len(frame) > 0 and len(frame.columns) > 0, f"{path} is empty"


@pytest.fixture(scope="module")
def pdf_text() -> str:
    # Reading order, not layout: a path broken over two lines of a table cell stays together.
    return _run("pdftotext", str(HTML.parent / "latex" / "book.pdf"), "-")


def test_pdf_appendix_lists_every_file(pdf_text):
    flat = _letters(pdf_text)
    unlisted = [
        downloads.file_path(p.parent.name, p.stem)
        for p in data_files()
        if _letters(downloads.file_path(p.parent.name, p.stem)) not in flat
    ]
    assert not unlisted, f"data files missing from the PDF's appendix: {unlisted}"
