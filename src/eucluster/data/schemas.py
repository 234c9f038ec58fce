"""One schema system for every frame the data door hands out: pandera.

The digitised and reference tables get their pandera schemas from their ``datapackage.json``
(:mod:`eucluster.data.published`). The external datasets get theirs here: a registry entry
lists the columns of its tidy frame, and this module knows what each column name means (``year``
is a whole calendar year, ``value`` a float that may be missing, ``flag`` a Eurostat annotation
such as ``""``, ``"e"`` or ``":c"``...). One vocabulary for all entries keeps a ``year`` a
``year`` in every dataset, so code downstream can rely on it without looking at the reader.

The same system checks the *source* layout a reader relies on (:func:`require_columns`), so a
renamed column in a downloaded file and a reader that broke its promise are both found by
pandera and reported as the door's errors: the file, the problem, the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from eucluster.data.errors import ColumnError, ValidationError, refetch_hint

#: A Eurostat flag: letters attached to a value, or ':' plus letters for a missing value.
FLAG_PATTERN = r"^:?[a-z]*$"


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


def tidy_schema(name: str, columns: Iterable[str]) -> pa.DataFrameSchema:
    """The pandera schema of a registered dataset's tidy frame.

    The listed columns must be there with their types; further columns are allowed, because
    some sources carry a variable set of dimensions (see the registry's notes).
    """
    return pa.DataFrameSchema(
        {column: COLUMN_TYPES.get(column, _text()) for column in columns},
        strict=False,
        name=name,
    )


def _cases(exc: pa.errors.SchemaErrors) -> pd.DataFrame:
    cases = exc.failure_cases[["column", "check", "failure_case"]]
    return cases.drop_duplicates().head(10)


def validate_tidy(frame: pd.DataFrame, name: str, columns: Iterable[str], source: Path):
    """Check a reader's result against the registered columns; ValidationError names the
    dataset, the failing columns and checks, and where to fix the reader or the entry."""
    try:
        return tidy_schema(name, columns).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise ValidationError(
            source,
            f"the reader for {name!r} returned a frame that breaks the registered schema "
            f"(columns {list(map(str, frame.columns))}):\n"
            f"{_cases(exc).to_string(index=False)}\n",
            "Fix the reader (src/eucluster/data/readers/) or the `columns` of the entry in "
            "src/eucluster/data/registry/; column types are in src/eucluster/data/schemas.py.",
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
