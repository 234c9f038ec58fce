"""From NACE divisions to the 14 industrial ecosystems of the EU industrial strategy.

The ECCP paper repeats its node analysis for the 14 ecosystems of the Commission's updated
industrial strategy (Tables 2 and 3: the share of weak and non-weak regions with an ecosystem
specialisation node). The division -> ecosystem mapping lives in
``data/reference/ecosystem_division.csv`` (``ecosystem_id, division, weight, rule``; see the
README there for how it was reconstructed).

**Ecosystems overlap.** A division can belong to more than one ecosystem (passenger transport
is in both Tourism and Mobility), and each ecosystem then counts its (weighted) employment.
Ecosystem employment therefore does *not* add up to total employment, and ecosystem location
quotients must use the regions' total employment over all divisions as denominator, never the
sum over ecosystems: :func:`ecosystem_nodes` does that.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.measures import specialisation
from eucluster.measures.sbs_employment import validate_employment

MAP_FILE = "ecosystem_division.csv"
NAMES_FILE = "ecosystems.csv"
MAP_COLUMNS = ("ecosystem_id", "division", "weight", "rule")
_DIVISION = re.compile(r"^(?:[A-U])?(\d{1,2})$")


def _division_key(code: object) -> str:
    """``"C29"``, ``"29"`` and ``29`` all become ``"29"``: the two digits identify a division."""
    text = str(code).strip().upper()
    match = _DIVISION.match(text)
    if not match:
        raise ValueError(
            f"{code!r} is not a NACE Rev. 2 division code; expected e.g. 'C29', '29' or 29"
        )
    return match.group(1).zfill(2)


def load_ecosystem_map(path: Path | str | None = None) -> pd.DataFrame:
    """Read and check the division -> ecosystem mapping.

    Returns the CSV with at least ``ecosystem_id, division, weight, rule``; every weight is in
    ``(0, 1]`` and each (ecosystem, division) pair appears once.
    """
    if path is None:  # the project's mapping, through the data door (typed, schema-checked)
        mapping = data.load("ecosystem_division")
        return validate_mapping(mapping, source=f"data/reference/{MAP_FILE}")
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: the division -> ecosystem mapping is missing. It is built by "
            "data/reference/build_reference.py (run it with the project's Python) and must "
            f"have the columns {', '.join(MAP_COLUMNS)}."
        )
    mapping = pd.read_csv(path, dtype={"ecosystem_id": str, "division": str, "rule": str})
    return validate_mapping(mapping, source=str(path))


def ecosystem_names() -> pd.Series:
    """The name of each ecosystem (``ecosystem_id`` -> ``ecosystem``), e.g. ``E02`` ->
    ``Aerospace & Defence``, from ``data/reference/ecosystems.csv``: the mapping and the
    published tables use the identifiers, a reader needs the names."""
    names = data.load("ecosystems")
    return names.set_index("ecosystem_id")["ecosystem"]


def validate_mapping(mapping: pd.DataFrame, source: str = "mapping") -> pd.DataFrame:
    """Check a division -> ecosystem mapping frame (see :func:`load_ecosystem_map`)."""
    missing = [c for c in MAP_COLUMNS if c not in mapping.columns]
    if missing:
        raise ValueError(
            f"{source}: columns {missing} are missing; a mapping needs {', '.join(MAP_COLUMNS)}"
        )
    if mapping.empty:
        raise ValueError(f"{source}: the mapping has no rows")
    mapping = mapping.copy()
    mapping["weight"] = pd.to_numeric(mapping["weight"], errors="coerce")
    bad = mapping[~((mapping["weight"] > 0) & (mapping["weight"] <= 1))]
    if len(bad):
        rows = bad[["ecosystem_id", "division", "weight"]].head(5).to_dict("records")
        raise ValueError(f"{source}: weights must be numbers in (0, 1]; offending rows: {rows}")
    for code in mapping["division"]:
        _division_key(code)
    duplicated = mapping[mapping.duplicated(["ecosystem_id", "division"], keep=False)]
    if len(duplicated):
        pairs = duplicated[["ecosystem_id", "division"]].drop_duplicates().head(5)
        raise ValueError(
            f"{source}: each (ecosystem, division) pair must appear once; repeated: "
            f"{pairs.to_numpy().tolist()}"
        )
    return mapping


def weight_matrix(divisions: pd.Index, mapping: pd.DataFrame) -> pd.DataFrame:
    """Divisions (rows, in the order of ``divisions``) x ecosystems (columns) of weights;
    zero where a division is not in an ecosystem."""
    mapping = validate_mapping(mapping)
    keys = mapping["division"].map(_division_key)
    weights = (
        mapping.assign(key=keys)
        .pivot_table(index="key", columns="ecosystem_id", values="weight", aggfunc="sum")
        .fillna(0.0)
    )
    column_keys = [_division_key(code) for code in divisions]
    matrix = weights.reindex(column_keys).fillna(0.0)
    matrix.index = divisions
    matrix.index.name, matrix.columns.name = "division", "ecosystem"
    return matrix


def ecosystem_coverage(divisions: pd.Index, mapping: pd.DataFrame) -> pd.DataFrame:
    """For each ecosystem: how many of its mapped divisions the employment matrix has.

    The regional SBS tables cover NACE sections B-N (without K) and S95 only, so ecosystems
    that rest on agriculture, health or public services are only partly measured; the book
    should say so next to any ecosystem result.
    """
    mapping = validate_mapping(mapping)
    present = {_division_key(code) for code in divisions}
    keyed = mapping.assign(key=mapping["division"].map(_division_key))
    keyed["covered"] = keyed["key"].isin(present)
    summary = keyed.groupby("ecosystem_id").agg(
        divisions_mapped=("key", "size"),
        divisions_covered=("covered", "sum"),
    )
    summary["divisions_missing"] = (
        keyed[~keyed["covered"]]
        .groupby("ecosystem_id")["division"]
        .agg(lambda codes: ", ".join(sorted(codes)))
    )
    summary["divisions_missing"] = summary["divisions_missing"].fillna("")
    summary.index.name = "ecosystem"
    return summary


def ecosystem_employment(employment: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Weighted ecosystem employment, regions x ecosystems: ``employment @ weights``.

    A division mapped to two ecosystems counts (with its weight) in both, so the rows do not
    add up to total employment. Divisions of the mapping absent from ``employment`` contribute
    nothing (see :func:`ecosystem_coverage`); an ecosystem with no division in ``employment``
    raises, since its employment would be an artificial zero.
    """
    values = validate_employment(employment)
    weights = weight_matrix(values.columns, mapping)
    empty = weights.columns[(weights == 0).all(axis=0)]
    if len(empty):
        raise ValueError(
            f"ecosystems {list(empty)} have none of their divisions in the employment matrix; "
            "drop them from the mapping or add their divisions"
        )
    result = pd.DataFrame(
        values.to_numpy() @ weights.to_numpy(), index=values.index, columns=weights.columns
    )
    result.columns.name = "ecosystem"
    return result


def ecosystem_nodes(
    employment: pd.DataFrame,
    mapping: pd.DataFrame,
    lq_threshold: float = 1.5,
    regional_share_threshold: float = 0.01,
    industry_share_threshold: float = 0.01,
    *,
    region_totals: pd.Series | None = None,
    benchmark: pd.DataFrame | None = None,
    benchmark_total: float | None = None,
) -> specialisation.Nodes:
    """Specialisation nodes at ecosystem level, with `specialisation.nodes`.

    Denominators are those of the division matrix: ``e_r`` is the region's employment over all
    divisions (or ``region_totals``) and ``E`` their sum, not sums over overlapping
    ecosystems. ``E_e`` is the ecosystem's employment summed over the regions, or over the
    regions of ``benchmark`` (a region x division frame, e.g. all EU-28 regions) if given;
    ``benchmark_total`` replaces ``E`` (e.g. LFS employment of the benchmark regions).
    """
    values = validate_employment(employment)
    totals = specialisation.checked_region_totals(values, region_totals)
    by_ecosystem = ecosystem_employment(values, mapping)
    if benchmark is None:
        ecosystem_totals, total = by_ecosystem.sum(axis=0), float(totals.sum())
    else:
        reference = validate_employment(benchmark, "benchmark")
        ecosystem_totals = ecosystem_employment(reference, mapping).sum(axis=0)
        total = float(reference.to_numpy().sum())
    if benchmark_total is not None:
        total = float(benchmark_total)
    return specialisation.nodes(
        by_ecosystem,
        lq_threshold,
        regional_share_threshold,
        industry_share_threshold,
        region_totals=totals,
        benchmark_sector_totals=ecosystem_totals,
        benchmark_total=total,
    )


def ecosystem_node_shares(
    found: specialisation.Nodes,
    groups: pd.Series,
    kind: str = "regional_relevant",
    *,
    mapping: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per ecosystem, the percentage of regions of each group with at least one node.

    ``groups`` maps region codes to a group label (e.g. ``"weak"``/``"non-weak"``); regions of
    ``found`` without a group are left out, regions of ``groups`` missing from ``found`` raise.
    With ecosystem-level nodes (:func:`ecosystem_nodes`) a region has a node in an ecosystem
    when that cell is a node, the quantity of the ECCP paper's Tables 2 (regional-relevant) and
    3 (industry-relevant). With division-level nodes, pass ``mapping``: a region then has a node
    in an ecosystem when any division of the ecosystem is a node.
    """
    if kind not in specialisation.NODE_KINDS:
        raise ValueError(f"kind must be one of {specialisation.NODE_KINDS}, got {kind!r}")
    if not isinstance(groups, pd.Series):
        raise TypeError("groups must be a pandas Series: region code -> group label")
    flags = getattr(found, kind)
    unknown = groups.index.difference(flags.index)
    if len(unknown):
        raise ValueError(
            f"{len(unknown)} regions of groups have no nodes computed, e.g. {list(unknown[:5])}; "
            "compute nodes for them or remove them from groups"
        )
    if groups.index.has_duplicates:
        raise ValueError("groups lists a region twice")
    if groups.isna().any():
        raise ValueError(
            f"groups has no label for {list(groups.index[groups.isna()][:5])}; label every region"
        )
    if mapping is not None:
        membership = weight_matrix(flags.columns, mapping) > 0
        any_node = flags.to_numpy().astype(int) @ membership.to_numpy().astype(int) > 0
        flags = pd.DataFrame(any_node, index=flags.index, columns=membership.columns)
    has_node = flags.loc[groups.index].astype(float)
    shares = has_node.groupby(groups.to_numpy()).mean().T * 100.0
    shares.index.name = "ecosystem"
    shares.columns.name = "group"
    return shares


def regions_per_group(groups: pd.Series) -> pd.Series:
    """Number of regions in each group: the denominators of :func:`ecosystem_node_shares`."""
    return groups.value_counts().sort_index().astype(np.int64)
