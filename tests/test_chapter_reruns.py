"""Every computational chapter re-executed under other parameters states only what its run
supports.

Each ``tests/chapters/<chapter>.reruns.yml`` lists parameter sets a reviewer might try (chosen
to turn conclusions: a stricter threshold, another strength measure, a sample without the
group a sentence talks about). For each, the chapter is executed with papermill (its own
asserting cells run too: a valid value must never be refused because the prose cannot
describe the result) and its registry is checked:

* every claim shows the sentence of its computed truth;
* no glued text is a placeholder (``n/a``, ``nan``, ``None``, empty): a chapter says what is
  missing instead;
* every claim of the default build is also stated by the re-run, so no conclusion silently
  disappears from the text.

These runs take minutes, so they are marked ``rerun`` and run by ``make reruns`` (part of
``make test``), not by the unit tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from eucluster.build import rerun

CHAPTERS = Path(__file__).parent / "chapters"
PLACEHOLDERS = {"n/a", "na", "nan", "none", "null", "", "-"}


def rerun_cases() -> list:
    cases = []
    for path in sorted(CHAPTERS.glob("*.reruns.yml")):
        chapter = path.name.removesuffix(".reruns.yml")
        for values in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            label = ",".join(f"{k}={v}" for k, v in values.items())
            cases.append(pytest.param(chapter, values, id=f"{chapter}[{label}]"))
    return cases


def test_every_chapter_with_parameters_has_reruns():
    with_parameters = {
        p.stem for p in rerun.BOOK_DIR.glob("*.py") if 'tags=["parameters"]' in p.read_text()
    }
    listed = {p.name.removesuffix(".reruns.yml") for p in CHAPTERS.glob("*.reruns.yml")}
    missing = sorted(with_parameters - listed)
    assert not missing, (
        f"chapters with parameters but no tests/chapters/<chapter>.reruns.yml: {missing}"
    )
    for path in CHAPTERS.glob("*.reruns.yml"):
        assert len(yaml.safe_load(path.read_text(encoding="utf-8")) or []) >= 2, (
            f"{path.name}: list at least two non-default parameter sets"
        )


def default_claims(chapter: str) -> dict[str, bool]:
    reference = CHAPTERS / f"{chapter}.txt"
    lines = reference.read_text(encoding="utf-8").splitlines()
    return {
        line.split(" = ")[0]: line.endswith("claim true")
        for line in lines
        if line.endswith((" = claim true", " = claim false"))
    }


@pytest.mark.rerun
@pytest.mark.parametrize(("chapter", "values"), rerun_cases())
def test_a_rerun_states_only_what_its_numbers_support(chapter, values, tmp_path):
    _, _, records = rerun.execute(chapter, values=values, out_dir=tmp_path)
    problems = []
    for figure_id, record in records.items():
        shown = str(record["display"]).strip()
        if shown.lower() in PLACEHOLDERS or "n/a" in shown.lower().split():
            problems.append(f"{figure_id}: placeholder {shown!r} reaches the text")
        if record.get("kind") == "claim":
            truth = "true" if record["value"] else "false"
            if record["display"] != record["statements"][truth]:
                problems.append(f"{figure_id}: shows a sentence that is not its {truth} one")
    absent = sorted(set(default_claims(chapter)) - set(records))
    problems += [f"{claim_id}: stated by the default build, missing here" for claim_id in absent]
    assert not problems, f"{chapter} with {values}:\n" + "\n".join(problems)
    assert json.dumps(records)  # the registry is plain JSON
