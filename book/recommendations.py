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
import altair as alt
import pandas as pd
from IPython.display import Markdown
from myst_nb import glue

from eucluster.data import published
from eucluster.documents import organisations, recommendations
from eucluster.report import charts
from eucluster.report.key_figures import KeyFigures
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("recommendations")
compute = figures.compute


def join_words(words):
    """'a', 'a and b', 'a, b and c': lists in prose."""
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


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
items = published.load("policy_items")
themes = published.load("policy_themes")
links = published.load("policy_item_themes")
group_counts = recommendations.check_crosswalk(items, themes, links)
crosswalk_source = published.resource("policy_items").citation
compute(
    "recommendations.items.count",
    len(items),
    unit="items",
    definition="Recommendation items in the cross-walk (policy_items).",
    fmt="{:d}",
)
compute(
    "recommendations.themes.count",
    len(themes),
    unit="themes",
    definition="Themes of the cross-walk (policy_themes).",
    fmt="{:d}",
)
compute(
    "recommendations.links.secondary",
    int((links["strength"] == "secondary").sum()),
    unit="links",
    definition="Secondary item-theme links in policy_item_themes.",
    fmt="{:d}",
)
for key, figure_id in [
    (("000", "pathway"), "pathways"),
    (("001", "recommendation"), "interreg_recommendations"),
    (("001", "action"), "interreg_actions"),
    (("004", "recommendation_area"), "clusterix_areas"),
    (("004", "earlier_recommendation"), "clusterix_review"),
]:
    figures.publish(
        f"recommendations.items.{figure_id}",
        group_counts[key],
        unit="items",
        source=crosswalk_source,
        fmt="{:d}",
    )
sources = pd.DataFrame(
    [
        {
            "Group": recommendations.SOURCE_GROUPS[key],
            "Document": key[0],
            "Items": n,
            "Where": published.DOCUMENTS[key[0]][1].split(":")[0],
        }
        for key, n in group_counts.items()
    ]
)

# %% tags=["remove-cell"]
assert sum(group_counts.values()) == len(items)
assert set(themes["theme_id"]) == set(links["theme_id"])
assert (links.groupby("item_id")["strength"].apply(lambda s: (s == "primary").sum()) == 1).all()

# %% tags=["remove-input"]
show_table(
    sources,
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
Markdown(
    "\n".join(
        f"{row.theme} ({row.theme_id.capitalize()})\n: {row.definition} "
        f"*Why a theme of its own:* {row.justification}\n"
        for row in themes.itertuples()
    )
)

# %% [markdown]
# ## Themes across the documents
#
# {numref}`fig-theme-matrix` sets the themes against the six groups of items. The top panel
# counts only primary themes, the bottom panel every mention; both are shares of the group's
# items, so that a long list does not outweigh a short one.

# %% tags=["remove-cell"]
matrix = recommendations.theme_matrix(items, themes, links)
matrix["primary_pct"] = 100 * matrix["primary_share"]
matrix["any_pct"] = 100 * matrix["any_share"]
matrix["theme_short"] = matrix["theme_id"].str.capitalize()
summary = recommendations.agreement(matrix)
theme_order = summary["theme_id"].str.capitalize().tolist()
group_order = list(recommendations.SOURCE_GROUPS.values())
theme_chart = alt.vconcat(
    *[
        charts.heatmap(
            matrix,
            x="group",
            y="theme_short",
            value=column,
            value_title="% of the group's items",
            domain=(0, 100),
            title=title,
            x_sort=group_order,
            y_sort=theme_order,
            cell=22,
        )
        for column, title in [("primary_pct", "Primary theme"), ("any_pct", "Any mention")]
    ]
).resolve_scale(color="shared")
glue("fig-theme-matrix", theme_chart, display=False)

documents = summary["documents"].iloc[0]
everywhere_primary = summary.loc[summary["documents_primary"] == documents, "theme"]
everywhere_any = summary.loc[summary["documents_any"] == documents, "theme"]
rare = summary.loc[summary["documents_any"] < documents, "theme"]
figures.publish(
    "recommendations.agreement.primary_everywhere",
    join_words(everywhere_primary.str.lower()),
    unit="themes",
    definition="Themes that are a primary theme in every document that gives advice.",
)
compute(
    "recommendations.agreement.any_everywhere",
    len(everywhere_any),
    unit="themes",
    definition="Themes mentioned (primary or secondary) in every document that gives advice.",
    fmt="{:d}",
)
compute(
    "recommendations.agreement.documents",
    int(documents),
    unit="documents",
    definition="Documents with recommendation items (000, 001, 002, 004).",
    fmt="{:d}",
)
figures.publish(
    "recommendations.agreement.missing",
    join_words(rare.str.lower()),
    unit="themes",
    definition="Themes that at least one advising document never mentions.",
)
by_doc = matrix.groupby(["theme_id", "document"])["any"].sum().unstack()
absent_from = by_doc.loc["evaluation"]
figures.publish(
    "recommendations.evaluation.absent_from",
    join_words(absent_from[absent_from == 0].index.tolist()),
    unit="documents",
    definition="Documents with no item touching monitoring and evaluation.",
)
shares = matrix.set_index(["group", "theme_id"])
for group_key, theme_id, figure_id in [
    (("004", "earlier_recommendation"), "collaboration", "review2014.collaboration"),
    (("004", "recommendation_area"), "management", "areas2018.management"),
    (("000", "pathway"), "transition", "pathways.transition"),
    (("002", "national_policy"), "funding", "policies.funding"),
    (("002", "national_policy"), "management", "policies.management"),
]:
    compute(
        f"recommendations.share.{figure_id}.any",
        shares.loc[(recommendations.SOURCE_GROUPS[group_key], theme_id), "any_share"],
        unit="share of the group's items",
        definition=f"Items of {recommendations.SOURCE_GROUPS[group_key]} touching '{theme_id}'.",
        fmt="{:.0%}",
    )
compute(
    "recommendations.share.pathways.transition.primary",
    shares.loc[(recommendations.SOURCE_GROUPS[("000", "pathway")], "transition"), "primary"],
    unit="items",
    definition="Pathways of document 000 whose primary theme is the green and digital transition.",
    fmt="{:d}",
)

# %% tags=["remove-cell"]
assert matrix["any_share"].between(0, 1).all()
assert len(everywhere_primary) >= 1
assert int(documents) == 4

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
sizes = organisations.label_group_sizes()
table3 = published.load("eu4d_table3").set_index("service")
table4 = published.load("eu4d_table4").set_index("service")
labelled = sizes["gold"] + sizes["silver"]
for figure_id, table, service in [
    (
        "human_resources",
        table3,
        "Development of human resources, such as staff mobility, access to training",
    ),
    ("rdi", table3, "Support of research, development and innovation"),
    (
        "external",
        table3,
        "Facilitation of external collaboration (beyond cluster) such as matchmaking",
    ),
    ("digital_projects", table4, "Identifying and promotion of digital collaborative projects"),
    ("private_funding", table3, "Access to finance: private funding"),
]:
    compute(
        f"recommendations.evidence.{figure_id}",
        (table.loc[service, "gold"] + table.loc[service, "silver"]) / labelled,
        unit="share of gold and silver organisations",
        definition=f"Gold plus silver organisations offering '{service}' (document 002, "
        "Table 3 or 4) over the 43 gold and silver organisations.",
        fmt="{:.0%}",
    )
membership = published.load("eu4d_membership").set_index("statistic_id")["value"]
figures.publish(
    "recommendations.evidence.sme_share",
    membership["eccp_members_sme_share"],
    unit="% of members",
    source=published.resource("eu4d_membership").citation,
    fmt="{:.0f}",
)
figures.publish(
    "recommendations.evidence.staff_small",
    membership["eccp_staff_1_5_share"],
    unit="% of cluster organisations",
    source=published.resource("eu4d_membership").citation,
    fmt="{:.0f}",
)

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
landscape = published.load("landscape_figures")
box_rows = [
    ("panorama.clusters.count", "001", "{:,.0f}"),
    ("panorama.employment.jobs", "001", "{:.1f}"),
    ("panorama.employment.share_pct", "001", "{:.1f}"),
    ("panorama.clusters.count", "003", "{:,.0f}"),
    ("panorama.employment.share_pct", "003", "{:.0f}"),
    ("panorama.wages.share_pct", "003", "{:.0f}"),
    ("panorama.clusters.high_performing", "001", "{:,.0f}"),
    ("panorama.productivity_premium.cluster_firms_pct", "001", "{:.0f}"),
    ("panorama.productivity_premium.high_performing_pct", "001", "{:.0f}"),
    ("eccp.cluster_organisations.count", "001", "{:,.0f}"),
    ("esif.innovation_investment.total", "003", "{:.0f}"),
    ("esif.cluster_support.earmarked", "003", "{:.2f}"),
]
rows = landscape.set_index(["figure_id", "document"])
lines = []
for figure_id, document, fmt in box_rows:
    row = rows.loc[(figure_id, document)]
    where = f"document {document}, {row['section'].split(' > ')[-1]}, line {row['lines']}"
    figures.publish(
        f"recommendations.landscape.{figure_id}.doc{document}",
        row["value"],
        unit=row["unit"],
        source=where,
        fmt=fmt,
    )
    shown = fmt.format(row["value"])
    lines.append(f"- **{shown} {row['unit']}**: {row['description']} ({where}).")
cluster_share = compute(
    "recommendations.landscape.esif_cluster_share",
    rows.loc[("esif.cluster_support.earmarked", "003"), "value"]
    / rows.loc[("esif.innovation_investment.total", "003"), "value"],
    unit="share",
    definition="ESIF money earmarked for clusters and business networks over all "
    "innovation-related ESIF investment, both as printed in document 003.",
    fmt="{:.1%}",
)
lines.append(
    f"- **{cluster_share:.1%}** of innovation-related structural-fund investment was earmarked "
    "for cluster support (computed from the two figures above)."
)

# %% tags=["remove-cell"]
assert 0 < cluster_share < 0.05
assert len(lines) == len(box_rows) + 1

# %% tags=["remove-input"]
Markdown(
    ":::{admonition} Key figures: clusters in Europe\n:class: tip\n\n"
    + "\n".join(lines)
    + "\n\nDocuments 001 and 003 quote different editions of the European Cluster Panorama: "
    "their counts of clusters and shares of employment differ for that reason.\n:::\n"
)

# %% [markdown]
# The figures frame the advice. Clusters, by the Panorama's count, hold a large share of
# European jobs and firms in them are more productive, which is why every document wants
# more of them; yet the money set aside for cluster support was a small slice of the
# structural funds for innovation. Read with this book's evidence, the documents' advice is
# best taken as a set of plausible priorities whose effects nobody has yet measured: the
# recommendation that most deserves to be followed is the one only CLUSTERIX makes, to
# monitor and evaluate.
