"""Where the data door looks for source files and keeps its derived caches.

One rule, so that notebooks, tests and the CLI agree on which copy of a file they read:

1. ``EUCLUSTER_DATA`` if set (an explicit choice wins, and is then the only place searched);
2. else ``<checkout>/../shared/data/external`` if it exists (the team's read-only snapshot; see
   :mod:`eucluster.paths` for how the checkout is found, and outside one this step is skipped);
3. else a per-user cache, ``pooch.os_cache("eucluster")`` (where ``fetch`` downloads to).

Downloads come from each entry's pinned URL; ``EUCLUSTER_MIRROR`` (a base URL such as
``http://127.0.0.1:8000``) replaces the scheme and host of every URL and keeps its path, so a
mirror laid out like the origin (or a test server on this machine) serves every file.

Derived tidy frames (parquet) go to ``cache_dir()``: ``EUCLUSTER_CACHE`` or
``pooch.os_cache("eucluster")/tidy``. They are keyed by the source's sha256, so they can be
deleted at any time.
"""

from __future__ import annotations

import os
from pathlib import Path

from eucluster import paths


def shared_data_dir() -> Path | None:
    """The team's snapshot beside the checkout, or None (no checkout, or no snapshot there)."""
    shared = paths.shared_dir()
    folder = None if shared is None else shared / "data" / "external"
    return folder if folder is not None and folder.is_dir() else None


def user_dir() -> Path:
    """Per-user folder for downloaded source files (used when no shared snapshot exists)."""
    import pooch  # imported here: pooch pulls in tqdm.auto, which warns inside notebooks

    return Path(pooch.os_cache("eucluster"))


def data_dir() -> Path:
    """The folder the source files are read from (see the module docstring for the order)."""
    env = os.environ.get("EUCLUSTER_DATA")
    if env:
        return Path(env).expanduser()
    return shared_data_dir() or user_dir()


def search_dirs() -> list[Path]:
    """Folders searched for a source file, in order.

    With ``EUCLUSTER_DATA`` set only that folder; otherwise the snapshot and then the per-user
    download folder, so a file fetched because the snapshot lacks it is still found.
    """
    if os.environ.get("EUCLUSTER_DATA"):
        return [data_dir()]
    dirs = [data_dir(), user_dir()]
    return list(dict.fromkeys(dirs))


def download_dir() -> Path:
    """Where ``fetch`` writes: ``EUCLUSTER_DATA`` if set, else the per-user folder.

    The shared snapshot is read-only by design, so downloads never go there.
    """
    env = os.environ.get("EUCLUSTER_DATA")
    return Path(env).expanduser() if env else user_dir()


def cache_dir() -> Path:
    """Folder for derived tidy parquet files and the checksum memo."""
    env = os.environ.get("EUCLUSTER_CACHE")
    return Path(env).expanduser() if env else user_dir() / "tidy"


def mirror() -> str | None:
    """Base URL that replaces the origin's scheme and host in every download (``EUCLUSTER_MIRROR``),
    or None to download from the origins."""
    env = os.environ.get("EUCLUSTER_MIRROR", "").strip()
    return env.rstrip("/") or None
