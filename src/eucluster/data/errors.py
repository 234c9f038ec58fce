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
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.where}: {self.problem} {self.fix}"

    def name_dataset(self, name: str) -> DataError:
        """Replace the generic re-download advice by the command for dataset ``name``.

        Readers know files, not datasets (a reader may serve several entries, and the registry
        imports the readers, not the other way round); the door, which knows which entry it is
        reading, calls this on the way out so the fix names the exact command.
        """
        if GENERIC_REFETCH in self.fix:
            self.fix = self.fix.replace(GENERIC_REFETCH, refetch_hint(name))
            self.args = (self.message,)
        return self


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
    """The tidy frame fails its pandera schema (a reader that broke its promise)."""


class ContentError(FormatError):
    """The file decodes into the registered layout but its content is not what the registry
    declares: too few rows, a garbage flag, a value out of its unit's range, an extra
    dimension, a conflicting duplicate (the file's fault, not the reader's)."""


class AmbiguousNameError(DataError):
    """A name that is both a registered dataset and a project table (or in two table packages)."""


class UnknownNutsCodeError(DataError):
    """Codes that are not in the NUTS version they are supposed to belong to."""


class EmptySelectionError(DataError):
    """A selection that matches no row."""


class FetchError(DataError):
    """A download that could not be made (no network, no public copy, server error)."""


class OfflineError(FetchError):
    """The server cannot be reached at all (no network, or nothing listening at the address)."""


#: What a reader advises for a broken file; the door replaces it with the dataset's own command.
GENERIC_REFETCH = (
    "Replace it with a good copy of the source file (`eucluster data fetch NAME` re-downloads a "
    "registered one)."
)


def refetch_hint(dataset: str | None = None) -> str:
    """How to get a good copy of a file: the generic advice, or the command for ``dataset``."""
    if dataset is None:
        return GENERIC_REFETCH
    return (
        f"Re-download it with `eucluster data fetch {dataset}` or point EUCLUSTER_DATA at a "
        "folder with a verified copy."
    )
