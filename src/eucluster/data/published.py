"""The door's internal reader of the project's own tables: the documents' tables digitised in
``data/published``, the reference classifications in ``data/reference`` (NACE Rev. 2, the
industrial ecosystems) and the audit's checks in ``data/audit``.

Each folder is a frictionless data package: ``datapackage.json`` is the single description of
each table, with its source (document, section, table number), units and a field schema. The
loader turns that schema into a pandera schema, so a mistyped number, a renamed column or a
duplicated row in a CSV stops the book with a message naming the file, the problem and the fix.

Nothing outside :mod:`eucluster.data` imports this module (``tests/test_architecture`` enforces
it): chapters and modules read every table through the one door, :func:`eucluster.data.load`
and :func:`eucluster.data.resource`, which find the folder by the table's name. :func:`load`
and :func:`resource` here take the folder explicitly, which the door and the tests of this
reader (on temporary packages) need. The few facts about the documents that are not tables
(:data:`DOCUMENTS`, :func:`eccp_ecosystem_tables`) are re-exported by :mod:`eucluster.data`.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from eucluster import paths
from eucluster.data.errors import DataError

DOCUMENTS = {
    "000": (
        "franco_wilson_2021",
        "ECCP discussion paper: Building strong clusters in structurally weak regions",
    ),
    "001": (
        "interreg_2021_clusters",
        "Interreg Europe policy brief: clusters for research and innovation",
    ),
    "002": ("eu4digital_2024", "EU4Digital: EU best practices in cluster management"),
    "003": (
        "ec_2020_s3_clusters",
        "European Commission: S3 investments through industrial clusters",
    ),
    "004": ("clusterix_2018", "CLUSTERIX 2.0 recommendations"),
}

_PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}


class PublishedDataError(DataError, ValueError):
    """A project table does not match its description in ``datapackage.json``."""


def published_dir() -> Path:
    """``data/published`` of the checkout (ProjectRootError outside one)."""
    return paths.project_root() / "data" / "published"


def reference_dir() -> Path:
    """``data/reference`` of the checkout (ProjectRootError outside one)."""
    return paths.project_root() / "data" / "reference"


@dataclass(frozen=True)
class Resource:
    """One digitised table and what the data package says about it."""

    name: str
    path: Path
    title: str
    source: dict[str, Any]
    units: str
    notes: str
    fields: tuple[dict[str, Any], ...]

    @property
    def citation(self) -> str:
        """'document 000, Table 1 (section …)': how the book cites the table."""
        src = self.source
        where = src.get("table") or "text"
        return f"document {src['document']}, {where} ({src.get('section', '')})"


def _package_path(folder: Path) -> Path:
    return folder / "datapackage.json"


def package(folder: Path | None = None) -> dict[str, Resource]:
    """All resources of the data package in ``folder`` (default ``data/published``), by name."""
    return _read_package(Path(folder) if folder is not None else published_dir())


@cache
def _read_package(folder: Path) -> dict[str, Resource]:
    path = _package_path(folder)
    if not path.exists():
        raise PublishedDataError(
            path, "missing. It describes every table of its folder.", "Restore it from git."
        )
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise PublishedDataError(path, f"not valid JSON ({exc}).", "Fix the syntax.") from exc
    resources = {}
    for entry in meta.get("resources", []):
        resources[entry["name"]] = Resource(
            name=entry["name"],
            path=folder / entry["path"],
            title=entry.get("title", entry["name"]),
            source=entry.get("source", {}),
            units=entry.get("units", ""),
            notes=entry.get("notes", ""),
            fields=tuple(entry["schema"]["fields"]),
        )
    return resources


def _column(field: dict[str, Any]) -> pa.Column:
    constraints = field.get("constraints", {})
    checks = []
    if "minimum" in constraints:
        checks.append(pa.Check.ge(constraints["minimum"]))
    if "maximum" in constraints:
        checks.append(pa.Check.le(constraints["maximum"]))
    if "enum" in constraints:
        checks.append(pa.Check.isin(constraints["enum"]))
    if "pattern" in constraints:
        checks.append(pa.Check.str_matches(constraints["pattern"]))
    return pa.Column(
        _PANDAS_TYPES[field.get("type", "string")],
        checks=checks,
        nullable=not constraints.get("required", False),
        unique=constraints.get("unique", False),
        coerce=True,
    )


def schema(resource: Resource) -> pa.DataFrameSchema:
    """The pandera schema that ``resource``'s field list describes (strict: no extra columns)."""
    columns = {f["name"]: _column(f) for f in resource.fields}
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=resource.name)


def validate(frame: pd.DataFrame, resource: Resource) -> pd.DataFrame:
    """Check ``frame`` against ``resource``'s schema, with a message a digitiser can act on."""
    try:
        return schema(resource).validate(frame, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = (
            cases[["column", "check", "failure_case", "index"]].head(10).to_string(index=False)
            if cases is not None
            else str(exc)
        )
        raise PublishedDataError(
            resource.path,
            f"does not match its schema in datapackage.json.\n{detail}\n",
            "Fix the CSV (check the value against the source document) or, if the document "
            "really prints it, the schema.",
        ) from exc


def _check_row_lengths(path: Path) -> None:
    """Refuse ragged rows: pandas would silently turn an extra field into an index."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        header = next(rows, [])
        for number, row in enumerate(rows, start=2):
            if row and len(row) != len(header):
                raise PublishedDataError(
                    path,
                    f"line {number} has {len(row)} fields, the header has {len(header)}.",
                    "Quote values that contain commas, or remove the extra field.",
                )


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """A table of the package in ``folder`` (default ``data/published``) as a typed DataFrame,
    rows in file order. Prefer :func:`eucluster.data.load`, which finds the folder by name."""
    resource = _resource(name, folder)
    if not resource.path.exists():
        raise PublishedDataError(
            resource.path, "listed in datapackage.json but missing.", "Restore it from git."
        )
    try:
        _check_row_lengths(resource.path)
        raw = pd.read_csv(resource.path, dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise PublishedDataError(
            resource.path, f"cannot be read as UTF-8 CSV ({exc}).", "Fix the row it names."
        ) from exc
    expected = [f["name"] for f in resource.fields]
    if list(raw.columns) != expected:
        raise PublishedDataError(
            resource.path,
            f"columns are {list(raw.columns)} but datapackage.json expects {expected}.",
            "Rename the CSV header or update the schema.",
        )
    for field in resource.fields:
        if field.get("type") == "boolean":
            raw[field["name"]] = raw[field["name"]].str.lower().map({"true": True, "false": False})
    return validate(raw, resource)


def resource(name: str, folder: Path | None = None) -> Resource:
    """The metadata of one table of the package in ``folder`` (default ``data/published``)."""
    return _resource(name, folder)


def _resource(name: str, folder: Path | None) -> Resource:
    resources = package(folder)
    if name not in resources:
        where = _package_path(Path(folder) if folder is not None else published_dir())
        raise PublishedDataError(
            where,
            f"no table named {name!r}.",
            f"Known tables: {', '.join(sorted(resources))}.",
        )
    return resources[name]


ECOSYSTEM_TABLES = {"eccp_table2": "regional-relevant", "eccp_table3": "industry-relevant"}
_ECCP_COLUMNS = {
    "weak_regions_pct": ("weak", "regions_pct"),
    "weak_nodes_with_co_pct": ("weak", "nodes_with_co_pct"),
    "nonweak_regions_pct": ("non-weak", "regions_pct"),
    "nonweak_nodes_with_co_pct": ("non-weak", "nodes_with_co_pct"),
}


def split_ecosystem_label(label: pd.Series) -> pd.DataFrame:
    """'E03. Agri-food' -> ecosystem_id 'E03', ecosystem 'Agri-food'."""
    parts = label.str.extract(r"^(?P<ecosystem_id>E\d{2})\.\s*(?P<ecosystem>.+)$")
    if parts.isna().any().any():
        bad = label[parts.isna().any(axis=1)].tolist()
        raise PublishedDataError(
            "ecosystem column",
            f"labels not of the form 'E01. Name': {bad}.",
            "Fix the label in the digitised table.",
        )
    return parts


def eccp_ecosystem_tables() -> pd.DataFrame:
    """ECCP Tables 2 and 3 in long form: one row per node type × ecosystem × group × measure."""
    frames = []
    for name, node_type in ECOSYSTEM_TABLES.items():
        table = load(name)
        wide = pd.concat(
            [split_ecosystem_label(table["ecosystem"]), table.drop(columns="ecosystem")], axis=1
        )
        long = wide.melt(
            id_vars=["ecosystem_id", "ecosystem"],
            value_vars=list(_ECCP_COLUMNS),
            var_name="column",
            value_name="published_pct",
        )
        long[["group", "measure"]] = pd.DataFrame(
            long["column"].map(_ECCP_COLUMNS).tolist(), index=long.index
        )
        long.insert(0, "node_type", node_type)
        long.insert(1, "table", resource(name).source.get("table"))
        frames.append(long.drop(columns="column"))
    return pd.concat(frames, ignore_index=True)


def clear_cache() -> None:
    """Forget the packages read so far (for tests that rewrite a ``datapackage.json``)."""
    _read_package.cache_clear()
