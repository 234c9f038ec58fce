"""Test oracles: slow, obviously correct versions of what the package computes fast.

They live with the tests, not in ``src/``, because the book never uses them; the unit tests
compare the package against them and ``benchmarks/bench_nodes.py`` times the package against
them.
"""

from __future__ import annotations

import pandas as pd

from eucluster import parameters
from eucluster.measures import specialisation
from eucluster.measures.sbs_employment import validate_employment


def nodes_loop(
    employment: pd.DataFrame,
    lq_threshold: float = 1.5,
    regional_share_threshold: float = 0.01,
    industry_share_threshold: float = 0.01,
    *,
    region_totals: pd.Series | None = None,
    benchmark_sector_totals: pd.Series | None = None,
    benchmark_total: float | None = None,
) -> specialisation.Nodes:
    """:func:`eucluster.measures.specialisation.nodes` with plain Python loops over regions
    and sectors. Deliberately naive, so that it is easy to check by eye against the paper's
    rule; it checks the whole-array version in the tests and times it in the benchmark."""
    lq_threshold = parameters.lq_threshold(lq_threshold)
    regional_share_threshold = parameters.fraction(
        regional_share_threshold, "regional_share_threshold"
    )
    industry_share_threshold = parameters.fraction(
        industry_share_threshold, "industry_share_threshold"
    )
    values = validate_employment(employment)
    regions = list(values.index)
    sectors = list(values.columns)
    cells = values.to_numpy().tolist()

    if region_totals is None:
        e_r = []
        for row in cells:
            total = 0.0
            for x in row:
                total += x
            e_r.append(total)
    else:
        e_r = [float(region_totals[r]) for r in regions]
    if benchmark_sector_totals is None:
        e_s = []
        for j in range(len(sectors)):
            total = 0.0
            for i in range(len(regions)):
                total += cells[i][j]
            e_s.append(total)
    else:
        e_s = [float(benchmark_sector_totals[s]) for s in sectors]
    if benchmark_total is None:
        if region_totals is not None or benchmark_sector_totals is None:
            grand = 0.0
            for x in e_r:
                grand += x
        else:
            grand = 0.0
            for x in e_s:
                grand += x
    else:
        grand = float(benchmark_total)

    nan = float("nan")
    lq, rs, ind, reg_flag, ind_flag = [], [], [], [], []
    for i in range(len(regions)):
        row_lq, row_rs, row_ind, row_reg, row_indf = [], [], [], [], []
        for j in range(len(sectors)):
            e = cells[i][j]
            regional_share = e / e_r[i] if e_r[i] > 0 else nan
            industry_share = e / e_s[j] if e_s[j] > 0 else nan
            benchmark_share = e_s[j] / grand
            q = regional_share / benchmark_share if benchmark_share > 0 else nan
            specialised = q > lq_threshold
            row_lq.append(q)
            row_rs.append(regional_share)
            row_ind.append(industry_share)
            row_reg.append(bool(specialised and regional_share > regional_share_threshold))
            row_indf.append(bool(specialised and industry_share > industry_share_threshold))
        lq.append(row_lq)
        rs.append(row_rs)
        ind.append(row_ind)
        reg_flag.append(row_reg)
        ind_flag.append(row_indf)

    def frame(rows: list[list]) -> pd.DataFrame:
        return pd.DataFrame(rows, index=values.index, columns=values.columns)

    return specialisation.Nodes(
        frame(lq),
        frame(rs),
        frame(ind),
        frame(reg_flag),
        frame(ind_flag),
        lq_threshold,
        regional_share_threshold,
        industry_share_threshold,
    )
