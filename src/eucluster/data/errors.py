"""Errors raised by the data door.

Every message has three parts: *where* (the file, or the frame and filters), *what* is wrong,
and *how to fix it*. A reader of a failed notebook should not need to open the source code to
know what to do next. The door raises instead of returning partial results.
"""

from __future__ import annotations

from pathlib import Path


class DataError(Exception):
    """Base class: a problem with an input file or a selection from it."""

    def __init__(self, where: str | Path, problem: str, fix: str):
        self.where = str(where)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{self.where}: {problem} {fix}")


class UnknownDatasetError(DataError):
    """A dataset name that is not in the registry."""


class MissingFileError(DataError):
    """The file is not in any of the data folders."""


class ChecksumError(DataError):
    """The file's sha256 differs from the one pinned in the registry."""


class CorruptFileError(DataError):
    """The file cannot be decoded: truncated or damaged gzip, unreadable spreadsheet."""


class FormatError(DataError):
    """The file decodes but its content is not in the expected layout (e.g. a non-numeric cell)."""


class ColumnError(FormatError):
    """An expected column (or Eurostat dimension) is missing or renamed."""


class ValidationError(FormatError):
    """The tidy frame fails its pandera schema."""


class UnknownNutsCodeError(DataError):
    """Codes that are not in the NUTS version they are supposed to belong to."""


class EmptySelectionError(DataError):
    """A selection that matches no row."""


class FetchError(DataError):
    """A download that could not be made (no network, no public copy, server error)."""


def refetch_hint(path: str | Path) -> str:
    """How to get a good copy of ``path``: names the dataset when the registry knows the file."""
    from eucluster.data.registry import DATASETS  # late import: registry imports readers

    text = str(path).replace("\\", "/")
    names = [d.name for d in DATASETS.values() if text.endswith(d.path)]
    if names:
        return (
            f"Re-download it with `eucluster data fetch {names[0]}` or point EUCLUSTER_DATA "
            "at a folder with a verified copy."
        )
    return "Replace it with a good copy of the source file."
