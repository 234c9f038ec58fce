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
``data/reference``, ``data/audit``), ``door`` (find, verify, read, cache) and ``fetching``
(downloads: pinned copies, every missing file, Eurostat's newest release). Only this
package reads data files; everything else calls :func:`load` or :func:`resource`.
See ``docs/data.md`` for the datasets, the data folder, the cache and the errors.
"""

from eucluster.data.config import cache_dir, data_dir
from eucluster.data.door import (
    CacheWarning,
    catalogue,
    dataset,
    datasets,
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
    ContentError,
    CorruptFileError,
    DataError,
    EmptySelectionError,
    FetchError,
    FormatError,
    MissingFileError,
    OfflineError,
    UnknownDatasetError,
    UnknownNutsCodeError,
    ValidationError,
)
from eucluster.data.fetching import (
    FetchReport,
    download_url,
    fetch,
    fetch_latest,
    fetch_missing,
    missing,
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
    "CacheWarning",
    "ChecksumError",
    "ColumnError",
    "ContentError",
    "CorruptFileError",
    "DataError",
    "Dataset",
    "EmptySelectionError",
    "FetchError",
    "FetchReport",
    "FormatError",
    "MissingFileError",
    "OfflineError",
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
    "download_url",
    "eccp_ecosystem_tables",
    "fetch",
    "fetch_latest",
    "fetch_missing",
    "load",
    "load_dataset",
    "missing",
    "path",
    "resource",
    "sha256",
    "status",
    "tables",
]
