"""references.bib is written for readers: each entry says who, what, when, where published and
where to find it, and carries no internal notes (file names of text conversions, hashes)."""

import re

import pytest
from pybtex.database import parse_file

from eucluster.paths import PROJECT_ROOT

BIB = PROJECT_ROOT / "references.bib"
#: Printed works with no stable link; a reader finds them by publisher and place.
PRINT_ONLY = {
    "fisher_1935": "a 1935 book (Oliver and Boyd, Edinburgh)",
    "ketels_solvell_2006": "a 2006 Europe INNOVA report whose website no longer exists",
}
SOURCE_DOCUMENTS = [
    "franco_wilson_2021",
    "interreg_2021_clusters",
    "eu4digital_2024",
    "ec_2020_s3_clusters",
    "clusterix_2018",
]
INTERNAL = re.compile(r"\.txt|seed|[0-9a-f]{12,}", re.I)


@pytest.fixture(scope="module")
def entries():
    return parse_file(str(BIB), bib_format="bibtex").entries


def missing_fields(entry) -> list[str]:
    """What a reader's citation of this entry lacks: authors or institution, title, year,
    publisher or journal, and a URL or DOI."""
    fields = {name.lower() for name in entry.fields}
    missing = []
    if not entry.persons.get("author") and "institution" not in fields:
        missing.append("author or institution")
    missing += [name for name in ("title", "year") if name not in fields]
    venue = {"journal", "institution", "publisher", "howpublished"}
    if not fields & venue:
        missing.append("journal, institution, publisher or howpublished")
    return missing


def internal_notes(entry) -> list[str]:
    """Fields that mention a text-conversion file, a seed or a hash (URLs and DOIs aside)."""
    return [
        name
        for name, value in entry.fields.items()
        if name.lower() not in ("url", "doi") and INTERNAL.search(value)
    ] + (["note"] if "note" in {n.lower() for n in entry.fields} else [])


def test_every_entry_is_citable_by_a_reader(entries):
    problems = {key: missing_fields(entry) for key, entry in entries.items()}
    assert not {k: v for k, v in problems.items() if v}


def test_every_entry_has_a_link_unless_print_only(entries):
    unlinked = [
        key
        for key, entry in entries.items()
        if not {n.lower() for n in entry.fields} & {"url", "doi"} and key not in PRINT_ONLY
    ]
    assert not unlinked, f"entries without url or doi: {unlinked}"
    for key in PRINT_ONLY:
        fields = {n.lower() for n in entries[key].fields}
        assert fields & {"publisher", "institution"} and "address" in fields, key


def test_no_entry_carries_internal_notes(entries):
    found = {key: internal_notes(entry) for key, entry in entries.items()}
    assert not {k: v for k, v in found.items() if v}


def test_the_five_source_documents_link_to_their_publishers(entries):
    for key in SOURCE_DOCUMENTS:
        assert entries[key].fields["url"].startswith("https://"), key


def test_the_checks_flag_an_internal_note():
    from pybtex.database import parse_string

    bad = parse_string(
        "@misc{x, author={A, B}, title={T}, year={2020}, howpublished={H},"
        " note={Seed file 000_26c8bddc38aa4435.txt}}",
        "bibtex",
    ).entries["x"]
    assert internal_notes(bad) and not missing_fields(bad)
    bare = parse_string("@misc{y, title={T}}", "bibtex").entries["y"]
    assert set(missing_fields(bare)) >= {"author or institution", "year"}
