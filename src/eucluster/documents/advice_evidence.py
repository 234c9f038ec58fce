"""The book's own evidence set against the documents' advice, theme by theme.

The recommendations chapter ends each theme with what the rest of the book shows about it. Those
statements restate other chapters' results (the gold-silver tests of the organisations chapter,
the weak-region gap of the nodes chapter, its sensitivity to the thresholds in the ecosystems
chapter), so they are computed here by the same public functions those chapters call, at their
default settings, and stated as :class:`~eucluster.key_figures.Claim` records: a change in the
data or in those functions changes the sentence, not just a number beside it. The survey numbers
of document 002 that the chapter quotes come with their own claims ("most", "least offered").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.documents import (
    case_studies,
    cluster_membership,
    gold_silver_services,
    organisations,
)
from eucluster.key_figures import Claim, Figure, claim, computed
from eucluster.measures import node_findings, node_tables, weak_gap

#: Services of document 002's survey that bear on a theme: id part -> (table, service).
EVIDENCE_SERVICES = {
    "human_resources": (
        "eu4d_table3",
        "Development of human resources, such as staff mobility, access to training",
    ),
    "rdi": ("eu4d_table3", "Support of research, development and innovation"),
    "external": (
        "eu4d_table3",
        "Facilitation of external collaboration (beyond cluster) such as matchmaking",
    ),
    "digital_projects": (
        "eu4d_table4",
        "Identifying and promotion of digital collaborative projects",
    ),
    "private_funding": ("eu4d_table3", "Access to finance: private funding"),
}
#: "Among the least offered": in the lowest third of a table's services by share.
LEAST_OFFERED_FRACTION = 1 / 3
#: The significance level of the gold-silver tests the chapter reports (the organisations
#: chapter's default confidence of 95 %).
ALPHA = 0.05


def evidence_figures() -> list[Figure]:
    """The numbers from document 002 that the chapter sets against the themes.

    Shares are of gold and silver organisations together: the labels the documents hold up as
    best practice, and a group large enough for a share to mean something. Two membership
    statistics (SMEs among members, small staff) are quoted as printed.
    """
    sizes = organisations.label_group_sizes()
    labelled = sizes["gold"] + sizes["silver"]
    tables = {name: data.load(name).set_index("service") for name in ("eu4d_table3", "eu4d_table4")}
    figures = [
        computed(
            f"recommendations.evidence.{figure_id}",
            (tables[table].loc[service, "gold"] + tables[table].loc[service, "silver"]) / labelled,
            unit="share of gold and silver organisations",
            definition=f"Gold plus silver organisations offering '{service}' (document 002, "
            f"Table 3 or 4) over the {labelled} gold and silver organisations.",
            fmt="{:.0%}",
        )
        for figure_id, (table, service) in EVIDENCE_SERVICES.items()
    ]
    membership = data.load("eu4d_membership").set_index("statistic_id")["value"]
    source = data.resource("eu4d_membership").citation
    for figure_id, statistic_id, unit in [
        ("sme_share", "eccp_members_sme_share", "% of members"),
        ("staff_small", "eccp_staff_1_5_share", "% of cluster organisations"),
    ]:
        figures.append(
            Figure(
                f"recommendations.evidence.{figure_id}",
                membership[statistic_id],
                unit,
                source=source,
                fmt="{:.0f}",
            )
        )
    return figures


def service_shares() -> pd.DataFrame:
    """Every service of Tables 3-4 but 'Other services' (as the organisations chapter tests
    them), with the share of gold and silver organisations together offering it and its rank
    from the least offered within its table (``kind``; ties share the lower rank)."""
    sizes = organisations.label_group_sizes()
    services = gold_silver_services.labelled_services()
    services["share"] = (services["gold"] + services["silver"]) / (sizes["gold"] + sizes["silver"])
    services["rank_from_least"] = services.groupby("kind")["share"].rank(method="min")
    services["of"] = services.groupby("kind")["share"].transform("size")
    return services.set_index("service")


def _least_offered(row: pd.Series) -> bool:
    return bool(row["rank_from_least"] <= LEAST_OFFERED_FRACTION * row["of"])


def service_claims(shares: pd.DataFrame) -> list[Claim]:
    """ "Among the least offered", "rare", "the most common", "most": each from the shares of
    :func:`service_shares` (formatted as the ``recommendations.evidence.*`` figures)."""
    rows = {key: shares.loc[service] for key, (_, service) in EVIDENCE_SERVICES.items()}
    least = int(np.floor(LEAST_OFFERED_FRACTION * rows["human_resources"]["of"]))
    general = int(rows["human_resources"]["of"])
    hr, private = rows["human_resources"], rows["private_funding"]
    digital = shares[shares["kind"] == "digitalisation"]
    top = digital["share"].idxmax()
    projects, external = rows["digital_projects"], rows["external"]
    rule = (
        f"ranks among the lowest third of the {general} general services of Table 3 by the "
        "share of gold and silver organisations offering it ('Other services' left out)"
    )
    return [
        claim(
            "recommendations.evidence.human_resources_least",
            _least_offered(hr),
            definition=f"Human-resource development {rule}.",
            if_true="Human-resource development is among the least offered services: "
            f"{hr['share']:.0%} of gold and silver organisations provide it, one of the {least} "
            f"least offered of {general} general services (document 002, Table 3). The gap "
            "that document 000's skills pathway points to is visible in the service data.",
            if_false=f"Human-resource development is provided by {hr['share']:.0%} of gold and "
            f"silver organisations, more than {int(hr['rank_from_least']) - 1} of the {general} "
            "general services (document 002, Table 3): the gap that document 000's skills "
            "pathway points to does not show in the service data.",
        ),
        claim(
            "recommendations.evidence.private_funding_rare",
            _least_offered(private),
            definition=f"Private funding as a service {rule}.",
            if_true=f"Private funding as a service to members is rare ({private['share']:.0%} "
            f"of gold and silver organisations, one of the {least} least offered general "
            "services, document 002, Table 3).",
            if_false="Private funding as a service to members is offered by "
            f"{private['share']:.0%} of gold and silver organisations, not among the {least} "
            "least offered general services (document 002, Table 3).",
        ),
        claim(
            "recommendations.evidence.digital_projects_top",
            bool(projects["share"] == digital["share"].max()),
            definition="Identifying and promoting digital collaborative projects has the "
            "highest share of gold and silver organisations among Table 4's services.",
            if_true="Identifying and promoting digital collaborative projects is the most "
            f"common digital service, offered by {projects['share']:.0%} of gold and silver "
            "organisations (document 002, Table 4).",
            if_false="Identifying and promoting digital collaborative projects is offered by "
            f"{projects['share']:.0%} of gold and silver organisations, fewer than "
            f"'{gold_silver_services.short_service_names(pd.Series([top])).iloc[0]}' "
            f"({digital.at[top, 'share']:.0%}; document 002, Table 4).",
        ),
        claim(
            "recommendations.evidence.external_most",
            bool(external["share"] > 0.5),
            definition="More than half of gold and silver organisations offer external "
            "collaboration (document 002, Table 3).",
            if_true="so the service the documents ask for already exists in most labelled "
            "organisations",
            if_false="so the service the documents ask for is missing from most labelled "
            "organisations",
        ),
    ]


def membership_claims(staff_small: float, large_firm_classes: pd.Series, gold: int) -> list[Claim]:
    """ "Most organisations are small" (``staff_small``, % with one to five staff) and "every
    gold organisation has large firms" (``large_firm_classes``: gold organisations per class of
    one or more large member firms, document 002, section 2.4.3)."""
    with_large = int(large_firm_classes.sum())
    return [
        claim(
            "recommendations.evidence.staff_small_most",
            bool(staff_small > 50),
            definition="More than half of the cluster organisations on the ECCP employ one to "
            "five people (document 002, section 2.3.2).",
            if_true=f"Most organisations are small: {staff_small:.0f} % of those on the ECCP "
            "employ one to five people",
            if_false=f"Small teams are not the rule: {staff_small:.0f} % of the organisations on "
            "the ECCP employ one to five people",
        ),
        claim(
            "recommendations.evidence.gold_large_firms",
            with_large == gold,
            definition="The gold organisations counted in the classes of one or more large "
            "member firms (section 2.4.3) add up to all gold organisations.",
            if_true=f"all {gold} gold-labelled organisations count large firms among their "
            "members (section 2.4.3): the SME outreach and the anchor players the documents ask "
            "for are both present in the membership data",
            if_false=f"{with_large} of the {gold} gold-labelled organisations count large firms "
            "among their members (section 2.4.3): anchor players are missing from the others",
        ),
    ]


def case_study_figures() -> list[Figure | Claim]:
    """What the case-study profiles (document 002, sections 2.5.1-2.5.2) say about funding and
    results, from :func:`case_studies.case_profiles`: the counts the chapter cites and the
    claim that those describing their money share a mixed model built on fees."""
    profiles = case_studies.case_profiles()
    counts = {f.id.split(".")[-1]: f.value for f in profiles.figures if isinstance(f, Figure)}
    results = profiles.cases["results_reported"].dropna()
    research = int(results.str.contains("R&D", regex=False).sum())
    described, mixed, fees = counts["funding_described"], counts["mixed"], counts["fees_named"]
    return [
        computed(
            "recommendations.evidence.cases_results",
            int(len(results)),
            unit="profiles",
            definition="Case-study profiles that report results (document 002, 2.5.1-2.5.2).",
            fmt="{:d}",
        ),
        computed(
            "recommendations.evidence.cases_rd_results",
            research,
            unit="profiles",
            definition="Profiles whose reported results mention R&D projects ('R&D').",
            fmt="{:d}",
        ),
        computed(
            "recommendations.evidence.cases_count",
            int(counts["count"]),
            unit="profiles",
            definition="Case-study profiles in document 002, sections 2.5.1-2.5.2.",
            fmt="{:d}",
        ),
        claim(
            "recommendations.evidence.cases_mixed_fees",
            mixed > described / 2 and fees > described / 2,
            definition="More than half of the profiles that describe their funding combine at "
            "least two sources, and more than half name membership fees.",
            if_true="most of those that describe their money share a mixed funding model "
            f"built on membership fees ({mixed} of {described} combine at least two sources, "
            f"{fees} name fees)",
            if_false=f"their funding models differ: of the {described} that describe their "
            f"money, {mixed} combine at least two sources and {fees} name fees",
        ),
    ]


def label_claim(comparison: pd.DataFrame, alpha: float = ALPHA) -> Claim:
    """No service differs significantly between gold and silver organisations (Fisher's exact
    test, unadjusted, Tables 3-4 counts; ``comparison`` from
    :func:`gold_silver_services.compare_services_by_label`)."""
    significant = comparison.loc[comparison["p_value"] < alpha, "service_short"].tolist()
    tests = len(comparison)
    return claim(
        "recommendations.evidence.labels_alike",
        not significant,
        definition=f"No service of Tables 3-4 has an unadjusted Fisher p below {alpha:g} for the "
        "gold-silver difference (organisations chapter, default settings).",
        if_true="no service is offered significantly more or less often by gold-labelled "
        f"organisations than by silver ones (none of the {tests} services has a Fisher p below "
        f"{alpha:.0%}): the label certifies management processes, and the data do not show "
        "that it changes what members receive.",
        if_false=f"{len(significant)} of the {tests} services differ significantly between "
        f"gold- and silver-labelled organisations (Fisher p below {alpha:.0%}: "
        f"{'; '.join(significant)}): the label goes with a difference in what members receive.",
    )


def node_gap_claims(tests: pd.Series, published: float) -> list[Claim]:
    """The weak minus non-weak gap in industry-relevant nodes (``tests``: a row of
    :func:`weak_gap.table1_tests`) against the paper's (``published``): its sign, its size
    and whether its bootstrap interval includes zero, formatted as the nodes chapter's
    ``nodes.test.*`` figures ("{:+.1f}")."""
    difference, low, high = tests["difference"], tests["ci_low"], tests["ci_high"]
    level = f"{tests['level']:.0%}"
    return [
        claim(
            "recommendations.evidence.nodes_gap_sign",
            bool(difference < 0) == bool(published < 0),
            definition="The recomputed weak minus non-weak mean of industry-relevant nodes has "
            "the sign of the paper's Table 1 (nodes chapter, default thresholds).",
            if_true="weak regions have fewer industry-relevant nodes than the others, as the "
            "paper found"
            if published < 0
            else "weak regions have more industry-relevant nodes than the others, as the paper "
            "found",
            if_false="weak regions do not have fewer industry-relevant nodes than the others, "
            "unlike in the paper"
            if published < 0
            else "weak regions do not have more industry-relevant nodes, unlike in the paper",
        ),
        claim(
            "recommendations.evidence.nodes_gap_smaller",
            bool(abs(difference) < abs(published)),
            definition="The recomputed difference is smaller in absolute value than the "
            "published one (weak minus non-weak, Table 1).",
            if_true=f"the difference, {difference:+.1f} nodes per region, is smaller than the "
            f"published {published:+.1f}",
            if_false=f"the difference, {difference:+.1f} nodes per region, is at least as large "
            f"as the published {published:+.1f}",
        ),
        claim(
            "recommendations.evidence.nodes_gap_noise",
            bool(low <= 0 <= high),
            definition="The bootstrap interval of the recomputed difference includes zero.",
            if_true=f"and its {level} bootstrap interval ({low:+.1f} to {high:+.1f}) includes "
            "zero: the difference is within the noise",
            if_false=f"and its {level} bootstrap interval ({low:+.1f} to {high:+.1f}) excludes "
            "zero",
        ),
    ]


def threshold_claim(grid: pd.DataFrame) -> Claim:
    """Does the industry-relevant gap change sign over the threshold grid (``grid`` from
    :func:`weak_gap.threshold_grid`)?"""
    industry = grid[grid["node_kind"] == "industry_relevant"]
    more, fewer = int((industry["gap"] > 0).sum()), int((industry["gap"] < 0).sum())
    pairs = (
        f"over {len(industry)} pairs of thresholds (LQ {industry['lq_threshold'].min():g} to "
        f"{industry['lq_threshold'].max():g}, shares {industry['share_threshold'].min():.1%} to "
        f"{industry['share_threshold'].max():.1%})"
    )
    return claim(
        "recommendations.evidence.threshold_sign_changes",
        more > 0 and fewer > 0,
        definition="Over the ecosystems chapter's default threshold grid, the weak minus "
        "non-weak gap in industry-relevant nodes is positive at some pairs and negative at "
        "others.",
        if_true=f"{pairs} weak regions have more industry-relevant nodes at {more} and fewer at "
        f"{fewer}. Advice to build on existing strengths is sound; the numbers that say where "
        "those strengths are depend on choices the paper does not test.",
        if_false=f"{pairs} weak regions have more industry-relevant nodes at {more} and fewer "
        f"at {fewer}: the sign of the contrast does not depend on the thresholds tested.",
    )


def summary_claim(labels_alike: bool, counts_move: bool) -> Claim:
    """The chapter's opening verdict on the evidence, from :func:`label_claim` and
    :func:`threshold_claim`."""
    labels = (
        "cluster organisations look alike whatever their label"
        if labels_alike
        else "gold- and silver-labelled organisations differ in some services"
    )
    counts = (
        "the counts used to target weak regions move with the method"
        if counts_move
        else "the sign of the weak regions' gap holds across the thresholds tested"
    )
    return claim(
        "recommendations.evidence.thin",
        labels_alike and counts_move,
        definition="Both recommendations.evidence.labels_alike and "
        "recommendations.evidence.threshold_sign_changes hold.",
        if_true="the book's evidence is thin exactly where the advice is most confident: it "
        f"shows that {labels}, and that {counts}",
        if_false=f"the book's evidence bears on that advice unevenly: it shows that {labels}, "
        f"and that {counts}",
    )


def theme_evidence() -> list[Figure | Claim]:
    """Everything the chapter's evidence section states: the survey numbers and their claims,
    the case-study counts, and the claims restating the organisations, nodes and ecosystems
    chapters, computed with their functions at their default settings (about ten seconds,
    most of it reading the regional employment data)."""
    membership = data.load(cluster_membership.TABLE).set_index("statistic_id")["value"]
    gold = organisations.label_group_sizes()["gold"]
    large = cluster_membership.gold_large_firms(membership)["organisations"]
    labels = label_claim(gold_silver_services.compare_services_by_label().comparison)
    comparison = node_tables.load_comparison(node_tables.NodeParameters())
    table1 = node_findings.table1_section(comparison)
    published = table1.recomputed["published_weak"] - table1.recomputed["published_non_weak"]
    grid = weak_gap.threshold_grid(
        comparison.run.found,
        comparison.classified,
        list(weak_gap.DEFAULT_GRID_LQ),
        list(weak_gap.DEFAULT_GRID_SHARE),
    )
    thresholds = threshold_claim(grid)
    return [
        *evidence_figures(),
        *service_claims(service_shares()),
        *membership_claims(float(membership["eccp_staff_1_5_share"]), large, gold),
        *case_study_figures(),
        labels,
        *node_gap_claims(table1.tests.loc["industry_relevant"], published["industry_relevant"]),
        thresholds,
        summary_claim(labels.holds, thresholds.holds),
    ]
