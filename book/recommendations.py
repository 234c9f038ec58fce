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
# how far does this book's own evidence support them?
# {glue}`recommendations.agreement.core_everywhere`.
# {glue}`recommendations.agreement.evaluation_only_oldest` Set against the documents' advice,
# {glue}`recommendations.evidence.thin`.

# %% tags=["remove-cell"]
from IPython.display import Markdown
from myst_nb import glue

from eucluster.documents import advice_claims, advice_evidence, landscape, recommendations
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
stated = figures.publish_all(agreement.figures + advice_claims.theme_claims(crosswalk, agreement))
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
# theme in all of them are {glue}`recommendations.agreement.primary_everywhere`.
# {glue}`recommendations.agreement.core_agreed`
#
# **Differences.** Emphasis shifts with purpose and age.
# {glue}`recommendations.differences.review_collaboration`, and
# {glue}`recommendations.differences.areas_more_even`:
# {glue}`recommendations.differences.areas_management_top`.
# {glue}`recommendations.differences.pathways_transition`, and
# {glue}`recommendations.differences.interreg_opens_with_transition`.
# {glue}`recommendations.differences.policies_money`
#
# **Gaps.** {glue}`recommendations.agreement.evaluation_only_gap`
# {glue}`recommendations.agreement.skills_rarely_primary`
#
# ## What this book's evidence says, theme by theme
#
# For each theme, the chapters of this book that bear on it and what they show. Numbers
# computed here from the digitised tables carry their own key figures; findings of other
# chapters are recomputed here with the same functions, at those chapters' default settings,
# so that the sentences below follow what those functions find; the chapter named gives the
# detail and the re-runs under other settings.

# %% tags=["remove-cell"]
evidence = figures.publish_all(advice_evidence.theme_evidence())

# %% [markdown]
# Targeting and smart specialisation
# : The ECCP paper's case for targeting weak regions rests on counts of specialisation
#   nodes. Recomputed from Eurostat business statistics as in {doc}`nodes`, with the paper's
#   thresholds, {glue}`recommendations.evidence.nodes_gap_sign`;
#   {glue}`recommendations.evidence.nodes_gap_smaller`,
#   {glue}`recommendations.evidence.nodes_gap_noise`. With the thresholds moved as in
#   {doc}`ecosystems`, {glue}`recommendations.evidence.threshold_sign_changes`
#
# Cluster organisations and management excellence
# : Tested service by service as in {doc}`organisations`,
#   {glue}`recommendations.evidence.labels_alike`
#   {glue}`recommendations.evidence.staff_small_most` (document 002, section 2.3.2); the
#   documents' call for training and shared services for cluster managers is aimed at such
#   teams.
#
# Collaboration beyond the cluster
# : Matchmaking and collaboration beyond the cluster are offered by
#   {glue}`recommendations.evidence.external` of gold and silver organisations (document 002,
#   Table 3), {glue}`recommendations.evidence.external_most`; the book has no data on whether
#   it produces joint projects across regions.
#
# Skills of cluster firms and workers
# : {glue}`recommendations.evidence.human_resources_least`
#
# Innovation, R&D and science-industry links
# : Support for research, development and innovation is offered by
#   {glue}`recommendations.evidence.rdi` of gold and silver organisations (document 002,
#   Table 3), and R&D projects appear among the results of
#   {glue}`recommendations.evidence.cases_rd_results` of the
#   {glue}`recommendations.evidence.cases_results` case studies in {doc}`organisations` that
#   report results. The book cannot measure the innovation those projects yield.
#
# Firms: SMEs, anchor players and entrepreneurship
# : SMEs make up {glue}`recommendations.evidence.sme_share` % of the members of ECCP cluster
#   organisations (document 002, section 2.3.3), and, as {doc}`organisations` shows,
#   {glue}`recommendations.evidence.gold_large_firms`.
#
# Green and digital transition
# : {glue}`recommendations.evidence.digital_projects_top` For the green transition the book
#   has no evidence of its own.
#
# Support instruments, funding and continuity
# : Of the case studies in {doc}`organisations`,
#   {glue}`recommendations.evidence.cases_mixed_fees`; that chapter also quotes the profiles
#   that tell of moving away from public money.
#   {glue}`recommendations.evidence.private_funding_rare` The headline figures in the box
#   below give the cluster share of European structural funds for innovation.
#
# Monitoring, evaluation and visibility
# : {glue}`recommendations.evidence.cases_results` of the
#   {glue}`recommendations.evidence.cases_count` case studies report results at all, each in
#   its own terms ({doc}`organisations`). {doc}`audit` checks the documents' statements against
#   their own tables, and the headline figures below show
#   {glue}`recommendations.landscape.jobs_shares_differ`. On this book's reading, the evidence
#   the evaluation theme asks for is the weakest part of the record.
#
# Governance, policy learning and multi-level alignment
# : The book has no data on how policy levels are coordinated; this theme rests on the
#   documents' own accounts alone.
#
# ## Europe's cluster landscape in headline figures

# %% tags=["remove-cell"]
headlines = landscape.headline_box()
figures.publish_all(headlines.figures + headlines.claims)
assert len(headlines.lines) == len(landscape.HEADLINE_FIGURES) + 1

# %% tags=["remove-input"]
Markdown(headlines.markdown())

# %% [markdown]
# The figures frame the advice. Clusters, by the Panorama's count, hold
# {glue}`recommendations.landscape.panorama.employment.share_pct.doc001` % (document 001) or
# {glue}`recommendations.landscape.panorama.employment.share_pct.doc003` % (document 003) of
# European jobs, and {glue}`recommendations.landscape.productivity_premium`, which is why the
# documents want more of them; {glue}`recommendations.landscape.esif_share_small`. Read with
# this book's evidence, the documents' advice is best taken as a set of plausible priorities
# whose effects nobody has yet measured: the recommendation that most deserves to be followed
# is to monitor and evaluate.
