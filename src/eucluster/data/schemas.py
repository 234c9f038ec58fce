"""One schema system for every frame the data door hands out: pandera.

The digitised and reference tables get their pandera schemas from their ``datapackage.json``
(:mod:`eucluster.data.published`). The external datasets get theirs here: a registry entry
lists the columns of its tidy frame, and this module knows what each column name means (``year``
is a whole calendar year, ``value`` a float that may be missing, ``flag`` a Eurostat annotation
such as ``""``, ``"e"`` or ``":c"``...). One vocabulary for all entries keeps a ``year`` a
``year`` in every dataset, so code downstream can rely on it without looking at the reader.

Beyond types, each entry declares what its *content* must look like (:class:`Content`): the
registered row count (a file truncated on a line boundary decodes fine but has fewer rows), the
year span, a plausible value range (a file in another unit, e.g. PPS levels where % of the EU-27
is expected, falls outside it), and whether columns beyond the registered ones are allowed (an
extra dimension column is an error). Every frame is also checked for Eurostat flags outside the
known set, NUTS-like and NACE Rev. 2 codes, and conflicting duplicates of its key (identical
duplicates pass; conflicting ones are never averaged away). A content failure blames the file,
a type failure the reader.

The same system checks the *source* layout a reader relies on (:func:`require_columns`), so a
renamed column in a downloaded file and a reader that broke its promise are both found by
pandera and reported as the door's errors: the file, the problem, the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from eucluster.data.errors import ColumnError, ContentError, ValidationError, refetch_hint

#: Eurostat's flag letters: break, confidential, definition differs, estimated, forecast,
#: see metadata, not significant, provisional, revised, Eurostat estimate, low reliability,
#: not applicable.
FLAG_LETTERS = "bcdefinprsuz"
#: A Eurostat flag: known letters attached to a value, or ':' plus letters for a missing value.
FLAG_PATTERN = rf"^:?[{FLAG_LETTERS}]*$"
#: A NUTS code (country, NUTS 1-3, the ``_C`` capital-city groups of the RCI) or an EU aggregate.
GEO_PATTERN = r"^([A-Z]{2}([0-9A-Z]{1,3}|_C)?|EU\d{2}_\d{4})$"
#: A NACE Rev. 2 code (section, division, group, class), a range or union of sections
#: (``B-E``, ``M_N``), Eurostat's technology aggregates, or empty where the dimension is absent.
NACE_PATTERN = r"^([A-U](\d{2}(\d{1,2})?)?|[A-U][-_][A-U]|C_HTC(_MH)?|KIS|NRP|TOTAL)?$"


def _text() -> pa.Column:
    return pa.Column("str", nullable=True)


def _number() -> pa.Column:
    return pa.Column("float64", nullable=True)


def _whole(low: int, high: int | None = None) -> pa.Column:
    check = pa.Check.ge(low) if high is None else pa.Check.in_range(low, high)
    return pa.Column("int64", check)


#: What a column name means in any tidy frame; a name not listed here is text.
COLUMN_TYPES: Mapping[str, pa.Column] = {
    "geo": pa.Column("str", nullable=False),
    "year": _whole(1900, 2100),
    "value": _number(),
    "flag": pa.Column("str", pa.Check.str_matches(FLAG_PATTERN)),
    "level": _whole(0, 3),
    "version": _whole(1999, 2100),
    "from_version": _whole(1999, 2100),
    "to_version": _whole(1999, 2100),
    "start_year": pa.Column("Int64", nullable=True),
    "end_year": pa.Column("Int64", nullable=True),
    "cluster_code": _whole(1),
    "cluster_a": _whole(1),
    "cluster_b": _whole(1),
    "geometry": pa.Column(None),  # shapely geometries of a GeoDataFrame: any dtype
    **{
        name: _number()
        for name in (
            "area_km2",
            "pop21",
            "pop11",
            "artif_surf18",
            "artif_surf12",
            "bu_vol",
            "change_2016_2019",
            "change_2013_2016",
            "change_2010_2013",
            "mount_type",
            "urbn_type",
            "coast_type",
        )
    },
}


#: Columns that hold measurements or labels, not keys: the rest of a frame's columns identify
#: a row, so two rows that share them must say the same thing.
MEASURE_COLUMNS = frozenset(
    {"value", "flag", "geometry", "name", "description", "name_a", "name_b", "cluster_name"}
    | {"country_name", "performance_group", "nuts_name", "name_latn", "merged_code"}
    | {"capital_region"}
    | {column for column, kind in COLUMN_TYPES.items() if kind.dtype == _number().dtype}
)


@dataclass(frozen=True)
class Content:
    """What a registered file's tidy frame must contain, declared in its registry entry.

    A new vintage of a source is registered with its own ``Content``: the checks then say
    whether the new file is what the entry claims (whole, in the same unit, the same layout).
    """

    rows: int | None = None  # the registered row count: a truncated file has fewer
    years: tuple[int, int] | None = None  # first and last year of the ``year`` column
    values: tuple[float, float] | None = None  # plausible range of ``value`` (the unit's)
    extra_columns: bool = False  # True: the source carries a variable set of dimensions
    key: tuple[str, ...] | None = None  # None: every column not in MEASURE_COLUMNS


def _conflicting_duplicates(key: tuple[str, ...] | None):
    """A pandera check: rows that share the key but differ elsewhere (identical ones pass)."""

    def check(frame: pd.DataFrame) -> pd.Series:
        columns = [c for c in frame.columns if c != "geometry"]
        keys = list(key) if key else [c for c in columns if c not in MEASURE_COLUMNS]
        shared = frame.duplicated(keys, keep=False)
        if not shared.any():
            return pd.Series(True, index=frame.index)
        distinct = frame.loc[shared, columns].drop_duplicates()
        conflicting = distinct.index[distinct.duplicated(keys, keep=False)]
        shared[:] = False
        shared[frame.index.isin(conflicting)] = True
        return ~shared

    keys = f"the key {list(key)}" if key else "the key columns"
    return pa.Check(check, name=f"no conflicting duplicates (rows that share {keys} differ)")


def _content_columns(columns: Iterable[str], content: Content) -> dict[str, pa.Column]:
    found = {column: COLUMN_TYPES.get(column, _text()) for column in columns}
    if "year" in found and content.years:
        low, high = content.years
        check = pa.Check.in_range(low, high, error=f"years {low}-{high} as registered")
        found["year"] = pa.Column("int64", check)
    if "value" in found and content.values:
        low, high = content.values
        check = pa.Check.in_range(low, high, error=f"plausible range {low:g}..{high:g} (unit?)")
        found["value"] = pa.Column("float64", check, nullable=True)
    if "geo" in found:
        found["geo"] = pa.Column("str", pa.Check.str_matches(GEO_PATTERN, error="a NUTS code"))
    if "nace_r2" in found:
        check = pa.Check.str_matches(NACE_PATTERN, error="a NACE Rev. 2 code")
        found["nace_r2"] = pa.Column("str", check)
    if "flag" in found:
        check = pa.Check.str_matches(FLAG_PATTERN, error=f"a Eurostat flag [{FLAG_LETTERS}]")
        found["flag"] = pa.Column("str", check)
    return found


def tidy_schema(name: str, columns: Iterable[str], content: Content = Content()):
    """The pandera schema of a registered dataset's tidy frame: the listed columns with their
    types and content checks, the registered row count, no conflicting duplicate keys, and no
    further columns unless the entry allows them (``Content.extra_columns``)."""
    checks = [_conflicting_duplicates(content.key)]
    if content.rows is not None:
        rows = content.rows
        checks.append(pa.Check(lambda frame: len(frame) == rows, name=f"{rows} rows as registered"))
    return pa.DataFrameSchema(
        _content_columns(columns, content),
        checks=checks,
        strict=not content.extra_columns,
        name=name,
    )


#: pandera checks whose failure means the reader broke its promise (a column of the wrong
#: type); a missing column is a renamed or dropped column in the file, and any other failure
#: is in the file's content.
READER_CHECKS = ("dtype(",)


#: pandera's names of its built-in checks, in words.
CHECK_WORDS = {
    "column_in_schema": "a column the registry does not declare (an extra dimension?)",
    "column_in_dataframe": "a registered column that is missing",
}


def _cases(cases: pd.DataFrame) -> str:
    cases = cases.assign(check=cases["check"].replace(CHECK_WORDS))
    shown = cases[["column", "check", "failure_case", "index"]].rename(columns={"index": "row"})
    shown = shown.groupby(["column", "check", "failure_case"], dropna=False, sort=False)["row"]
    lines = shown.agg(
        lambda rows: ", ".join(map(str, rows.head(5))) + (" …" if len(rows) > 5 else "")
    )
    return lines.reset_index().head(12).to_string(index=False)


def validate_tidy(
    frame: pd.DataFrame, name: str, columns: Iterable[str], source: Path, content=Content()
):
    """Check a reader's result against the registered columns and content. A type or missing
    column is the reader's fault (ValidationError: fix the reader or the entry); anything else
    is the file's (ContentError: the failing checks, values and rows, and how to replace it)."""
    try:
        return tidy_schema(name, columns, content).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases.astype({"check": "str"})
        missing = cases.loc[cases["check"] == "column_in_dataframe", "failure_case"].tolist()
        if missing:
            raise ColumnError(
                source,
                f"the file of dataset {name!r} lacks the registered column(s) {missing} "
                f"(renamed or dropped in the file?); read from it: "
                f"{list(map(str, frame.columns))}.",
                "The file's layout differs from the registered one. "
                + refetch_hint(name)
                + " If the source really changed its layout, register it as a new entry in "
                "src/eucluster/data/registry/ (with its reader).",
            ) from exc
        by_reader = cases["check"].str.startswith(READER_CHECKS)
        if by_reader.any():
            raise ValidationError(
                source,
                f"the reader for {name!r} returned a frame that breaks the registered schema "
                f"(columns {list(map(str, frame.columns))}):\n{_cases(cases[by_reader])}\n",
                "Fix the reader (src/eucluster/data/readers/) or the `columns` of the entry in "
                "src/eucluster/data/registry/; column types are in src/eucluster/data/schemas.py.",
            ) from exc
        raise ContentError(
            source,
            f"the file of dataset {name!r} does not contain what its registry entry declares "
            f"({len(frame)} rows, columns {list(map(str, frame.columns))}):\n{_cases(cases)}\n",
            "The file is truncated, edited, in another unit or of another vintage or layout. "
            + refetch_hint(name)
            + " If it is an intended new vintage, register it with its own `content` in "
            "src/eucluster/data/registry/.",
        ) from exc


def require_columns(frame: pd.DataFrame, expected: Iterable[str], path: Path) -> None:
    """Check that a source file has the columns its reader uses (any type: the reader converts
    them); ColumnError names every missing one, the file's columns and the fix."""
    expected = list(expected)
    schema = pa.DataFrameSchema({column: pa.Column(None) for column in expected})
    try:
        schema.validate(frame.head(0), lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        missing = cases.loc[cases["check"] == "column_in_dataframe", "failure_case"].tolist()
        raise ColumnError(
            path,
            f"column(s) {missing} missing (renamed or dropped?); the file has "
            f"{list(map(str, frame.columns))}, the reader expects {expected}.",
            "The file's layout differs from the registered one: "
            + refetch_hint()
            + " If the source really changed its layout, update the reader in "
            "src/eucluster/data/readers/ and the registry entry.",
        ) from exc
