"""The documents' policy advice, mapped to common themes (the policy cross-walk).

Each document structures its advice differently: seven pathways (000), five recommendations
and a table of possible actions (001), national and regional policies described as good
practice (002), seven new recommendation areas and a review of twelve older ones (004). The
cross-walk (``policy_items``, ``policy_themes``, ``policy_item_themes``) assigns every item
one primary theme and any number of secondary ones, so that the documents can be compared
theme by theme. This module checks that the cross-walk is complete and counts it.
"""

from __future__ import annotations

import pandas as pd

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
