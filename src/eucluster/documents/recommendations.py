"""The documents' policy advice, mapped to common themes (the policy cross-walk).

Each document structures its advice differently: seven pathways (000), five recommendations
and a table of possible actions (001), national and regional policies described as good
practice (002), seven new recommendation areas and a review of twelve older ones (004). The
cross-walk (``policy_items``, ``policy_themes``, ``policy_item_themes``) assigns every item
one primary theme and any number of secondary ones, so that the documents can be compared
theme by theme. This module checks that the cross-walk is complete and counts it, measures
where the documents agree and differ; each step returns the key figures the chapter states.
The claims read from these counts are in :mod:`~eucluster.documents.advice_claims`, the
book's own evidence per theme in :mod:`~eucluster.documents.advice_evidence`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data
from eucluster.key_figures import Figure, computed, name_list

#: What the issue asks the cross-walk to hold: (document, kind) -> number of items.
EXPECTED_ITEMS = {
    ("000", "pathway"): 7,
    ("001", "recommendation"): 5,
    ("001", "action"): 8,
    ("004", "recommendation_area"): 7,
    ("004", "earlier_recommendation"): 12,
}
#: National and regional policies of document 002 that must be in the cross-walk.
EXPECTED_POLICY_COUNTRIES = {"DE", "PL", "BE", "ES"}

#: One column per group of items: a document can hold advice of different kinds and ages.
SOURCE_GROUPS = {
    ("000", "pathway"): "000 pathways (2021)",
    ("001", "recommendation"): "001 recommendations (2021)",
    ("001", "action"): "001 Table 1 actions (2021)",
    ("002", "national_policy"): "002 national policies (2024)",
    ("004", "recommendation_area"): "004 new areas (2018)",
    ("004", "earlier_recommendation"): "004 review of 2014 list",
}


class CrosswalkError(ValueError):
    """The cross-walk misses items or breaks its own rules."""


def check_crosswalk(
    items: pd.DataFrame, themes: pd.DataFrame, links: pd.DataFrame
) -> dict[tuple[str, str], int]:
    """Raise :class:`CrosswalkError` unless the cross-walk is complete and well formed.

    Complete: every group of :data:`EXPECTED_ITEMS` has its full count and document 002's
    policies cover :data:`EXPECTED_POLICY_COUNTRIES`. Well formed: every item has exactly one
    primary theme and every link names a known item and theme. Returns the counts per group.
    """
    problems = []
    counts = items.groupby(["document", "kind"]).size().to_dict()
    for group, expected in EXPECTED_ITEMS.items():
        if counts.get(group, 0) != expected:
            problems.append(f"{group}: {counts.get(group, 0)} items, expected {expected}")
    policies = items.loc[items["kind"] == "national_policy", "country"]
    missing = EXPECTED_POLICY_COUNTRIES - set(policies.dropna())
    if missing:
        problems.append(f"no national policy of document 002 for {sorted(missing)}")
    unknown_items = set(links["item_id"]) - set(items["item_id"])
    unknown_themes = set(links["theme_id"]) - set(themes["theme_id"])
    if unknown_items or unknown_themes:
        problems.append(f"links to unknown items {unknown_items} or themes {unknown_themes}")
    primaries = (
        links[links["strength"] == "primary"].groupby("item_id").size().reindex(items["item_id"])
    )
    wrong = primaries[primaries.fillna(0) != 1]
    if not wrong.empty:
        problems.append(f"items without exactly one primary theme: {list(wrong.index)}")
    if problems:
        raise CrosswalkError("policy cross-walk: " + "; ".join(problems))
    return counts


def theme_matrix(items: pd.DataFrame, themes: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Long table: source group × theme, with items mapped (primary / any) and their share.

    Shares divide by the group's number of items, so a group of twelve does not outweigh a
    group of five. Every pair is present, with zeros where a group never touches a theme.
    """
    frame = links.merge(items[["item_id", "document", "kind"]], on="item_id")
    frame["group"] = [
        SOURCE_GROUPS[(d, k)] for d, k in zip(frame["document"], frame["kind"], strict=True)
    ]
    sizes = pd.Series(
        {SOURCE_GROUPS[g]: n for g, n in items.groupby(["document", "kind"]).size().items()}
    )
    grid = pd.MultiIndex.from_product(
        [[g for g in SOURCE_GROUPS.values() if g in sizes.index], themes["theme_id"]],
        names=["group", "theme_id"],
    )
    primary = frame[frame["strength"] == "primary"].groupby(["group", "theme_id"]).size()
    any_link = frame.groupby(["group", "theme_id"])["item_id"].nunique()
    out = pd.DataFrame(
        {
            "primary": primary.reindex(grid, fill_value=0),
            "any": any_link.reindex(grid, fill_value=0),
        }
    ).reset_index()
    out["group_items"] = out["group"].map(sizes).astype(int)
    out["primary_share"] = out["primary"] / out["group_items"]
    out["any_share"] = out["any"] / out["group_items"]
    out["document"] = out["group"].str[:3]
    return out.merge(themes[["theme_id", "theme"]], on="theme_id")


def agreement(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per theme: in how many documents it is a primary theme or mentioned at all.

    Counting documents, not items, keeps a long list (004's review) from dominating.
    """
    by_document = matrix.groupby(["theme_id", "theme", "document"])[["primary", "any"]].sum()
    documents = matrix["document"].nunique()
    summary = (
        (by_document > 0)
        .groupby(["theme_id", "theme"])
        .sum()
        .rename(columns={"primary": "documents_primary", "any": "documents_any"})
        .reset_index()
    )
    summary["documents"] = documents
    items_primary = matrix.groupby("theme_id")["primary"].sum()
    summary["items_primary"] = summary["theme_id"].map(items_primary).astype(int)
    return summary.sort_values(["documents_primary", "items_primary"], ascending=False).reset_index(
        drop=True
    )


#: Key-figure id part of each group's item count, as the chapter's prose cites it.
ITEM_COUNT_IDS = {
    ("000", "pathway"): "pathways",
    ("001", "recommendation"): "interreg_recommendations",
    ("001", "action"): "interreg_actions",
    ("004", "recommendation_area"): "clusterix_areas",
    ("004", "earlier_recommendation"): "clusterix_review",
}


@dataclass(frozen=True)
class Crosswalk:
    """The checked cross-walk, its size per group of items, and the figures that count it."""

    items: pd.DataFrame
    themes: pd.DataFrame
    links: pd.DataFrame
    group_counts: dict[tuple[str, str], int]
    figures: list[Figure]

    def sources(self) -> pd.DataFrame:
        """One row per group of items: which document, how many items, what kind of text."""
        return pd.DataFrame(
            [
                {
                    "Group": SOURCE_GROUPS[key],
                    "Document": key[0],
                    "Items": count,
                    "Where": data.DOCUMENTS[key[0]][1].split(":")[0],
                }
                for key, count in self.group_counts.items()
            ]
        )

    def theme_definitions(self) -> str:
        """The themes as a MyST definition list: definition, then why the theme stands alone."""
        return "\n".join(
            f"{row.theme} ({row.theme_id.capitalize()})\n: {row.definition} "
            f"*Why a theme of its own:* {row.justification}\n"
            for row in self.themes.itertuples()
        )


def load_crosswalk() -> Crosswalk:
    """Read the three cross-walk tables, refuse an incomplete one, and count it.

    Checking on every load (:func:`check_crosswalk`) means the chapter cannot state counts of
    a cross-walk that has lost an item.
    """
    items = data.load("policy_items")
    themes = data.load("policy_themes")
    links = data.load("policy_item_themes")
    group_counts = check_crosswalk(items, themes, links)
    source = data.resource("policy_items").citation
    figures = [
        computed(
            "recommendations.items.count",
            len(items),
            unit="items",
            definition="Recommendation items in the cross-walk (policy_items).",
            fmt="{:d}",
        ),
        computed(
            "recommendations.themes.count",
            len(themes),
            unit="themes",
            definition="Themes of the cross-walk (policy_themes).",
            fmt="{:d}",
        ),
        computed(
            "recommendations.links.secondary",
            int((links["strength"] == "secondary").sum()),
            unit="links",
            definition="Secondary item-theme links in policy_item_themes.",
            fmt="{:d}",
        ),
    ]
    figures += [
        Figure(
            f"recommendations.items.{figure_id}",
            group_counts[key],
            "items",
            source=source,
            fmt="{:d}",
        )
        for key, figure_id in ITEM_COUNT_IDS.items()
    ]
    return Crosswalk(items, themes, links, group_counts, figures)


#: Shares of a group's items touching a theme that the chapter cites: (group, theme, id part).
CITED_SHARES = [
    (("004", "earlier_recommendation"), "collaboration", "review2014.collaboration"),
    (("004", "recommendation_area"), "management", "areas2018.management"),
    (("000", "pathway"), "transition", "pathways.transition"),
    (("002", "national_policy"), "funding", "policies.funding"),
    (("002", "national_policy"), "management", "policies.management"),
]


@dataclass(frozen=True)
class ThemeAgreement:
    """Themes against groups of items, per-theme agreement across documents, and the figures
    that state where the documents agree, differ and fall silent."""

    matrix: pd.DataFrame
    summary: pd.DataFrame
    figures: list[Figure]

    @property
    def theme_order(self) -> list[str]:
        """Short theme names, the themes primary in most documents first."""
        return self.summary["theme_id"].str.capitalize().tolist()

    @property
    def group_order(self) -> list[str]:
        """Groups of items in the order of :data:`SOURCE_GROUPS` (by document)."""
        return list(SOURCE_GROUPS.values())


def theme_agreement(crosswalk: Crosswalk) -> ThemeAgreement:
    """Where the advising documents agree, where they differ and which theme some ignore.

    Agreement counts documents, not items (:func:`agreement`); differences are shares of a
    group's items (:func:`theme_matrix`); the gap is the theme some document never mentions,
    and the monitoring-and-evaluation theme is named with the documents that never touch it.
    """
    matrix = theme_matrix(crosswalk.items, crosswalk.themes, crosswalk.links)
    summary = agreement(matrix)
    documents = int(summary["documents"].iloc[0])
    everywhere_primary = summary.loc[summary["documents_primary"] == documents, "theme"]
    everywhere_any = summary.loc[summary["documents_any"] == documents, "theme"]
    rare = summary.loc[summary["documents_any"] < documents, "theme"]
    mentions = matrix.groupby(["theme_id", "document"])["any"].sum().unstack()
    evaluation = mentions.loc["evaluation"]
    figures = [
        Figure(
            "recommendations.agreement.primary_everywhere",
            name_list(everywhere_primary.str.lower(), empty="none"),
            "themes",
            definition="Themes that are a primary theme in every document that gives advice.",
        ),
        computed(
            "recommendations.agreement.any_everywhere",
            len(everywhere_any),
            unit="themes",
            definition="Themes mentioned (primary or secondary) in every document that gives "
            "advice.",
            fmt="{:d}",
        ),
        computed(
            "recommendations.agreement.documents",
            documents,
            unit="documents",
            definition="Documents with recommendation items (000, 001, 002, 004).",
            fmt="{:d}",
        ),
        Figure(
            "recommendations.agreement.missing",
            name_list(rare.str.lower(), empty="none"),
            "themes",
            definition="Themes that at least one advising document never mentions.",
        ),
        Figure(
            "recommendations.evaluation.absent_from",
            name_list(evaluation[evaluation == 0].index.tolist(), empty="none"),
            "documents",
            definition="Documents with no item touching monitoring and evaluation.",
        ),
    ]
    shares = matrix.set_index(["group", "theme_id"])
    for group_key, theme_id, figure_id in CITED_SHARES:
        group = SOURCE_GROUPS[group_key]
        figures.append(
            computed(
                f"recommendations.share.{figure_id}.any",
                shares.loc[(group, theme_id), "any_share"],
                unit="share of the group's items",
                definition=f"Items of {group} touching '{theme_id}'.",
                fmt="{:.0%}",
            )
        )
    figures.append(
        computed(
            "recommendations.share.pathways.transition.primary",
            shares.loc[(SOURCE_GROUPS[("000", "pathway")], "transition"), "primary"],
            unit="items",
            definition="Pathways of document 000 whose primary theme is the green and digital "
            "transition.",
            fmt="{:d}",
        )
    )
    return ThemeAgreement(matrix, summary, figures)
