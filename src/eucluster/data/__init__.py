"""The data door: every external dataset enters the project through :func:`load`.

>>> from eucluster import data
>>> sbs = data.load("sbs_r_nuts06_r2")   # verified, tidy, cached
>>> data.status()                         # what is there, what is missing, what is broken

See ``docs/data.md`` for the datasets, the data folder, the cache and the errors.
"""

from eucluster.data.config import cache_dir, data_dir
from eucluster.data.door import (
    dataset,
    datasets,
    fetch,
    fetch_latest,
    load,
    path,
    sha256,
    status,
)
from eucluster.data.errors import (
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
)
from eucluster.data.registry import DATASETS, Dataset

__all__ = [
    "DATASETS",
    "ChecksumError",
    "ColumnError",
    "CorruptFileError",
    "DataError",
    "Dataset",
    "EmptySelectionError",
    "FetchError",
    "FormatError",
    "MissingFileError",
    "UnknownDatasetError",
    "UnknownNutsCodeError",
    "cache_dir",
    "data_dir",
    "dataset",
    "datasets",
    "fetch",
    "fetch_latest",
    "load",
    "path",
    "sha256",
    "status",
]
