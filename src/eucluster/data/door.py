"""The data door: one ``load(name)`` for every table the book reads.

A name is either a registered external dataset (the registry), a table digitised from the
documents (``data/published``), a reference classification (``data/reference``) or one of the
audit's tables of checks (``data/audit``); a name used twice is an error, so a name always means
one table. No module outside this package reads a data file itself (``tests/test_architecture``
enforces it), so every table is checked the same way. For the project's own tables ``load``
returns the frame checked against its ``datapackage.json`` schema. For an external dataset it

1. finds the file in the data folders (``config.search_dirs``),
2. checks its sha256 against the registry (a different file is refused, not read),
3. reads it with the registered reader (which refuses broken or re-laid-out files), and
4. caches the tidy frame as parquet, keyed by the file's checksum and by a fingerprint of the
   reader code, so a changed file or a changed reader is never served stale. The parquet file's
   own sha256 is recorded beside it when written and checked before every use: a cached frame
   that was altered (or whose record is missing) is rebuilt from the verified source, with a
   ``CacheWarning`` that says so.

Downloads (``fetch``, ``fetch_missing``, ``fetch_latest``) are in :mod:`eucluster.data.fetching`.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import tempfile
import warnings
from functools import cache
from pathlib import Path

import pandas as pd

from eucluster import paths
from eucluster.data import config, published
from eucluster.data.errors import (
    AmbiguousNameError,
    ChecksumError,
    CorruptFileError,
    DataError,
    MissingFileError,
    UnknownDatasetError,
    refetch_hint,
)
from eucluster.data.registry import DATASETS, Dataset
from eucluster.data.schemas import validate_tidy

_CHUNK = 1 << 20


def datasets() -> list[Dataset]:
    """All registry entries, in registry order."""
    return list(DATASETS.values())


def dataset(name: str) -> Dataset:
    """The registry entry called ``name``; UnknownDatasetError lists the valid names."""
    try:
        return DATASETS[name]
    except KeyError:
        close = [n for n in DATASETS if name.lower() in n or n in name.lower()]
        hint = f" Did you mean {close}?" if close else ""
        raise UnknownDatasetError(
            f"dataset {name!r}",
            "is not in the registry." + hint,
            f"Use one of: {', '.join(DATASETS)} (see `eucluster data status`).",
        ) from None


def sha256(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def locate(name: str) -> Path | None:
    """Where the dataset's file is, without verifying it; None when it is nowhere."""
    entry = dataset(name)
    for folder in config.search_dirs():
        candidate = folder / entry.path
        if candidate.is_file():
            return candidate
    return None


def path(name: str) -> Path:
    """Verified path of the dataset's source file.

    Raises MissingFileError (with the folders searched and how to fetch) or ChecksumError.
    """
    entry = dataset(name)
    found = locate(name)
    if found is None:
        folders = config.search_dirs()
        absent = [folder for folder in folders if not folder.is_dir()]
        if len(absent) == len(folders):
            raise MissingFileError(
                ", ".join(str(folder) for folder in folders),
                f"the data folder does not exist (looking for dataset {name!r}, {entry.path}); "
                f"it was looked for {where_data_is_looked_for()}.",
                "Create it and fetch the data (`eucluster data fetch --missing`, which downloads "
                "every missing file there), or set EUCLUSTER_DATA to the folder that holds the "
                "data files.",
            )
        searched = ", ".join(str(d) for d in folders)
        how = (
            f"Run `eucluster data fetch {name}` (downloads {entry.url})"
            if entry.url
            else f"There is no pinned download for it (origin: {entry.origin})"
        )
        raise MissingFileError(
            entry.path,
            f"not found in the data folder(s): {searched}.",
            f"{how}, or set EUCLUSTER_DATA to a folder that holds {entry.path}.",
        )
    actual = sha256(found)
    if actual != entry.sha256:
        raise ChecksumError(
            found,
            f"sha256 is {actual}, the registry pins {entry.sha256} for dataset {name!r} "
            f"(different vintage, damaged or edited copy); {_matching(actual, name)}",
            f"Replace it with the registered file (`eucluster data fetch {name}`), or, if the "
            "new file is intended, register it as a new entry in src/eucluster/data/registry/.",
        )
    return found


def where_data_is_looked_for() -> str:
    """In words, where the data folder comes from (see :mod:`eucluster.data.config`)."""
    if os.environ.get("EUCLUSTER_DATA"):
        return f"in EUCLUSTER_DATA={os.environ['EUCLUSTER_DATA']}"
    return (
        "beside the checkout (../shared/data/external, absent) and in the per-user download "
        f"folder {config.user_dir()}, because EUCLUSTER_DATA is not set"
    )


def _matching(digest: str, name: str) -> str:
    """Which registered dataset a wrong file is, by its sha256 (a file put at the wrong path)."""
    others = [entry.name for entry in DATASETS.values() if entry.sha256 == digest]
    if others:
        return f"its bytes are those of the registered dataset {', '.join(others)} instead."
    return "it matches no registered dataset."


@cache
def _code_fingerprint() -> str:
    """Hash of the data-door source (readers, registry, schemas, in every sub-folder): a change
    to any of them invalidates every cached frame."""
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for module in sorted(folder.rglob("*.py")):
        digest.update(module.relative_to(folder).as_posix().encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()[:12]


def cache_file(name: str) -> Path:
    """Parquet cache file for the dataset as it is on disk now (checksum of the file itself)."""
    entry = dataset(name)
    return config.cache_dir() / f"{name}-{entry.sha256[:16]}-{_code_fingerprint()}.parquet"


def _read(entry: Dataset, source: Path) -> pd.DataFrame:
    """Read with the entry's reader, name the dataset in its errors, check the schema."""
    if source.stat().st_size == 0:
        raise CorruptFileError(
            source,
            f"the file of dataset {entry.name!r} is empty (0 bytes).",
            refetch_hint(entry.name),
        )
    try:
        frame = entry.reader(source)
    except DataError as exc:
        exc.name_dataset(entry.name)
        raise
    checked = validate_tidy(frame, entry.name, entry.columns, source, entry.content)
    return checked.reset_index(drop=True)


class CacheWarning(UserWarning):
    """A cached frame did not match the checksum recorded when it was written: it is rebuilt."""


def cache_record(target: Path) -> Path:
    """The file beside a cached parquet frame that records its sha256 when it was written."""
    return target.with_name(target.name + ".sha256")


def _write_atomically(target: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _write_cache(frame: pd.DataFrame, target: Path, spatial: bool) -> None:
    """Write atomically (temp file + rename) so a parallel reader never sees half a file, then
    record the parquet file's sha256 beside it (checked by :func:`_read_cache`)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, lambda tmp: frame.to_parquet(tmp, index=False))
        digest = sha256(target)
        _write_atomically(cache_record(target), lambda tmp: Path(tmp).write_text(digest + "\n"))
    except OSError:  # a read-only cache must not stop the book: reading still works
        pass


def _read_cache(entry: Dataset, target: Path) -> pd.DataFrame | None:
    """The cached frame if its bytes are the ones recorded when it was written, else None
    (after a CacheWarning and removing the cache file, so the caller rebuilds it)."""
    record = cache_record(target)
    recorded = record.read_text().strip() if record.is_file() else None
    actual = sha256(target)
    if recorded != actual:
        if recorded is None:
            why = "has no checksum record"
        else:
            why = f"has sha256 {actual[:16]}…, not the {recorded[:16]}… recorded when written"
        warnings.warn(
            f"{target}: the cached frame of dataset {entry.name!r} {why} (altered or damaged); "
            "rebuilding it from the verified source file.",
            CacheWarning,
            stacklevel=3,
        )
        target.unlink(missing_ok=True)
        record.unlink(missing_ok=True)
        return None
    try:
        if entry.spatial:
            import geopandas as gpd

            return gpd.read_parquet(target)
        return pd.read_parquet(target)
    except (OSError, ValueError):
        target.unlink(missing_ok=True)  # unreadable despite its record: rebuild from the source
        return None


#: The project's own table packages: kind -> folder under ``data/`` of the checkout.
TABLE_KINDS = ("published", "reference", "audit")


def table_folders() -> dict[str, Path]:
    """The project's own table packages by kind: ``published`` (the documents' tables),
    ``reference`` (classifications) and ``audit`` (the audit's checks).

    Empty outside a checkout: there only the external datasets can be loaded.
    """
    root = paths.find_project_root()
    if root is None:
        return {}
    return {kind: root / "data" / kind for kind in TABLE_KINDS}


def tables(kind: str) -> list[str]:
    """Names of the project's own tables of one kind (see :data:`TABLE_KINDS`), in the order of
    its ``datapackage.json``; what the book counts when it says how many tables it digitised."""
    if kind not in TABLE_KINDS:
        raise ValueError(f"unknown table kind {kind!r}; use one of {', '.join(TABLE_KINDS)}")
    folder = table_folders().get(kind)
    return list(published.package(folder)) if folder is not None else []


def homes(name: str) -> list[str]:
    """Where ``name`` is defined: ``"dataset"`` (the registry) and/or table kinds."""
    found = ["dataset"] if name in DATASETS else []
    for kind, folder in table_folders().items():
        if name in published.package(folder):
            found.append(kind)
    return found


def catalogue() -> dict[str, str]:
    """Every name :func:`load` accepts and where it comes from (``dataset``, ``published``,
    ``reference`` or ``audit``). AmbiguousNameError when a name is defined twice."""
    names = {name: ["dataset"] for name in DATASETS}
    for kind, folder in table_folders().items():
        for name in published.package(folder):
            names.setdefault(name, []).append(kind)
    for name, found in names.items():
        if len(found) > 1:
            raise _ambiguous(name, found)
    return {name: found[0] for name, found in names.items()}


def _ambiguous(name: str, found: list[str]) -> AmbiguousNameError:
    return AmbiguousNameError(
        f"name {name!r}",
        f"is defined {len(found)} times ({', '.join(found)}), so `load({name!r})` could mean "
        "different tables.",
        "Rename one of them: the registry entry in src/eucluster/data/registry/ or the "
        "resource in data/published, data/reference or data/audit datapackage.json.",
    )


def _home(name: str) -> str:
    found = homes(name)
    if len(found) > 1:
        raise _ambiguous(name, found)
    if not found:
        known = catalogue()
        close = [n for n in known if name.lower() in n or n in name.lower()]
        close += [n for n in difflib.get_close_matches(name, known, n=3) if n not in close]
        hint = f" Did you mean {close}?" if close else ""
        tables = ", ".join(n for n, kind in known.items() if kind != "dataset")
        raise UnknownDatasetError(
            f"dataset {name!r}",
            "is neither a registered dataset nor a table of data/published, data/reference or "
            "data/audit." + hint,
            f"Use a dataset: {', '.join(DATASETS)} (see `eucluster data status`); or a table: "
            f"{tables or '(none: no checkout found, see eucluster.paths)'}.",
        )
    return found[0]


def resource(name: str) -> published.Resource:
    """Source, units and field schema of one of the project's own tables (published, reference
    or audit); UnknownDatasetError for a name that is not one of them."""
    kind = _home(name)
    if kind == "dataset":
        raise UnknownDatasetError(
            f"table {name!r}",
            "is an external dataset, not a table of data/published, data/reference or data/audit.",
            f"Use `eucluster.data.dataset({name!r})` for its registry entry.",
        )
    return published.resource(name, table_folders()[kind])


def load(name: str, *, cache: bool = True) -> pd.DataFrame:
    """The verified, typed frame called ``name``: an external dataset, a digitised table, a
    reference classification or an audit table (see the module docstring). ``cache`` concerns
    external datasets only. Each call returns a fresh frame, so callers may modify it."""
    kind = _home(name)
    if kind == "dataset":
        return load_dataset(name, cache=cache)
    return published.load(name, table_folders()[kind])


def load_dataset(name: str, *, cache: bool = True) -> pd.DataFrame:
    """Verified, tidy, typed frame of a registered dataset (see the registry for its columns).

    ``sbs_r_nuts06_r2`` → ``indic_sb, nace_r2, geo, year, value, flag``; GISCO boundaries come as
    a GeoDataFrame. Each call returns a fresh copy, so callers may modify it.
    """
    entry = dataset(name)
    source = path(name)  # verifies the checksum first: the cache key is the pinned sha256
    target = cache_file(name)
    if cache and target.is_file():
        cached = _read_cache(entry, target)
        if cached is not None:
            return cached
    frame = _read(entry, source)
    if cache:
        _write_cache(frame, target, entry.spatial)
    return frame


def _describe(entry: Dataset, frame: pd.DataFrame) -> dict[str, object]:
    out: dict[str, object] = {"rows": len(frame)}
    year = entry.year_column
    if year and year in frame.columns and len(frame):
        out["years"] = f"{int(frame[year].min())}-{int(frame[year].max())}"
    geo = entry.geo_column
    if geo and geo in frame.columns:
        out["regions"] = int(frame[geo].nunique())
    return out


def status(*, deep: bool = True) -> pd.DataFrame:
    """One row per dataset: where its file is, whether the checksum holds, and (``deep``) the
    rows, year span and number of distinct region codes of the tidy frame.

    Never raises for a bad file: the problem goes into the ``problem`` column, so one broken
    file does not hide the state of the others.
    """
    rows = []
    for entry in datasets():
        row: dict[str, object] = {
            "name": entry.name,
            "code": entry.code or "",
            "vintage": entry.vintage,
            "file": entry.path,
            "found": False,
            "checksum_ok": False,
            "rows": pd.NA,
            "years": "",
            "regions": pd.NA,
            "problem": "",
        }
        found = locate(entry.name)
        row["found"] = found is not None
        try:
            path(entry.name)
            row["checksum_ok"] = True
            if deep:
                row.update(_describe(entry, load_dataset(entry.name)))
        except DataError as exc:
            row["problem"] = exc.problem
        except Exception as exc:  # noqa: BLE001 - a report of every file must survive any file
            row["problem"] = f"reading it failed unexpectedly ({type(exc).__name__}: {exc})."
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["rows"] = frame["rows"].astype("Int64")
    frame["regions"] = frame["regions"].astype("Int64")
    return frame
