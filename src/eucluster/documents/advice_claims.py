"""What the recommendations chapter claims about the documents' advice, computed.

:mod:`eucluster.documents.recommendations` counts the cross-walk: which themes each group of
items touches and in how many documents a theme is primary. The chapter reads those counts as
statements: "all four ask for stronger cluster organisations", "only the oldest makes
evaluation a recommendation", "the 2014 review is dominated by collaboration". Each such
statement is a :class:`~eucluster.key_figures.Claim` here, computed from the same matrix and
summary, with the sentence for either truth, so that a change of the cross-walk cannot leave
the chapter asserting what its own counts no longer show.
"""

from __future__ import annotations

import pandas as pd

from eucluster.documents.recommendations import (
    SOURCE_GROUPS,
    Crosswalk,
    ThemeAgreement,
)
from eucluster.key_figures import Claim, claim, name_list

#: Publication year of each advising document (the bibliography's year).
DOCUMENT_YEARS = {"000": 2021, "001": 2021, "002": 2024, "004": 2018}
#: How the prose names each advising document.
DOCUMENT_NAMES = {
    "000": "the ECCP paper",
    "001": "the Interreg brief",
    "002": "EU4Digital",
    "004": "CLUSTERIX",
}
#: The two themes every document is read as asking for (management, collaboration).
CORE_THEMES = ("management", "collaboration")
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def number_word(count: int) -> str:
    """'four' for 4: small counts read as words in a sentence, larger ones as digits."""
    return NUMBER_WORDS.get(count, str(count))


def _themes(summary: pd.DataFrame, mask: pd.Series) -> list[str]:
    return summary.loc[mask, "theme"].str.lower().tolist()


def agreement_claims(summary: pd.DataFrame, matrix: pd.DataFrame) -> list[Claim]:
    """Where the documents agree and where they fall silent, from the per-theme summary
    (:func:`~eucluster.documents.recommendations.agreement`) and the theme matrix."""
    documents = int(summary["documents"].iloc[0])
    by_theme = summary.set_index("theme_id")
    primary_everywhere = by_theme.index[by_theme["documents_primary"] == documents]
    core = all(theme in primary_everywhere for theme in CORE_THEMES)
    named = _themes(summary, summary["documents_primary"] == documents)
    everywhere_text = (
        f"only {name_list(named, empty='none')} are a primary theme in every one"
        if named
        else "no theme is a primary theme in every one"
    )
    core_definition = (
        f"Both core themes {CORE_THEMES} are a primary theme in every advising document "
        "(policy_item_themes, strength 'primary', counted per document)."
    )
    count = number_word(documents)
    claims = [
        claim(
            "recommendations.agreement.core_everywhere",
            core,
            definition=core_definition,
            if_true=f"All {count} ask for stronger cluster organisations and for collaboration "
            "beyond the single cluster",
            if_false=f"Not all {count} make both stronger cluster organisations and "
            f"collaboration beyond the single cluster a main request: {everywhere_text}",
        ),
        claim(
            "recommendations.agreement.core_agreed",
            core,
            definition=core_definition,
            if_true="Whatever their purpose, the documents agree that the cluster organisation "
            "itself needs investment and that clusters gain from working across regional and "
            "sectoral borders.",
            if_false="The documents do not agree on both the cluster organisation and "
            f"collaboration across borders as main requests: {everywhere_text}.",
        ),
        _evaluation_primary_claim(matrix),
        _gap_claim(summary, matrix),
        _skills_claim(summary, matrix),
    ]
    return claims


def _evaluation_primary_claim(matrix: pd.DataFrame) -> Claim:
    primary = matrix[matrix["theme_id"] == "evaluation"].groupby("document")["primary"].sum()
    where = sorted(primary[primary > 0].index)
    oldest = min(DOCUMENT_YEARS, key=DOCUMENT_YEARS.get)
    if not where:
        otherwise = "None of them makes evaluation a recommendation of its own."
    else:
        names = name_list(
            [f"{DOCUMENT_NAMES[d]} ({d}, {DOCUMENT_YEARS[d]})" for d in where], empty="none"
        )
        otherwise = f"Evaluation is a recommendation of its own in {names}."
    return claim(
        "recommendations.agreement.evaluation_only_oldest",
        where == [oldest],
        definition="Monitoring and evaluation is a primary theme in exactly one document, the "
        f"one published first ({oldest}, {DOCUMENT_YEARS[oldest]}; years in DOCUMENT_YEARS).",
        if_true=f"Only the oldest, {DOCUMENT_NAMES[oldest]} ({DOCUMENT_YEARS[oldest]}), makes "
        "evaluation a recommendation of its own.",
        if_false=otherwise,
    )


def _gap_claim(summary: pd.DataFrame, matrix: pd.DataFrame) -> Claim:
    documents = int(summary["documents"].iloc[0])
    missing = summary.loc[summary["documents_any"] < documents, "theme_id"].tolist()
    mentions = matrix[matrix["theme_id"] == "evaluation"].groupby("document")["any"].sum()
    silent = (
        name_list(mentions[mentions == 0].index.tolist(), empty="none")
        if (mentions == 0).any()
        else ""
    )
    evaluation = summary.set_index("theme_id").loc["evaluation", "theme"].lower()
    if not missing:
        otherwise = "Every theme is mentioned in every document, monitoring and evaluation too."
    else:
        names = name_list(_themes(summary, summary["theme_id"].isin(missing)), empty="none")
        otherwise = f"{len(missing)} themes go unmentioned in some document: {names}." + (
            f" No item of documents {silent} touches {evaluation}." if silent else ""
        )
    return claim(
        "recommendations.agreement.evaluation_only_gap",
        missing == ["evaluation"],
        definition="Monitoring and evaluation is the only theme that some advising document "
        "never mentions (no primary or secondary link).",
        if_true=f"The only theme that some document never mentions is {evaluation}: no item of "
        f"documents {silent} touches it. The advice is long on what to support and short on "
        "how to tell whether support worked.",
        if_false=otherwise,
    )


def _skills_claim(summary: pd.DataFrame, matrix: pd.DataFrame) -> Claim:
    documents = int(summary["documents"].iloc[0])
    everywhere = summary[summary["documents_any"] == documents].set_index("theme_id")
    items = int(matrix.drop_duplicates("group")["group_items"].sum())
    skills = int(summary.set_index("theme_id").loc["skills", "items_primary"])
    if "skills" not in everywhere.index:
        holds, otherwise = False, "Skills of firms and workers go unmentioned in some document."
    else:
        fewest = everywhere["items_primary"].min()
        holds = skills == fewest
        below = everywhere.loc[everywhere["items_primary"] == fewest, "theme"].str.lower()
        otherwise = (
            f"Skills of firms and workers are mentioned in every document and are the main "
            f"subject of {skills} of the {items} items, more than "
            f"{name_list(below, empty='none')} ({fewest})."
        )
    return claim(
        "recommendations.agreement.skills_rarely_primary",
        holds,
        definition="Skills is mentioned in every advising document and is the primary theme of "
        "the fewest items among the themes mentioned everywhere (ties count).",
        if_true=f"Skills of firms and workers are mentioned in every document but are the main "
        f"subject of only {skills} of the {items} items, no more than any other theme mentioned "
        "everywhere.",
        if_false=otherwise,
    )


def _group(matrix: pd.DataFrame, key: tuple[str, str]) -> pd.DataFrame:
    """One group's rows of the theme matrix, indexed by theme, most mentioned first."""
    rows = matrix[matrix["group"] == SOURCE_GROUPS[key]].set_index("theme_id")
    return rows.sort_values("any_share", ascending=False, kind="stable")


def _top(rows: pd.DataFrame) -> tuple[list[str], float]:
    """The themes with the group's highest share of items (ties kept) and that share."""
    best = rows["any_share"].max()
    return rows.index[rows["any_share"] == best].tolist(), float(best)


def _names(rows: pd.DataFrame, theme_ids: list[str]) -> str:
    return name_list(rows.loc[theme_ids, "theme"].str.lower().tolist(), empty="none")


def difference_claims(matrix: pd.DataFrame, first_recommendation_theme: str) -> list[Claim]:
    """How emphasis shifts between groups of items: shares of a group's items touching a
    theme (``any_share``), and the primary theme of the Interreg brief's first recommendation.
    Shares are formatted as the chapter's ``recommendations.share.*`` figures ("{:.0%}")."""
    review = _group(matrix, ("004", "earlier_recommendation"))
    areas = _group(matrix, ("004", "recommendation_area"))
    pathways = _group(matrix, ("000", "pathway"))
    policies = _group(matrix, ("002", "national_policy"))
    review_top, review_best = _top(review)
    areas_top, areas_best = _top(areas)
    policies_top, policies_best = _top(policies)
    collaboration = review.at["collaboration", "any_share"]
    management = areas.at["management", "any_share"]
    transition, transition_primary = pathways.loc["transition", ["any_share", "primary"]]
    funding, policy_management = policies.loc[["funding", "management"], "any_share"]
    opening = matrix.set_index("theme_id")["theme"].drop_duplicates()
    opening = opening.get(first_recommendation_theme, first_recommendation_theme).lower()
    return [
        claim(
            "recommendations.differences.review_collaboration",
            review_top == ["collaboration"] and collaboration > 0.5,
            definition="Collaboration touches more than half of the 2014 review's items and "
            "more than any other theme does.",
            if_true="The CLUSTERIX review of 2014 recommendations is dominated by collaboration "
            f"and internationalisation ({collaboration:.0%} of its items touch it, more than any "
            "other theme)",
            if_false="In the CLUSTERIX review of 2014 recommendations collaboration and "
            f"internationalisation touch {collaboration:.0%} of the items, while "
            f"{_names(review, review_top)} touch {review_best:.0%}",
        ),
        claim(
            "recommendations.differences.areas_more_even",
            areas_best < review_best,
            definition="The most mentioned theme of the 2018 areas touches a smaller share of "
            "them than the most mentioned theme of the 2014 review touches of the review.",
            if_true="the 2018 areas spread more evenly (no theme touches more than "
            f"{areas_best:.0%} of them)",
            if_false=f"the 2018 areas are no more evenly spread ({_names(areas, areas_top)} "
            f"touch {areas_best:.0%} of them)",
        ),
        claim(
            "recommendations.differences.areas_management_top",
            "management" in areas_top,
            definition="Cluster management has the highest share (ties count) of the 2018 "
            "areas' items.",
            if_true="cluster-management services and labelling are among the most frequent "
            f"({management:.0%} of the areas)",
            if_false=f"cluster-management services and labelling touch {management:.0%} of the "
            f"areas, fewer than {_names(areas, areas_top)} ({areas_best:.0%})",
        ),
        claim(
            "recommendations.differences.pathways_transition",
            transition >= 0.5 and transition_primary == 0,
            definition="At least half of the ECCP pathways touch the green and digital "
            "transition and none has it as primary theme.",
            if_true="The ECCP pathways mention the green and digital transition often "
            f"({transition:.0%} of them), but as a cross-cutting concern: no pathway has it as "
            "primary theme",
            if_false=f"The ECCP pathways touch the green and digital transition in "
            f"{transition:.0%} of them, and {int(transition_primary)} have it as primary theme",
        ),
        claim(
            "recommendations.differences.interreg_opens_with_transition",
            first_recommendation_theme == "transition",
            definition="The primary theme of the Interreg brief's first recommendation (001.R1) "
            "is the green and digital transition.",
            if_true="the Interreg brief opens its recommendations with it",
            if_false=f"the Interreg brief opens its recommendations with {opening} instead",
        ),
        claim(
            "recommendations.differences.policies_money",
            {"funding", "management"} <= set(policies_top),
            definition="Funding and cluster management both have the highest share (ties "
            "count) of the national policies' items.",
            if_true="The national policies described by EU4Digital are about instruments and "
            f"money: {funding:.0%} of them touch funding and continuity and "
            f"{policy_management:.0%} cluster management (labels, professionalisation), more "
            "than any other theme, which fits their being programmes rather than advice.",
            if_false="The national policies described by EU4Digital touch funding and "
            f"continuity ({funding:.0%}) and cluster management ({policy_management:.0%}), but "
            f"{_names(policies, policies_top)} more often ({policies_best:.0%}).",
        ),
    ]


def first_recommendation_theme(crosswalk: Crosswalk, document: str = "001") -> str:
    """The primary theme of a document's first numbered recommendation (how it opens)."""
    items = crosswalk.items
    first = items[(items["document"] == document) & (items["kind"] == "recommendation")]
    item_id = first.sort_values("number")["item_id"].iloc[0]
    links = crosswalk.links
    primary = links[(links["item_id"] == item_id) & (links["strength"] == "primary")]
    return str(primary["theme_id"].iloc[0])


def theme_claims(crosswalk: Crosswalk, agreement: ThemeAgreement) -> list[Claim]:
    """Every claim the chapter makes about agreement and difference among the documents."""
    return [
        *agreement_claims(agreement.summary, agreement.matrix),
        *difference_claims(agreement.matrix, first_recommendation_theme(crosswalk)),
    ]
