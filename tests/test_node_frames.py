"""Nodes on mixed NUTS 1 / NUTS 2 frames: the stacked, many-frames computation against the
node rule of :mod:`eucluster.measures.specialisation` frame by frame."""

import numpy as np
import pandas as pd
import pytest

from eucluster import data
from eucluster.geo.regions import EU27
from eucluster.measures import node_frames, node_tables
from eucluster.measures import specialisation as sp

RNG = np.random.default_rng(7)
DIVISIONS = [f"C{j + 10}" for j in range(9)]


def toy_inputs(**changes) -> node_frames.FrameInputs:
    """Two countries, AT (NUTS 1: AT1, AT2; NUTS 2: two regions each) and BE (NUTS 1: BE1;
    NUTS 2: BE11, BE12, BE13); each NUTS 1 row is the sum of its NUTS 2 rows."""
    nuts2 = pd.DataFrame(
        RNG.integers(0, 300, size=(7, len(DIVISIONS))).astype(float),
        index=["AT11", "AT12", "AT21", "AT22", "BE11", "BE12", "BE13"],
        columns=DIVISIONS,
    )
    nuts1 = nuts2.groupby(nuts2.index.str.slice(0, 3)).sum()
    stacked = pd.concat([nuts1, nuts2])
    level = np.repeat([1, 2], [len(nuts1), len(nuts2)])
    weak2 = pd.Series([True, True, False, False, True, False, False], index=nuts2.index)
    weak1 = pd.Series([True, False, False], index=nuts1.index)
    weak = pd.concat([weak1, weak2]).astype("boolean")
    return node_frames.FrameInputs(
        node_tables.NodeParameters(**changes),
        stacked,
        level,
        node_tables.countries(stacked.index),
        stacked.sum(axis=1),
        pd.Series(0.0, index=DIVISIONS),
        0.0,
        {"2026": weak, "2019": ~weak},
    )


def frames_of(*nuts1_sets) -> np.ndarray:
    return np.array([[c in chosen for c in EU27] for chosen in nuts1_sets], bool)


@pytest.mark.parametrize("changes", [{}, {"lq_threshold": 1.1, "industry_share": 0.2}])
def test_every_frame_is_the_node_rule_on_its_own_regions(changes):
    inputs = toy_inputs(**changes)
    chosen = [set(), {"AT"}, {"BE"}, {"AT", "BE"}]
    counts = node_frames.frame_counts(inputs, frames_of(*chosen))
    member = inputs.membership(frames_of(*chosen))
    for row, nuts1 in enumerate(chosen):
        regions = inputs.employment[member[row]]
        assert set(regions.index.str.len()[regions.index.str.startswith(tuple(nuts1))]) <= {3}
        expected = sp.node_counts(sp.nodes(regions, **inputs.parameters.thresholds))
        for kind in sp.NODE_KINDS:
            assert counts[kind][row][member[row]].tolist() == expected[kind].tolist()
            assert counts[kind][row][~member[row]].sum() == 0


def test_counting_only_some_divisions_keeps_the_node_rule():
    inputs = toy_inputs(lq_threshold=1.1)
    frames = frames_of(set(), {"AT"})
    every = node_frames.frame_counts(inputs, frames)
    some = node_frames.frame_counts(inputs, frames, divisions=DIVISIONS[:4])
    rest = node_frames.frame_counts(inputs, frames, divisions=DIVISIONS[4:])
    for kind in sp.NODE_KINDS:
        np.testing.assert_array_equal(some[kind] + rest[kind], every[kind])


def test_frame_means_split_the_frames_regions_by_the_chosen_list():
    inputs = toy_inputs(lq_threshold=1.1)
    frames = frames_of({"AT"})
    means = node_frames.frame_means(inputs, frames).iloc[0]
    assert (means["regions"], means["n_weak"], means["n_non_weak"]) == (5, 2, 3)
    nodes = node_frames.region_nodes(node_frames.Frame({"AT"}, inputs.parameters), inputs=inputs)
    weak = nodes["weak"].astype(bool)
    assert means["industry_relevant.weak"] == pytest.approx(
        nodes.loc[weak, "industry_relevant"].mean()
    )
    other = node_frames.frame_means(inputs, frames, weak_list="2019").iloc[0]
    assert (other["n_weak"], other["n_non_weak"]) == (3, 2)


def test_region_nodes_has_the_promised_columns_and_refuses_other_parameters():
    inputs = toy_inputs()
    nodes = node_frames.region_nodes(node_frames.Frame({"BE"}), inputs=inputs)
    assert list(nodes.columns) == [
        "regional_relevant",
        "industry_relevant",
        "weak",
        "country",
        "employment",
    ]
    assert list(nodes.index) == ["BE1", "AT11", "AT12", "AT21", "AT22"]
    assert nodes["employment"].tolist() == inputs.totals[nodes.index].tolist()
    with pytest.raises(ValueError, match="other node parameters"):
        node_frames.region_nodes(
            node_frames.Frame(parameters=node_tables.NodeParameters(lq_threshold=2.0)),
            inputs=inputs,
        )
    with pytest.raises(ValueError, match="outside the EU-27"):
        node_frames.Frame({"UK"})
    with pytest.raises(ValueError, match="weak_list"):
        node_frames.region_nodes(node_frames.Frame(), weak_list="2021", inputs=inputs)


@pytest.fixture(scope="module")
def sbs():
    return data.load("sbs_r_nuts06_r2")


@pytest.mark.parametrize("changes", [{}, {"geo_level": 1}, {"denominator": "lfs"}])
def test_pure_frames_reproduce_the_chapters_run(sbs, changes):
    chosen = node_tables.NodeParameters(**changes)
    nodes = node_frames.region_nodes(chosen, sbs=sbs)
    run = node_tables.compute_nodes(sbs, chosen)
    pd.testing.assert_frame_equal(
        nodes[list(sp.NODE_KINDS)].sort_index(),
        run.counts.sort_index().astype("int64"),
        check_names=False,
    )
    weak = node_tables.weak_for(sbs, chosen, node_tables.weak_nuts2(sbs))
    labelled = nodes["weak"].dropna()
    assert (labelled == weak.reindex(labelled.index)).all()


def test_mixed_frames_list_exactly_the_choices_the_count_counts():
    from eucluster.geo import weakness_evidence

    frames = weakness_evidence.mixed_frames(201)
    per_weak, per_country = weakness_evidence.mixed_level_counts(201)
    assert (frames["regions"] == 201).all()
    listed = frames.groupby("weak").size()
    assert listed.to_dict() == per_weak.set_index("weak")["combinations"].to_dict()
    at_nuts1 = frames[list(per_country.index)].to_numpy()
    regions = np.where(at_nuts1, per_country["nuts1"], per_country["nuts2"]).sum(axis=1)
    assert (regions == frames["regions"]).all()
    assert not frames.duplicated().any()
