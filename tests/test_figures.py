"""The key-figure registry: ids, provenance, merging and byte-stable output."""

import json

import numpy as np
import pytest

from eucluster import key_figures


@pytest.fixture
def build_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("EUCLUSTER_BUILD_DIR", str(tmp_path))
    return tmp_path


def test_publish_records_value_unit_and_definition(build_dir):
    registry = key_figures.KeyFigures("regions", glue=False)
    returned = registry.publish(
        "regions.weak.count", np.int64(77), unit="regions", definition="GDP < 75 %", fmt="{:d}"
    )
    assert returned == 77
    merged = json.loads((build_dir / "key-figures.json").read_text())
    assert merged["regions.weak.count"] == {
        "id": "regions.weak.count",
        "value": 77,
        "display": "77",
        "unit": "regions",
        "chapter": "regions",
        "definition": "GDP < 75 %",
        "source": "",
        "kind": "number",
    }


def test_a_number_needs_a_definition_or_a_source(build_dir):
    registry = key_figures.KeyFigures("intro", glue=False)
    with pytest.raises(ValueError, match="needs a definition or a source"):
        registry.publish("intro.x", 1, unit="")


@pytest.mark.parametrize("bad", ["Regions.Weak", "regions weak", "regions..weak", ""])
def test_ids_are_dotted_lower_case(build_dir, bad):
    registry = key_figures.KeyFigures("intro", glue=False)
    with pytest.raises(ValueError, match="dotted lower-case"):
        registry.publish(bad, 1, unit="", definition="d")


def test_nan_is_refused(build_dir):
    registry = key_figures.KeyFigures("intro", glue=False)
    with pytest.raises(ValueError, match="NaN"):
        registry.publish("intro.bad", float("nan"), unit="", definition="d")


def test_the_same_id_in_two_chapters_is_an_error(build_dir):
    key_figures.KeyFigures("one", glue=False).publish("shared.id", 1, unit="", definition="d")
    with pytest.raises(ValueError, match="published by both"):
        key_figures.KeyFigures("two", glue=False).publish("shared.id", 2, unit="", definition="d")


def test_rebuilding_a_chapter_replaces_its_figures(build_dir):
    key_figures.KeyFigures("one", glue=False).publish("one.old", 1, unit="", definition="d")
    key_figures.KeyFigures("one", glue=False).publish("one.new", 2, unit="", definition="d")
    assert list(key_figures.load(build_dir)) == ["one.new"]


def test_two_identical_runs_give_identical_bytes(build_dir):
    def run():
        registry = key_figures.KeyFigures("ch", glue=False)
        registry.publish("ch.b", 0.1 + 0.2, unit="x", definition="d")
        registry.publish("ch.a", 3, unit="y", source="document 000, Table 1")
        return (build_dir / "key-figures.json").read_bytes()

    assert run() == run()


def test_report_lists_shown_values(build_dir):
    registry = key_figures.KeyFigures("ch", glue=False)
    registry.publish("ch.share", 0.4567, unit="of regions", definition="d", fmt="{:.1%}")
    assert key_figures.report("ch") == "ch.share = 45.7% of regions"
    assert "no key figures" in key_figures.report("other")


def test_merge_drops_chapters_no_longer_in_the_book(build_dir):
    for chapter in ("kept", "gone"):
        registry = key_figures.KeyFigures(chapter, glue=False)
        registry.publish(f"{chapter}.n", 1, unit="x", definition="d", fmt="{:d}")
    merged = json.loads(key_figures.merge(build_dir, chapters={"kept"}).read_text())
    assert list(merged) == ["kept.n"]
    assert not (build_dir / "key-figures" / "gone.json").exists()


def test_a_relative_build_dir_is_taken_from_the_project_root(monkeypatch):
    monkeypatch.setenv("EUCLUSTER_BUILD_DIR", "_build/elsewhere")
    assert key_figures.registry_dir() == key_figures.PROJECT_ROOT / "_build" / "elsewhere"


def test_compute_and_quote_are_publish_with_a_definition_or_a_cited_table(build_dir):
    from eucluster import data

    registry = key_figures.KeyFigures("intro", glue=False)
    assert registry.compute("intro.share", 0.25, unit="share", definition="d", fmt="{:.0%}") == 0.25
    assert registry.quote("intro.quoted", 12, unit="regions", table="eccp_table1") == 12
    merged = json.loads((build_dir / "key-figures.json").read_text())
    assert merged["intro.share"]["display"] == "25%"
    assert merged["intro.share"]["definition"] == "d"
    assert merged["intro.quoted"]["source"] == data.resource("eccp_table1").citation
    assert merged["intro.quoted"]["display"] == "12.0"


def test_publish_all_publishes_the_records_a_domain_function_returns(build_dir):
    registry = key_figures.KeyFigures("intro", glue=False)
    records = [
        key_figures.computed("intro.count", 3, unit="regions", definition="d", fmt="{:d}"),
        key_figures.quoted("intro.quoted", 4.8, unit="nodes", table="eccp_table1"),
    ]
    assert registry.publish_all(records) == {"intro.count": 3, "intro.quoted": 4.8}
    stored = json.loads(key_figures.chapter_file("intro", build_dir).read_text())
    assert stored["intro.count"]["display"] == "3"
    assert "Table 1" in stored["intro.quoted"]["source"]
    with pytest.raises(ValueError, match="definition or a source"):
        registry.publish_all([key_figures.Figure("intro.bare", 1, "regions")])


def _gap_claim(gap):
    return key_figures.claim(
        "nodes.gap.negative",
        np.bool_(gap < 0),
        definition="weak minus non-weak mean is below zero",
        if_true="weak regions have fewer nodes",
        if_false="weak regions have at least as many nodes",
    )


def test_a_claim_records_its_truth_and_shows_the_sentence_that_holds(build_dir):
    registry = key_figures.KeyFigures("nodes", glue=False)
    assert registry.publish_all([_gap_claim(-0.9)]) == {"nodes.gap.negative": True}
    record = json.loads((build_dir / "key-figures.json").read_text())["nodes.gap.negative"]
    assert record["kind"] == "claim" and record["value"] is True
    assert record["display"] == "weak regions have fewer nodes"
    assert record["statements"]["false"] == "weak regions have at least as many nodes"
    assert registry.claims() == {"nodes.gap.negative": True}
    assert key_figures.report("nodes") == "nodes.gap.negative = claim true"


def test_a_false_claim_shows_the_other_sentence(build_dir):
    registry = key_figures.KeyFigures("nodes", glue=False)
    assert registry.state(_gap_claim(+0.2)) is False
    stored = json.loads(key_figures.chapter_file("nodes", build_dir).read_text())
    assert stored["nodes.gap.negative"]["display"] == "weak regions have at least as many nodes"
    assert key_figures.claims(stored) == {"nodes.gap.negative": False}


def test_a_claim_needs_both_sentences_and_a_boolean_truth(build_dir):
    registry = key_figures.KeyFigures("nodes", glue=False)
    with pytest.raises(ValueError, match="both truths"):
        registry.state(key_figures.Claim("nodes.x", True, "d", "holds", ""))
    with pytest.raises(ValueError, match="definition"):
        registry.state(key_figures.Claim("nodes.x", True, "", "a", "b"))
    with pytest.raises(TypeError, match="bool"):
        key_figures.claim("nodes.x", 0.3, definition="d", if_true="a", if_false="b")


def test_name_list_reads_as_prose():
    assert key_figures.name_list(["a"]) == "a"
    assert key_figures.name_list(["a", "b"]) == "a and b"
    assert key_figures.name_list(iter(["a", "b", "c"])) == "a, b and c"
    assert key_figures.name_list([], empty="none") == "none"
    with pytest.raises(ValueError, match="empty list"):
        key_figures.name_list([])
