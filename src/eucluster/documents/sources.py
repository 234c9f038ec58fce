"""What the book is built from: the five documents, their digitised tables, and the releases
(vintages) of the official datasets it sets beside them.

The introduction states these once, from the same registries the chapters read (the
``published`` data package and the data door's registry), so that a new dataset vintage or a
newly digitised table changes the introduction without anyone editing its text.
"""

from __future__ import annotations

import pandas as pd

from eucluster import data
from eucluster.documents.as_published import ShownTable
from eucluster.key_figures import Figure, computed

#: The datasets the introduction lists: the ones most chapters rest on.
MAIN_DATASETS = (
    "sbs_r_nuts06_r2",
    "nama_10r_2gdp_pps_hab_eu27",
    "lfst_r_lfe2emp",
    "rci_2022",
    "ris_2023",
    "jrc_nuts_crosswalks",
    "gisco_nuts2021_l2",
)
#: Datasets whose release and NUTS version the introduction's prose states: id part -> name.
STATED_VINTAGES = {"employment": "sbs_r_nuts06_r2", "gdp": "nama_10r_2gdp_pps_hab_eu27"}


def source_documents() -> ShownTable:
    """The five documents with their short number and citation, and how many of their tables
    the project has digitised (the tables listed in ``data/published/datapackage.json``)."""
    table = pd.DataFrame(
        [
            {"No.": number, "Document": title, "Cited as": f"{{cite:t}}`{key}`"}
            for number, (key, title) in data.DOCUMENTS.items()
        ]
    )
    count = computed(
        "intro.published_tables.count",
        len(data.tables("published")),
        unit="tables",
        definition="Tables digitised from the five documents, as listed in "
        "data/published/datapackage.json",
        fmt="{:d}",
    )
    return ShownTable(table, [count])


def data_vintages(
    names: tuple[str, ...] = MAIN_DATASETS, stated: dict[str, str] = STATED_VINTAGES
) -> ShownTable:
    """Release and NUTS version of each dataset as registered in the data door.

    A region code means different territories in different NUTS versions, so the version is
    shown beside the release; ``stated`` names the datasets whose two facts the prose cites.
    """
    table = pd.DataFrame(
        [
            {
                "Dataset": f"`{entry.name}`",
                "Content": entry.title,
                "Vintage": entry.vintage,
                "NUTS version": str(entry.nuts_version) if entry.nuts_version else "several",
            }
            for entry in map(data.dataset, names)
        ]
    )
    figures = []
    for key, name in stated.items():
        entry = data.dataset(name)
        figures += [
            Figure(
                f"intro.{key}.vintage",
                entry.vintage,
                "",
                definition=f"release (vintage) of {name} in the data registry",
            ),
            Figure(
                f"intro.{key}.nuts_version",
                str(entry.nuts_version),
                "",
                definition=f"NUTS version of the region codes of {name} in the data registry",
            ),
        ]
    return ShownTable(table, figures)
