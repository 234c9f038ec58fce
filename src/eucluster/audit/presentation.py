"""How the audit's verdicts are shown: the summary table, the verdict chart, the findings,
the checks with two readings.

The chapter groups checks by document: the ECCP paper (000), the EU4Digital report (002) and
CLUSTERIX (004) each on their own, and documents 001 and 003 together with every comparison
between two documents ('across'). Each check row says in which findings table it is listed
when it is neither consistent nor feasible (``findings_table`` in ``data/audit/checks.csv``).
Discrepancies are counted twice: as cells (checks) and as findings, the underlying differences
that the cells show (``finding``), so that one difference repeated in 14 cells weighs once.
"""

from __future__ import annotations

import pandas as pd

from eucluster.audit.places import reader_place
from eucluster.audit.rule import VERDICTS

GROUP_LABELS = {
    "000": "000 ECCP paper",
    "002": "002 EU4Digital report",
    "004": "004 CLUSTERIX",
    "across": "001, 003 and between documents",
}
FINDINGS_TABLES = ("000", "002-tables", "002-text", "002-over-half", "002-cases", "across", "004")
VERDICT_COLOURS = {
    "consistent": "#9AB8A4",
    "feasible": "#D5DDD7",
    "rounding": "#E0B04B",
    "discrepancy": "#C0392B",
}
#: Verdicts the findings tables list: the checks that neither agree nor could not have failed.
LISTED = ("rounding", "discrepancy")


def document_group(documents: str) -> str:
    """'000', '002', '004' for checks within one of those documents; 'across' otherwise
    (documents 001 and 003 and every comparison between two documents)."""
    return documents if documents in ("000", "002", "004") else "across"


def discrepancy_findings(results: pd.DataFrame) -> pd.Series:
    """The cells (checks) of each finding among the discrepancies, largest first."""
    found = results.loc[results["verdict"] == "discrepancy", "finding"]
    return found.value_counts().sort_index().sort_values(ascending=False, kind="stable")


def summary(results: pd.DataFrame) -> pd.DataFrame:
    """Counts of checks by document group (labelled) and verdict, with the number of findings
    behind the discrepancies (column 'Findings'; 'Discrepancy' counts cells) and a column of
    all checks."""
    grouped = results.assign(group=results["documents"].map(document_group))
    counts = (
        grouped.pivot_table(index="group", columns="verdict", values="check_id", aggfunc="count")
        .reindex(index=list(GROUP_LABELS), columns=list(VERDICTS))
        .dropna(how="all")
        .fillna(0)
        .astype(int)
    )
    discrepant = grouped[grouped["verdict"] == "discrepancy"]
    counts["findings"] = (
        discrepant.groupby("group")["finding"].nunique().reindex(counts.index).fillna(0)
    ).astype(int)
    counts["all"] = counts[list(VERDICTS)].sum(axis=1)
    counts.index = counts.index.map(GROUP_LABELS).rename("Documents")
    labels = {"discrepancy": "Discrepancy", "findings": "Findings"}
    return counts.rename(columns=lambda c: labels.get(c, c.capitalize())).rename_axis(columns=None)


def verdict_chart(results: pd.DataFrame):
    """Horizontal stacked bars: number of checks per document and kind, coloured by verdict."""
    import altair as alt

    counts = (
        results.assign(document=results["documents"].str.replace("; ", " vs ", regex=False))
        .groupby(["document", "kind", "verdict"])
        .size()
        .rename("checks")
        .reset_index()
    )
    counts["row"] = counts["document"] + " · " + counts["kind"]
    order = sorted(counts["row"].unique())
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("row:N", title=None, sort=order, axis=alt.Axis(labelLimit=320)),
            x=alt.X("checks:Q", title="number of checks", stack="zero"),
            color=alt.Color(
                "verdict:N",
                title="verdict",
                sort=list(VERDICTS),
                scale=alt.Scale(
                    domain=list(VERDICTS), range=[VERDICT_COLOURS[v] for v in VERDICTS]
                ),
                legend=alt.Legend(orient="top"),
            ),
            order=alt.Order("verdict_order:Q"),
            tooltip=["document", "kind", "verdict", "checks"],
        )
        .transform_calculate(verdict_order=f"indexof({list(VERDICTS)}, datum.verdict)")
        .properties(width=300, height=alt.Step(18))
    )


def display_value(value: object) -> str:
    """A value as a findings table shows it: whole numbers with thousands separators, other
    numbers to four significant digits, text as it is."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"


def readers_text(rows: pd.DataFrame, column: str, side: int = 0) -> pd.Series:
    """A column of places or notes as a reader finds them in the published documents
    (section, table, annex; never a line of the text conversion). A bare line number
    belongs to the row's first document (``side=0``) or its last (``side=-1``)."""
    documents = rows["documents"].str.split(";").str[side].str.strip()
    return pd.Series(
        [reader_place(t, d) for t, d in zip(rows[column].fillna(""), documents, strict=True)],
        index=rows.index,
        dtype=str,
    )


def _place(rows: pd.DataFrame, column: str, group: str) -> pd.Series:
    """A location as a reader finds it, without snake_case column names or the document
    number that the table's heading already gives. Side A's bare line numbers belong to the
    row's first document, side B's to its last."""
    text = readers_text(rows, column, 0 if column == "location_a" else -1)
    text = text.str.replace(r"\s*\([a-z0-9]+(_[a-z0-9]+)+\)", "", regex=True)
    text = text.str.replace("_", " ", regex=False)
    return text.str.replace(f"^{group},? ", "", regex=True) if group != "across" else text


def findings(results: pd.DataFrame, table: str) -> pd.DataFrame:
    """The checks of one findings table (:data:`FINDINGS_TABLES`) judged rounding or
    discrepancy, ready to show: both places, both values and a note that says when rounding
    explains it or which reading of the text was tested."""
    if table not in FINDINGS_TABLES:
        raise ValueError(f"unknown findings table {table!r}; use one of {FINDINGS_TABLES}")
    listed = results["verdict"].isin(LISTED)
    rows = results[(results["findings_table"] == table) & listed]
    group = table.split("-")[0]
    verdict = rows["verdict"].map({"rounding": "rounding", "discrepancy": ""})
    note = readers_text(rows, "note")
    note = note.where(rows["reading"] == "", (rows["reading"] + "; " + note).str.strip("; "))
    return pd.DataFrame(
        {
            "Statement or cell (A)": _place(rows, "location_a", group),
            "A": rows["value_a"].map(display_value),
            "Compared with (B)": _place(rows, "location_b", group),
            "B": rows["value_b"].map(display_value),
            "Note": (verdict + ": " + note).str.strip(": ").where(verdict != "", note),
        }
    ).set_index(rows["check_id"].rename(None))


def readings_table(results: pd.DataFrame) -> pd.DataFrame:
    """The checks whose text admits two readings: the claim, each reading with its value B and
    verdict, and which reading the document fits (one, both or neither)."""
    rows = results[results["readings"] != ""]
    return pd.DataFrame(
        {
            "Statement (A)": _place(rows, "location_a", "002"),
            "A": rows["value_a"].map(display_value),
            "Readings: value B (verdict)": rows["readings"],
            "Which reading fits": rows["reading"],
        }
    ).set_index(rows["check_id"].rename(None))
