"""Every digitised number occurs in the document lines its metadata cite.

This is the machine half of checking the digitised tables against the source text: for each
numeric cell, the cited lines of the cited document (the row's own ``lines`` column where the
table has one, else the table's line range in ``datapackage.json``) must contain that number as
printed (``61``, ``7.9``, ``2,950``, ``23.4%``). Values derived by the digitiser (a currency
conversion, a fraction stated in words) are listed in ``DERIVED`` with the reason. A miss names
the table, the row, the column and the lines searched.
"""

import re
from pathlib import Path

import pandas as pd
import pytest

from eucluster import data
from eucluster.paths import SEEDS_DIR

NUMBER = re.compile(r"-?(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twice": 2,
         "half": 0.5, "third": 0.333, "quarter": 0.25}  # fmt: skip
#: (table, column) pairs whose values are computed from the text rather than printed in it.
DERIVED = {
    ("eu4d_membership_fees", "fee_eur"): "converted from the local currency at a stated rate",
}
#: Units of rows that count listed items (lettered sub-points) instead of quoting a number.
COUNTED_UNITS = {"sub-points"}
SKIP_COLUMNS = {"lines", "area_no", "number", "founded", "reference_year", "strength"}


def document_lines(document: str) -> list[str]:
    (path,) = Path(SEEDS_DIR).glob(f"{document}_*.txt")
    return path.read_text(encoding="utf-8").splitlines()


def cited_line_numbers(spec: str) -> list[int]:
    """Line numbers from '197-206', '113; 117', '001: 84, 113-119' (document prefixes dropped)."""
    spec = re.sub(r"\(.*?\)", "", str(spec))
    numbers: list[int] = []
    for start, end in re.findall(r"(?<![\d:])(\d+)(?:\s*-\s*(\d+))?(?!\s*:)", spec):
        numbers.extend(range(int(start), int(end or start) + 1))
    return numbers


def numbers_in(text: str) -> set[float]:
    found = {float(n.replace(",", "")) for n in NUMBER.findall(text)}
    found |= {abs(n) for n in found}  # '83%-87%' is a range, not minus 87
    words = {float(v) for w, v in WORDS.items() if re.search(rf"\b{w}\b", text, re.I)}
    found |= words | {100 * v for v in words if v < 1}  # 'about half' digitised as 50 %
    found |= {round(n / 100, 3) for n in list(found)}  # '33%' digitised as 0.33
    return found


def _documents(resource) -> list[str]:
    return [d.strip() for d in str(resource.source.get("document", "")).split(";")]


def cases():
    for name in data.tables("published"):
        frame = data.load(name)
        numeric = [c for c in frame.columns if frame[c].dtype.kind in "if"]
        numeric = [c for c in numeric if c not in SKIP_COLUMNS]
        if numeric:
            yield pytest.param(name, numeric, id=name)


@pytest.mark.parametrize(("name", "columns"), list(cases()))
def test_numbers_occur_in_the_cited_lines(name, columns):
    resource = data.resource(name)
    frame = data.load(name)
    documents = _documents(resource)
    misses = []
    for index, row in frame.iterrows():
        document = str(row["document"]) if "document" in frame.columns else documents[0]
        spec = row["lines"] if "lines" in frame.columns else resource.source.get("lines", "")
        lines = document_lines(document.split(";")[0].strip())
        numbers_cited = cited_line_numbers(spec)
        window = {n + d for n in numbers_cited for d in (-1, 0, 1)}
        text = "\n".join(lines[n - 1] for n in sorted(window) if 0 < n <= len(lines))
        printed = numbers_in(text)
        for column in columns:
            value = row[column]
            if (name, column) in DERIVED or pd.isna(value):
                continue
            if str(row.get("unit", "")) in COUNTED_UNITS:
                continue
            if not any(abs(float(value) - p) < 1e-6 for p in printed):
                misses.append(f"row {index} {column}={value} (document {document}, lines {spec})")
    assert not misses, f"{name}: values not found in the cited lines:\n" + "\n".join(misses)
