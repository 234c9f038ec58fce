"""The data door: every table the book reads enters through :func:`load`.

>>> from eucluster import data
>>> sbs = data.load("sbs_r_nuts06_r2")      # external dataset: verified, tidy, cached
>>> table1 = data.load("eccp_table1")       # a table digitised from a document
>>> divisions = data.load("nace_r2_divisions")  # a reference classification
>>> checks = data.load("audit_checks")      # the audit's checks, one row per check
>>> data.status()                            # what is there, what is missing, what is broken

The modules: ``registry/`` (one entry per source file, by source family), ``readers/`` and
``eurostat`` (file formats), ``schemas`` (the pandera schemas of the tidy frames), ``io``
(strict cell conversion), ``errors``, ``config`` (where files are), ``published`` (the door's
internal reader of the project's own frictionless table packages: ``data/published``,
``data/reference``, ``data/audit``) and ``door`` (find, verify, read, cache, fetch). Only this
package reads data files; everything else calls :func:`load` or :func:`resource`.
See ``docs/data.md`` for the datasets, the data folder, the cache and the errors.
"""

from eucluster.data.config import cache_dir, data_dir
from eucluster.data.door import (
    catalogue,
    dataset,
    datasets,
    fetch,
    fetch_latest,
    load,
    load_dataset,
    path,
    resource,
    sha256,
    status,
    tables,
)
from eucluster.data.errors import (
    AmbiguousNameError,
    ChecksumError,
    ColumnError,
    CorruptFileError,
    DataError,
    EmptySelectionError,
    FetchError,
    FormatError,
    MissingFileError,
    UnknownDatasetError,
    UnknownNutsCodeError,
    ValidationError,
)
from eucluster.data.published import (
    DOCUMENTS,
    PublishedDataError,
    Resource,
    eccp_ecosystem_tables,
)
from eucluster.data.registry import DATASETS, Dataset

__all__ = [
    "DATASETS",
    "DOCUMENTS",
    "AmbiguousNameError",
    "ChecksumError",
    "ColumnError",
    "CorruptFileError",
    "DataError",
    "Dataset",
    "EmptySelectionError",
    "FetchError",
    "FormatError",
    "MissingFileError",
    "PublishedDataError",
    "Resource",
    "UnknownDatasetError",
    "UnknownNutsCodeError",
    "ValidationError",
    "cache_dir",
    "catalogue",
    "data_dir",
    "dataset",
    "datasets",
    "eccp_ecosystem_tables",
    "fetch",
    "fetch_latest",
    "load",
    "load_dataset",
    "path",
    "resource",
    "sha256",
    "status",
    "tables",
]
