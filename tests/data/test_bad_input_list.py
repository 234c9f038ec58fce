"""The list of bad-input cases in docs/data.md names tests that exist, at least 30, and its
count sentence agrees with the table (so the documented number cannot drift from the tests)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\| (\d+) \| (file|content) \| .* \| `(test_\w+)::(test_\w+)(?:\[(\w+)\])?` \|$")


def listed_cases() -> list[re.Match]:
    text = (ROOT / "docs" / "data.md").read_text()
    return [match for line in text.splitlines() if (match := ROW.match(line))]


def test_the_documented_cases_are_numbered_and_at_least_thirty():
    cases = listed_cases()
    assert [int(case[1]) for case in cases] == list(range(1, len(cases) + 1))
    assert len(cases) >= 30
    files = sum(case[2] == "file" for case in cases)
    sentence = f"{len(cases)} cases ({files} file level, {len(cases) - files} content level)"
    assert sentence in (ROOT / "docs" / "data.md").read_text()


def test_every_documented_case_is_a_test_that_exists():
    for case in listed_cases():
        source = (ROOT / "tests" / "data" / f"{case[3]}.py").read_text()
        assert f"def {case[4]}(" in source, case[0]
        if case[5]:
            assert f'("{case[5]}",' in source, case[0]
