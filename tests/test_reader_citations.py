"""Readers hold the published documents, not the project's text conversions: nothing the book
shows cites a document by a line number of a conversion (issue 16, item 5). Line numbers stay
in ``data/`` for the provenance tests."""

import html
import re

import pytest

from eucluster.audit import places
from eucluster.documents import landscape
from eucluster.geo import weakness_evidence
from eucluster.paths import PROJECT_ROOT

CHAPTERS = sorted((PROJECT_ROOT / "book").glob("*.py"))


def visible_text(page: str) -> str:
    """The text a reader sees on a built HTML page (no scripts, styles or markup)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def line_citations(text: str) -> list[str]:
    return [
        text[max(0, m.start() - 60) : m.end() + 20] for m in re.finditer(r"\blines?\s+\d", text)
    ]


def test_a_line_citation_is_found_in_visible_text_and_markup_is_not():
    assert line_citations(visible_text("<p>(document 000, <em>line</em> 173)</p>"))
    assert not line_citations(visible_text('<td class="line 1">dashed lines at 75</td>'))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_no_chapter_cites_a_line_of_a_text_conversion(chapter):
    assert not line_citations(chapter.read_text(encoding="utf-8"))


def test_the_eccp_counts_are_cited_by_the_section_that_holds_them():
    assert not places.cites_lines(weakness_evidence.ECCP_SECTION)
    assert weakness_evidence.ECCP_SECTION.endswith(places.section("000", 173))


def test_headline_figures_are_cited_by_section_or_paragraph():
    box = landscape.headline_box()
    assert not any(places.cites_lines(f.source) for f in box.figures if f.source)
    assert not any(places.cites_lines(line) for line in box.lines)
    earmarked = next(f for f in box.figures if "earmarked" in f.id)
    assert earmarked.source.endswith("paragraph 2")
    assert not landscape.landscape_table()["Source"].map(places.cites_lines).any()


@pytest.mark.build
def test_no_built_page_cites_a_line_of_a_text_conversion():
    pages = sorted((PROJECT_ROOT / "_build" / "html" / "book").glob("*.html"))
    assert pages, "build the HTML first"
    found = {
        page.stem: citations
        for page in pages
        if (citations := line_citations(visible_text(page.read_text(encoding="utf-8"))))
    }
    assert not found, f"line citations a reader cannot follow: {found}"
