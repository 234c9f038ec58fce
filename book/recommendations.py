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
# # What the documents recommend
#
# On which themes do the four documents that give policy advice agree, where do they differ, and
# how far does this book's own evidence support them? All four ask for stronger cluster
# organisations and for collaboration beyond the single cluster, but only the oldest, CLUSTERIX,
# makes evaluation a recommendation of its own, and the book's evidence is thin exactly where the
# advice is most confident: it shows that cluster organisations look alike whatever their label,
# and that the counts used to target weak regions move with the method.

# %% tags=["remove-cell"]
from IPython.display import Markdown
from myst_nb import glue

from eucluster.documents import landscape, recommendations
from eucluster.key_figures import KeyFigures
from eucluster.report import charts, document_charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("recommendations")

# %% [markdown]
# ## The advice, item by item
#
# Each document frames its advice in its own way. The ECCP discussion paper
# {cite:p}`franco_wilson_2021` ends with {glue}`recommendations.items.pathways` policy pathways for
# structurally weak regions; the Interreg Europe brief {cite:p}`interreg_2021_clusters` gives
# {glue}`recommendations.items.interreg_recommendations` recommendations and, in its Table 1,
# {glue}`recommendations.items.interreg_actions` groups of possible cluster actions; the EU4Digital
# report {cite:p}`eu4digital_2024` describes national and regional cluster policies as good practice
# (go-cluster and two further German programmes, Poland's key national clusters and its renewed
# policy, Flanders and Catalonia); and CLUSTERIX 2.0 {cite:p}`clusterix_2018` sets out
# {glue}`recommendations.items.clusterix_areas` recommendation areas and reviews the
# {glue}`recommendations.items.clusterix_review` recommendations its predecessor project made in
# 2014. The Commission editorial {cite:p}`ec_2020_s3_clusters` gives figures but no recommendations.
# The project has entered every item into one cross-walk ({numref}`tbl-recommendation-sources`),
# checked on every build to be complete.

# %% tags=["remove-cell"]
crosswalk = recommendations.load_crosswalk()
figures.publish_all(crosswalk.figures)

# %% tags=["remove-cell"]
assert sum(crosswalk.group_counts.values()) == len(crosswalk.items)
assert set(crosswalk.themes["theme_id"]) == set(crosswalk.links["theme_id"])

# %% tags=["remove-input"]
show_table(
    crosswalk.sources(),
    label="tbl-recommendation-sources",
    caption="Groups of recommendation items in the cross-walk, by document (documents 000 "
    "pathways section, 001 section 5 and Table 1, 002 section 2.7.3, 004 sections 3 and 4).",
    formats={"Items": "{:d}"},
)

# %% [markdown]
# In all the cross-walk holds {glue}`recommendations.items.count` items. Each has one
# primary theme, the one its title and main request point to, and may touch others
# ({glue}`recommendations.links.secondary` secondary links in all); the reason for every link
# is stored with it in `data/published/policy_item_themes.csv`.
#
# ## Ten themes
#
# The {glue}`recommendations.themes.count` themes are the project's, not any document's. They
# were drawn up so that each answers a different question a policymaker faces (where to put
# support, whom to support, for what, with what money, and how to know it worked) and so that
# no theme swallows the others. Each definition below says what belongs to the theme, followed
# by why it is kept separate.

# %% tags=["remove-input"]
Markdown(crosswalk.theme_definitions())

# %% [markdown]
# ## Themes across the documents
#
# {numref}`fig-theme-matrix` sets the themes against the six groups of items. The top panel
# counts only primary themes, the bottom panel every mention; both are shares of the group's
# items, so that a long list does not outweigh a short one.

# %% tags=["remove-cell"]
agreement = recommendations.theme_agreement(crosswalk)
stated = figures.publish_all(agreement.figures)
theme_chart = document_charts.theme_heatmaps(
    agreement.matrix, theme_order=agreement.theme_order, group_order=agreement.group_order
)
glue("fig-theme-matrix", theme_chart, display=False)

# %% tags=["remove-cell"]
assert agreement.matrix["any_share"].between(0, 1).all()
assert stated["recommendations.agreement.primary_everywhere"]
assert stated["recommendations.agreement.documents"] == 4

# %% [markdown]
# ```{glue:figure} fig-theme-matrix
# :name: fig-theme-matrix
#
# Share of each group's recommendation items that has a theme as its primary theme (top) or
# mentions it at all (bottom). Items from documents 000, 001 (section 5 and Table 1), 002
# (section 2.7.3) and 004 (sections 3 and 4); themes and links are the project's
# classification (`policy_themes`, `policy_item_themes`). Rows ordered by the number of
# documents in which the theme is primary; short theme names as given in brackets in the definitions
# above.
# ```
#
# **Agreement.** {glue}`recommendations.agreement.any_everywhere` of the
# {glue}`recommendations.themes.count` themes appear somewhere in each of the
# {glue}`recommendations.agreement.documents` advising documents, and the ones that are a primary
# theme in all of them are {glue}`recommendations.agreement.primary_everywhere`. Whatever their
# purpose, the documents agree that the cluster organisation itself needs investment and that
# clusters gain from working across regional and sectoral borders.
#
# **Differences.** Emphasis shifts with purpose and age. The CLUSTERIX review of 2014
# recommendations is dominated by collaboration and internationalisation
# ({glue}`recommendations.share.review2014.collaboration.any` of its items touch it), while the
# 2018 areas spread more evenly, with cluster-management services and labelling among the most
# frequent ({glue}`recommendations.share.areas2018.management.any` of the areas). The ECCP
# pathways mention the green and digital transition often
# ({glue}`recommendations.share.pathways.transition.any` of them), but as a cross-cutting concern:
# the number of pathways with it as primary theme is
# {glue}`recommendations.share.pathways.transition.primary`, whereas the Interreg brief opens its
# recommendations with it. The national policies described by EU4Digital are about instruments and
# money: {glue}`recommendations.share.policies.funding.any` of them touch funding and continuity
# and {glue}`recommendations.share.policies.management.any` cluster management (labels,
# professionalisation), which fits their being programmes rather than advice.
#
# **Gaps.** The only theme that some document never mentions is
# {glue}`recommendations.agreement.missing`: no item of documents
# {glue}`recommendations.evaluation.absent_from` touches it. Skills of firms and workers are
# mentioned everywhere but rarely the main subject. The advice is long on what to support and
# short on how to tell whether support worked.
#
# ## What this book's evidence says, theme by theme
#
# For each theme, the chapters of this book that bear on it and what they show. Numbers
# computed here from the digitised tables carry their own key figures; findings of other
# chapters are summarised, with the chapter to read.

# %% tags=["remove-cell"]
figures.publish_all(recommendations.evidence_figures())

# %% [markdown]
# Targeting and smart specialisation
# : The ECCP paper's case for targeting weak regions rests on counts of specialisation
#   nodes. Recomputed from Eurostat business statistics in {doc}`nodes`, the weak regions'
#   shortfall in industry-relevant nodes is smaller than published and within the noise, and
#   {doc}`ecosystems` finds that the contrast changes sign when the thresholds move. Advice
#   to build on existing strengths is sound; the numbers that say *where* those strengths
#   are depend on choices the paper does not test.
#
# Cluster organisations and management excellence
# : {doc}`organisations` finds no service that gold-labelled organisations offer
#   significantly more often than silver ones; the label certifies management processes, and
#   the data do not show that it changes what members receive. Most organisations are small:
#   {glue}`recommendations.evidence.staff_small` % of those on the ECCP employ one to five
#   people (document 002, section 2.3.2), which supports the documents' call for training
#   and shared services for cluster managers.
#
# Collaboration beyond the cluster
# : Matchmaking and collaboration beyond the cluster are offered by
#   {glue}`recommendations.evidence.external` of gold and silver organisations (document 002,
#   Table 3), so the service the documents ask for already exists in most labelled
#   organisations; the book has no data on whether it produces joint projects across regions.
#
# Skills of cluster firms and workers
# : Human-resource development is among the least offered services:
#   {glue}`recommendations.evidence.human_resources` of gold and silver organisations provide
#   it (document 002, Table 3). The gap that document 000's skills pathway points to is
#   visible in the service data.
#
# Innovation, R&D and science-industry links
# : Support for research, development and innovation is offered by
#   {glue}`recommendations.evidence.rdi` of gold and silver organisations (document 002,
#   Table 3), and the {doc}`organisations` case studies count R&D projects among their
#   results. The book cannot measure the innovation those projects yield.
#
# Firms: SMEs, anchor players and entrepreneurship
# : SMEs make up {glue}`recommendations.evidence.sme_share` % of the members of ECCP cluster
#   organisations (document 002, section 2.3.3), and {doc}`organisations` shows that every
#   gold organisation also has large firms as members: the SME outreach and the anchor
#   players the documents ask for are both present in the membership data.
#
# Green and digital transition
# : Identifying and promoting digital collaborative projects is the most common digital
#   service, offered by {glue}`recommendations.evidence.digital_projects` of gold and silver
#   organisations (document 002, Table 4). For the green transition the book has no evidence
#   of its own.
#
# Support instruments, funding and continuity
# : The case studies in {doc}`organisations` share a mixed funding model built on membership
#   fees, and two of them describe moving away from public money. Private funding
#   as a service to members is rare ({glue}`recommendations.evidence.private_funding` of gold
#   and silver organisations, document 002, Table 3). The headline figures in the box below
#   show how small the cluster share of European structural funds was.
#
# Monitoring, evaluation and visibility
# : The case studies report results in incompatible terms ({doc}`organisations`), and
#   {doc}`audit` finds that several documents make statements their own tables contradict and
#   that they disagree on the share of European jobs in clusters: the evidence the evaluation
#   theme asks for is, on this book's reading, the weakest part of the record.
#
# Governance, policy learning and multi-level alignment
# : The book has no data on how policy levels are coordinated; this theme rests on the
#   documents' own accounts alone.
#
# ## Europe's cluster landscape in headline figures

# %% tags=["remove-cell"]
headlines = landscape.headline_box()
figures.publish_all(headlines.figures)
assert 0 < headlines.esif_cluster_share < 0.05
assert len(headlines.lines) == len(landscape.HEADLINE_FIGURES) + 1

# %% tags=["remove-input"]
Markdown(headlines.markdown())

# %% [markdown]
# The figures frame the advice. Clusters, by the Panorama's count, hold a large share of
# European jobs and firms in them are more productive, which is why every document wants
# more of them; yet the money set aside for cluster support was a small slice of the
# structural funds for innovation. Read with this book's evidence, the documents' advice is
# best taken as a set of plausible priorities whose effects nobody has yet measured: the
# recommendation that most deserves to be followed is the one only CLUSTERIX makes, to
# monitor and evaluate.
