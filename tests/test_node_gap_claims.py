"""The node-gaps chapter's claims: each sentence agrees with the computation that decides it,
and a toy result that turns the truth shows the sentence of the other outcome."""

import numpy as np
import pandas as pd
import pytest

from eucluster.models import country_bootstrap as boot
from eucluster.models import node_gap_claims as claims
from eucluster.models import node_gap_findings as findings
from eucluster.models import node_gap_resampling as resampling
from eucluster.models.node_counts import CountFit


def shown(record):
    return record.if_true if record.holds else record.if_false


def count_fit(irr, low, high, model="poisson"):
    return CountFit("industry_relevant", model, True, irr, low, high, 1.0, 0.0, -1.0, 2.0,
                    pd.Series(dtype=float), 10)  # fmt: skip


def test_side_claim_names_the_side_found():
    below = claims.side_claim("x", 0.79, expected=-1, noun="nodes", detail="the others")
    assert below.holds and "fewer nodes than the others (rate ratio 0.79)" in shown(below)
    above = claims.side_claim("x", 1.48, expected=-1, noun="nodes", detail="the others")
    assert not above.holds and "more nodes than the others (rate ratio 1.48)" in shown(above)
    equal = claims.side_claim("x", 1.004, expected=1, noun="nodes", detail="the others")
    assert not equal.holds and "as many nodes as the others" in shown(equal)


@pytest.mark.parametrize(
    ("low", "high", "expected", "holds", "text"),
    [
        (1.1, 2.0, True, True, "excludes one"),
        (0.5, 1.3, True, False, "includes one"),
        (0.5, 1.3, False, True, "includes one"),
        (0.2, 0.9, False, False, "excludes one"),
    ],
)
def test_interval_claim(low, high, expected, holds, text):
    record = claims.interval_claim(
        "x", low, high, null=1.0, expected=expected, what="the ratio", fmt="{:.2f}"
    )
    assert record.holds is holds
    assert text in shown(record) and f"({low:.2f} to {high:.2f})" in shown(record)


def test_interval_claim_around_zero():
    record = claims.interval_claim(
        "x", -2.5, 1.0, null=0.0, expected=False, what="the gap", fmt="{:+.1f}"
    )
    assert record.holds and "(-2.5 to +1.0) includes zero" in shown(record)


def test_reversal_claim_follows_the_expected_outcome():
    turns = {"unadjusted_side": -1, "adjusted_side": 1}
    keeps = {"unadjusted_side": 1, "adjusted_side": 1}
    assert claims.reversal_claim("x", 0.8, 1.5, turns, "nodes").holds
    flipped = claims.reversal_claim("x", 0.8, 0.9, turns, "nodes")
    assert not flipped.holds and "same side of one" in shown(flipped)
    assert claims.reversal_claim("x", 1.2, 1.3, keeps, "nodes").holds
    turned = claims.reversal_claim("x", 1.2, 0.7, keeps, "nodes")
    assert not turned.holds and "size effect" in shown(turned)
    moved = claims.reversal_claim("x", 1.001, 1.42, turns, "nodes")
    assert not moved.holds and shown(moved).endswith("from 1.00 to 1.42")


def test_models_agree_claim():
    chosen = count_fit(1.48, 1.10, 2.00)
    assert claims.same_reading_claim("x", chosen, count_fit(1.79, 1.22, 2.63, "negbin"), "NB").holds
    other = claims.same_reading_claim("x", chosen, count_fit(1.30, 0.90, 1.80), "NB")
    assert not other.holds and "reads otherwise (1.30, 0.90 to 1.80)" in shown(other)


def gaps(region, country, gap=-0.9):
    interval = boot.BootstrapInterval(*country, draws=2000, dropped=0)
    return boot.GapIntervals("industry_relevant", gap, *region, interval, -2.6, 0.9)


def test_gap_claims_width_zero_and_reading():
    wider, inside, same = claims.gap_claims("p", "nodes", gaps((-2, 0.2), (-2.5, 1.0)), False)
    assert wider.holds and "1.6 times" in shown(wider)
    assert inside.holds and same.holds
    narrower, outside, differs = claims.gap_claims(
        "p", "nodes", gaps((-2, 0.2), (-1.5, -0.5)), False
    )
    assert not narrower.holds and "does not widen" in shown(narrower)
    assert not outside.holds and "excludes zero" in shown(outside)
    assert not differs.holds and "keeps zero outside an interval that includes it" in shown(differs)
    _, _, brought_in = claims.gap_claims("p", "nodes", gaps((-2, -0.2), (-2.5, 1.0)), False)
    assert "brings zero inside an interval that excludes it" in shown(brought_in)


def test_verdict_claim_sentences():
    labels = findings.COMPARISONS
    default = dict(zip(labels, (0, 1, 0, 0), strict=True))
    record = claims.verdict_claim("x", "nodes", default, default)
    assert record.holds
    assert shown(record) == (
        "weak regions have significantly more nodes with size in the model, but no significant "
        "difference before adjustment, within countries and with countries resampled"
    )
    paper = dict(zip(labels, (-1, -1, -1, -1), strict=True))
    turned = claims.verdict_claim("x", "nodes", paper, default)
    assert not turned.holds
    assert shown(turned).startswith("weak regions have significantly fewer nodes before")
    nothing = claims.verdict_claim("x", "nodes", dict.fromkeys(labels, 0), default)
    assert shown(nothing).startswith("weak and non-weak regions show no significant difference")


def toy_frame():
    rng = np.random.default_rng(0)
    rows = []
    for c in range(8):
        for r in range(6):
            weak = c < 4 and r < 3
            rows.append(
                {"country": f"C{c}", "weak": weak, "employment": float(rng.lognormal(12, 0.5)),
                 "industry_relevant": int(rng.poisson(3)), "regional_relevant": int(rng.poisson(6))}
            )  # fmt: skip
    return pd.DataFrame(rows, index=[f"R{i}" for i in range(len(rows))])


def test_setting_counts_empty_draws_and_compares_size():
    frame = toy_frame()
    frame["weak"] = frame["weak"] & frame["country"].eq("C0")
    weights = boot.country_weights(frame["country"], n_bootstrap=200, seed=1)
    chosen = findings.NodeParameters(n_bootstrap=200)
    records = {r.id: r for r in findings.setting(frame, weights, chosen, "2019")}
    empty = records["nodes.country_bootstrap.empty_group_draws"].value
    assert empty > 0  # one of eight countries has weak regions: many draws have none
    assert not records["nodes.country_bootstrap.no_empty_draws"].holds
    assert f"{empty:,d} of the 200 draws" in shown(
        records["nodes.country_bootstrap.no_empty_draws"]
    )
    assert "2019" in records["nodes.size_adjusted.weak_list"].value
    frame.loc[frame["weak"], "employment"] *= 100
    records = {r.id: r for r in findings.setting(frame, weights, chosen, "2026")}
    assert not records["nodes.size_adjusted.weak_smaller"].holds


def test_sections_publish_the_required_ids_and_only_finite_values():
    frame = toy_frame()
    weights = boot.country_weights(frame["country"], n_bootstrap=200, seed=1)
    size = findings.size_adjusted(frame, weights, model="poisson")
    region_tests = pd.DataFrame(
        {"ci_low": [-1.0, -1.0], "ci_high": [1.0, 1.0]},
        index=["regional_relevant", "industry_relevant"],
    )
    resampled = resampling.country_resampling(frame, weights, region_tests)
    records = size.figures + resampled.figures + resampling.verdicts(size, resampled)
    records += findings.overdispersion_section(frame).figures
    ids = [record.id for record in records]
    assert len(ids) == len(set(ids))
    for kind in ("industry_relevant", "regional_relevant"):
        for suffix in ("weak_irr", "weak_irr_low", "weak_irr_high", "unadjusted_irr"):
            assert f"nodes.size_adjusted.{kind}.{suffix}" in ids
        for suffix in ("gap_low", "gap_high"):
            assert f"nodes.country_bootstrap.{kind}.{suffix}" in ids
    values = [r.value for r in records if hasattr(r, "value") and not isinstance(r.value, str)]
    assert np.isfinite(values).all()
    assert len(size.table) == 6 and len(resampled.table) == 6


def test_traded_section_compares_with_all_divisions():
    frame = toy_frame()
    weights = boot.country_weights(frame["country"], n_bootstrap=200, seed=1)
    size = findings.size_adjusted(frame, weights, model="poisson")
    same = findings.traded_section(frame, 40, size, model="poisson")
    claims_by_id = {r.id: r for r in same.figures if hasattr(r, "holds")}
    assert all(record.holds for record in claims_by_id.values())
    assert len(same.table) == 4
    traded = frame.copy()
    traded.loc[traded["weak"], "industry_relevant"] *= 4  # weak regions: many more traded nodes
    other = findings.traded_section(traded, 40, size, model="poisson")
    record = next(r for r in other.figures if r.id.endswith("industry_relevant.same_reading"))
    after = size.fits["industry_relevant"]["adjusted"]
    assert after.low < 1 < after.high  # no weak effect in the toy world
    assert not record.holds
    assert shown(record).startswith("the count of traded industry-relevant nodes reads otherwise")


def test_gap_chart_is_legible_in_print():
    from eucluster.report import charts, node_gap_charts, print_legibility

    charts.use_theme()
    rows = [
        {"kind": kind, "interval": interval, "gap": 1.0, "low": 0.0, "high": 2.0}
        for kind in ("Regional-relevant", "Industry-relevant")
        for interval in node_gap_charts.INTERVAL_COLOURS
    ]
    chart = node_gap_charts.gap_intervals(pd.DataFrame(rows))
    assert print_legibility.chart_print_pt(chart) >= 7
