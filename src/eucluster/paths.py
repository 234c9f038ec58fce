"""Where the project's own files live: the checkout's root, its ``data/``, ``_build`` and the
team's ``shared`` folder beside it.

Notebooks, tests and the CLI must agree on these folders whatever their working directory, and
an installed package (``pip install .``) must still find the checkout it is used with. The root
is, in this order:

1. ``EUCLUSTER_ROOT``, when set (an explicit choice wins; it must be a checkout);
2. the first folder upward from the package's own file that is a checkout (an editable install,
   or ``PYTHONPATH=src``);
3. the first folder upward from the working directory that is a checkout (a regular install
   used inside a clone).

A checkout is a folder with ``_toc.yml`` and ``data/published``. Outside one, the data door
still works for the external datasets (their folder is set by ``EUCLUSTER_DATA`` or is the
per-user download folder), while everything that needs the book, its chapters or its digitised
tables raises :class:`ProjectRootError`, which says what to do.

The folder constants (``PROJECT_ROOT``, ``DATA_DIR``, ``PUBLISHED_DIR``, ``REFERENCE_DIR``,
``BUILD_DIR``, ``SEEDS_DIR``) are computed when they are read, so importing this module never
fails and a changed ``EUCLUSTER_ROOT`` is honoured.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

MARKERS = ("_toc.yml", "data/published")


class ProjectRootError(RuntimeError):
    """The project checkout (the book's sources and digitised tables) cannot be found."""


def is_checkout(folder: Path) -> bool:
    """True when ``folder`` holds the book's table of contents and its digitised tables."""
    return (folder / MARKERS[0]).is_file() and (folder / MARKERS[1]).is_dir()


def find_checkout(starts: Iterable[Path]) -> Path | None:
    """The first checkout found walking upward from each start folder in turn, or None."""
    for start in starts:
        start = Path(start).resolve()
        for folder in (start, *start.parents):
            if is_checkout(folder):
                return folder
    return None


def find_project_root() -> Path | None:
    """The checkout this session works in (see the module docstring for the order), or None.

    ``EUCLUSTER_ROOT`` that is not a checkout raises: a mistyped setting must not be replaced
    silently by another folder.
    """
    env = os.environ.get("EUCLUSTER_ROOT")
    if env:
        root = Path(env).expanduser().resolve()
        if not is_checkout(root):
            raise ProjectRootError(
                f"EUCLUSTER_ROOT={env}: not a eucluster checkout (no _toc.yml and "
                "data/published there). Point it at the folder of the git clone, or unset it."
            )
        return root
    return find_checkout([Path(__file__).parent, Path.cwd()])


def project_root() -> Path:
    """The checkout's root; ProjectRootError with the fix when there is none."""
    root = find_project_root()
    if root is None:
        raise ProjectRootError(
            f"no eucluster checkout found upward from {Path(__file__).parent} or from the "
            f"working directory {Path.cwd()}. This needs the book's sources (_toc.yml, book/, "
            "data/published): run it inside a clone of the project, or set EUCLUSTER_ROOT to "
            "the clone's folder."
        )
    return root


def shared_dir() -> Path | None:
    """The team's ``shared`` folder beside the checkout, when there is a checkout."""
    root = find_project_root()
    return None if root is None else root.parent / "shared"


_FOLDERS = {
    "PROJECT_ROOT": (),
    "DATA_DIR": ("data",),
    "PUBLISHED_DIR": ("data", "published"),
    "REFERENCE_DIR": ("data", "reference"),
    "BUILD_DIR": ("_build",),
}


def __getattr__(name: str) -> Path:
    """The folder constants, computed on access (PEP 562) so that they follow the checkout."""
    if name in _FOLDERS:
        return project_root().joinpath(*_FOLDERS[name])
    if name == "SEEDS_DIR":
        return project_root().parent / "shared" / "seeds"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
