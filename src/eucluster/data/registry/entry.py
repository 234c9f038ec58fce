"""What a registry entry records about one source file, and the licences the entries share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from eucluster.data.schemas import Content, tidy_schema

EUROSTAT_LICENCE = (
    "Eurostat: reuse authorised with acknowledgement of the source (Commission Decision "
    "2011/833/EU)"
)
COMMISSION_LICENCE = (
    "European Commission: reuse authorised with acknowledgement (Commission Decision 2011/833/EU)"
)
GISCO_LICENCE = (
    "© EuroGeographics for the administrative boundaries; reuse under Eurostat's copyright "
    "notice with that acknowledgement"
)
JRC_LICENCE = "JRC data: reuse under Commission Decision 2011/833/EU; R package MIT"
CLUSTER_MAPPING_LICENCE = "U.S. Cluster Mapping Project (HBS ISC, U.S. EDA); repository GPL-2.0"


def github_url(repo: str, commit: str, path: str) -> str:
    """A raw GitHub URL at a fixed commit: a public copy whose bytes never change."""
    return f"https://raw.githubusercontent.com/{repo}/{commit}/{path.replace(' ', '%20')}"


@dataclass(frozen=True)
class Dataset:
    """One registered source file and the promise its reader makes about the tidy frame."""

    name: str
    title: str
    path: str  # relative to the data folder, forward slashes
    sha256: str
    reader: Callable[[Path], pd.DataFrame]
    columns: tuple[str, ...]  # columns of the tidy frame, in order; their types: schemas.py
    origin: str
    licence: str
    attribution: str
    vintage: str
    code: str | None = None  # Eurostat (or other) table code
    url: str | None = None  # a copy whose bytes match sha256; None when there is none
    nuts_version: int | None = None
    geo_column: str | None = "geo"
    year_column: str | None = "year"
    spatial: bool = False  # reader returns a GeoDataFrame
    notes: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    content: Content = Content()  # rows, years, value range, extra columns: schemas.Content

    @property
    def file_name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def schema(self) -> pa.DataFrameSchema:
        """The pandera schema the tidy frame is checked against on every read from source."""
        return tidy_schema(self.name, self.columns, self.content)
