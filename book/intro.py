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
from eucluster.documents import sources
from eucluster.key_figures import KeyFigures
from eucluster.report.tables import show_table

figures = KeyFigures("intro")

# %% [markdown]
# ## The five documents
#
# The book starts from five documents on clusters and cluster policy in the European Union,
# read as plain-text conversions of the published PDFs. Each is cited by a short number
# (000 to 004) throughout, and every figure taken from them names the document, the section
# and the table it comes from.

# %% tags=["remove-input"]
documents = sources.source_documents()
figures.publish_all(documents.figures)
show_table(documents.table, label="tbl-documents", caption="The five source documents.")

# %% [markdown]
# {numref}`tbl-documents` lists them. Their tables are digitised as typed data with their
# provenance ({glue}`intro.published_tables.count` tables in `data/published/`).
#
# ## What the chapters do
#
# - {doc}`documents` shows the documents' tables as published, and {doc}`audit` tests them
#   against each other: parts against totals, percentages against counts, text against tables.
# - {doc}`regions` applies the cohesion-policy rule (GDP per head below 75 % of the EU-27
#   average) to Eurostat data and maps the structurally weak regions.
# - {doc}`nodes` recomputes the ECCP paper's specialisation nodes from Eurostat employment by
#   NACE division and sets its Table 1 beside the published one; {doc}`ecosystems` does the
#   same for the industrial-ecosystem Tables 2 and 3 and tests how much the contrast depends
#   on the method's choices.
# - {doc}`regression` asks whether cluster strength goes with regional prosperity, with the
#   diagnostics a referee would ask for.
# - {doc}`organisations` profiles the best-practice cluster organisations, and
#   {doc}`recommendations` sets the documents' policy advice side by side and against the
#   book's evidence.
#
# ## The data and their vintages
#
# Official statistics come from Eurostat, the Commission's Joint Research Centre and GISCO, read
# through one door that checks every file against its registered checksum.
# {numref}`tbl-vintages` lists the main ones; the chapter {doc}`regions` gives the full
# provenance table, and `eucluster data status` lists all of them.

# %% tags=["remove-input"]
vintages = sources.data_vintages()
figures.publish_all(vintages.figures)
show_table(
    vintages.table,
    label="tbl-vintages",
    caption="The main datasets, with the release (vintage) and the NUTS version of their "
    "region codes, as registered in eucluster.data.",
)

# %% [markdown]
# The regional employment by industry, the basis of every specialisation node, is the
# Eurostat release of {glue}`intro.employment.vintage` in NUTS {glue}`intro.employment.nuts_version`
# codes; regional GDP per head comes from the release of {glue}`intro.gdp.vintage`, registered
# as NUTS {glue}`intro.gdp.nuts_version` (the regions chapter explains the few newer codes it
# contains). Codes are converted with the JRC cross-walks before any join, and every
# chapter counts what a conversion or a join drops.
#
# ## How to read this book
#
# Every number in the prose is computed by the chapter that states it and recorded, with its
# definition or source, in a key-figure registry (`_build/key-figures.json`). Numbers quoted
# from a document carry a reference to the document, section and table. A conclusion drawn
# from numbers (a sign, an ordering, a significance, a comparison with a published value) is
# recorded there too, as a claim: the test that decides it, its computed truth and the
# sentence for either outcome, of which the text shows the one that holds. This introduction
# therefore only says what each chapter asks; the answers are in the chapters. Code that a
# reader may want to see is folded under the figures; set-up code is hidden.
#
# ## How to rebuild and re-execute it
#
# On a Debian machine with Python 3.11, two commands do everything, from a fresh clone with the
# shared data folder beside it:
#
# ```bash
# make book   # virtual environment, packages, TeX; HTML in _build/html, PDF in _build/latex
# make test   # lint, unit tests, chapter tests, strict HTML build, PDF and browser checks
# ```
#
# Inside the virtual environment, `jupyter-book build .` builds the same HTML book. The data
# are read from the folder named by the environment variable `EUCLUSTER_DATA`, by default
# `../shared/data/external`; `eucluster data status` lists what is found and verified, and
# `eucluster data fetch` downloads verified copies when the machine is online.
#
# Each computational chapter starts with a cell of parameters (thresholds, year, sample,
# random seed). A reviewer re-executes one chapter under other values with
#
# ```bash
# eucluster rerun nodes -p lq_threshold 2.0
# ```
#
# which checks the names and types of the parameters before running anything, executes the
# chapter into `_build/rerun/` and prints every key figure that changed, beside its value in
# the published build, and, separately, every claim whose truth changed; the re-executed
# chapter states the sentences its own numbers support.
