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
# # Auditing the published numbers
#
# Do the documents' numbers agree with each other: parts with totals, percentages with the
# counts and group sizes behind them, tables with annexes, the text with the tables, and the
# dates given for one source? {glue}`audit.claim.mostly_consistent`, but
# {glue}`audit.claim.each_document_contradicted`, and
# {glue}`audit.claim.jobs_share_disagrees`.

# %% tags=["remove-cell"]
from myst_nb import glue

from eucluster import audit
from eucluster.key_figures import KeyFigures
from eucluster.report import charts
from eucluster.report.tables import show_table

charts.use_theme()
figures = KeyFigures("audit")
checked = audit.run()
results = checked.results
stated = figures.publish_all(checked.figures)
formats = {"A": "{}", "B": "{}"}

# %% tags=["remove-cell"]
assert set(results["verdict"]) <= set(audit.VERDICTS) and results["check_id"].is_unique
assert stated["audit.checks.total"] == len(results) == len(audit.read_checks())
assert sum(stated[f"audit.checks.{verdict}"] for verdict in audit.VERDICTS) == len(results)
assert results["location_a"].str.len().gt(0).all() and results["location_b"].str.len().gt(0).all()
assert stated["audit.checks.findings"] <= stated["audit.checks.discrepancy"]

# %% [markdown]
# ## How the checks work
#
# Every check sets two printed values side by side (value A and value B) that the documents
# present as the same quantity, or that one of them implies: a sum and its parts, a
# percentage and the count over the group size, a table cell and the annex row it repeats, a
# sentence and the table it describes, the same figure quoted in two documents, two dates
# given for one source. Each check names both places (document and its section, table, annex
# or figure, as the published document numbers them) and gets one of
# four verdicts, by a rule set down before any result was seen (the docstring of
# `eucluster.audit.rule` states it in full):
#
# consistent
# : the values agree as printed. A claim printed as exact must be matched exactly, or at the
#   precision the check gives for it (a figure printed as 2.0 to the nearest 0.1). A qualified
#   claim allows for its qualifier: "more than" and "at least" must hold; "about X" allows
#   half a unit of the last non-zero digit of X, capped at {glue}`audit.rule.relative_cap` of
#   X; a ratio such as "twice" allows the same share either side; "one in N" holds if N is the
#   nearest whole number to one over the share;
#
# feasible
# : the check holds, but it would have held for any figure the document could have printed,
#   so it tests nothing (below);
#
# rounding
# : the values differ, but no more than rounding allows: a claim printed as exact may be a
#   rounded figure (within the tolerance of "about"), or the rounding of the printed figures
#   behind B leaves room for A;
#
# discrepancy
# : anything else.
#
# A claim printed as exact is therefore never judged more leniently than the same claim
# qualified by "about": within the tolerance of "about", the exact claim is consistent only
# where it matches at its own printed precision and counts as rounding otherwise; beyond that
# tolerance both are discrepancies unless the rounding of the figures behind B reaches A.
#
# A percentage can only be k/n of a group of n; for the ECCP paper's {glue}`audit.groups.weak`
# weak and {glue}`audit.groups.nonweak` non-weak regions and EU4Digital's
# {glue}`audit.groups.gold` gold and {glue}`audit.groups.silver` silver organisations, each
# printed percentage is checked against the whole counts that round to it. Where the count
# itself is not printed, such a check tests only whether the printed share is possible at all,
# and for a large group every share is. The
# audit therefore judges each of these checks again with every whole percentage from 0 to 100
# in place of the printed one: a check that would accept all of them cannot fail and is
# reported as feasible, not consistent. That is so for any group of 100 or more, such as the
# non-weak regions; a check on the weak regions accepts {glue}`audit.percentages.weak_acceptance`
# of the whole percentages, so passing it is weak evidence too.
#
# Where a sentence admits two readings, both are tested. A member count may include research
# organisations or count companies only; "80 industrial companies" may be all the firms of a
# table or some of them. Each reading has its own value B and relation, the check takes the
# verdict of the reading that fits and names it ({numref}`tbl-audit-readings`): of
# {glue}`audit.readings.checks` such checks, one reading fits in {glue}`audit.readings.one_fits`,
# both fit in {glue}`audit.readings.both_fit` and neither fits in
# {glue}`audit.readings.neither_fits`.
#
# Discrepancies are counted twice, as cells and as findings. One difference between the
# EU4Digital report's annex and its tables shows in {glue}`audit.eu4d.silver_annex_differs`
# services and {glue}`audit.eu4d.silver_finding_sums` column sums: it is one finding with
# {glue}`audit.eu4d.silver_finding_cells` cells. Text figures are compared with a table cell
# only where the data package names that cell; a restatement of the same line is not a check
# ({glue}`audit.text_figures.skipped` such text figures of document 002 are set aside for that
# or similar reasons). The counts of lettered points in the CLUSTERIX recommendations
# (document 004) were added to the text-figure table for this chapter.
#
# The checks are data, not code: each is one row of `data/audit/checks.csv` that cites both
# places, writes both values as expressions over the digitised tables, names the relation
# between them ("equals", "about", "more than", "at most", "one in N"), the rounding step of
# the claim, the range of values it could take, and the finding it belongs to; further
# readings are rows of `data/audit/readings.csv`. A reader who doubts a verdict can read the
# row behind it, see which cells were compared, and add a check of their own without touching
# the verdict rule; the text figures set aside are listed, each with its reason, in
# `data/audit/set_aside.csv`.
#
# ## What the checks found
#
# Of {glue}`audit.checks.total` checks, {glue}`audit.checks.consistent` are consistent,
# {glue}`audit.checks.feasible` are feasible, {glue}`audit.checks.rounding` are explained by
# rounding and {glue}`audit.checks.discrepancy` are discrepancies, which come from
# {glue}`audit.checks.findings` findings ({numref}`tbl-audit-summary`,
# {numref}`fig-audit-verdicts`). {glue}`audit.claim.findings_concentrate`.

# %% tags=["remove-input"]
show_table(
    audit.summary(results),
    label="tbl-audit-summary",
    caption="Consistency checks by document and verdict, computed from the digitised tables. "
    "Discrepancy counts cells (checks), Findings the underlying differences behind them.",
    index=True,
    formats={c: "{:d}" for c in audit.summary(results).columns},
)

# %% tags=["remove-cell"]
glue("fig-audit-verdicts", audit.verdict_chart(results), display=False)

# %% [markdown]
# ```{glue:figure} fig-audit-verdicts
# :name: fig-audit-verdicts
#
# Number of consistency checks by document (or pair of documents compared) and kind of check,
# coloured by verdict. Computed from the tables digitised from documents 000 to 004.
# ```
#
# {glue}`audit.percentages.checks` checks compare a printed percentage with the group size
# behind it, in the ECCP paper's Tables 2 and 3 and in EU4Digital's Annex 1, and
# {glue}`audit.claim.percentages_pass`: every printed share is a whole number of regions or
# organisations over the stated group size, although {glue}`audit.percentages.feasible` of
# these checks could not have failed. The tables below list every check judged rounding or
# discrepancy, grouped by document; value A is the statement or cell named first, and the note
# says when a difference is within rounding or which reading of the text was tested.
#
# ### ECCP discussion paper (000)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "000"),
    label="tbl-audit-000",
    widths=[24, 12, 21, 17, 26],
    caption="Document 000: checks judged rounding or discrepancy. Places are the paper's "
    "sections, cited by their headings; Table 1 is in 'The presence of clusters and cluster "
    "organisations', Tables 2 and 3 in 'Presence of industrial ecosystems'.",
    formats=formats,
)

# %% [markdown]
# The paper's {glue}`audit.checks.000.discrepancy` discrepancies come from
# {glue}`audit.checks.000.findings` findings. The sentence that calls agri-food and textiles a
# "clear specialisation of non-weak regions" {glue}`audit.claim.eccp_direction_reversed`. The
# statement that non-weak regions are twice as likely to have a cluster organisation when
# specialised in an ecosystem {glue}`audit.claim.eccp_twice_understated`: weighting each
# ecosystem by its nodes gives a ratio of {glue}`audit.eccp.table2.co_likelihood_ratio` for
# regional-relevant and {glue}`audit.eccp.table3.co_likelihood_ratio` for industry-relevant
# nodes. Weak regions are also not industry-relevant in agri-food and textiles only: Table 3
# prints non-zero shares of at most {glue}`audit.eccp.table3.other_weak_max_share` % of weak
# regions in {glue}`audit.eccp.table3.other_weak_ecosystems` further ecosystems.
#
# ### The EU4Digital report (002)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-tables"),
    label="tbl-audit-002-tables",
    widths=[30, 5, 24, 5, 36],
    breakable=True,
    caption="Document 002, tables, totals and dates: checks judged rounding or discrepancy. "
    "Tables 3 and 4 are in section 2.4.3 of the report, the count rows at the foot of Annex 1.",
    formats=formats,
)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-text"),
    label="tbl-audit-002-text",
    widths=[40, 6, 38, 6, 10],
    caption="Document 002, survey text against tables and against itself: checks judged "
    "rounding or discrepancy. Places are the report's numbered sections.",
    formats=formats,
)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-over-half"),
    label="tbl-audit-002-over-half",
    widths=[26, 18, 18, 20, 18],
    caption="Document 002, services said to be offered by over half of the gold and silver "
    "organisations (section 2.4.3) against the Annex 1 counts: checks judged rounding or "
    "discrepancy.",
    formats=formats,
)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-cases"),
    label="tbl-audit-002-cases",
    widths=[24, 7, 32, 8, 29],
    breakable=True,
    caption="Document 002, case-study profiles against Tables 5 and 9 and the fee schedules: "
    "checks judged rounding or discrepancy. Table 5 is in section 2.4.3, Table 9 in section "
    "2.5.3.",
    formats=formats,
)

# %% tags=["remove-input"]
show_table(
    audit.readings_table(results),
    label="tbl-audit-readings",
    widths=[30, 6, 44, 20],
    caption="Document 002, case-study figures whose sentence admits two readings: value B and "
    "verdict under each reading against Table 5, and the reading the document fits.",
    formats={"A": "{}"},
)

# %% [markdown]
# {numref}`tbl-audit-002-tables` compares the report's tables with its annex, its totals and
# its dates, {numref}`tbl-audit-002-text` and {numref}`tbl-audit-002-over-half` the survey
# text with the tables and {numref}`tbl-audit-002-cases` the case-study profiles with Tables 5
# and 9. The report's {glue}`audit.checks.002.discrepancy` discrepancies come from
# {glue}`audit.checks.002.findings` findings. Some are slips that the report itself corrects
# elsewhere: the executive summary's group of {glue}`audit.eu4d.group_exec` organisations
# {glue}`audit.claim.exec_group_too_small` the {glue}`audit.eu4d.labelled` labelled ones it
# lists and is {glue}`audit.eu4d.group` everywhere else, and
# {glue}`audit.eu4d.digitalisation_exec` against {glue}`audit.eu4d.digitalisation`
# organisations supporting digitalisation {glue}`audit.claim.digitalisation_off_by_one`.
# Others change a reading. In {glue}`audit.eu4d.silver_annex_differs` services the silver
# count of Tables 3 and 4 is higher than in Annex 1, each time by
# {glue}`audit.eu4d.silver_annex_gap` organisation, which moves a silver share by
# {glue}`audit.eu4d.one_silver_share` in a group of {glue}`audit.groups.silver`. The report
# {glue}`audit.claim.annex_dated_twice`: {glue}`audit.dates.annex_text` in the text (section
# 2.4.3) and {glue}`audit.dates.annex_source` in the annex's own source line (Annex 1); the
# tables are dated {glue}`audit.dates.tables` (footnote 63). The list of general services
# offered by over half of the gold and silver organisations
# {glue}`audit.claim.over_half_list_omits`; and {glue}`audit.claim.over_half_pooled_only`.
# The executive summary gives the average share of large firms among members as
# {glue}`audit.eu4d.large_share_exec` % where section 2.3.3 gives
# {glue}`audit.eu4d.large_share` %, which {glue}`audit.claim.large_share_same_side`
# ({glue}`audit.eu4d.mobility_large_share` % of members are large firms there).
# The case-study profiles quote figures that differ from Table 5 beyond rounding in
# {glue}`audit.eu4d.case_discrepancy` of {glue}`audit.eu4d.case_checks` comparisons, under
# every reading of the sentence ({numref}`tbl-audit-readings`); for Transilvania IT Cluster
# the profile's count is {glue}`audit.eu4d.transilvania_ratio` times the table's. The report
# does not say whether the profiles and the table count the same members at the same date.
# Two counts in section 2.4.2 (training and internationalisation) are at least
# {glue}`audit.eu4d.wider_min_ratio` times the Table 3 rows with similar names and are likely
# wider categories.
#
# ### Document 001, document 003 and figures shared between documents

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "across"),
    label="tbl-audit-across",
    widths=[20, 16, 22, 12, 30],
    caption="Documents 001 and 003, and comparisons between documents: checks judged rounding "
    "or discrepancy.",
    formats=formats,
)

# %% [markdown]
# The share of European jobs in clusters is quoted three times, differently:
# {glue}`audit.jobs_share.doc001` % in the Interreg brief, about {glue}`audit.jobs_share.doc003` %
# in the Commission editorial and about {glue}`audit.jobs_share.doc002` % in the EU4Digital
# report, each attributed to the European cluster panorama or to sources close to it.
# {glue}`audit.claim.jobs_share_not_one_quantity`; editions and definitions of a cluster differ,
# and a book that quotes one of them must say which. The same line of the EU4Digital report
# gives {glue}`audit.wages_share.doc002` % of European wages in clusters where the Commission
# editorial gives {glue}`audit.wages_share.doc003` %. The EU4Digital report's "more than
# {glue}`audit.panorama.clusters`" clusters {glue}`audit.claim.more_than_repeats_exact`, and the
# Interreg brief {glue}`audit.claim.flanders_misplaced`.
#
# ### CLUSTERIX 2.0 recommendations (004)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "004"),
    label="tbl-audit-004",
    widths=[24, 5, 24, 5, 42],
    caption="Document 004: recommendation areas whose overview (section 1) and chapter 3 list "
    "a different number of lettered points.",
    formats=formats,
)

# %% [markdown]
# The overview of the CLUSTERIX recommendations condenses chapter 3: in
# {glue}`audit.clusterix.fewer` of {glue}`audit.clusterix.areas` recommendation areas it lists
# fewer lettered points than the chapter and in {glue}`audit.clusterix.more` more; the notes
# of {numref}`tbl-audit-004` say which points are joined, left out or added. A reader who cites
# "point b" must say which list is meant.
#
# ## What matters for the rest of the book
#
# {glue}`audit.claim.eccp_tables_agree`, and {glue}`audit.claim.eccp_errs_own_direction`. The
# largest share of jobs in clusters quoted is {glue}`audit.jobs_share.max_over_min` times the
# smallest, so no chapter should quote it without naming its source and definition. In the
# EU4Digital report, a silver share moves by {glue}`audit.eu4d.one_silver_share` depending on
# whether the silver counts of Tables 3 and 4 or of Annex 1 are used, and the report
# {glue}`audit.claim.annex_dated_twice`, so a chapter that uses these counts must say which.
