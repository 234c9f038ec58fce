# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Industrial clusters in Europe's regions
#
# Do Europe's structurally weak regions lack strong industrial clusters, and does cluster
# strength go with regional prosperity? This book rebuilds, from official statistics, the
# evidence that five recent policy documents give on these questions, sets every recomputed
# number beside the published one, and says where the two agree and where they do not.

# %% tags=["remove-cell"]
from eucluster import published
from eucluster.figures import KeyFigures
from eucluster.tables import show_table

figures = KeyFigures("intro")

# %% [markdown]
# ## The five documents
#
# The book starts from five documents on clusters and cluster policy in the European Union,
# read as plain-text conversions of the published PDFs. Each is cited by a short number
# (000 to 004) throughout, and every figure taken from them names the document, the section
# and the table it comes from.

# %% tags=["remove-input"]
import pandas as pd

documents = pd.DataFrame(
    [
        {"No.": number, "Document": title, "Cited as": f"{{cite:t}}`{key}`"}
        for number, (key, title) in published.DOCUMENTS.items()
    ]
)
show_table(documents, label="tbl-documents", caption="The five source documents.")

# %% tags=["remove-cell"]
package = published.package()
figures.publish(
    "intro.published_tables.count",
    len(package),
    unit="tables",
    definition=(
        "Tables digitised from the five documents, as listed in data/published/datapackage.json"
    ),
    fmt="{:d}",
)

# %% [markdown]
# {numref}`tbl-documents` lists them. Their tables are digitised as typed data with their
# provenance ({glue}`intro.published_tables.count` tables in `data/published/`), and the
# chapter *What the documents report* shows them as published.
#
# ## How to read this book
#
# Every number in the prose is computed by the chapter that states it and recorded, with its
# definition or source, in a key-figure registry (`_build/key-figures.json`). Numbers quoted
# from a document carry a reference to the document, section and table. Code that a reader may
# want to see is folded under the figures; set-up code is hidden.
#
# ## How to rebuild it
#
# On a Debian machine with Python 3.11, two commands do everything, from a fresh clone with the
# shared data folder beside it:
#
# ```bash
# make book   # virtual environment, packages, TeX; HTML in _build/html, PDF in _build/latex
# make test   # unit tests, chapter tests, strict HTML build, PDF checks
# ```
#
# Inside the virtual environment, `jupyter-book build .` builds the same HTML book. The data
# are read from the folder named by the environment variable `EUCLUSTER_DATA`, by default
# `../shared/data/external`; `eucluster data status` lists what is found and verified.
