"""NUTS versions and the translation of regional data between them.

Why this module exists: the employment statistics (SBS 2008-2015) use NUTS 2013 codes (and
older ones for early years), GDP and the map use NUTS 2021, and the 2026 Eurostat pull already
uses NUTS 2024 for some countries. Comparing them needs explicit, audited translations:

* :func:`recode` keeps a region only when its territory is unchanged (identical or renamed) and
  drops split and merged regions, with a :class:`RecodeReport` of every code;
* :func:`recode_counts` and :func:`recode_rates` apportion a split region among its successors
  by 2021 population (counts shared, rates averaged), using the JRC NUTS converter cross-walk;
  :func:`apportioned_regions` names the regions whose values are such estimates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.data.errors import ColumnError, UnknownNutsCodeError
from eucluster.geo.regions import EU27

#: Pieces of a region smaller than this share of its population are boundary slivers, not splits.
SLIVER_SHARE = 0.02
NUTS_VERSIONS = (2006, 2010, 2013, 2016, 2021, 2024)


# --------------------------------------------------------------------------- recoding


@dataclass
class RecodeReport:
    """What :func:`recode` did to each code, so no region disappears unexplained.

    ``codes`` has one row per distinct source code: ``source, target, kind`` where kind is
    ``identical`` (same code both versions), ``renamed`` (same territory, new code),
    ``split`` (territory now in several regions: rows dropped), ``merged`` (several old regions
    now form one: rows dropped, since rates cannot be added), ``aggregate`` (country or EU
    code, kept as is), ``extra-regio`` (``..Z``/``..ZZ``, no territory: dropped),
    ``other version`` (a valid code of an older or newer NUTS version, as Eurostat tables keep
    for years before a reform: dropped), ``unmatched`` (valid code without a counterpart:
    dropped). ``slivers`` lists the small boundary pieces that were ignored.
    """

    source_version: int
    target_version: int
    codes: pd.DataFrame
    slivers: pd.DataFrame
    rows_in: int = 0
    rows_out: int = 0
    dropped_rows: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        """Number of distinct source codes of one kind."""
        return int((self.codes["kind"] == kind).sum())

    def listed(self, kind: str) -> list[str]:
        """Source codes of one kind, sorted."""
        return sorted(self.codes.loc[self.codes["kind"] == kind, "source"].unique())

    def summary(self) -> pd.DataFrame:
        """Codes and rows per kind: the table a chapter shows."""
        counts = self.codes.groupby("kind").size().rename("codes")
        rows = pd.Series(self.dropped_rows, name="rows_dropped", dtype="int64")
        out = pd.concat([counts, rows], axis=1).fillna(0).astype("int64")
        out.index.name = "kind"
        return out.reset_index()

    def __str__(self) -> str:
        parts = [f"{k}: {self.count(k)}" for k in self.codes["kind"].unique()]
        return (
            f"NUTS {self.source_version} -> {self.target_version}: "
            + ", ".join(sorted(parts))
            + f"; rows {self.rows_in} -> {self.rows_out}"
        )


def _is_aggregate(codes: pd.Series) -> pd.Series:
    return (codes.str.len() == 2) | codes.str.match(r"^(EU|EA)\d")


@cache
def _known_codes(version: int) -> frozenset[str]:
    codes = data.load("jrc_nuts_codes")
    return frozenset(codes.loc[codes["version"] == version, "geo"])


@cache
def code_map(source_version: int, target_version: int, sliver_share: float = SLIVER_SHARE):
    """Classify every NUTS 1-3 code of ``source_version`` against ``target_version``.

    Returns ``(codes, slivers)``: ``codes`` with ``source, target, kind`` (see RecodeReport),
    ``slivers`` with the ignored pieces (``source, target, share``). A piece is a sliver when
    it holds less than ``sliver_share`` of the source region's 2021 population (area when the
    region has no population in the cross-walk).
    """
    for version in (source_version, target_version):
        if version not in NUTS_VERSIONS:
            raise ValueError(f"NUTS version must be one of {NUTS_VERSIONS}, got {version!r}")
    walk = data.load("jrc_nuts_crosswalks")
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


def recode(
    frame: pd.DataFrame,
    column: str = "geo",
    source_version: int = 2013,
    target_version: int = 2021,
    *,
    sliver_share: float = SLIVER_SHARE,
) -> tuple[pd.DataFrame, RecodeReport]:
    """Translate region codes in ``frame[column]`` from one NUTS version to another.

    Identical and renamed regions are kept (renamed ones get their new code); country and EU
    aggregates are kept unchanged; rows of split, merged and unmatched regions are dropped and
    listed in the report. Values are never apportioned: an employment count or a rate for a
    region that was cut in two has no honest counterpart in either half.

    Raises UnknownNutsCodeError if the column holds codes that are not NUTS ``source_version``
    codes at all (a typo or a wrong version), instead of dropping them quietly.
    """
    if column not in frame.columns:
        raise ColumnError(
            f"frame with columns {list(frame.columns)}",
            f"has no region-code column {column!r}.",
            "Pass the name of the column that holds NUTS codes as `column=`.",
        )
    codes, slivers = code_map(source_version, target_version, sliver_share)
    geo = frame[column].astype("str")
    distinct = pd.Series(geo.unique(), dtype="str")
    aggregate = distinct[_is_aggregate(distinct)]
    regional = distinct[~_is_aggregate(distinct)]
    extra_regio = sorted(set(regional[regional.str.match(r"^[A-Z]{2}Z+$")]))
    other_versions = frozenset().union(*(_known_codes(v) for v in NUTS_VERSIONS))
    obsolete = sorted(set(regional) - _known_codes(source_version) - set(extra_regio))
    unknown = sorted(set(obsolete) - other_versions)
    obsolete = sorted(set(obsolete) - set(unknown))
    if unknown:
        raise UnknownNutsCodeError(
            f"column {column!r}",
            f"{len(unknown)} code(s) are not NUTS {source_version} codes: {unknown[:10]}.",
            f"Check the NUTS version of the data (source_version={source_version}) or remove "
            "the codes; `eucluster.data.load('jrc_nuts_codes')` lists valid codes per version.",
        )
    matched = codes[codes["source"].isin(set(regional))]
    unmatched = sorted(set(regional) - set(matched["source"]) - set(obsolete) - set(extra_regio))
    table = pd.concat(
        [
            matched,
            pd.DataFrame({"source": unmatched, "target": "", "kind": "unmatched"}),
            pd.DataFrame({"source": obsolete, "target": "", "kind": "other version"}),
            pd.DataFrame({"source": extra_regio, "target": "", "kind": "extra-regio"}),
            pd.DataFrame({"source": sorted(aggregate), "target": sorted(aggregate)}).assign(
                kind="aggregate"
            ),
        ],
        ignore_index=True,
    ).astype("str")
    kind_of = dict(zip(table["source"], table["kind"], strict=True))
    target_of = dict(zip(table["source"], table["target"], strict=True))
    row_kind = geo.map(kind_of)
    keep = row_kind.isin(["identical", "renamed", "aggregate"])
    out = frame.loc[keep].copy()
    out[column] = geo[keep].map(target_of).astype("str")
    dropped = row_kind[~keep].value_counts().astype("int64").to_dict()
    report = RecodeReport(
        source_version=source_version,
        target_version=target_version,
        codes=table.sort_values(["kind", "source"]).reset_index(drop=True),
        slivers=slivers[slivers["source"].isin(set(regional))].reset_index(drop=True),
        rows_in=len(frame),
        rows_out=len(out),
        dropped_rows={str(k): int(v) for k, v in dropped.items()},
    )
    return out.reset_index(drop=True), report


@cache
def _crosswalks() -> pd.DataFrame:
    """The JRC cross-walk, read once per process (callers must not modify it)."""
    return data.load("jrc_nuts_crosswalks")


def is_nuts2(geo: pd.Series) -> pd.Series:
    """True for EU-27 NUTS 2 codes with a territory (four characters, not extra-regio)."""
    geo = geo.astype(str)
    return (geo.str.len() == 4) & geo.str.slice(0, 2).isin(EU27) & ~geo.str.endswith("ZZ")


def crosswalk(from_version: int, to_version: int = 2021) -> pd.DataFrame:
    """Level-2 pieces ``from_code -> to_code`` with ``weight`` = the piece's share of the
    2021 population of ``from_code`` and ``pop`` = the piece's 2021 population."""
    walks = _crosswalks()
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


def recode_counts(frame: pd.DataFrame, from_version: int | Sequence[int]) -> pd.DataFrame:
    """Recode a frame of counts indexed by NUTS code (rows) to NUTS 2021, sharing a split
    region's counts among its successors by population.

    ``from_version`` may list several versions, newest first (``(2013, 2010, 2006)``): the SBS
    file uses the codes in force in each reference year. A code is read in the first version
    that knows it; a code of an older version is dropped when a newer code in ``frame``
    already covers one of its 2021 successors, so that an area reported twice under an old
    and a new code (Helsinki in 2010) is not counted twice.
    """
    versions = [from_version] if isinstance(from_version, int) else list(from_version)
    if versions == [2021]:
        return frame
    chosen: list[pd.DataFrame] = []
    covered: set[str] = set()
    remaining = set(frame.index)
    for version in versions:
        pieces = crosswalk(version)
        pieces = pieces[pieces["from_code"].isin(remaining)]
        blocked = pieces.loc[pieces["to_code"].isin(covered), "from_code"].unique()
        pieces = pieces[~pieces["from_code"].isin(blocked)]
        remaining -= set(pieces["from_code"]) | set(blocked)
        covered |= set(pieces["to_code"])
        chosen.append(pieces)
    pieces = pd.concat(chosen, ignore_index=True)
    weights = pd.crosstab(
        pieces["to_code"], pieces["from_code"], values=pieces["weight"], aggfunc="sum"
    ).fillna(0.0)
    values = frame.loc[weights.columns]
    recoded = pd.DataFrame(
        weights.to_numpy() @ values.to_numpy(), index=weights.index, columns=frame.columns
    )
    recoded.index.name = frame.index.name
    return recoded


def apportioned_regions(codes, versions: Sequence[int] = (2013, 2010, 2006)) -> set[str]:
    """NUTS 2021 regions that receive a population-weighted part (1-99 %; smaller pieces are
    slivers of a boundary correction) of one of ``codes`` under :func:`recode_counts`: their
    counts are estimates, not published values.
    (:func:`eucluster.geo.regions.recode` drops such regions instead; the chapter checks both.)"""
    remaining = set(codes)
    found: set[str] = set()
    for version in versions:
        pieces = crosswalk(version)
        pieces = pieces[pieces["from_code"].isin(remaining)]
        share = pieces["weight"]
        found |= set(pieces.loc[(share > 0.01) & (share < 0.99), "to_code"])
        remaining -= set(pieces["from_code"])
    return found


def rates_to_2021(values: pd.Series) -> pd.Series:
    """Files labelled NUTS 2021 by the 2026 API pull already use NUTS 2024 codes for the
    Netherlands and Portugal (NL35, PT1A ...). Turn those rates back into NUTS 2021 regions as
    population-weighted means (for GDP per head this is exactly total GDP over total
    population); other codes pass unchanged."""
    values = values.dropna()
    pieces = crosswalk(2024)
    newer = pieces.loc[pieces["from_code"] != pieces["to_code"], "from_code"].unique()
    only_2024 = values.index.intersection(newer).difference(pieces["to_code"].unique())
    if not len(only_2024):
        return values
    recoded = recode_rates(values.loc[only_2024], 2024)
    kept = values.drop(index=only_2024)
    return pd.concat([kept, recoded.drop(index=kept.index, errors="ignore")]).rename(values.name)


def recode_rates(values: pd.Series, from_version: int) -> pd.Series:
    """Recode a rate or index (indexed by NUTS code) to NUTS 2021 as the population-weighted
    mean over the pieces that make up each new region."""
    values = values.dropna()
    if from_version == 2021:
        return values
    pieces = crosswalk(from_version)
    pieces = pieces[pieces["from_code"].isin(values.index)].copy()
    pieces["value"] = pieces["from_code"].map(values)
    pieces["weighted"] = pieces["value"] * pieces["pop"]
    grouped = pieces.groupby("to_code")[["weighted", "pop"]].sum()
    out = grouped["weighted"] / grouped["pop"]
    out.index.name = "geo"
    return out.rename(values.name)
