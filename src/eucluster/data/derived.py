"""A disk cache for derived results that several chapter kernels compute alike.

Why it exists: every chapter runs in its own kernel, so a result that five chapters need (the
traded/local classification of the NACE divisions, the annual EU-27 employment matrices
recoded to NUTS 2021, the regression's analysis frame) was computed five times in a cold build,
each time from the 1.6-million-row SBS frame and the NUTS recoding (seconds to tens of seconds
of CPU each). :func:`cached` stores such a result once, as a pickle under the build directory,
and the next kernel reads it.

It is safe only because the key covers everything the result can depend on:

* the function (module and name) and its arguments, bound to its signature with the defaults
  filled in (so ``f()`` and ``f(years=(2008, 2009, 2010))`` share an entry; a list counts as
  the tuple of its items);
* the source of the whole ``eucluster`` package: every file under ``src/eucluster`` (so an
  edited function, anywhere in the package, misses the cache), read once per process (the
  code a process runs is the code it imported);
* the checksums of the data files: the sha256 of every registered external dataset as it is
  found in the data folder now (or "missing") and of every file of the checkout's ``data/``
  (digitised tables, reference classifications, audit checks). That is every file the package
  can read, so it covers the files the function reads;
* the versions of Python, numpy, pandas, pyarrow and scipy (pickles and numerics).

The cache lives in ``<build dir>/derived-cache`` (``EUCLUSTER_BUILD_DIR``, else the checkout's
``_build``, as the key figures), so a cold build (``rm -rf _build``) starts empty. Entries are
written to a temporary file and renamed, so kernels running side by side never read half a
file. ``EUCLUSTER_DERIVED_CACHE=off`` switches the cache off (every call computes); outside a
checkout, with no build directory, it is off too. A call whose arguments are not plain values
(str, int, float, bool, None and tuples, lists or frozensets of them) is computed, not cached.
Code that replaces a loader in memory (a test's monkeypatch) changes no file the key sees: it
must switch the cache off.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import os
import pickle
import platform
import tempfile
import warnings
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from eucluster import paths
from eucluster.data.registry import DATASETS

#: Set to ``off`` (or ``0``, ``no``) to compute every call.
SWITCH = "EUCLUSTER_DERIVED_CACHE"
#: The folder under the build directory that holds the entries.
FOLDER = "derived-cache"
#: Libraries whose versions enter the key.
LIBRARIES = ("numpy", "pandas", "pyarrow", "scipy")
#: The package whose whole source enters the key.
PACKAGE_DIR = Path(__file__).resolve().parents[1]

_PLAIN = (str, int, float, bool, type(None))
_Result = TypeVar("_Result")


def enabled() -> bool:
    """False when ``EUCLUSTER_DERIVED_CACHE`` says off."""
    return os.environ.get(SWITCH, "").strip().lower() not in {"off", "0", "no", "false"}


def cache_dir() -> Path | None:
    """``<build dir>/derived-cache``: ``EUCLUSTER_BUILD_DIR`` (relative to the checkout when
    relative) or the checkout's ``_build``; None outside a checkout."""
    setting = os.environ.get("EUCLUSTER_BUILD_DIR")
    root = paths.find_project_root()
    if setting:
        folder = Path(setting)
        if not folder.is_absolute():
            if root is None:
                return None
            folder = root / folder
        return folder / FOLDER
    return None if root is None else root / "_build" / FOLDER


@functools.lru_cache(maxsize=4096)
def _file_sha256(path: str, size: int, mtime_ns: int, inode: int) -> str:
    """sha256 of a file, remembered per (path, size, modification time, inode): a file written
    again gets a new modification time, so it is hashed again."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """The sha256 of ``path`` (see :func:`_file_sha256`)."""
    stat = path.stat()
    return _file_sha256(str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)


def tree_fingerprint(folder: Path) -> str:
    """Hash of the relative paths and contents of every file under ``folder`` (caches of
    compiled Python left out); the empty hash when the folder does not exist."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            if "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(file.relative_to(folder).as_posix().encode())
            digest.update(file_sha256(file).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """:func:`tree_fingerprint` of the package's source, taken once per process: the code a
    process runs is the code it imported, whatever is edited on disk meanwhile."""
    return tree_fingerprint(PACKAGE_DIR)


def data_fingerprint() -> str:
    """Checksums of every file the package can read: each registered external dataset where
    the data door would find it (``missing`` when absent) and every file of ``data/``."""
    from eucluster.data.door import locate  # the door's own search order

    digest = hashlib.sha256()
    for name in sorted(DATASETS):
        found = locate(name)
        digest.update(f"{name}={file_sha256(found) if found else 'missing'};".encode())
    root = paths.find_project_root()
    if root is not None:
        digest.update(tree_fingerprint(root / "data").encode())
    return digest.hexdigest()


def environment_fingerprint() -> str:
    """Python and the numerical libraries' versions."""
    versions = [platform.python_version()]
    for library in LIBRARIES:
        try:
            versions.append(f"{library}={metadata.version(library)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{library}=absent")
    return ";".join(versions)


def _plain(value: object) -> bool:
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, tuple | list | frozenset):
        return all(_plain(item) for item in value)
    return False


def _canonical(value: object) -> object:
    """A list as the tuple of its items: the decorated functions only iterate over their
    sequence arguments, so ``years=[2008, 2009]`` and ``years=(2008, 2009)`` are one call."""
    if isinstance(value, list | tuple):
        return tuple(_canonical(item) for item in value)
    if isinstance(value, frozenset):
        return tuple(sorted(map(repr, value)))
    return value


def call_key(function: Callable, args: tuple, kwargs: dict) -> str | None:
    """The key of one call (see the module text), or None when an argument is not a plain
    value."""
    bound = inspect.signature(function).bind(*args, **kwargs)
    bound.apply_defaults()
    if not all(_plain(value) for value in bound.arguments.values()):
        return None
    arguments = sorted((name, _canonical(value)) for name, value in bound.arguments.items())
    digest = hashlib.sha256()
    for part in (
        f"{function.__module__}.{function.__qualname__}",
        repr(arguments),
        package_fingerprint(),
        data_fingerprint(),
        environment_fingerprint(),
    ):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def entry_path(function: Callable, key: str) -> Path | None:
    """Where the entry of ``key`` is stored, or None when the cache is off."""
    folder = cache_dir()
    if folder is None or not enabled():
        return None
    return folder / f"{function.__module__}.{function.__qualname__}-{key[:32]}.pkl"


def _read(path: Path) -> tuple[bool, Any]:
    try:
        with open(path, "rb") as handle:
            return True, pickle.load(handle)
    except FileNotFoundError:
        return False, None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        warnings.warn(f"derived cache entry {path} unreadable ({error}); recomputed", stacklevel=3)
        return False, None


def _write(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


def cached(function: Callable[..., _Result]) -> Callable[..., _Result]:
    """Decorate ``function`` so that its results are stored on disk under the key of
    :func:`call_key` (see the module text). Each call that reads the disk returns a fresh
    copy; put ``functools.lru_cache`` above it to share one object within a process."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        key = call_key(function, args, kwargs) if enabled() else None
        path = entry_path(function, key) if key else None
        if path is None:
            return function(*args, **kwargs)
        found, value = _read(path)
        if found:
            return value
        value = function(*args, **kwargs)
        _write(path, value)
        return value

    wrapper.uncached = function  # type: ignore[attr-defined]
    return wrapper
