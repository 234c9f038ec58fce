"""The audit cites the documents by section, table, annex or paragraph, never by a line of the
project's text conversions."""

import re
from pathlib import Path

import pandas as pd
import pytest

from eucluster import audit
from eucluster.audit import places
from eucluster.audit.presentation import readers_text
from eucluster.paths import PROJECT_ROOT, SEEDS_DIR


@pytest.mark.parametrize(
    ("text", "document", "expected"),
    [
        ("000 line 173: regions", "000", "000, section 'What can ECCP data tell us': regions"),
        ("000 Table 1 (lines 197-206), weak", "000", "000 Table 1, weak"),
        ("002 Table 3, Facilitation (within the cluster): gold (lines 952-977)", "002",
         "002 Table 3, Facilitation (within the cluster): gold"),
        ("29 gold organisations (line 946)", "002", "29 gold organisations (section 2.4.3)"),
        ("for the group of 187 (lines 895, 946)", "002",
         "for the group of 187 (section 2.4.2 and section 2.4.3)"),
        ("002 case study (lines 1356-1372): L", "002", "002 case study (section 2.5.2): L"),
        ("nearest k/77 (weak regions, 000 line 173)", "002",
         "nearest k/77 (weak regions, 000, section 'What can ECCP data tell us')"),
        ("003 line 13: about 19 %", "001", "003, paragraph 5: about 19 %"),
        ("004 line 115: section 3.1", "004", "004, section 3.1: section 3.1"),
        ("annex: April 2024 (line 2112)", "002", "annex: April 2024 (Annex 1)"),
        ("no place here", "000", "no place here"),
    ],
)  # fmt: skip
def test_reader_place(text, document, expected):
    assert places.reader_place(text, document) == expected
    assert not places.cites_lines(places.reader_place(text, document))


def test_a_line_maps_to_the_last_part_starting_at_or_before_it():
    assert places.section("002", 944) == "section 2.4.3"
    assert places.section("002", 943) == "section 2.4.2"
    with pytest.raises(ValueError, match="unknown document"):
        places.section("009", 1)


def test_a_bare_line_belongs_to_the_side_of_the_row():
    rows = pd.DataFrame({"documents": ["001; 003"], "loc": ["share (line 13)"]})
    assert readers_text(rows, "loc", side=-1).iloc[0] == "share (paragraph 5)"
    assert readers_text(rows, "loc", side=0).iloc[0] == "share (Summary)"


@pytest.fixture(scope="module")
def results():
    return audit.run().results


def test_no_table_of_the_audit_chapter_cites_a_line(results):
    shown = [audit.findings(results, table) for table in audit.FINDINGS_TABLES]
    shown.append(audit.readings_table(results))
    cited = [v for frame in shown for v in frame.astype(str).to_numpy().ravel()]
    assert cited and not [v for v in cited if places.cites_lines(v)]


def test_every_line_the_checks_cite_lies_in_a_known_part():
    rows = pd.read_csv(PROJECT_ROOT / "data" / "audit" / "checks.csv", dtype=str).fillna("")
    for column, side in (("location_a", 0), ("location_b", -1), ("note", 0)):
        assert not readers_text(rows, column, side).map(places.cites_lines).any(), column


def test_no_caption_or_prose_of_the_audit_chapter_cites_a_line():
    text = (PROJECT_ROOT / "book" / "audit.py").read_text(encoding="utf-8")
    assert not re.findall(r"\blines? \d", text)


def _heading_lines(document: str) -> dict[int, str]:
    """Lines of a text conversion that are headings: Markdown '#' lines, and for the plain
    text of document 001 its numbered or named section lines."""
    (path,) = Path(SEEDS_DIR).glob(f"{document}_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = re.compile(r"^(#{1,5} |\s?\d\.\s+[A-Z]|\s?(Summary|Foreword)$|Annexe \d)")
    return {n: line for n, line in enumerate(lines, 1) if heading.match(line)}


@pytest.mark.parametrize("document", ["000", "001", "002", "004"])
def test_every_part_starts_at_a_heading_of_the_text_conversion(document):
    if not list(Path(SEEDS_DIR).glob(f"{document}_*.txt")):
        pytest.skip(f"the text conversion of document {document} is not at hand")
    headings = _heading_lines(document)
    for first, label in places.SECTION_STARTS[document]:
        if label == "front matter":
            continue
        assert first in headings, f"{document} {label}: line {first} is not a heading"
        number = re.search(r"\d+(\.\d+)*", label.split("section ")[-1])
        if number and label.startswith(("section", "chapter")):
            assert number.group(0) in headings[first], (label, headings[first])


def test_the_editorial_is_cited_by_paragraph():
    if not list(Path(SEEDS_DIR).glob("003_*.txt")):
        pytest.skip("the text conversion of document 003 is not at hand")
    (path,) = Path(SEEDS_DIR).glob("003_*.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    for first, label in places.SECTION_STARTS["003"]:
        assert lines[first - 1].strip(), f"line {first} ({label}) is blank"
        if label.startswith("paragraph"):
            assert not lines[first - 2].strip(), f"{label} does not start a paragraph"
