"""The explorer's worked example: its sentences follow the region's own numbers."""

import pandas as pd
import pytest

from eucluster.key_figures import Claim, KeyFigures
from eucluster.report.explorer_data import Explorer, check_region
from eucluster.report.explorer_example import times, worked_example


def toy(residual_b: float = 0.2, nodes_b: float | None = 9.0) -> Explorer:
    regions = pd.DataFrame(
        {
            "name": ["Alpha", "Beta", "Gamma"],
            "country": ["AA", "AA", "BB"],
            "latest_year": [2023, 2023, 2023],
            "gdp_pps_pct_eu27": [70.0, 120.0, 90.0],
            "category": ["less developed", "more developed", "transition"],
            "regional_nodes": [3.0, nodes_b, 5.0],
            "industry_nodes": [1.0, 0.0 if nodes_b is not None else None, 2.0],
            "strength": [0.2, 0.3, 0.4],
            "log_gdp": [10.0, 10.5, 10.2],
            "fitted": [10.1, 10.3, 10.2],
            "residual": [-0.1, residual_b, 0.0],
            "residual_rank": [3, 1, 2],
            "neighbour_residual": [0.1, 0.05, -0.05],
        },
        index=pd.Index(["AA01", "AA02", "BB01"], name="geo"),
    )
    regions["label"] = regions.index + " " + regions["name"]
    years = pd.DataFrame(
        {
            "geo": ["AA02"] * 3 + ["AA01"] * 3,
            "year": [2021, 2022, 2023] * 2,
            "gdp_pps_pct_eu27": [110.0, 99.0, 120.0, 70.0, 70.0, 70.0],
            "category": ["more developed", "transition", "more developed"] + ["less developed"] * 3,
        }
    )
    nodes = pd.DataFrame(
        {
            "geo": ["AA02"],
            "division": ["C29"],
            "title": ["Manufacture of motor vehicles"],
            "kind": ["both"],
            "lq": [4.2],
            "regional_share": [0.1],
            "industry_share": [0.05],
            "ecosystems": ["Mobility"],
        }
    )
    neighbours = pd.DataFrame({"geo": ["AA02"], "neighbour": ["AA01"]})
    return Explorer(regions, years, nodes, neighbours, "node_share", {"regions": 3})


def shown(records) -> dict:
    figures = KeyFigures("explorer", glue=False)
    figures.publish_all(records)
    return {key: figure.display for key, figure in figures.figures.items()}


def truths(records) -> dict:
    return {r.id: r.holds for r in records if isinstance(r, Claim)}


def test_sentences_follow_the_region():
    text = shown(worked_example(toy(), "AA02"))
    assert text["explorer.region.category_changes"] == "2"
    assert "changed twice between 2021 and 2023" in text["explorer.region.category_changed"]
    assert (
        "C29 (Manufacture of motor vehicles, location quotient 4.2)"
        in text["explorer.region.node_summary"]
    )
    assert text["explorer.region.more_nodes_than_median"].startswith("more")
    assert "0.20 log points richer" in text["explorer.region.regression_summary"]
    assert "same way" in text["explorer.region.like_neighbours"]


def test_claims_turn_with_the_numbers():
    stable = truths(worked_example(toy(), "AA01"))
    assert stable["explorer.region.category_changed"] is False
    flipped = truths(worked_example(toy(residual_b=-0.2, nodes_b=1.0), "AA02"))
    assert flipped["explorer.region.like_neighbours"] is False
    assert flipped["explorer.region.more_nodes_than_median"] is False


def test_missing_pieces_are_said_not_filled():
    text = shown(worked_example(toy(residual_b=float("nan"), nodes_b=None), "AA02"))
    assert "no nodes for it" in text["explorer.region.node_summary"]
    assert "not in the main regression" in text["explorer.region.regression_summary"]
    assert not any(value in {"nan", "None", "", "n/a"} for value in text.values())


def test_unknown_region_names_the_fix():
    with pytest.raises(ValueError, match="NUTS 2 \\(2021\\) code.*AA01 \\(Alpha\\)"):
        check_region("XX99", toy().regions)


def test_times_reads_as_prose():
    assert [times(n) for n in (1, 2, 5)] == ["once", "twice", "5 times"]
