"""Places in the five documents as a reader holding the published PDF can find them.

The audit's rows (``data/audit/checks.csv``) cite the documents by line numbers of the
project's plain-text conversions, which the provenance tests need and readers do not have.
Everything the book shows goes through :func:`reader_place`, which turns those line numbers
into the section (or annex, or paragraph of the one-page editorial 003) that contains them;
a named table, annex or figure needs no line numbers at all and keeps only its name.

:data:`SECTION_STARTS` is derived from the headings of the text conversions (each entry's
first line is a heading line there; ``tests/test_audit_places.py`` checks this when the
conversions are at hand). Numbered documents (001, 002, 004) are cited by section number;
the ECCP paper (000) has unnumbered headings, cited by their opening words.
"""

from __future__ import annotations

import re
from bisect import bisect_right

#: document -> (first line, how a reader finds the part), in document order. A line belongs to
#: the last part starting at or before it.
SECTION_STARTS: dict[str, tuple[tuple[int, str], ...]] = {
    "000": (
        (1, "front matter"),
        (54, "section 'Introduction'"),
        (70, "section 'Why are clusters important'"),
        (72, "section 'Clusters and cohesion'"),
        (100, "section 'Strong clusters: drivers of regional prosperity'"),
        (120, "section 'Strong cluster organisations'"),
        (169, "section 'What can ECCP data tell us'"),
        (180, "section 'The presence of clusters and cluster organisations'"),
        (208, "section 'Presence of industrial ecosystems'"),
        (271, "section 'How can we build stronger clusters'"),
        (334, "section 'Conclusions and Discussion Questions'"),
        (353, "References"),
    ),
    "001": (
        (1, "Summary"),
        (17, "Foreword"),
        (37, "section 1"),
        (166, "section 2"),
        (342, "section 3"),
        (402, "section 4"),
        (449, "section 5"),
        (670, "Annexe 1"),
    ),
    "002": (
        (1, "front matter"),
        (128, "Executive summary"),
        (189, "chapter 1"),
        (191, "section 1.1"),
        (197, "section 1.2"),
        (219, "section 1.3"),
        (221, "section 1.3.1"),
        (225, "section 1.3.2"),
        (248, "section 1.3.3"),
        (281, "section 1.3.4"),
        (295, "section 1.3.5"),
        (311, "chapter 2"),
        (313, "section 2.1"),
        (315, "section 2.1.1"),
        (343, "section 2.1.2"),
        (378, "section 2.1.3"),
        (487, "section 2.1.4"),
        (623, "section 2.1.5"),
        (661, "section 2.1.6"),
        (691, "section 2.2"),
        (693, "section 2.2.1"),
        (709, "section 2.2.2"),
        (731, "section 2.3"),
        (733, "section 2.3.1"),
        (765, "section 2.3.2"),
        (777, "section 2.3.3"),
        (814, "section 2.3.4"),
        (834, "section 2.3.5"),
        (858, "section 2.4"),
        (860, "section 2.4.1"),
        (881, "section 2.4.2"),
        (944, "section 2.4.3"),
        (1049, "section 2.5"),
        (1051, "section 2.5.1"),
        (1255, "section 2.5.2"),
        (1415, "section 2.5.3"),
        (1473, "section 2.6"),
        (1484, "section 2.7"),
        (1502, "section 2.7.1"),
        (1584, "section 2.7.2"),
        (1631, "section 2.7.3"),
        (1873, "Closing remarks"),
        (1920, "References"),
        (2069, "Annex 1"),
    ),
    "003": (
        (1, "title"),
        (3, "byline"),
        (5, "paragraph 1"),
        (7, "paragraph 2"),
        (9, "paragraph 3"),
        (11, "paragraph 4"),
        (13, "paragraph 5"),
        (15, "paragraph 6"),
    ),
    "004": (
        (1, "front matter"),
        (15, "section 1"),
        (52, "section 2"),
        (105, "section 3"),
        (107, "section 3.1"),
        (140, "section 3.2"),
        (158, "section 3.3"),
        (182, "section 3.4"),
        (193, "section 3.5"),
        (234, "section 3.6"),
        (245, "section 3.7"),
        (265, "section 4"),
    ),
}
DOCUMENTS = tuple(SECTION_STARTS)

#: A named table, annex, figure or case study followed by its line numbers in parentheses.
_NAMED_WITH_LINES = re.compile(
    r"(?P<name>\b(?:Table|Annex|Annexe|Figure)\s+\d+(?:[^()]|\([^()]*\))*?)"
    r"\s*\((?:lines?|line)\s+[^()]*\)"
)
_CASE_STUDY = re.compile(r"case study \((?:lines?) (?P<first>\d+)[^()]*\)")
_LINES = re.compile(
    r"(?:(?P<doc>\b0\d\d),?\s+)?\blines?\s+(?P<first>\d+)(?:\s*[-–]\s*\d+)?"
    r"(?P<more>(?:\s*[;,]\s*\d+(?:\s*[-–]\s*\d+)?)*)"
)
_DOCUMENT = re.compile(r"\b(0\d\d)\b")


def section(document: str, line: int) -> str:
    """The part of ``document`` that contains ``line`` of its text conversion."""
    if document not in SECTION_STARTS:
        raise ValueError(f"unknown document {document!r}; use one of {DOCUMENTS}")
    starts = SECTION_STARTS[document]
    position = bisect_right([first for first, _ in starts], line) - 1
    if position < 0:
        raise ValueError(f"line {line} precedes document {document}'s first part")
    return starts[position][1]


def sections(document: str, lines: list[int]) -> str:
    """The distinct parts that hold ``lines``, in document order, joined with 'and'."""
    found = dict.fromkeys(section(document, line) for line in sorted(lines))
    return " and ".join(found)


def _line_numbers(first: str, more: str) -> list[int]:
    numbers = [int(first)]
    numbers += [int(n) for n in re.findall(r"[;,]\s*(\d+)", more)]
    return numbers


def reader_place(text: str, document: str) -> str:
    """``text`` with every line number of a text conversion replaced by the reader's place.

    ``document`` is the document a bare "line N" refers to when no document number precedes
    it in the text (the row's document of that side). A named table, annex or figure loses
    its parenthesised lines; a case study gets its section; "000 line 173" becomes
    "000, section 'What can ECCP data tell us'".
    """
    text = _NAMED_WITH_LINES.sub(lambda m: m["name"].rstrip(), text)

    def case_study(match: re.Match) -> str:
        doc = _document_before(text, match.start(), document)
        return f"case study ({section(doc, int(match['first']))})"

    text = _CASE_STUDY.sub(case_study, text)

    def replace(match: re.Match) -> str:
        doc = match["doc"] or _document_before(text, match.start(), document)
        place = sections(doc, _line_numbers(match["first"], match["more"] or ""))
        return f"{doc}, {place}" if match["doc"] else place

    return _LINES.sub(replace, text)


def _document_before(text: str, position: int, default: str) -> str:
    found = [d for d in _DOCUMENT.findall(text[:position]) if d in SECTION_STARTS]
    return found[-1] if found else default


def cites_lines(text: str) -> bool:
    """Whether ``text`` still cites a line number of a text conversion."""
    return bool(re.search(r"\blines?\s+\d", text))
