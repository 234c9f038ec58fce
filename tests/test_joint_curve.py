"""The specification curve's joint test and its statements, on toy worlds where the answer is
known: a strong association is found and stated, none is not, failures are counted."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from eucluster.models import curve_findings, curve_grid, joint_curve
from eucluster.models.curve_grid import CONTROL_SETS, DESIGNS, OUTCOMES, CurveData


def toy_data(beta: float, *, seed: int = 0, constant_column: bool = False) -> CurveData:
    """120 regions in 12 countries; every outcome is ``beta`` times a common strength factor
    plus noise; four strength columns are noisy copies of that factor."""
    rng = np.random.default_rng(seed)
    n = 120
    index = pd.Index([f"R{i:03d}" for i in range(n)], name="geo")
    frame = pd.DataFrame(index=index)
    frame["country"] = [f"C{i % 12:02d}" for i in range(n)]
    frame["capital"] = np.arange(n) < 12
    frame["apportioned"] = np.arange(n) % 17 == 0
    for column in set(itertools.chain(*CONTROL_SETS.values())):
        frame[column] = rng.normal(size=n)
    factor = rng.normal(size=n)
    for design, outcome in itertools.product(DESIGNS, OUTCOMES):
        frame[curve_grid.outcome_column(design, outcome)] = beta * factor + rng.normal(size=n)
        if curve_grid.base_column(design):
            frame[curve_grid.base_column(design)] = rng.normal(size=n)
    columns, choices = {}, []
    for j, measure in enumerate(["node_share", "star_share"]):
        for level in ("lower", "higher"):
            name = f"{measure}|all|{level}|bound"
            noise = rng.normal(size=n)
            columns[name] = 0.0 if (constant_column and j == 1) else factor + noise
            choices.append(
                {"column": name, "measure": measure, "scope": "all", "threshold": level,
                 "suppressed": "bound"}
            )  # fmt: skip
    strength = pd.DataFrame(columns, index=index)
    return CurveData(frame, strength, pd.DataFrame(choices), ())


def claims_of(records) -> dict:
    return {r.id: r for r in records if isinstance(r, curve_findings.Claim)}


def test_a_strong_association_is_found_and_stated():
    findings = curve_findings.analyse(toy_data(0.8), draws=99, seed=1, alpha=0.05)
    result = findings.result
    assert len(result.curve) == 4 * 108 and result.failed.empty
    assert result.dominant == 1
    assert all(p == pytest.approx(1 / 100) for p in result.pvalues.values())
    claims = claims_of(findings.figures)
    assert claims["regression.curve.median_rejected"].holds
    assert not claims["regression.curve.sign_within_null"].holds
    assert not claims["regression.curve.significant_within_null"].holds
    assert "more estimates are significantly positive" in (
        claims["regression.curve.significant_within_null"].if_false
    )
    assert claims["regression.curve.dominant_positive"].holds
    values = {r.id: r.value for r in findings.figures if not isinstance(r, curve_findings.Claim)}
    assert values["regression.curve.count"] == 432 and values["regression.curve.failed"] == 0
    assert values["regression.curve.joint_p"] == values["regression.curve.joint_p_significant"]


def test_no_association_is_not_rejected():
    findings = curve_findings.analyse(toy_data(0.0, seed=2), draws=99, seed=1, alpha=0.05)
    claims = claims_of(findings.figures)
    assert not claims["regression.curve.median_rejected"].holds
    assert claims["regression.curve.sign_within_null"].holds
    assert findings.result.pvalues["median"] > 0.05
    assert findings.joint["p-value"].between(0.01, 1).all()


def test_failed_specifications_are_counted_with_their_reason():
    findings = curve_findings.analyse(
        toy_data(0.5, constant_column=True), draws=99, seed=1, alpha=0.05
    )
    failed = findings.result.failed
    assert len(failed) == 2 * 108
    assert set(failed["problem"]) == {joint_curve.batched_ols.COLLINEAR}
    statement = claims_of(findings.figures)["regression.curve.all_estimated"]
    assert not statement.holds and "216 of the 432" in statement.if_false
    assert findings.result.estimated["rank"].tolist() == list(range(1, 217))


def test_statistics_orient_by_the_dominant_sign():
    coef = np.array([[-1.0, -2.0, 3.0, np.nan]])
    significant = np.array([[True, False, True, False]])
    median, share_sign, share_significant = joint_curve.statistics(coef, significant, -1)[0]
    assert median == -1.0 and share_sign == pytest.approx(2 / 3)
    assert share_significant == pytest.approx(1 / 3)


def test_dimension_spread_names_the_dimension_that_moves_the_estimate():
    curve = pd.DataFrame(
        {
            **{d: "x" for d in curve_grid.DIMENSIONS},
            "measure": ["a", "a", "b", "b"],
            "design": ["level", "growth 2015", "level", "growth 2015"],
            "coef": [0.1, 0.12, -0.3, -0.28],
            "significant": False,
            "problem": None,
        }
    )
    spread = curve_findings.dimension_spread(curve)
    assert spread.index[0] == "strength measure"
    assert spread.iloc[0] == pytest.approx(0.4)
    result = joint_curve.JointCurve(
        curve.assign(fixed_effects=["none", "country"] * 2),
        pd.DataFrame(),
        {},
        {},
        1,
        pd.DataFrame(),
        0.05,
        99,
        0,
    )
    moves = {
        c.id: c
        for c in curve_findings.curve_claims(
            result.__class__(
                **{
                    **result.__dict__,
                    "pvalues": dict.fromkeys(joint_curve.STATISTICS, 0.5),
                    "observed": dict.fromkeys(joint_curve.STATISTICS, 0.1),
                }
            )
        )
    }
    statement = moves["regression.curve.fixed_effects_move_most"]
    assert not statement.holds and statement.if_false.startswith("the strength measure moves")
    assert not moves["regression.curve.level_above_growth"].holds  # level -0.10 < growth -0.08


def test_parameters_are_refused_with_what_is_allowed():
    with pytest.raises(ValueError, match="draws") as problem:
        curve_grid.validate_parameters(draws=10, seed=0, alpha=0.0, strength_years=[2008])
    assert "alpha" in str(problem.value)
    curve_grid.validate_parameters(draws=500, seed=0, alpha=0.05, strength_years=[2008, 2009])


def test_the_chart_is_legible_and_small():
    from eucluster.report import curve_charts, print_legibility

    result = curve_findings.analyse(toy_data(0.3), draws=99, seed=1, alpha=0.05).result
    spec = curve_charts.curve_chart(result).to_dict()
    sizes = []

    def walk(node):
        if isinstance(node, dict):
            sizes.extend(v for k, v in node.items() if k.endswith("FontSize"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    assert sizes and min(sizes) >= 11
    assert print_legibility.chart_print_pt(curve_charts.curve_chart(result)) >= 7
    assert len(curve_charts.choice_shares(result)) < 5000
    assert len(curve_charts.curve_points(result)) <= curve_charts.CURVE_POINTS
