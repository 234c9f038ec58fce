"""The audit chapter's qualitative statements, as claims computed from the verdicts.

"Most checks are consistent", "the discrepancies concentrate in one report", "read with 'weak'
in place of 'non-weak', it agrees", "understates", "differ by one": each is a
:class:`~eucluster.key_figures.Claim` whose truth is computed here from the judged checks, with
the sentence the chapter shows in either case. The chapter types none of them.
"""

from __future__ import annotations

import pandas as pd

from eucluster.audit.presentation import GROUP_LABELS, document_group
from eucluster.key_figures import Claim, claim, name_list

#: The documents whose own tables or lists the opening says each contradict in places.
OWN_DOCUMENTS = {
    "000": "the ECCP paper",
    "002": "the EU4Digital report",
    "004": "the CLUSTERIX recommendations",
}


def verdict_claims(results: pd.DataFrame) -> list[Claim]:
    """Claims about the verdicts as a whole: most checks consistent, each document with a
    discrepancy of its own, the findings concentrated in one document, the percentage checks
    all passing."""
    verdicts = results["verdict"]
    consistent, total = int((verdicts == "consistent").sum()), len(results)
    groups = results["documents"].map(document_group)
    discrepant = results[verdicts == "discrepancy"].assign(group=groups)
    with_own = [g for g in OWN_DOCUMENTS if (discrepant["group"] == g).any()]
    findings = discrepant.groupby("group")["finding"].nunique().sort_values(ascending=False)
    top, top_count, all_findings = findings.index[0], int(findings.iloc[0]), int(findings.sum())
    ranged = results[results["acceptance"].notna()]
    failing = int(ranged["verdict"].isin(["rounding", "discrepancy"]).sum())
    return [
        claim(
            "audit.claim.mostly_consistent",
            consistent > total / 2,
            definition="Checks judged consistent are more than half of all checks "
            "(feasible checks, which cannot fail, are not counted as consistent)",
            if_true="Most of them do",
            if_false="Fewer than half of them do",
        ),
        claim(
            "audit.claim.each_document_contradicted",
            len(with_own) == len(OWN_DOCUMENTS),
            definition="Documents 000, 002 and 004 each have at least one check of their own "
            "judged a discrepancy",
            if_true=f"{name_list(list(OWN_DOCUMENTS.values()))} each make statements that their "
            "own tables or lists contradict",
            if_false=(
                f"only {name_list([OWN_DOCUMENTS[g] for g in with_own])} make statements that "
                "their own tables or lists contradict"
                if with_own
                else "none of the documents makes a statement that its own tables contradict"
            ),
        ),
        claim(
            "audit.claim.findings_concentrate",
            top_count > all_findings / 2,
            definition="The document group with the most discrepancy findings holds more than "
            "half of all findings",
            if_true=f"More than half of the findings, {top_count} of {all_findings}, are in "
            f"the {GROUP_LABELS[top][4:]}",
            if_false=f"No document holds more than half of the findings; the most, {top_count} "
            f"of {all_findings}, are in the {GROUP_LABELS[top][4:]}",
        ),
        claim(
            "audit.claim.percentages_pass",
            failing == 0,
            definition="No percentage check (a check with a claim range) is judged rounding or "
            "discrepancy",
            if_true="all of them pass",
            if_false=f"{failing} of them fail",
        ),
    ]


def eccp_claims(by_id: pd.DataFrame) -> list[Claim]:
    """Claims of the ECCP paragraph: the specialisation sentence reversed, 'twice as likely'
    understated, and the paper's tables agreeing with each other and the group sizes."""
    direction = by_id[by_id["finding"] == "000.specialisation_of_non_weak_regions"]
    reversed_ = bool(
        (direction["verdict"] == "discrepancy").all() and (direction["value_b"] == "weak").all()
    )
    ratios = by_id[by_id["finding"] == "000.twice_as_likely"]
    understated = bool(
        (ratios["verdict"] == "discrepancy").all()
        and (ratios["value_b"].astype(float) > ratios["value_a"].astype(float)).all()
    )
    own = by_id[by_id["documents"] == "000"]
    tables = own[own["kind"].isin(["percentage vs group size", "parts vs total"])]
    table_slips = int((tables["verdict"] == "discrepancy").sum())
    return [
        claim(
            "audit.claim.eccp_direction_reversed",
            reversed_,
            definition="Both checks of the sentence on agri-food and textiles are "
            "discrepancies, and Table 2 gives the larger share to the weak regions in both",
            if_true="contradicts Table 2, where both are more common among weak regions; read "
            "with 'weak' in place of 'non-weak', it agrees",
            if_false="does not simply reverse Table 2: the table does not give the larger share "
            "to the weak regions in both ecosystems",
        ),
        claim(
            "audit.claim.eccp_twice_understated",
            understated,
            definition="Both node-weighted ratios (Tables 2 and 3) exceed 2 by more than the "
            "tolerance of 'twice'",
            if_true="understates what the tables show",
            if_false="does not understate the tables in both of them",
        ),
        claim(
            "audit.claim.eccp_tables_agree",
            table_slips == 0,
            definition="No check of document 000 of the kinds 'percentage vs group size' or "
            "'parts vs total' is a discrepancy",
            if_true="The audit finds nothing against the ECCP paper's main finding, that weak "
            "regions have fewer industry-relevant specialisations and fewer active cluster "
            "organisations: its tables agree with each other and with the group sizes",
            if_false=f"{table_slips} checks of the ECCP paper's tables against each other or "
            "the group sizes are discrepancies, so its main finding (weak regions have fewer "
            "industry-relevant specialisations and fewer active cluster organisations) rests on "
            "tables that need correcting first",
        ),
        claim(
            "audit.claim.eccp_errs_own_direction",
            understated,
            definition="Both node-weighted ratios exceed the paper's 'twice' beyond tolerance",
            if_true="the understated 'twice as likely' errs in the paper's own direction",
            if_false="'twice as likely' is not understated in both tables",
        ),
    ]


def eu4d_claims(by_id: pd.DataFrame, mobility: float) -> list[Claim]:
    """Claims of the EU4Digital paragraph; ``mobility`` is the mobility ecosystem's share of
    large firms among members, the yardstick of the sentence on the average share."""
    exec_group = by_id.loc["002.dih.labelled_within_exec_group"]
    digital = by_id.loc["002.text.eu4d_tf_018"]
    gap = abs(float(digital["value_b"]) - float(digital["value_a"]))
    listed = by_id.loc["002.annex1.over_half_list.general"]
    said, counted = set(listed["value_a"].split("; ")), set(listed["value_b"].split("; "))
    left_out = sorted(counted - said)
    pooled = by_id[by_id["check_id"].str.startswith("002.annex1.over_half_list.")]
    alone = by_id[by_id["finding"] == "002.over_half_silver_alone"]
    large = by_id.loc["002.text.eu4d_tf_014"]
    annex_dates = by_id.loc["002.dates.annex1_mapped"]
    same_side = (float(large["value_a"]) < mobility) == (float(large["value_b"]) < mobility)
    return [
        claim(
            "audit.claim.exec_group_too_small",
            exec_group["verdict"] == "discrepancy",
            definition="The labelled organisations (gold + silver + bronze) exceed the "
            "executive summary's group",
            if_true="cannot hold",
            if_false="can hold",
        ),
        claim(
            "audit.claim.digitalisation_off_by_one",
            gap == 1,
            definition="The executive summary's and section 2.4.2's counts of organisations "
            "supporting digitalisation differ by exactly one",
            if_true="differ by one, by all appearances a typing error",
            if_false=f"differ by {gap:g}",
        ),
        claim(
            "audit.claim.over_half_list_omits",
            bool(left_out) and said <= counted,
            definition="The text's list of general services offered by over half of the gold "
            "and silver organisations is a strict subset of those the Annex 1 counts put above "
            "half",
            if_true=f"leaves out {name_list([s.lower() for s in left_out])}, which the annex "
            "counts put above half"
            if left_out
            else "leaves out a service",
            if_false="does not match the services the annex counts put above half"
            if said != counted
            else "names the services the annex counts put above half",
        ),
        claim(
            "audit.claim.over_half_pooled_only",
            bool((pooled["verdict"] != "discrepancy").any() and len(alone) > 0),
            definition="Some 'over half' list holds for the pooled gold and silver group while "
            "at least one service fails it for the silver group alone",
            if_true="'over half' holds for the pooled gold and silver group, not for the silver "
            "group alone",
            if_false="'over half' fails for the pooled group as well",
        ),
        claim(
            "audit.claim.large_share_same_side",
            bool(same_side),
            definition="The two average shares of large firms (executive summary, section "
            "2.3.3) lie on the same side of the mobility ecosystem's share",
            if_true="changes the size, not the direction, of the contrast drawn with the "
            "mobility ecosystem",
            if_false="reverses the contrast drawn with the mobility ecosystem",
        ),
        claim(
            "audit.claim.annex_dated_twice",
            annex_dates["verdict"] == "discrepancy",
            definition="The text (document 002, section 2.4.3) and Annex 1's source line give "
            "different dates for the annex's data",
            if_true="gives the annex's data two different dates",
            if_false="gives the annex's data one date",
        ),
    ]


def across_claims(by_id: pd.DataFrame) -> list[Claim]:
    """Claims about the figures shared between documents."""
    shares = by_id[by_id["finding"] == "across.share_of_jobs_in_clusters"]
    repeated = by_id[by_id["finding"] == "across.more_than_2950_clusters"]
    exact = bool((repeated["value_a"] == repeated["value_b"]).all())
    flanders = by_id.loc["001_002.flanders_country"]
    return [
        claim(
            "audit.claim.jobs_share_disagrees",
            bool((shares["verdict"] == "discrepancy").any()),
            definition="At least one pair of documents 001, 002 and 003 quotes shares of "
            "European jobs in clusters that differ beyond the tolerance of 'about'",
            if_true="the documents that quote the share of European jobs in clusters do not "
            "agree on it",
            if_false="the documents that quote the share of European jobs in clusters agree on "
            "it within the rule's tolerance",
        ),
        claim(
            "audit.claim.jobs_share_not_one_quantity",
            bool((shares["verdict"] == "discrepancy").any()),
            definition="As audit.claim.jobs_share_disagrees",
            if_true="They cannot all describe the same quantity",
            if_false="They may all describe the same quantity",
        ),
        claim(
            "audit.claim.more_than_repeats_exact",
            exact,
            definition="Both of document 002's 'more than 2,950 clusters' equal document 001's "
            "count",
            if_true="repeats a count that the Interreg brief gives as exactly that number (the "
            "sum of its three performance tiers)",
            if_false="differs from the count the Interreg brief gives",
        ),
        claim(
            "audit.claim.flanders_misplaced",
            flanders["verdict"] == "discrepancy",
            definition="Document 001 names another country for Flanders than document 002",
            if_true=f"places Flanders in the {flanders['value_a']}",
            if_false=f"places Flanders in {flanders['value_b']}, as document 002 does",
        ),
    ]


def audit_claims(results: pd.DataFrame, mobility_large_share: float) -> list[Claim]:
    """Every claim of the audit chapter. ``mobility_large_share`` is the mobility ecosystem's
    share of large firms among members (document 002), the yardstick of one sentence."""
    by_id = results.set_index("check_id", drop=False).rename_axis(None)
    return (
        verdict_claims(results)
        + eccp_claims(by_id)
        + eu4d_claims(by_id, float(mobility_large_share))
        + across_claims(by_id)
    )
