"""The JRC NUTS converter read as tables: which codes each NUTS version knows and how each
code's territory maps into another version.

Why a module of its own: both policies of the recoder (:func:`eucluster.geo.nuts.recode`)
start from the same cross-walk, the ``drop`` policy from a classification of whole codes
(:func:`code_map`: identical, renamed, split, merged) and the ``apportion`` policy from the
population of each piece (:func:`population_pieces`). Reading the file once and answering both
questions here keeps the two policies on one definition of a piece.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from eucluster import data

#: Pieces of a region smaller than this share of its population are boundary slivers, not splits.
SLIVER_SHARE = 0.02
NUTS_VERSIONS = (2006, 2010, 2013, 2016, 2021, 2024)


def check_version(version: object, name: str = "NUTS version") -> int:
    """A NUTS version the cross-walk knows (:data:`NUTS_VERSIONS`)."""
    if isinstance(version, bool) or version not in NUTS_VERSIONS:
        raise ValueError(f"{name} must be one of {NUTS_VERSIONS}, got {version!r}")
    return int(version)


@cache
def known_codes(version: int) -> frozenset[str]:
    """Every NUTS code (all levels) of one version, from the JRC code list."""
    codes = data.load("jrc_nuts_codes")
    return frozenset(codes.loc[codes["version"] == version, "geo"])


@cache
def all_known_codes() -> frozenset[str]:
    """Codes of any NUTS version: a code outside this set is a typo, not an old region."""
    return frozenset().union(*(known_codes(v) for v in NUTS_VERSIONS))


@cache
def _walk() -> pd.DataFrame:
    """The JRC cross-walk, read once per process (callers must not modify it)."""
    return data.load("jrc_nuts_crosswalks")


@cache
def code_map(source_version: int, target_version: int, sliver_share: float = SLIVER_SHARE):
    """Classify every NUTS 1-3 code of ``source_version`` against ``target_version``.

    Returns ``(codes, slivers)``: ``codes`` with ``source, target, kind`` (see
    :class:`eucluster.geo.nuts.RecodeReport`), ``slivers`` with the ignored pieces (``source,
    target, share``). A piece is a sliver when it holds less than ``sliver_share`` of the source
    region's 2021 population (area when the region has no population in the cross-walk).
    """
    for version in (source_version, target_version):
        check_version(version)
    walk = _walk()
    walk = walk[
        (walk["from_version"] == source_version) & (walk["to_version"] == target_version)
    ].copy()
    pop_total = walk.groupby("from_code")["pop21"].transform("sum")
    area_total = walk.groupby("from_code")["area_km2"].transform("sum")
    walk["share"] = np.where(
        pop_total > 0,
        walk["pop21"] / pop_total.where(pop_total > 0, 1),
        walk["area_km2"] / area_total,
    )
    sliver = walk["share"] < sliver_share
    slivers = walk.loc[sliver, ["from_code", "to_code", "share"]].rename(
        columns={"from_code": "source", "to_code": "target"}
    )
    main = walk.loc[~sliver, ["from_code", "to_code", "share"]]
    # A target's own inbound pieces: a sliver for the source may be the bulk of a tiny target.
    targets_per_source = main.groupby("from_code")["to_code"].nunique()
    sources_per_target = main.groupby("to_code")["from_code"].nunique()
    rows = []
    for source, pieces in main.groupby("from_code", sort=True):
        targets = sorted(pieces["to_code"].unique())
        if targets_per_source[source] > 1:
            kind = "split"
        elif sources_per_target[targets[0]] > 1:
            kind = "merged"
        else:
            kind = "identical" if targets[0] == source else "renamed"
        rows.append((source, ",".join(targets), kind))
    codes = pd.DataFrame(rows, columns=["source", "target", "kind"]).astype("str")
    return codes, slivers.reset_index(drop=True)


def population_pieces(from_version: int, to_version: int = 2021) -> pd.DataFrame:
    """Level-2 pieces ``from_code -> to_code`` with ``weight`` = the piece's share of the
    2021 population of ``from_code`` and ``pop`` = the piece's 2021 population.

    Pieces without inhabitants are left out: they carry no share of a count."""
    walks = _walk()
    pieces = walks[
        (walks["level"] == 2)
        & (walks["from_version"] == from_version)
        & (walks["to_version"] == to_version)
    ][["from_code", "to_code", "pop21"]].rename(columns={"pop21": "pop"})
    if pieces.empty:
        raise ValueError(f"the cross-walk has no NUTS {from_version} -> {to_version} pieces")
    pieces = pieces[pieces["pop"] > 0].copy()
    pieces["weight"] = pieces["pop"] / pieces.groupby("from_code")["pop"].transform("sum")
    return pieces.reset_index(drop=True)


def clear_caches() -> None:
    """Forget the tables read so far (tests swap the data folder between cases)."""
    for cached in (known_codes, all_known_codes, _walk, code_map):
        cached.cache_clear()
