"""Re-execution for reviewers: parameters checked before running, changed figures reported."""

import json
import textwrap

import pytest

from eucluster.build import rerun

TOY = textwrap.dedent(
    """\
    # %% tags=["parameters"]
    threshold = 1.5
    label = "regions"
    with_bounds = False

    # %%
    if threshold <= 0:
        raise ValueError(f"threshold must be positive, got {threshold}")

    # %%
    from eucluster.key_figures import KeyFigures

    figures = KeyFigures("toy", glue=False)
    figures.publish("toy.double", threshold * 2, unit=label, definition="twice the threshold")
    figures.publish("toy.fixed", 7, unit=label, definition="does not move", fmt="{:d}")
    from eucluster.key_figures import claim

    figures.state(
        claim(
            "toy.below_two",
            threshold < 2,
            definition="threshold below 2",
            if_true="the threshold is below two",
            if_false="the threshold is two or more",
        )
    )
    """
)


@pytest.fixture
def toy_book(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    (book / "toy.py").write_text(TOY)
    baseline = tmp_path / "baseline"
    (baseline / "key-figures").mkdir(parents=True)
    records = {
        "toy.double": {"display": "3.0", "unit": "regions"},
        "toy.fixed": {"display": "7", "unit": "regions"},
        "toy.below_two": {
            "display": "the threshold is below two",
            "unit": "",
            "kind": "claim",
            "value": True,
        },
    }
    (baseline / "key-figures" / "toy.json").write_text(json.dumps(records))
    return {"book_dir": book, "baseline_dir": baseline, "out_dir": tmp_path / "rerun"}


def test_coerce_follows_the_declared_types():
    defaults = {"threshold": 1.5, "year": 2015, "with_bounds": False, "label": "x"}
    values = rerun.coerce(
        {"threshold": "2", "year": "2012", "with_bounds": "TRUE", "label": "y"}, defaults
    )
    assert values == {"threshold": 2.0, "year": 2012, "with_bounds": True, "label": "y"}
    assert isinstance(values["threshold"], float)


def test_unknown_parameter_lists_what_is_allowed():
    with pytest.raises(rerun.RerunError, match=r"unknown parameter 'lq'.*threshold \(float"):
        rerun.coerce({"lq": "2"}, {"threshold": 1.5})


def test_wrong_type_is_refused_before_running():
    with pytest.raises(rerun.RerunError, match=r"'two' is not of type int"):
        rerun.coerce({"year": "two"}, {"year": 2015})
    with pytest.raises(rerun.RerunError, match="write true or false"):
        rerun.coerce({"flag": "yes"}, {"flag": False})


def test_changes_pairs_old_and_new():
    old = {"a": {"display": "1", "unit": "u"}, "b": {"display": "2", "unit": "u"}}
    new = {"a": {"display": "1", "unit": "u"}, "b": {"display": "3", "unit": "u"}}
    assert rerun.changes(old, new) == [rerun.Change("b", "2", "3", "u")]
    assert rerun.changes(old, {"a": old["a"]})[0].new == "(absent)"


def test_unknown_chapter_names_the_chapters(toy_book):
    with pytest.raises(rerun.RerunError, match="no such chapter. Chapters: toy"):
        rerun.rerun("nodes", {}, **toy_book)


def test_rerun_reports_the_changed_figure(toy_book):
    text = rerun.rerun("toy", {"threshold": "2.0"}, **toy_book)
    assert "1 key figures changed, 1 unchanged" in text
    assert "toy.double" in text and "3.0" in text and "4.0" in text
    assert "toy.fixed" not in text.split("unchanged", 1)[1]


def test_rerun_lists_the_claims_that_turned_and_marks_the_notebook(toy_book):
    import nbformat

    text = rerun.rerun("toy", {"threshold": "2.0"}, **toy_book)
    assert "claim toy.below_two: true -> false" in text
    assert "now states: the threshold is two or more" in text
    notebook = nbformat.read(toy_book["out_dir"] / "toy.ipynb", as_version=4)
    first = notebook.cells[0]
    assert "rerun-claims" in first.metadata["tags"] and "toy.below_two" in first.source
    unchanged = rerun.rerun("toy", {"threshold": "1.0"}, **toy_book)
    assert "no claim changed its truth (1 claims compared)" in unchanged


def test_impossible_value_stops_with_the_chapters_message(toy_book):
    with pytest.raises(rerun.RerunError, match="threshold must be positive, got -1.0"):
        rerun.rerun("toy", {"threshold": "-1"}, **toy_book)
