"""Specialisation nodes on mixed NUTS 1 / NUTS 2 region frames, many frames at once.

The ECCP paper counts nodes for 201 regions that mix NUTS 1 and NUTS 2 ("the most appropriate
level" per country) without publishing the mix. The regions chapter enumerates the frames in
which each EU-27 country enters with all its NUTS 1 or all its NUTS 2 regions
(:func:`eucluster.geo.weakness_evidence.mixed_frames`). A frame changes more than the list of
regions: the European employment of a sector (``E_s``) and the total ``E`` are sums over the
frame's regions, so location quotients and industry shares move with it, and a NUTS 1 region
reaches 1 % of a sector's European employment far more easily than its NUTS 2 parts.

Why a module of its own: Table 1 is wanted for hundreds of frames. Recomputing the node rule
frame by frame through :func:`eucluster.measures.specialisation.nodes` would rebuild the same
frames of ratios each time; here the NUTS 1 and NUTS 2 rows of the employment matrix are
stacked once (:class:`FrameInputs`), the region-level ratios that do not depend on the frame
(``e_rs / e_r``) are computed once, and a frame is a mask over the stacked rows, so the
frame-dependent benchmark totals of many frames are one matrix product and the node rule one
broadcast comparison (:func:`frame_counts`). The node rule itself is
:func:`eucluster.measures.specialisation.node_rule`; the tests check the stacked computation
against :func:`eucluster.measures.node_tables.compute_nodes` on the pure NUTS 1 and NUTS 2
frames.

:func:`region_nodes` is the public per-region view of one frame (node counts, weak label,
country, employment) for other chapters' models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.geo import weakness
from eucluster.geo.nuts import recode
from eucluster.geo.regions import EU27
from eucluster.measures import sbs_employment
from eucluster.measures import specialisation as sp
from eucluster.measures.node_tables import (
    BENCHMARKS,
    NodeParameters,
    countries,
    lfs_employment,
    weak_nuts2,
)

#: The two weak lists: the 2026 release of regional GDP on NUTS 2021 (the book's default) and
#: the 2019 release on NUTS 2016, which the 2021-27 categories were decided on.
WEAK_LISTS = ("2026", "2019")
#: Frames evaluated together in one broadcast (bounds the memory of the node arrays).
CHUNK = 200


@dataclass(frozen=True)
class Frame:
    """A region frame: the countries that enter with their NUTS 1 regions (all others with
    their NUTS 2 regions), under one set of node parameters (whose ``geo_level`` is ignored)."""

    nuts1: frozenset[str] = frozenset()
    parameters: NodeParameters = field(default_factory=NodeParameters)

    def __post_init__(self) -> None:
        unknown = set(self.nuts1) - set(EU27)
        if unknown:
            raise ValueError(f"Frame.nuts1 names countries outside the EU-27: {sorted(unknown)}")
        object.__setattr__(self, "nuts1", frozenset(self.nuts1))

    @property
    def label(self) -> str:
        """The countries at NUTS 1, as a reader names the frame."""
        if not self.nuts1:
            return "all NUTS 2"
        if len(self.nuts1) == len(EU27):
            return "all NUTS 1"
        return "NUTS 1: " + ", ".join(sorted(self.nuts1))


def as_frame(frame_or_parameters: Frame | NodeParameters) -> Frame:
    """A :class:`Frame`; node parameters stand for the pure frame of their ``geo_level``."""
    if isinstance(frame_or_parameters, Frame):
        return frame_or_parameters
    if isinstance(frame_or_parameters, NodeParameters):
        chosen = frame_or_parameters
        return Frame(frozenset(EU27) if chosen.geo_level == 1 else frozenset(), chosen)
    raise TypeError(f"expected a Frame or NodeParameters, got {type(frame_or_parameters).__name__}")


@dataclass(frozen=True)
class FrameInputs:
    """The EU-27 NUTS 1 and NUTS 2 rows of one year's employment matrix, stacked, with what the
    node rule needs per row, and the weak labels of both lists at both levels."""

    parameters: NodeParameters
    employment: pd.DataFrame  # stacked regions x divisions, unpublished cells filled
    level: np.ndarray  # 1 or 2 per row
    country: np.ndarray  # country code per row
    totals: pd.Series  # e_r per row (row sums, or LFS totals)
    outside: pd.Series  # sector employment of benchmark countries outside the EU-27
    outside_total: float
    weak: dict[str, pd.Series]  # weak list -> nullable boolean per stacked row

    @property
    def divisions(self) -> pd.Index:
        return self.employment.columns

    def membership(self, frames: np.ndarray) -> np.ndarray:
        """Rows of each frame: ``frames`` is frames x EU-27 countries (True = NUTS 1), the
        result frames x stacked rows."""
        frames = np.atleast_2d(np.asarray(frames, bool))
        column = pd.Index(list(EU27)).get_indexer(self.country)
        at_nuts1 = frames[:, column]
        return np.where(self.level == 1, at_nuts1, ~at_nuts1)

    def frame_matrix(self, chosen: list[Frame]) -> np.ndarray:
        """Frames x EU-27 countries (True = NUTS 1) for a list of :class:`Frame`."""
        return np.array([[c in f.nuts1 for c in EU27] for f in chosen], bool).reshape(-1, len(EU27))


def level_rows(sbs: pd.DataFrame, chosen: NodeParameters, level: int) -> pd.DataFrame:
    """Filled employment of the regions of one NUTS level (all countries, as in the file)."""
    matrix = sbs_employment.employment_matrix(sbs, chosen.year, geo_level=level)
    return sbs_employment.fill_suppressed(matrix, chosen.suppressed).employment


def weak_2019_nuts2(codes: pd.Index) -> pd.Series:
    """Weak labels of NUTS 2 (2013) codes from the 2019 release of regional GDP
    (:func:`eucluster.geo.weakness.from_vintage`, NUTS 2016 codes): an identical or renamed
    region takes its 2016 label; a changed region takes one only when all its 2016 successors
    share it, as :func:`eucluster.geo.weakness.for_codes` does for the 2026 list."""
    labels = weakness.from_vintage("V2019")["weak"]
    _, report = recode(pd.DataFrame({"geo": codes}), 2013, 2016)
    table = report.codes.set_index("source")
    out = pd.Series(pd.NA, index=codes, dtype="boolean", name="weak")
    for code in codes:
        if code not in table.index:
            continue
        parts = [t for t in str(table.at[code, "target"]).split(",") if t]
        found = [bool(labels[t]) for t in parts if t in labels.index]
        if found and len(found) == len(parts) and len(set(found)) == 1:
            out[code] = found[0]
    return out


def frame_inputs(
    sbs: pd.DataFrame, chosen: NodeParameters, weak_2026: pd.Series | None = None
) -> FrameInputs:
    """Stack the NUTS 1 and NUTS 2 rows of ``sbs`` for the parameters' year and treatment of
    unpublished cells, with both weak lists (NUTS 1 labels by
    :func:`eucluster.geo.weakness.by_parent`, as the chapter's NUTS 1 run does).
    ``weak_2026``: the NUTS 2 labels of :func:`~eucluster.measures.node_tables.weak_nuts2`,
    when the caller has them already."""
    rows = {level: level_rows(sbs, chosen, level) for level in (1, 2)}
    divisions = rows[2].columns.intersection(rows[1].columns)
    nuts2_jobs = rows[2].sum(axis=1)
    labels2 = {"2026": weak_nuts2(sbs) if weak_2026 is None else weak_2026}
    labels2["2019"] = weak_2019_nuts2(labels2["2026"].index)
    weak = {
        name: pd.concat([weakness.by_parent(labels, nuts2_jobs).astype("boolean"), labels])
        for name, labels in labels2.items()
    }
    stacked = pd.concat([rows[1][divisions], rows[2][divisions]])
    level = np.repeat([1, 2], [len(rows[1]), len(rows[2])])
    totals = stacked.sum(axis=1)
    if chosen.denominator == "lfs":
        lfs = pd.concat([lfs_employment(chosen.year, level) for level in (1, 2)])
        totals = lfs.reindex(stacked.index)
    country = countries(stacked.index)
    benchmark = np.isin(country, BENCHMARKS[chosen.benchmark])
    outside_rows = benchmark & ~np.isin(country, EU27) & (level == 2) & totals.notna().to_numpy()
    keep = np.isin(country, EU27) & totals.notna().to_numpy()
    outside = stacked[outside_rows].sum(axis=0)
    outside_total = float(totals[outside_rows].sum())
    index = stacked.index[keep]
    return FrameInputs(
        chosen,
        stacked[keep],
        level[keep],
        country[keep],
        totals[keep].astype(float),
        outside,
        outside_total,
        {name: labels.reindex(index).astype("boolean") for name, labels in weak.items()},
    )


def frame_counts(
    inputs: FrameInputs, frames: np.ndarray, divisions: pd.Index | None = None
) -> dict[str, np.ndarray]:
    """Nodes per region of each kind for many frames at once: frames x stacked rows (zero for
    rows outside a frame). ``divisions`` restricts which divisions are *counted* (e.g. traded
    ones); the node rule still uses every division's employment, so a restriction never
    changes whether a pair is a node.

    The benchmark of frame ``f`` is ``E_s(f) = M_f @ e_s`` and ``E(f) = M_f @ e_r`` (``M`` the
    membership mask), computed for a chunk of frames as one matrix product; the location
    quotient ``(e_rs / e_r) / (E_s / E)`` and the industry share ``e_rs / E_s`` are then
    broadcasts over frames x rows x divisions.
    """
    chosen = inputs.parameters
    values = inputs.employment.to_numpy(float)
    totals = inputs.totals.to_numpy(float)
    counted = np.ones(values.shape[1], bool)
    if divisions is not None:
        counted = inputs.divisions.isin(divisions)
    with np.errstate(divide="ignore", invalid="ignore"):
        regional_share = np.where(totals[:, None] > 0, values / totals[:, None], np.nan)
    member = inputs.membership(frames)
    out = {kind: np.zeros(member.shape, np.int64) for kind in sp.NODE_KINDS}
    for start in range(0, len(member), CHUNK):
        mask = member[start : start + CHUNK].astype(float)
        sector = mask @ values + inputs.outside.reindex(inputs.divisions).to_numpy(float)
        total = mask @ totals + inputs.outside_total
        with np.errstate(divide="ignore", invalid="ignore"):
            benchmark_share = sector / total[:, None]
            lq = regional_share[None] / benchmark_share[:, None, :]
            industry_share = values[None] / sector[:, None, :]
        lq_node = lq > chosen.lq_threshold
        regional = lq_node & (regional_share[None] > chosen.regional_share)
        industry = lq_node & (industry_share > chosen.industry_share)
        inside = member[start : start + CHUNK]
        for kind, found in (("regional_relevant", regional), ("industry_relevant", industry)):
            out[kind][start : start + CHUNK] = found[:, :, counted].sum(axis=2) * inside
    return out


def frame_means(
    inputs: FrameInputs, frames: np.ndarray, weak_list: str = "2026", divisions=None
) -> pd.DataFrame:
    """Table 1 per frame: mean nodes of each kind in weak and non-weak regions, the gap, and
    the frame's regions (``regions``, ``n_weak``, ``n_non_weak``); regions without a label on
    ``weak_list`` count in ``regions`` only."""
    counts = frame_counts(inputs, frames, divisions)
    member = inputs.membership(frames)
    labels = inputs.weak[weak_list]
    known = labels.notna().to_numpy()
    weak = labels.fillna(False).to_numpy(bool) & known
    non_weak = known & ~weak
    n_weak = (member & weak).sum(axis=1)
    n_non_weak = (member & non_weak).sum(axis=1)
    result = {"regions": member.sum(axis=1), "n_weak": n_weak, "n_non_weak": n_non_weak}
    with np.errstate(divide="ignore", invalid="ignore"):
        for kind, values in counts.items():
            result[f"{kind}.weak"] = (values * weak).sum(axis=1) / n_weak
            result[f"{kind}.non_weak"] = (values * non_weak).sum(axis=1) / n_non_weak
            result[f"{kind}.gap"] = result[f"{kind}.weak"] - result[f"{kind}.non_weak"]
    return pd.DataFrame(result)


def region_nodes(
    frame_or_parameters: Frame | NodeParameters,
    weak_list: str = "2026",
    sbs: pd.DataFrame | None = None,
    inputs: FrameInputs | None = None,
) -> pd.DataFrame:
    """Per region of one frame: ``regional_relevant`` and ``industry_relevant`` node counts,
    ``weak`` (nullable boolean: missing where the region has no label on ``weak_list``),
    ``country`` and ``employment`` (the region total ``e_r`` the location quotient divides
    by: business-economy employment, or LFS employment with ``denominator="lfs"``).

    ``frame_or_parameters``: a :class:`Frame`, or :class:`NodeParameters` for the pure frame
    of their ``geo_level`` (the nodes chapter's default run: NUTS 2). ``sbs`` (the tidy
    ``sbs_r_nuts06_r2`` frame) and ``inputs`` (:func:`frame_inputs` of the same parameters)
    avoid reloading when given.
    """
    frame = as_frame(frame_or_parameters)
    if weak_list not in WEAK_LISTS:
        raise ValueError(f"weak_list must be one of {WEAK_LISTS}, got {weak_list!r}")
    if inputs is None:
        sbs = data.load("sbs_r_nuts06_r2") if sbs is None else sbs
        inputs = frame_inputs(sbs, frame.parameters)
    elif inputs.parameters.replace(geo_level=2) != frame.parameters.replace(geo_level=2):
        raise ValueError("inputs were built for other node parameters than the frame's")
    frames = inputs.frame_matrix([frame])
    counts = frame_counts(inputs, frames)
    member = inputs.membership(frames)[0]
    out = pd.DataFrame(
        {kind: values[0][member] for kind, values in counts.items()},
        index=pd.Index(inputs.employment.index[member], name="geo"),
    )
    out["weak"] = inputs.weak[weak_list].to_numpy()[member]
    out["country"] = inputs.country[member]
    out["employment"] = inputs.totals.to_numpy()[member]
    return out
