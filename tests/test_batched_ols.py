"""The batched slopes of the specification curve agree with pyfixest, model by model."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyfixest as pf
import pytest

from eucluster.models import batched_ols


def toy_world(seed: int = 3) -> pd.DataFrame:
    """Regions in countries of unequal size (one singleton), two controls, five strength
    columns correlated with the country effect, an outcome with a known slope on the first."""
    rng = np.random.default_rng(seed)
    sizes = [1, 2, 3, 5, 8, 9, 12, 4, 6, 10]
    country = np.repeat([f"C{i}" for i in range(len(sizes))], sizes)
    n = len(country)
    effect = rng.normal(0, 1, len(sizes))[np.unique(country, return_inverse=True)[1]]
    frame = pd.DataFrame({"country": country, "z1": rng.normal(size=n), "z2": rng.normal(size=n)})
    for j in range(5):
        frame[f"s{j}"] = rng.normal(size=n) + 0.7 * effect + 0.3 * frame["z1"]
    noise = rng.normal(size=n) * (0.5 + np.abs(frame["s0"]) / 2)
    frame["y"] = 0.4 * frame["s0"] + 0.5 * frame["z1"] + effect + noise
    return frame


STRENGTH = [f"s{j}" for j in range(5)]


@pytest.mark.parametrize(
    ("controls", "fixed_effects"),
    [((), False), ((), True), (("z1",), False), (("z1", "z2"), True)],
)
def test_batched_slopes_agree_with_pyfixest(controls, fixed_effects):
    frame = toy_world()
    block = batched_ols.residualiser(
        frame[list(controls)].to_numpy(),
        frame["country"].to_numpy(),
        fixed_effects=fixed_effects,
        complete=np.ones(len(frame), dtype=bool),
    )
    batch = batched_ols.slopes(block, frame["y"].to_numpy(), frame[STRENGTH].to_numpy())
    for j, column in enumerate(STRENGTH):
        formula = f"y ~ {' + '.join([column, *controls])}" + (" | country" if fixed_effects else "")
        fit = pf.feols(formula, data=frame, vcov={"CRV1": "country"})
        assert batch.coef[j] == pytest.approx(fit.coef()[column], abs=1e-10, rel=1e-10)
        assert batch.se[j] == pytest.approx(fit.se()[column], abs=1e-10, rel=1e-10)
        assert batch.pvalue[j] == pytest.approx(fit.pvalue()[column], abs=1e-10)
        assert batch.nobs == fit._N


def test_permuted_columns_are_just_more_columns():
    frame = toy_world()
    countries = frame["country"].to_numpy()
    perm = batched_ols.within_permutations(countries, draws=4, seed=1)
    assert (countries[perm] == countries[None, :]).all()
    assert not (perm == np.arange(len(frame))).all()
    assert (np.sort(perm, axis=1) == np.arange(len(frame))).all()
    block = batched_ols.residualiser(
        frame[["z1"]].to_numpy(), countries, fixed_effects=True, complete=np.ones(len(frame), bool)
    )
    strength = frame[STRENGTH].to_numpy()
    stacked = np.concatenate([strength[p] for p in perm], axis=1)
    batch = batched_ols.slopes(block, frame["y"].to_numpy(), stacked)
    shuffled = frame.assign(s3=strength[perm[2], 3])
    fit = pf.feols("y ~ s3 + z1 | country", data=shuffled, vcov={"CRV1": "country"})
    assert batch.coef[2 * 5 + 3] == pytest.approx(fit.coef()["s3"], abs=1e-10)
    assert batch.se[2 * 5 + 3] == pytest.approx(fit.se()["s3"], abs=1e-10)


def test_failed_models_say_why():
    frame = toy_world()
    countries = frame["country"].to_numpy()
    everywhere = np.ones(len(frame), dtype=bool)
    collinear = np.column_stack([frame["s0"], frame["z1"] * 2.0])
    block = batched_ols.residualiser(
        frame[["z1"]].to_numpy(), countries, fixed_effects=False, complete=everywhere
    )
    batch = batched_ols.slopes(block, frame["y"].to_numpy(), collinear)
    assert np.isfinite(batch.coef[0]) and np.isnan(batch.coef[1])
    assert batch.problem.tolist() == [None, batched_ols.COLLINEAR]
    few = frame["country"].isin(["C1", "C2"]).to_numpy()
    small = batched_ols.residualiser(
        frame[["z1", "z2"]].to_numpy(), countries, fixed_effects=True, complete=few
    )
    assert small.problem == batched_ols.TOO_FEW_REGIONS
    one = batched_ols.residualiser(
        np.zeros((len(frame), 0)), countries, fixed_effects=False, complete=countries == "C6"
    )
    assert one.problem == batched_ols.TOO_FEW_CLUSTERS
    assert np.isnan(batched_ols.slopes(one, frame["y"], frame[STRENGTH]).coef).all()
