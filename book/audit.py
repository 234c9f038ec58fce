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
# counts and group sizes behind them, tables with annexes, and the text with the tables? Mostly
# they do, but the ECCP paper, the EU4Digital report and the CLUSTERIX recommendations each
# make statements that their own tables or lists contradict, and the documents that quote the
# share of European jobs in clusters do not agree on it.

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
assert (results.loc[results["verdict"] != "consistent", "value_a"].notna()).all()

# %% [markdown]
# ## How the checks work
#
# Every check sets two printed numbers side by side (value A and value B) that the
# documents present as the same quantity, or that one of them implies: a sum and its parts,
# a percentage and the count over the group size, a table cell and the annex row it repeats,
# a sentence and the table it describes, the same figure quoted in two documents. Each check
# names both places (document, line or table) and gets one of three verdicts, by a rule set
# down before any result was seen (the docstring of `eucluster.audit.engine` states it in full):
#
# consistent
# : the values agree as printed, allowing for the claim's own qualifier: "more than" and "at
#   least" must hold; "about X" allows half a unit of the last non-zero digit of X, capped at
#   {glue}`audit.rule.relative_cap` of X; a ratio such as "twice" allows the same share either
#   side; "one in N" holds if N is the nearest whole number to one over the share;
#
# rounding
# : the values differ, but no more than the rounding of the printed figures allows (for
#   example, a column of percentages rounded to whole numbers against an average printed to
#   one decimal);
#
# discrepancy
# : anything else.
#
# A percentage can only be k/n of a group of n; for the ECCP paper's {glue}`audit.groups.weak` weak
# and {glue}`audit.groups.nonweak` non-weak regions and EU4Digital's {glue}`audit.groups.gold` gold
# and {glue}`audit.groups.silver` silver organisations, each printed percentage is checked against
# the whole counts that round to it. Text figures are compared with a table cell only where the data
# package names that cell; a restatement of the same line is not a check
# ({glue}`audit.text_figures.skipped` such text figures of document 002 are set aside for that or
# similar reasons). The counts of lettered points in the CLUSTERIX recommendations (document 004)
# were added to the text-figure table for this chapter.
#
# The checks are data, not code: each is one row of `data/audit/checks.csv` that cites both
# places, writes both values as expressions over the digitised tables, and names the relation
# between them ("equals", "about", "more than", "at most", "one in N") and the rounding step of
# the claim. A reader who doubts a verdict can therefore read the row behind it, see which cells
# were compared, and add a check of their own without touching the verdict rule; the text
# figures set aside are listed, each with its reason, in `data/audit/set_aside.csv`.
#
# ## What the checks found
#
# Of {glue}`audit.checks.total` checks, {glue}`audit.checks.consistent` are consistent,
# {glue}`audit.checks.rounding` are explained by rounding and {glue}`audit.checks.discrepancy`
# are discrepancies ({numref}`tbl-audit-summary`, {numref}`fig-audit-verdicts`).

# %% tags=["remove-input"]
show_table(
    audit.summary(results),
    label="tbl-audit-summary",
    caption="Consistency checks by document and verdict, computed from the digitised tables.",
    index=True,
    formats={c: "{:d}" for c in ["Consistent", "Rounding", "Discrepancy", "All"]},
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
# Most checks of the ECCP paper's Tables 2 and 3 and of EU4Digital's Annex 1 are
# percentage checks, and all of them pass: every printed share is a whole number of regions or
# organisations over the stated group size. The discrepancies sit in the prose and in the
# places where one document repeats another's number. The tables below list every check that
# is not consistent, grouped by document; value A is the statement or cell named first, and the
# note says when a difference is within rounding.
#
# ### ECCP discussion paper (000)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "000"),
    label="tbl-audit-000",
    widths=[24, 12, 21, 17, 26],
    caption="Document 000: checks that are not consistent. Line numbers refer to the text "
    "conversion of the paper; Table 1 is at lines 197-206, Tables 2 and 3 at lines 224-267.",
    formats=formats,
)

# %% [markdown]
# Two kinds of findings stand out. The sentence that calls agri-food and textiles a "clear
# specialisation of non-weak regions" contradicts Table 2, where both are far more common among weak
# regions; read with "weak" in place of "non-weak", it agrees. And the statement that non-weak
# regions are twice as likely to have a cluster organisation when specialised in an ecosystem
# understates what the tables show: weighting each ecosystem by its nodes gives a ratio of
# {glue}`audit.eccp.table2.co_likelihood_ratio` for regional-relevant and
# {glue}`audit.eccp.table3.co_likelihood_ratio` for industry-relevant nodes. Weak regions are also
# not industry-relevant in agri-food and textiles only: Table 3 prints small non-zero shares in
# {glue}`audit.eccp.table3.other_weak_ecosystems` further ecosystems.
#
# ### The EU4Digital report (002)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-tables"),
    label="tbl-audit-002-tables",
    widths=[30, 5, 24, 5, 36],
    breakable=True,
    caption="Document 002, tables and totals: checks that are not consistent. Tables 3 and 4 "
    "are at lines 952-995 of the text conversion, the Annex 1 count rows at lines 2102-2105.",
    formats=formats,
)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-text"),
    label="tbl-audit-002-text",
    widths=[40, 6, 38, 6, 10],
    caption="Document 002, survey text against tables and against itself: checks that are not "
    "consistent. Line numbers refer to the text conversion of the report.",
    formats=formats,
)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-over-half"),
    label="tbl-audit-002-over-half",
    widths=[26, 18, 18, 20, 18],
    caption="Document 002, services said to be offered by over half of the gold and silver "
    "organisations (lines 999-1013) against the Annex 1 counts: checks that are not "
    "consistent.",
    formats=formats,
)

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "002-cases"),
    label="tbl-audit-002-cases",
    widths=[24, 7, 32, 8, 29],
    breakable=True,
    caption="Document 002, case-study profiles against Tables 5 and 9 and the fee schedules: "
    "checks that are not consistent. Table 5 is at lines 1023-1041, Table 9 at lines 1453-1471.",
    formats=formats,
)

# %% [markdown]
# {numref}`tbl-audit-002-tables` compares the report's tables with its annex and its totals,
# {numref}`tbl-audit-002-text` and {numref}`tbl-audit-002-over-half` the survey text with the tables
# and {numref}`tbl-audit-002-cases` the case-study profiles with Tables 5 and 9. The report's
# discrepancies are of three sorts. Some are slips that the report itself corrects elsewhere: the
# executive summary's group of {glue}`audit.eu4d.group_exec` organisations cannot hold the
# {glue}`audit.eu4d.labelled` labelled ones it lists and is {glue}`audit.eu4d.group` everywhere
# else, and {glue}`audit.eu4d.digitalisation_exec` against {glue}`audit.eu4d.digitalisation`
# organisations supporting digitalisation is a typing error. Others change a reading: in
# {glue}`audit.eu4d.silver_annex_differs` services the silver count of Tables 3 and 4 is higher
# than in Annex 1, each time by {glue}`audit.eu4d.silver_annex_gap` organisation, which moves a
# silver share by {glue}`audit.eu4d.one_silver_share` in a group of {glue}`audit.groups.silver`; the
# list of general services offered by over half of the gold and silver organisations leaves out
# public funding, which the annex counts put above half; and "over half" holds for the pooled gold
# and silver group, not for the silver group alone. The executive summary gives the average share of
# large firms among members as {glue}`audit.eu4d.large_share_exec` % where section 2.3.3 gives
# {glue}`audit.eu4d.large_share` %, which changes the size, not the direction, of the contrast
# drawn with the mobility ecosystem.
# The case-study profiles quote member counts that differ from Table 5, for Transilvania IT Cluster
# by a factor of {glue}`audit.eu4d.transilvania_ratio`; they probably rest on other sources or
# dates, which the report does not give. Two counts in section 2.4.2 (training and
# internationalisation) are far larger than the Table 3 rows with similar names and are likely wider
# categories.
#
# ### Document 001, document 003 and figures shared between documents

# %% tags=["remove-input"]
show_table(
    audit.findings(results, "across"),
    label="tbl-audit-across",
    widths=[20, 16, 22, 12, 30],
    caption="Documents 001 and 003, and comparisons between documents: checks that are not "
    "consistent.",
    formats=formats,
)

# %% [markdown]
# The figure that most needs care is the share of European jobs in clusters:
# {glue}`audit.jobs_share.doc001` % in the Interreg brief, about {glue}`audit.jobs_share.doc003` %
# in the Commission editorial and about {glue}`audit.jobs_share.doc002` % in the EU4Digital report,
# each attributed to the European cluster panorama or to sources close to it. They cannot all
# describe the same quantity; editions and definitions of a cluster differ, and a book that quotes
# one of them must say which. The other findings are minor: the EU4Digital report's "more than
# {glue}`audit.panorama.clusters`" clusters repeats a count that the Interreg brief gives as exactly
# that number (the sum of its three performance tiers), and the Interreg brief places Flanders in
# the Netherlands.
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
# The overview of the CLUSTERIX recommendations is a condensed version of chapter 3: it merges
# points, drops one and, for public procurement, adds a lettered point where the chapter has only
# prose. None of this changes what is recommended, but a reader who cites "point b" must say which
# list is meant.
#
# ## What matters for the rest of the book
#
# Only a few findings could change a conclusion drawn from these documents. The ECCP paper's main
# finding, that weak regions have fewer industry-relevant specialisations and fewer active cluster
# organisations, is untouched: its tables agree with each other and with the group sizes, and the
# understated "twice as likely" errs in the paper's own direction. The largest share of jobs in
# clusters quoted is {glue}`audit.jobs_share.max_over_min` times the smallest, so no chapter should
# quote it without naming its source and definition. In the EU4Digital report, the comparison of
# gold and silver organisations depends on which silver counts are used, Table 3 and 4 or Annex 1;
# later chapters use the tables, which are the more recent, and report the difference. Everything
# else in the tables above is a slip of wording, a rounding or a typing error that the documents'
# own numbers allow a reader to correct.
