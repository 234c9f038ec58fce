"""NUTS versions and the one translation of regional data between them.

Why this module exists: the employment statistics (SBS 2008-2015) use NUTS 2013 codes (and
older ones for early years), GDP and the map use NUTS 2021, and the 2026 Eurostat pull already
uses NUTS 2024 for some countries. Comparing them needs explicit, audited translations, and
there are two honest ones, so :func:`recode` takes the choice as ``policy``:

* ``"drop"`` keeps a region only when its territory is unchanged (identical or renamed) and
  drops split and merged regions: no value is ever estimated;
* ``"apportion"`` shares a split region among its successors by 2021 population (counts
  shared, rates averaged, ``kind=``), using the JRC NUTS converter cross-walk;
  :func:`apportioned_regions` names the regions whose values are then estimates.

Either way the result comes with a :class:`RecodeReport` of every code and of every row that
did not make it, so no region disappears unexplained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from eucluster import parameters
from eucluster.data.errors import ColumnError, UnknownNutsCodeError
from eucluster.geo.crosswalks import (
    SLIVER_SHARE,
    all_known_codes,
    check_version,
    code_map,
    known_codes,
    population_pieces,
)
from eucluster.geo.regions import EU27

POLICIES = ("drop", "apportion")
KINDS = ("count", "rate")
PIECE = ["from_code", "to_code", "pop", "weight"]
#: Files labelled NUTS 2021 by the 2026 Eurostat pull already use NUTS 2024 codes for the
#: Netherlands and Portugal (NL35, PT1A ...): read a code as NUTS 2021 when it is one, else as
#: NUTS 2024.
PULL_2026_VERSIONS = (2021, 2024)
#: Kinds of code whose rows each policy keeps; every other kind is dropped and counted.
KEPT = {
    "drop": ("identical", "renamed", "aggregate"),
    "apportion": ("identical", "renamed", "apportioned", "merged"),
}


@dataclass
class RecodeReport:
    """What :func:`recode` did to each code, so no region disappears unexplained.

    ``codes`` has one row per distinct source code: ``source, target, kind`` where kind is
    ``identical`` (same code both versions), ``renamed`` (same territory, new code),
    ``split`` (territory now in several regions: dropped by the drop policy), ``apportioned``
    (the same, shared by population under the apportion policy), ``merged`` (several old regions
    now form one: dropped by the drop policy, since rates cannot be added; summed or averaged
    under the apportion policy), ``aggregate`` (country or EU code: kept as is by the drop
    policy, dropped by the apportion policy, which works on NUTS 2), ``extra-regio``
    (``..Z``/``..ZZ``, no territory: dropped), ``other version`` (a valid code of a NUTS version
    not being read, as Eurostat tables keep for years before a reform: dropped), ``not a NUTS
    code`` (with ``unknown="drop"``: a source's own grouping: dropped), ``other level``
    (apportion: not NUTS 2), ``superseded`` (apportion: an older code whose territory a newer
    code in the data already covers, as Helsinki in 2010: dropped so it is not counted twice),
    ``missing value`` (apportion, rates: no value to average), ``unmatched`` (valid code
    without a counterpart: dropped). ``slivers`` lists the small boundary pieces the drop policy
    ignored.

    Rows always add up: ``rows_in = rows_kept + sum(dropped_rows.values())``; ``rows_out`` is
    the length of the result (equal to ``rows_kept`` under the drop policy; under the apportion
    policy one row per target region).
    """

    source_version: int | tuple[int, ...]
    target_version: int
    codes: pd.DataFrame
    slivers: pd.DataFrame
    policy: str = "drop"
    kind: str = "count"
    rows_in: int = 0
    rows_kept: int = 0
    rows_out: int = 0
    dropped_rows: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str) -> int:
        """Number of distinct source codes of one kind."""
        return int((self.codes["kind"] == kind).sum())

    def listed(self, kind: str) -> list[str]:
        """Source codes of one kind, sorted."""
        return sorted(self.codes.loc[self.codes["kind"] == kind, "source"].unique())

    def summary(self) -> pd.DataFrame:
        """Codes and rows dropped per kind: the table a chapter shows."""
        counts = self.codes.groupby("kind").size().rename("codes")
        rows = pd.Series(self.dropped_rows, name="rows_dropped", dtype="int64")
        out = pd.concat([counts, rows], axis=1).fillna(0).astype("int64")
        out.index.name = "kind"
        return out.reset_index()

    def __str__(self) -> str:
        parts = [f"{k}: {self.count(k)}" for k in self.codes["kind"].unique()]
        return (
            f"NUTS {self.source_version} -> {self.target_version} ({self.policy}): "
            + ", ".join(sorted(parts))
            + f"; rows {self.rows_in} -> {self.rows_out}"
        )


class Recoded(NamedTuple):
    """The recoded data and the report of what happened to each code (unpacks as a pair)."""

    data: pd.DataFrame | pd.Series
    report: RecodeReport


def recode(
    values: pd.DataFrame | pd.Series,
    source_version: int | Sequence[int],
    target_version: int = 2021,
    *,
    policy: str = "drop",
    kind: str = "count",
    column: str | None = "geo",
    unknown: str = "raise",
    sliver_share: float = SLIVER_SHARE,
) -> Recoded:
    """Translate region codes from one NUTS version to another, with a report.

    ``values`` holds the codes in ``column`` (a tidy frame) or, for a Series or with
    ``column=None``, in its index (one row per region). ``policy="drop"`` keeps identical,
    renamed and aggregate codes and drops the rest: a count or a rate for a region that was cut
    in two has no honest counterpart in either half. ``policy="apportion"`` (codes on the
    index, NUTS 2, target 2021) shares a ``kind="count"`` among the successors by population
    and averages a ``kind="rate"`` over the pieces of each new region, population-weighted;
    ``source_version`` may then list several versions, and each code is read in the first one
    that knows it (``(2013, 2010, 2006)`` for the SBS file, which uses the codes in force each
    year; :data:`PULL_2026_VERSIONS`).

    Raises UnknownNutsCodeError if the data hold codes of no NUTS version at all (a typo or a
    wrong version), instead of dropping them quietly; ``unknown="drop"`` drops such rows as
    ``not a NUTS code`` in the report, for sources that add their own groupings (the RCI's
    ``AT00``, ``PL90``).
    """
    policy = parameters.choice(
        policy,
        "policy",
        POLICIES,
        "'drop' keeps only regions whose territory is unchanged; 'apportion' shares split "
        "regions among their successors by population",
    )
    kind = parameters.choice(
        kind, "kind", KINDS, "counts are shared among pieces, rates are averaged over them"
    )
    unknown = parameters.choice(unknown, "unknown", ("raise", "drop"))
    versions = _versions(source_version)
    target_version = check_version(target_version, "target_version")
    geo = _codes(values, column)
    where = f"column {column!r}" if column and isinstance(values, pd.DataFrame) else "the index"
    table = _classify(geo, versions, where, raise_unknown=unknown == "raise")
    if policy == "drop":
        if len(versions) > 1:
            raise ValueError("policy='drop' reads one source version; pass a single version")
        out, table, slivers = _drop(
            values, geo, column, table, versions[0], target_version, sliver_share
        )
    else:
        out, table = _apportion(values, geo, column, table, versions, target_version, kind)
        slivers = pd.DataFrame(columns=["source", "target", "share"])
    row_kind = geo.map(dict(zip(table["source"], table["kind"], strict=True)))
    dropped = row_kind[~row_kind.isin(KEPT[policy])].value_counts().astype("int64")
    report = RecodeReport(
        source_version=versions[0] if len(versions) == 1 else versions,
        target_version=target_version,
        codes=table.sort_values(["kind", "source"]).reset_index(drop=True),
        slivers=slivers,
        policy=policy,
        kind=kind,
        rows_in=len(values),
        rows_kept=int(row_kind.isin(KEPT[policy]).sum()),
        rows_out=len(out),
        dropped_rows={str(k): int(v) for k, v in dropped.items()},
    )
    return Recoded(out, report)


def _versions(source_version: int | Sequence[int]) -> tuple[int, ...]:
    if isinstance(source_version, int):
        return (check_version(source_version, "source_version"),)
    versions = tuple(check_version(v, "source_version") for v in source_version)
    if not versions:
        raise ValueError("source_version must name at least one NUTS version")
    return versions


def _codes(values: pd.DataFrame | pd.Series, column: str | None) -> pd.Series:
    """The region code of each row, as strings, indexed like ``values``."""
    if isinstance(values, pd.Series) or column is None:
        if not values.index.is_unique:
            raise ValueError("the index holds repeated region codes: one row per region needed")
        return pd.Series(values.index.astype("str"), index=values.index)
    if column not in values.columns:
        raise ColumnError(
            f"frame with columns {list(values.columns)}",
            f"has no region-code column {column!r}.",
            "Pass the name of the column that holds NUTS codes as `column=` (or `column=None`"
            " when the index holds them).",
        )
    return values[column].astype("str")


def _classify(
    geo: pd.Series, versions: tuple[int, ...], where: str, *, raise_unknown: bool
) -> pd.DataFrame:
    """The kinds both policies agree on: aggregate, extra-regio, other version, not a NUTS
    code, and the codes to translate (``kind`` empty)."""
    distinct = pd.Series(geo.unique(), dtype="str")
    aggregate = (distinct.str.len() == 2) | distinct.str.match(r"^(EU|EA)\d")
    extra_regio = ~aggregate & distinct.str.match(r"^[A-Z]{2}Z+$")
    readable = frozenset().union(*(known_codes(v) for v in versions))
    other = ~aggregate & ~extra_regio & ~distinct.isin(readable)
    unknown = sorted(set(distinct[other]) - all_known_codes())
    if unknown and raise_unknown:
        raise UnknownNutsCodeError(
            where,
            f"{len(unknown)} code(s) are not NUTS {'/'.join(map(str, versions))} codes: "
            f"{unknown[:10]}.",
            f"Check the NUTS version of the data (source_version={versions}) or remove "
            "the codes; `eucluster.data.load('jrc_nuts_codes')` lists valid codes per version.",
        )
    kinds = pd.Series("", index=distinct.index, dtype="str")
    kinds[aggregate] = "aggregate"
    kinds[extra_regio] = "extra-regio"
    kinds[other] = "other version"
    kinds[distinct.isin(unknown)] = "not a NUTS code"
    return pd.DataFrame({"source": distinct, "target": "", "kind": kinds}).astype("str")


def _drop(values, geo, column, table, source_version, target_version, sliver_share):
    """The drop policy: identical and renamed regions get their new code, the rest go."""
    codes, slivers = code_map(source_version, target_version, sliver_share)
    todo = table["kind"] == ""
    found = table.loc[todo, ["source"]].merge(codes, on="source", how="left")
    found["target"] = found["target"].fillna("")
    found["kind"] = found["kind"].fillna("unmatched")
    aggregate = table["kind"] == "aggregate"
    table = pd.concat(
        [
            found,
            table[~todo & ~aggregate],
            table[aggregate].assign(target=lambda frame: frame["source"]),
        ],
        ignore_index=True,
    ).astype("str")
    target_of = dict(zip(table["source"], table["target"], strict=True))
    keep = geo.map(dict(zip(table["source"], table["kind"], strict=True))).isin(KEPT["drop"])
    out = values.loc[keep.to_numpy()].copy()
    recoded = geo[keep].map(target_of).astype("str")
    if isinstance(out, pd.Series) or column is None:
        out.index = pd.Index(recoded.to_numpy(), name=values.index.name)
    else:
        out[column] = recoded.to_numpy()
        out = out.reset_index(drop=True)
    regional = set(table.loc[~table["kind"].isin(["aggregate", "extra-regio"]), "source"])
    return out, table, slivers[slivers["source"].isin(regional)].reset_index(drop=True)


def _apportion(values, geo, column, table, versions, target_version, kind):
    """The apportion policy: each code read in the first version that knows it; counts shared
    among the pieces by population, rates averaged over them."""
    if isinstance(values, pd.DataFrame) and column is not None:
        raise ValueError(
            "policy='apportion' needs one row per region with the codes on the index "
            "(pass column=None)"
        )
    if target_version != 2021:
        raise ValueError("policy='apportion' recodes to NUTS 2021 (the cross-walk's population)")
    if kind == "rate" and not isinstance(values, pd.Series):
        raise TypeError("kind='rate' recodes one Series of rates at a time")
    table = table.set_index("source")
    todo = table.index[table["kind"] == ""]
    table.loc[[c for c in todo if len(c) != 4], "kind"] = "other level"
    if kind == "rate":
        missing = values.index[values.isna().to_numpy()].astype("str")
        table.loc[table.index.isin(missing) & (table["kind"] == ""), "kind"] = "missing value"
    remaining = set(table.index[table["kind"] == ""])
    identity: list[str] = []
    chosen: list[pd.DataFrame] = []
    covered: set[str] = set()
    for version in versions:
        if version == target_version:
            read = sorted(remaining & known_codes(version) - covered)
            identity += read
            remaining -= set(read)
            covered |= set(read)
            continue
        pieces = population_pieces(version, target_version)
        pieces = pieces[pieces["from_code"].isin(remaining)]
        if kind == "count":  # a count is shared whole or not at all
            blocked = set(pieces.loc[pieces["to_code"].isin(covered), "from_code"])
            pieces = pieces[~pieces["from_code"].isin(blocked)]
        else:  # a rate still describes the pieces no newer code covers
            blocked = set(pieces["from_code"])
            pieces = pieces[~pieces["to_code"].isin(covered)]
            blocked -= set(pieces["from_code"])
        table.loc[sorted(blocked), "kind"] = "superseded"
        remaining -= set(pieces["from_code"]) | blocked
        covered |= set(pieces["to_code"])
        chosen.append(pieces)
    table.loc[sorted(remaining), "kind"] = "unmatched"
    table.loc[identity, "target"] = identity
    table.loc[identity, "kind"] = "identical"
    pieces = pd.concat(chosen, ignore_index=True) if chosen else pd.DataFrame(columns=PIECE)
    if len(pieces):
        targets = pieces.groupby("from_code")["to_code"].agg(lambda codes: sorted(set(codes)))
        sources_of = pieces.groupby("to_code")["from_code"].nunique()
        table.loc[targets.index, "target"] = [",".join(t) for t in targets]
        table.loc[targets.index, "kind"] = [
            piece_kind(source, listed, sources_of) for source, listed in targets.items()
        ]
    kept = values.loc[values.index.astype("str").isin(identity)]
    shared = _shared(values, pieces, kind) if len(pieces) else kept.iloc[:0]
    if not len(shared):
        out = kept
    elif not len(kept):
        out = shared
    else:
        out = pd.concat([kept, shared])
    return out, table.reset_index().astype("str")


def piece_kind(source: str, targets: list[str], sources_of: pd.Series) -> str:
    """How one old code maps: shared among several new regions (``apportioned``), one of
    several old codes forming one new region (``merged``; ``sources_of`` counts the old codes
    of each new one), or alone under the same or a new code."""
    if len(targets) > 1:
        return "apportioned"
    if sources_of[targets[0]] > 1:
        return "merged"
    return "identical" if targets[0] == source else "renamed"


def _shared(values, pieces: pd.DataFrame, kind: str):
    """Counts: the population-weight matrix times the values; rates: the population-weighted
    mean of the pieces that form each new region."""
    if kind == "rate":
        pieces = pieces.copy()
        pieces["value"] = pieces["from_code"].map(values)
        pieces["weighted"] = pieces["value"] * pieces["pop"]
        grouped = pieces.groupby("to_code")[["weighted", "pop"]].sum()
        out = grouped["weighted"] / grouped["pop"]
        out.index.name = "geo"
        return out.rename(values.name)
    frame = values.to_frame() if isinstance(values, pd.Series) else values
    weights = pd.crosstab(
        pieces["to_code"], pieces["from_code"], values=pieces["weight"], aggfunc="sum"
    ).fillna(0.0)
    shared = pd.DataFrame(
        weights.to_numpy() @ frame.loc[weights.columns].to_numpy(),
        index=weights.index,
        columns=frame.columns,
    )
    shared.index.name = frame.index.name
    return shared.iloc[:, 0].rename(values.name) if isinstance(values, pd.Series) else shared


def is_nuts2(geo: pd.Series) -> pd.Series:
    """True for EU-27 NUTS 2 codes with a territory (four characters, not extra-regio)."""
    geo = geo.astype(str)
    return (geo.str.len() == 4) & geo.str.slice(0, 2).isin(EU27) & ~geo.str.endswith("ZZ")


def apportioned_regions(codes, versions: Sequence[int] = (2013, 2010, 2006)) -> set[str]:
    """NUTS 2021 regions that receive a population-weighted part (1-99 %; smaller pieces are
    slivers of a boundary correction) of one of ``codes`` under the apportion policy of
    :func:`recode`: their counts are estimates, not published values (the drop policy would
    drop them instead; the regression chapter checks both)."""
    remaining = set(codes)
    found: set[str] = set()
    for version in versions:
        pieces = population_pieces(version)
        pieces = pieces[pieces["from_code"].isin(remaining)]
        share = pieces["weight"]
        found |= set(pieces.loc[(share > 0.01) & (share < 0.99), "to_code"])
        remaining -= set(pieces["from_code"])
    return found
