"""Internal consistency checks of the source documents' published numbers.

Each check function compares two places where the documents state, or imply, the same
quantity and returns tidy rows (:data:`COLUMNS`): where each value is printed, both values,
their difference and a verdict. The verdict follows one rule for every check
(:func:`judge`), stated before looking at any result:

* **consistent**: the two values agree as printed, allowing for the claim's own qualifier
  ("more than", "about", "twice", "one in four", ...);
* **rounding**: they differ, but no more than the rounding of the printed figures allows;
* **discrepancy**: anything else.

The tolerance for a qualified claim is its own rounding step: "about 40 %" covers anything
within half a step of the last non-zero digit (here ±5), capped at 10 % of the claim; "twice"
covers ratios within 10 % of 2; "one in four" holds if four is the nearest whole N to 1/share.
Checks are computed from the digitised tables in ``data/published`` only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from eucluster.data import published

COLUMNS = [
    "check_id",
    "kind",
    "documents",
    "location_a",
    "value_a",
    "location_b",
    "value_b",
    "difference",
    "verdict",
    "note",
]
VERDICTS = ("consistent", "rounding", "discrepancy")
COMPARISONS = (
    "equals",
    "rounds_to",
    "approx",
    "more_than",
    "at_least",
    "at_most",
    "ratio_approx",
    "fraction",
)
RELATIVE_CAP = 0.10
EPS = 1e-9

WEAK_REGIONS = 77
NONWEAK_REGIONS = 124


@dataclass(frozen=True)
class Check:
    """One comparison, before it is judged."""

    check_id: str
    kind: str
    documents: str
    location_a: str
    value_a: object
    location_b: str
    value_b: object
    comparison: str = "equals"
    note: str = ""
    step: float | None = None
    observed_range: tuple[float, float] | None = None


def rounding_step(value: float) -> float:
    """Place value of the last non-zero digit as printed: 40 -> 10, 0.35 -> 0.01, 497 -> 1."""
    if value == 0:
        return 1.0
    text = f"{abs(value):.10f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    stripped = text.rstrip("0")
    return 10.0 ** (len(text) - len(stripped))


def _tolerance(claim: float, step: float | None) -> float:
    step = rounding_step(claim) if step is None else step
    return min(step / 2, RELATIVE_CAP * abs(claim)) if claim else step / 2


def judge(
    claim: float,
    observed: float,
    comparison: str = "equals",
    *,
    step: float | None = None,
    observed_range: tuple[float, float] | None = None,
) -> str:
    """Verdict for a claim (value A, as qualified by ``comparison``) against an observation.

    ``comparison`` says how value B must relate to value A: ``equals`` (B = A; integers are
    exact unless ``step`` says how A was rounded), ``rounds_to`` (B rounds to A at ``step``),
    ``approx`` (B within A's tolerance), ``more_than``/``at_least`` (B > A, B >= A),
    ``at_most`` (A <= B, a part against its total), ``ratio_approx`` (B within 10 % of A),
    ``fraction`` (A is N in "one in N", B a share).

    ``observed_range`` is the interval of true values compatible with the rounding of the
    printed figures behind ``observed`` (a point if omitted); ``step`` overrides the claim's
    rounding step (e.g. 0.1 for a figure printed as 2.0).
    """
    if comparison not in COMPARISONS:
        raise ValueError(f"unknown comparison {comparison!r}; use one of {COMPARISONS}")
    low, high = observed_range or (observed, observed)
    if comparison == "equals":
        if math.isclose(observed, claim, abs_tol=EPS):
            return "consistent"
        if step is not None:
            half = step / 2
            inside = observed_range is not None and claim - half <= low and high < claim + half
            if abs(observed - claim) < half - EPS or inside:
                return "consistent"
        tol = (rounding_step(claim) if step is None else step) / 2
        return (
            "rounding"
            if low - EPS <= claim + tol and high + EPS >= claim - tol
            else ("discrepancy")
        )
    if comparison == "rounds_to":
        tol = (rounding_step(claim) if step is None else step) / 2
        return "consistent" if abs(observed - claim) <= tol + EPS else "discrepancy"
    if comparison == "approx":
        tol = _tolerance(claim, step)
        if abs(observed - claim) <= tol + EPS:
            return "consistent"
        return (
            "rounding"
            if low - EPS <= claim + tol and high + EPS >= claim - tol
            else ("discrepancy")
        )
    if comparison in ("more_than", "at_least"):
        strict = comparison == "more_than"
        ok = observed > claim + EPS if strict else observed >= claim - EPS
        if ok:
            return "consistent"
        return (
            "rounding"
            if (high > claim + EPS if strict else high >= claim - EPS)
            else ("discrepancy")
        )
    if comparison == "at_most":
        if claim <= observed + EPS:
            return "consistent"
        return "rounding" if claim <= high + EPS else "discrepancy"
    if comparison == "ratio_approx":
        tol = RELATIVE_CAP * claim
        if abs(observed - claim) <= tol + EPS:
            return "consistent"
        return (
            "rounding"
            if low - EPS <= claim + tol and high + EPS >= claim - tol
            else ("discrepancy")
        )
    # fraction: claim is N in "one in N"; observed is the share (0-1)
    nearest = round(1 / observed) if observed > 0 else math.inf
    if nearest == claim:
        return "consistent"
    ends = {round(1 / x) for x in (low, high) if x > 0}
    return "rounding" if claim in ends else "discrepancy"


def _number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) and not (isinstance(value, float) and math.isnan(value)):
        return float(value)
    if hasattr(value, "item"):
        return _number(value.item())
    return None


def to_frame(checks: Iterable[Check]) -> pd.DataFrame:
    """Judge each check and return the tidy result table."""
    rows = []
    for c in checks:
        a, b = _number(c.value_a), _number(c.value_b)
        if a is not None and b is not None:
            verdict = judge(a, b, c.comparison, step=c.step, observed_range=c.observed_range)
            difference = b - a
        else:
            verdict = "consistent" if c.value_a == c.value_b else "discrepancy"
            difference = math.nan
        rows.append(
            {
                "check_id": c.check_id,
                "kind": c.kind,
                "documents": c.documents,
                "location_a": c.location_a,
                "value_a": c.value_a,
                "location_b": c.location_b,
                "value_b": c.value_b,
                "difference": difference,
                "verdict": verdict,
                "note": c.note,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


# ---------------------------------------------------------------- percentages vs group sizes


def achievable_counts(pct: float, n: int) -> list[int]:
    """Whole counts k out of n whose percentage rounds to the printed integer ``pct``."""
    if n <= 0:
        return []
    return [k for k in range(n + 1) if abs(100 * k / n - pct) <= 0.5 + EPS]


def ecosystem_percentages(table: pd.DataFrame, table_label: str) -> list[Check]:
    """Each % of a Table 2/3 cell must be k/n for the group size (77 weak, 124 non-weak
    regions), and each '% of nodes with an organisation' j/k for one of those k."""
    checks = []
    for _, row in table.iterrows():
        eco = row["ecosystem"]
        eco_id = eco.split(".")[0].lower()
        for group, prefix, n in (
            ("weak", "weak", WEAK_REGIONS),
            ("non-weak", "nonweak", NONWEAK_REGIONS),
        ):
            pct = float(row[f"{prefix}_regions_pct"])
            ks = achievable_counts(pct, n)
            where = f"000 {table_label}, {eco}, {group}"
            nearest = min(range(n + 1), key=lambda k, n=n, pct=pct: abs(100 * k / n - pct))
            checks.append(
                Check(
                    f"000.{table_label.lower().replace(' ', '')}.regions_pct.{eco_id}.{prefix}",
                    "percentage vs group size",
                    "000",
                    f"{where}: % of regions",
                    pct,
                    f"nearest k/{n} ({group} regions, 000 line 173)",
                    round(100 * nearest / n, 2),
                    "rounds_to",
                    note=f"k = {ks} of {n}" if ks else f"no k of {n} gives {pct:g} %",
                    step=1,
                )
            )
            co = float(row[f"{prefix}_nodes_with_co_pct"])
            options = [(j, k) for k in ks if k > 0 for j in achievable_counts(co, k)]
            zero_ok = co == 0 and 0 in ks
            best = None
            if not options and not zero_ok:
                candidates = [(j, k) for k in (ks or [nearest]) if k > 0 for j in range(k + 1)]
                candidates = candidates or [(0, 1)]
                best = min(candidates, key=lambda jk: abs(100 * jk[0] / jk[1] - co))
            checks.append(
                Check(
                    f"000.{table_label.lower().replace(' ', '')}.co_pct.{eco_id}.{prefix}",
                    "percentage vs group size",
                    "000",
                    f"{where}: % of nodes with an active cluster organisation",
                    co,
                    f"j/k for k regions with the node (k = {ks})",
                    co if (options or zero_ok) else round(100 * best[0] / best[1], 2),
                    "rounds_to",
                    note=(
                        "no region with the node, so 0 % is the only value"
                        if zero_ok and not options
                        else f"e.g. {options[0][0]}/{options[0][1]}"
                        if options
                        else "no j/k rounds to the printed value"
                    ),
                    step=1,
                )
            )
    return checks


def annex_percentages(annex: pd.DataFrame, sizes: dict[str, int]) -> list[Check]:
    """Annex 1 prints each label group's share next to its count: share = count / group."""
    checks = []
    rows = annex.dropna(subset=["gold_pct"])
    for _, row in rows.iterrows():
        for label in ("gold", "silver"):
            n = sizes[label]
            checks.append(
                Check(
                    f"002.annex1.pct.{_slug(row['service'])}.{label}",
                    "percentage vs group size",
                    "002",
                    f"002 Annex 1, {row['service']}: {label} % as printed",
                    float(row[f"{label}_pct"]),
                    f"002 Annex 1 count / {n} {label} organisations (line 946)",
                    round(100 * row[f"{label}_n"] / n, 2),
                    "rounds_to",
                    note=f"{row[f'{label}_n']}/{n}",
                    step=1,
                )
            )
    return checks


def _slug(text: str, length: int = 28) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:length].strip("_")


# ---------------------------------------------------------------- tables vs the annex


def tables_vs_annex(
    table: pd.DataFrame, annex: pd.DataFrame, table_label: str, lines: str
) -> list[Check]:
    """Gold and silver columns of Tables 3/4 against the Annex 1 count rows, service by service."""
    annex_by = {s.lower(): r for s, r in annex.set_index("service").iterrows()}
    checks = []
    for _, row in table.iterrows():
        key = row["service"].lower()
        if key not in annex_by:
            continue
        for label in ("gold", "silver"):
            checks.append(
                Check(
                    f"002.{table_label.lower().replace(' ', '')}_vs_annex1.{_slug(key)}.{label}",
                    "table vs annex",
                    "002",
                    f"002 {table_label}, {row['service']}: {label} (lines {lines})",
                    int(row[label]),
                    "002 Annex 1 count row (lines 2102-2105)",
                    int(annex_by[key][f"{label}_n"]),
                    "equals",
                    note="table: June 2024 (fn. 63); annex: April 2024 (line 2112)",
                )
            )
    return checks


def column_sums_vs_annex(
    table: pd.DataFrame, annex: pd.DataFrame, table_label: str, annex_row: str
) -> list[Check]:
    """Gold/silver column sums of Table 3 or 4 (without 'Other services') vs the annex total."""
    body = table[table["service"] != "Other services"]
    total = annex.set_index("service").loc[annex_row]
    services = {s.lower() for s in body["service"]}
    annex_rows = annex[annex["service"].str.lower().isin(services)]
    checks = []
    for label in ("gold", "silver"):
        checks.append(
            Check(
                f"002.{table_label.lower().replace(' ', '')}_sum_vs_annex1.{label}",
                "parts vs total",
                "002",
                f"002 {table_label}: sum of the {label} column",
                int(body[label].sum()),
                f"002 Annex 1, '{annex_row}', {label}",
                int(total[f"{label}_n"]),
                "equals",
            )
        )
        checks.append(
            Check(
                f"002.annex1_sum.{_slug(annex_row)}.{label}",
                "parts vs total",
                "002",
                f"002 Annex 1: sum of the {label} service counts ({table_label} services)",
                int(annex_rows[f"{label}_n"].sum()),
                f"002 Annex 1, '{annex_row}', {label}",
                int(total[f"{label}_n"]),
                "equals",
            )
        )
    return checks


def table_rows_within_groups(
    table: pd.DataFrame, table_label: str, sizes: dict[str, int], total: int
) -> list[Check]:
    """Label counts cannot exceed their group sizes, and the organisations without a label
    (total minus gold, silver and bronze) cannot exceed the unlabelled part of the group."""
    unlabelled = total - sum(sizes.values())
    checks = []
    for _, row in table.iterrows():
        worst = max(row[label] / sizes[label] for label in sizes)
        slug = _slug(row["service"])
        tag = table_label.lower().replace(" ", "")
        checks.append(
            Check(
                f"002.{tag}.within_groups.{slug}",
                "parts vs total",
                "002",
                f"002 {table_label}, {row['service']}: largest label count / group size",
                round(float(worst), 3),
                "at most 1 (29 gold, 14 silver, 52 bronze; line 946)",
                1.0,
                "at_most",
                note=f"gold {row['gold']}, silver {row['silver']}, bronze {row['bronze']}",
            )
        )
        rest = int(row["total"] - row["gold"] - row["silver"] - row["bronze"])
        checks.append(
            Check(
                f"002.{tag}.unlabelled.{slug}",
                "parts vs total",
                "002",
                f"002 {table_label}, {row['service']}: total minus labelled",
                rest,
                f"unlabelled organisations, {total} - {sum(sizes.values())} (line 946)",
                unlabelled,
                "at_most",
            )
        )
    return checks


# ---------------------------------------------------------------- text figures vs tables


def _row_lookup(table: pd.DataFrame, text: str) -> tuple[pd.Series, str] | None:
    key = table.columns[0]
    for label in sorted(table[key].astype(str), key=len, reverse=True):
        if text.startswith(label + " / "):
            return table[table[key] == label].iloc[0], text[len(label) + 3 :]
    return None


def _evaluate(row: pd.Series, expression: str) -> float | None:
    names = re.findall(r"[a-z_]+", expression)
    if not names or any(n not in row.index for n in names):
        return None
    env = {n: float(row[n]) for n in names}
    if not re.fullmatch(r"[a-z_0-9+/\-*(). ]+", expression):
        return None
    return float(eval(expression, {"__builtins__": {}}, env))  # noqa: S307


def text_figures_vs_tables(
    statements: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    membership: pd.DataFrame,
) -> tuple[list[Check], pd.DataFrame]:
    """Every text figure whose ``refers_to`` names a table cell or another text figure.

    Returns the checks and the statements that could not be evaluated (with the reason).
    A statement compared with itself (same lines) is no check and is skipped.
    """
    checks, skipped = [], []
    by_id = membership.set_index("statistic_id")
    for _, s in statements.dropna(subset=["refers_to"]).iterrows():
        ref = s["refers_to"]
        name, _, rest = ref.partition(": ")
        observed, where, note = None, "", ""
        if name == "eu4d_membership" and rest in by_id.index:
            m = by_id.loc[rest]
            if str(m["lines"]) == str(s["lines"]):
                skipped.append((s["statement_id"], "same statement as the referenced row"))
                continue
            if m["unit"] != s["unit"]:
                skipped.append((s["statement_id"], f"units differ ({s['unit']} vs {m['unit']})"))
                continue
            observed, where = float(m["value"]), f"002 line {m['lines']} ({rest})"
        elif name in tables:
            found = _row_lookup(tables[name], rest)
            if found is None:
                skipped.append((s["statement_id"], "row not found"))
                continue
            row, expression = found
            observed = _evaluate(row, expression)
            if observed is None:
                skipped.append((s["statement_id"], f"not a formula: {expression}"))
                continue
            if s["unit"].startswith("percent") and "/" in expression:
                observed *= 100
            resource = published.resource(name)
            label = resource.source.get("table") or "text"
            where = f"002 {label}, {row.iloc[0]}: {expression}"
            note = ""
        else:
            skipped.append((s["statement_id"], "reference is not a digitised cell"))
            continue
        checks.append(
            Check(
                f"002.text.{s['statement_id']}",
                "text vs table",
                "002",
                f"002 line {s['lines']}: {s['claim']}",
                float(s["value"]),
                where,
                round(observed, 4),
                s["comparison"],
                note=note,
            )
        )
    return checks, pd.DataFrame(skipped, columns=["statement_id", "reason"])


# ---------------------------------------------------------------- document 000


def _table1(table1: pd.DataFrame) -> pd.DataFrame:
    return table1.set_index("indicator")


def _reconstructed_nodes(table: pd.DataFrame, prefix: str, n: int) -> tuple[float, float, float]:
    """Average ecosystem nodes per region: printed column sum / 100, and the range of
    sum(k)/n over the counts k compatible with each rounded percentage."""
    pcts = table[f"{prefix}_regions_pct"].astype(float)
    low = sum(min(achievable_counts(p, n) or [0]) for p in pcts) / n
    high = sum(max(achievable_counts(p, n) or [0]) for p in pcts) / n
    return float(pcts.sum() / 100), low, high


def co_share_of_nodes(table: pd.DataFrame, prefix: str) -> float:
    """Share of a group's ecosystem nodes that have an active cluster organisation, weighting
    each ecosystem's '% of nodes with organisation' by its '% of regions with node'."""
    weights = table[f"{prefix}_regions_pct"].astype(float)
    return float((weights * table[f"{prefix}_nodes_with_co_pct"]).sum() / weights.sum() / 100)


def eccp_checks(
    table1: pd.DataFrame,
    table2: pd.DataFrame,
    table3: pd.DataFrame,
    text: pd.DataFrame,
) -> list[Check]:
    """Document 000: the text's statements about Tables 1-3 and the tables among themselves."""
    t1 = _table1(table1)
    tf = text.set_index("statement_id")
    reg = "Average Number of Regional-Relevant Specialisation Nodes"
    ind = "Average Number of Industry-Relevant Specialisation Nodes"
    cos = "Average Number of active Cluster Organisations"
    cos_reg = cos + " in Regional-Relevant Specialisation Nodes"
    cos_ind = cos + " in Industry-Relevant Specialisation Nodes"
    t1_where = "000 Table 1 (lines 197-206)"

    def line(sid: str) -> str:
        return f"000 line {tf.loc[sid, 'lines']}"

    checks = [
        Check(
            "000.regions.parts_sum",
            "parts vs total",
            "000",
            "000 line 173: weak + non-weak regions (77 + 124)",
            int(
                tf.loc["000.eccp.regions_weak", "value"]
                + tf.loc["000.eccp.regions_nonweak", "value"]
            ),
            "000 line 173: regions mapped on the ECCP",
            int(tf.loc["000.eccp.regions_total", "value"]),
        ),
        Check(
            "000.regions.weak_share",
            "text vs text",
            "000",
            f"{line('000.cohesion.weak_share')}: around one third of EU regions are weak (N = 3)",
            3,
            "000 line 173: 77 / 201 ECCP regions",
            round(77 / 201, 4),
            "fraction",
            note="different region sets: cohesion-policy NUTS 2 regions vs ECCP NUTS 1/2 mix",
        ),
    ]
    for sid, group, col in (
        ("000.nodes.industry_relevant_weak", "weak", "weak"),
        ("000.nodes.industry_relevant_nonweak", "non-weak", "non_weak"),
    ):
        checks.append(
            Check(
                f"000.table1.industry_nodes.{col}",
                "text vs table",
                "000",
                f"{line(sid)}: industry-relevant nodes, {group}",
                float(tf.loc[sid, "value"]),
                f"{t1_where}, {group}",
                float(t1.loc[ind, col]),
                step=0.1,
            )
        )
    weighted = (WEAK_REGIONS * t1.loc[reg, "weak"] + NONWEAK_REGIONS * t1.loc[reg, "non_weak"]) / (
        WEAK_REGIONS + NONWEAK_REGIONS
    )
    checks += [
        Check(
            "000.table1.regional_nodes_over7",
            "text vs table",
            "000",
            f"{line('000.nodes.regional_relevant_over7')}: over 7 regional-relevant nodes",
            7.0,
            f"{t1_where}: region-weighted mean of 7.9 and 7.2",
            round(float(weighted), 3),
            "more_than",
        ),
        Check(
            "000.table1.regional_nodes_weak_higher",
            "text vs table",
            "000",
            "000 line 189: slightly more regional-relevant nodes in weak regions "
            "(weak - non-weak > 0)",
            0.0,
            f"{t1_where}: weak minus non-weak",
            round(float(t1.loc[reg, "weak"] - t1.loc[reg, "non_weak"]), 3),
            "more_than",
        ),
    ]
    ratio = t1.loc[cos, "non_weak"] / t1.loc[cos, "weak"]
    checks.append(
        Check(
            "000.table1.co_ratio",
            "text vs table",
            "000",
            f"{line('000.cos.nonweak_vs_weak_ratio')}: organisations almost twice as likely in "
            "non-weak regions",
            2.0,
            f"{t1_where}: 1.9 / 1.0",
            round(float(ratio), 3),
            "ratio_approx",
            observed_range=(
                (t1.loc[cos, "non_weak"] - 0.05) / (t1.loc[cos, "weak"] + 0.05),
                (t1.loc[cos, "non_weak"] + 0.05) / (t1.loc[cos, "weak"] - 0.05),
            ),
        )
    )
    active = WEAK_REGIONS * t1.loc[cos, "weak"] + NONWEAK_REGIONS * t1.loc[cos, "non_weak"]
    checks.append(
        Check(
            "000.table1.active_total",
            "text vs table",
            "000",
            f"{line('000.cos.active_total')} (footnote 12): just over 300 active organisations",
            float(tf.loc["000.cos.active_total", "value"]),
            f"{t1_where}: 77 x 1.0 + 124 x 1.9",
            round(float(active), 2),
            "more_than",
        )
    )
    for sub, label in ((cos_reg, "regional"), (cos_ind, "industry")):
        for col in ("weak", "non_weak"):
            checks.append(
                Check(
                    f"000.table1.co_in_{label}_nodes_le_all.{col}",
                    "parts vs total",
                    "000",
                    f"{t1_where}: organisations in {label}-relevant nodes, {col}",
                    float(t1.loc[sub, col]),
                    f"{t1_where}: all active organisations, {col}",
                    float(t1.loc[cos, col]),
                    "at_most",
                )
            )
    per_node = {}
    for sub, nodes, label in ((cos_reg, reg, "regional"), (cos_ind, ind, "industry")):
        per_node[label] = (t1.loc[sub, "non_weak"] / t1.loc[nodes, "non_weak"]) / (
            t1.loc[sub, "weak"] / t1.loc[nodes, "weak"]
        )
        checks.append(
            Check(
                f"000.table1.co_per_node_ratio.{label}",
                "text vs table",
                "000",
                f"000 line 195: {label}-relevant nodes more likely to have an organisation in "
                "non-weak regions (ratio > 1)",
                1.0,
                f"{t1_where}: organisations per node, non-weak / weak",
                round(float(per_node[label]), 3),
                "more_than",
            )
        )
    checks.append(
        Check(
            "000.table1.co_per_node_more_for_industry",
            "text vs table",
            "000",
            "000 line 195: the gap is larger for industry-relevant nodes "
            "(industry ratio - regional ratio > 0)",
            0.0,
            f"{t1_where}: ratios per node",
            round(float(per_node["industry"] - per_node["regional"]), 3),
            "more_than",
            note="holds on the printed figures but not over the whole rounding range",
        )
    )
    # ecosystem node averages (text lines 212, 214) vs Table 2/3 column sums
    for sid, table, label, prefix, n in (
        ("000.ecosystems.industry_nodes_weak", table3, "Table 3", "weak", WEAK_REGIONS),
        ("000.ecosystems.industry_nodes_nonweak", table3, "Table 3", "nonweak", NONWEAK_REGIONS),
        ("000.ecosystems.regional_nodes_weak", table2, "Table 2", "weak", WEAK_REGIONS),
        ("000.ecosystems.regional_nodes_nonweak", table2, "Table 2", "nonweak", NONWEAK_REGIONS),
    ):
        point, low, high = _reconstructed_nodes(table, prefix, n)
        checks.append(
            Check(
                f"000.{label.lower().replace(' ', '')}.node_average.{prefix}",
                "text vs table",
                "000",
                f"{line(sid)}: {tf.loc[sid, 'claim']}",
                float(tf.loc[sid, "value"]),
                f"000 {label}: sum of % of {prefix} regions / 100",
                round(point, 3),
                step=0.1,
                observed_range=(low, high),
                note=f"whole-region counts allow {low:.3f}-{high:.3f}",
            )
        )
    w2, _, _ = _reconstructed_nodes(table2, "weak", WEAK_REGIONS)
    n2, _, _ = _reconstructed_nodes(table2, "nonweak", NONWEAK_REGIONS)
    checks.append(
        Check(
            "000.table2.regional_nodes_ratio",
            "text vs table",
            "000",
            f"{line('000.ecosystems.regional_nodes_ratio')}: twice as many regional-relevant "
            "ecosystem nodes in weak regions",
            2.0,
            "000 Table 2: column sums, weak / non-weak",
            round(w2 / n2, 3),
            "ratio_approx",
        )
    )
    for table, label in ((table2, "Table 2"), (table3, "Table 3")):
        weak, nonweak = co_share_of_nodes(table, "weak"), co_share_of_nodes(table, "nonweak")
        checks.append(
            Check(
                f"000.{label.lower().replace(' ', '')}.co_likelihood_ratio",
                "text vs table",
                "000",
                f"{line('000.ecosystems.co_likelihood_ratio')}: non-weak regions twice as likely "
                "to have an organisation when specialised in an ecosystem",
                2.0,
                f"000 {label}: node-weighted share with an organisation, non-weak / weak",
                round(nonweak / weak, 3),
                "ratio_approx",
                note=f"{100 * nonweak:.1f} % vs {100 * weak:.1f} % of nodes (reconstruction "
                "from rounded percentages)",
            )
        )
    t3 = table3.set_index("ecosystem")
    for sid, col in (
        ("000.textile.weak_regions_pct", "weak_regions_pct"),
        ("000.textile.nonweak_regions_pct", "nonweak_regions_pct"),
        ("000.textile.weak_nodes_with_co_pct", "weak_nodes_with_co_pct"),
        ("000.textile.nonweak_nodes_with_co_pct", "nonweak_nodes_with_co_pct"),
    ):
        checks.append(
            Check(
                f"000.table3.textile.{col}",
                "text vs table",
                "000",
                f"{line(sid)}: {tf.loc[sid, 'claim']}",
                float(tf.loc[sid, "value"]),
                f"000 Table 3, E14. Textile: {col}",
                float(t3.loc["E14. Textile", col]),
            )
        )
    checks += ecosystem_statements(table2, table3)
    return checks


def _names(table: pd.DataFrame) -> pd.Series:
    return table["ecosystem"].str.replace(r"^E\d{2}\.\s*", "", regex=True)


def ecosystem_statements(table2: pd.DataFrame, table3: pd.DataFrame) -> list[Check]:
    """The text's verbal reading of Tables 2 and 3 (000 line 216)."""
    checks = []
    t3 = table3.assign(name=_names(table3)).set_index("name")
    t2 = table2.assign(name=_names(table2)).set_index("name")
    weak_relevant = sorted(t3.index[t3["weak_regions_pct"] > 0])
    checks.append(
        Check(
            "000.table3.weak_only_agrifood_textile",
            "text vs table",
            "000",
            "000 line 216: weak regions only industry-relevant in agri-food and textiles",
            "Agri-food; Textile",
            "000 Table 3: ecosystems with a non-zero % of weak regions",
            "; ".join(weak_relevant),
            note="other non-zero cells: "
            + ", ".join(
                f"{e} {t3.loc[e, 'weak_regions_pct']:g} %"
                for e in weak_relevant
                if e not in ("Agri-food", "Textile")
            ),
        )
    )
    for table, label, claim_line in (
        (t3, "Table 3", "non-weak regions' relevance spread over more ecosystems (Table 3)"),
        (t2, "Table 2", "weak regions specialised in a more diverse range (Table 2 vs Table 3)"),
    ):
        if label == "Table 3":
            a = int((table["nonweak_regions_pct"] > 0).sum())
            b = int((table["weak_regions_pct"] > 0).sum())
            where_b = "000 Table 3: ecosystems with a non-zero % of weak regions"
            where_a = "non-weak"
        else:
            a = int((table["weak_regions_pct"] > 0).sum())
            b = int((t3["weak_regions_pct"] > 0).sum())
            where_b = "000 Table 3: ecosystems with a non-zero % of weak regions"
            where_a = "weak"
        checks.append(
            Check(
                f"000.{label.lower().replace(' ', '')}.diversity",
                "text vs table",
                "000",
                where_b,
                b,
                f"000 line 216: {claim_line}; {label} ecosystems with a non-zero % of "
                f"{where_a} regions",
                a,
                "more_than",
                note="value A: ecosystems with a non-zero share on the side the text says is "
                "narrower; value B: the side it says is more diverse",
            )
        )
    statements = [
        ("agri_food", "Agri-food", "nonweak", "clear specialisation of non-weak regions"),
        ("textile", "Textile", "nonweak", "clear specialisation of non-weak regions"),
        (
            "renewable",
            "Renewable Energy",
            "weak",
            "renewable energy more important than in non-weak",
        ),
        (
            "creative",
            "Creative & Cultural Industries",
            "nonweak",
            "large gap with non-weak regions",
        ),
        ("digital", "Digital", "nonweak", "large gap with non-weak regions"),
        ("health", "Health", "nonweak", "large gap with non-weak regions"),
    ]
    for slug, eco, higher, phrase in statements:
        lower = "weak" if higher == "nonweak" else "nonweak"
        stated = "non-weak" if higher == "nonweak" else "weak"
        actual = (
            stated
            if t2.loc[eco, f"{higher}_regions_pct"] > t2.loc[eco, f"{lower}_regions_pct"]
            else ("weak" if higher == "nonweak" else "non-weak")
        )
        checks.append(
            Check(
                f"000.table2.direction.{slug}",
                "text vs table",
                "000",
                f"000 line 216: {eco}: {phrase} (higher group)",
                stated,
                f"000 Table 2, {eco}: % of regions weak {t2.loc[eco, 'weak_regions_pct']:g} vs "
                f"non-weak {t2.loc[eco, 'nonweak_regions_pct']:g}",
                actual,
            )
        )
    return checks


# ---------------------------------------------------------------- documents 001 and 003


def landscape_checks(landscape: pd.DataFrame, text: pd.DataFrame) -> list[Check]:
    """Document 001's headline figures against themselves and against document 003."""
    lf = landscape.set_index(["figure_id", "document"])["value"]
    tf = text.set_index("statement_id")

    def val(fid: str, doc: str) -> float:
        return float(lf.loc[(fid, doc)])

    tiers = sum(
        val(f"panorama.clusters.{t}_performing", "001") for t in ("high", "medium", "basic")
    )
    return [
        Check(
            "001.panorama.tiers_sum",
            "parts vs total",
            "001",
            "001 line 116: high + medium + basic-performing clusters",
            int(tiers),
            "001 lines 113-114: clusters identified",
            int(val("panorama.clusters.count", "001")),
        ),
        Check(
            "001.panorama.every_fourth_job",
            "text vs text",
            "001",
            f"001 lines {tf.loc['001.panorama.every_fourth_job', 'lines']}: almost one job in "
            "four (N = 4)",
            4,
            "001 line 115: share of employment in clusters",
            val("panorama.employment.share_pct", "001") / 100,
            "fraction",
        ),
        Check(
            "001.panorama.half_exporting",
            "text vs text",
            "001",
            "001 lines 115-116: about half of employment in exporting industries (N = 2)",
            2,
            "001 lines 115-116: share of exporting-industry employment",
            val("panorama.employment.exporting_industries_share_pct", "001") / 100,
            "fraction",
        ),
        Check(
            "001.panorama.high_performing_twice",
            "text vs text",
            "001",
            "001 line 119: high-performing productivity more than twice the average",
            2.0,
            "001 line 119: +140 % premium, as a multiple of the average",
            1 + val("panorama.productivity_premium.high_performing_pct", "001") / 100,
            "more_than",
        ),
        Check(
            "001_003.clusters_count",
            "same figure in two documents",
            "001; 003",
            "003 line 13: about 2,900 clusters (2019 Panorama)",
            val("panorama.clusters.count", "003"),
            "001 lines 113-114: clusters (Panorama, edition not named)",
            val("panorama.clusters.count", "001"),
            "approx",
        ),
        Check(
            "001_003.employment_share",
            "same figure in two documents",
            "001; 003",
            "003 line 13: about 19 % of European jobs in clusters",
            val("panorama.employment.share_pct", "003"),
            "001 line 115: share of total employment in clusters",
            val("panorama.employment.share_pct", "001"),
            "approx",
            note="possibly different Panorama editions; neither document reconciles them",
        ),
        Check(
            "003.esif.parts_vs_total",
            "parts vs total",
            "003",
            "003 line 7: ESIF earmarked for cluster support (EUR bn)",
            val("esif.cluster_support.earmarked", "003"),
            "003 line 7: innovation-related investments (EUR bn)",
            val("esif.innovation_investment.total", "003"),
            "at_most",
        ),
    ]


def cross_document_checks(
    landscape: pd.DataFrame, eu4d_text: pd.DataFrame, text: pd.DataFrame, table5: pd.DataFrame
) -> list[Check]:
    """Figures document 002 shares with documents 000, 001 and 003; 001's Flanders."""
    lf = landscape.set_index(["figure_id", "document"])["value"]
    e = eu4d_text.set_index("statement_id")
    tf = text.set_index("statement_id")
    checks = []
    for sid in ("eu4d_tf_001", "eu4d_tf_047"):
        checks.append(
            Check(
                f"001_002.clusters_count.{sid}",
                "same figure in two documents",
                "001; 002",
                f"002 line {e.loc[sid, 'lines']}: more than 2,950 clusters",
                float(e.loc[sid, "value"]),
                "001 lines 113-114 (= 198 + 898 + 1,854)",
                float(lf.loc[("panorama.clusters.count", "001")]),
                "more_than",
                note="001's 2,950 is the exact sum of its three tiers",
            )
        )
    checks.append(
        Check(
            "001_002.cluster_organisations",
            "same figure in two documents",
            "001; 002",
            "002 lines 138, 737: over 1,000 cluster organisations",
            float(e.loc["eu4d_tf_048", "value"]),
            "001 line 355: more than 1,000 organisations on the ECCP",
            float(lf.loc[("eccp.cluster_organisations.count", "001")]),
            note="both are lower bounds",
        )
    )
    jobs = float(e.loc["eu4d_tf_031", "value"])
    for doc, where in (("001", "001 line 115"), ("003", "003 line 13")):
        checks.append(
            Check(
                f"{doc}_002.employment_share",
                "same figure in two documents",
                f"{doc}; 002",
                "002 line 567: about 39 % of European jobs in clusters",
                jobs,
                f"{where}: share of jobs in clusters",
                float(lf.loc[("panorama.employment.share_pct", doc)]),
                "approx",
                note="002 cites its footnote 33; the concepts may differ (all cluster "
                "activities vs specialised clusters)",
            )
        )
    checks.append(
        Check(
            "003_002.wage_share",
            "same figure in two documents",
            "003; 002",
            "002 line 567: about 55 % of European wages in clusters",
            float(e.loc["eu4d_tf_032", "value"]),
            "003 line 13: share of European wages in clusters",
            float(lf.loc[("panorama.wages.share_pct", "003")]),
            "approx",
        )
    )
    for sid, ref, what in (
        ("eu4d_tf_049", "000.nodes.nace_sectors", "NACE 2-digit sectors"),
        ("eu4d_tf_053", "000.ecosystems.count", "industrial ecosystems"),
    ):
        total = float(e.loc["eu4d_tf_004", "value"]) if sid == "eu4d_tf_049" else None
        checks.append(
            Check(
                f"000_002.{_slug(what)}",
                "same figure in two documents",
                "000; 002",
                f"002 line {e.loc[sid, 'lines']}: {what}" + (" (71 of 88)" if total else ""),
                total if total else float(e.loc[sid, "value"]),
                f"000 line {tf.loc[ref, 'lines']}: {what}",
                float(tf.loc[ref, "value"]),
            )
        )
    flanders = table5.set_index("organisation").loc["Flanders' FOOD", "country"]
    checks.append(
        Check(
            "001_002.flanders_country",
            "same figure in two documents",
            "001; 002",
            "001 line 57: Flanders (the Netherlands)",
            "Netherlands",
            "002 Table 5 (line 1036): Flanders' FOOD",
            flanders,
            note="Flanders is a region of Belgium",
        )
    )
    return checks


# ---------------------------------------------------------------- document 002, sums and lists


def membership_checks(membership: pd.DataFrame) -> list[Check]:
    """Group sizes, shares and size classes stated in 002's text."""
    m = membership.set_index("statistic_id")

    def v(key: str) -> float:
        return float(m.loc[key, "value"])

    def at(key: str) -> str:
        return f"002 line {m.loc[key, 'lines']}"

    labelled = v("dih_gold") + v("dih_silver") + v("dih_bronze")
    return [
        Check(
            "002.dih.labelled_within_group",
            "parts vs total",
            "002",
            f"{at('dih_gold')}: gold + silver + bronze (29 + 14 + 52)",
            int(labelled),
            f"{at('dih_participating')}: organisations in DIHs",
            int(v("dih_participating")),
            "at_most",
        ),
        Check(
            "002.dih.labelled_within_exec_group",
            "parts vs total",
            "002",
            "002 line 158: gold + silver + bronze (29 + 14 + 52)",
            int(labelled),
            f"{at('dih_participating_exec')}: 'out of 87' organisations",
            int(v("dih_participating_exec")),
            "at_most",
            note="87 is the executive summary's figure for the group of 187 (lines 895, 946)",
        ),
        Check(
            "002.dih.gold_silver",
            "parts vs total",
            "002",
            f"{at('dih_gold')}: gold + silver",
            int(v("dih_gold") + v("dih_silver")),
            f"{at('dih_gold_silver')}: organisations in Annex 1",
            int(v("dih_gold_silver")),
        ),
        Check(
            "002.dih.both_within_each",
            "parts vs total",
            "002",
            f"{at('dih_both')}: organisations doing both",
            int(v("dih_both")),
            f"{at('dih_digital_sector')}: smaller of 461 and 495",
            int(min(v("dih_digital_sector"), v("dih_support_digitalisation"))),
            "at_most",
        ),
        Check(
            "002.dih.participating_within_both",
            "parts vs total",
            "002",
            f"{at('dih_participating')}: organisations in DIHs ('out of them')",
            int(v("dih_participating")),
            f"{at('dih_both')}: organisations doing both",
            int(v("dih_both")),
            "at_most",
        ),
        Check(
            "002.dih.internationalisation_within_group",
            "parts vs total",
            "002",
            f"{at('dih_internationalisation')}: also supporting internationalisation",
            int(v("dih_internationalisation")),
            f"{at('dih_participating')}: organisations in DIHs",
            int(v("dih_participating")),
            "at_most",
        ),
        Check(
            "002.members.composition_sum",
            "parts vs total",
            "002",
            "002 lines 787-789: SMEs + large firms + research organisations (%)",
            v("eccp_members_sme_share")
            + v("eccp_members_large_share")
            + v("eccp_members_research_share"),
            "100 %",
            100.0,
        ),
        Check(
            "002.members.size_classes_sum",
            "parts vs total",
            "002",
            "002 lines 781-783: size classes <100, 101-200, >400 (%)",
            v("eccp_size_lt100_share") + v("eccp_size_101_200_share") + v("eccp_size_gt400_share"),
            "100 %",
            100.0,
            "at_most",
            note="the 201-400 class (the remaining 11 %) and exactly 100 members are not stated",
        ),
        Check(
            "002.gold.large_firm_classes",
            "parts vs total",
            "002",
            "002 line 1019: gold organisations with 1-14, 15-49, 50-150 large firms",
            int(v("dih_gold_large_1_14") + v("dih_gold_large_15_49") + v("dih_gold_large_50_150")),
            "002 line 1019: all gold organisations have large firms",
            int(v("dih_gold_with_large")),
        ),
        Check(
            "002.gold.with_large_vs_group",
            "parts vs total",
            "002",
            "002 line 1019: gold organisations with large firms",
            int(v("dih_gold_with_large")),
            f"{at('dih_gold')}: gold organisations",
            int(v("dih_gold")),
        ),
        Check(
            "002.silver.large_firm_classes",
            "parts vs total",
            "002",
            "002 line 1019: silver with >50, 15-49 and no large firms",
            int(
                v("dih_silver_large_gt50")
                + v("dih_silver_large_15_49")
                + v("dih_silver_without_large")
            ),
            f"{at('dih_silver')}: silver organisations",
            int(v("dih_silver")),
            "at_most",
        ),
    ]


def short_service(name: str) -> str:
    """A service name without its parenthesis or 'such as' example, for compact lists."""
    return re.sub(r"\s*\(.*?\)|\s+such as.*$", "", name)


def over_half_lists(annex: pd.DataFrame, group: int, general: Iterable[str]) -> list[Check]:
    """The services that the text lists as offered by over 50 % of the 43 gold and silver
    organisations (002 lines 999-1013) against those the annex counts put above 50 %."""
    pooled = annex.dropna(subset=["gold_pct"]).assign(
        share=lambda d: (d["gold_n"] + d["silver_n"]) / group
    )
    general = {g.lower() for g in general}
    is_general = pooled["service"].str.lower().isin(general)
    text_lists = {
        "general": (
            "002 lines 999-1003",
            [
                "Facilitation of collaboration between members (within the cluster)",
                "Support of Research, Development and Innovation",
                "Facilitation of external collaboration (beyond cluster) such as matchmaking",
            ],
        ),
        "digitalisation": (
            "002 lines 1009-1013",
            [
                "Identifying and promotion of digital collaborative projects",
                "Support towards digitalisation of processes",
                "Introduction to digital solutions/technology providers",
            ],
        ),
    }
    checks = []
    for kind, (where, listed) in text_lists.items():
        part = pooled[is_general] if kind == "general" else pooled[~is_general]
        above = part[part["share"] > 0.5]
        checks.append(
            Check(
                f"002.annex1.over_half_list.{kind}",
                "text vs table",
                "002",
                f"{where}: {kind} services offered by over 50 % of gold and silver",
                "; ".join(sorted(short_service(x) for x in listed)),
                f"002 Annex 1: {kind} services with (gold + silver) / {group} > 50 %",
                "; ".join(sorted(short_service(x) for x in above["service"])),
                note="; ".join(
                    f"{s}: {int(g + si)}/{group}"
                    for s, g, si in above[["service", "gold_n", "silver_n"]].itertuples(index=False)
                    if s not in listed
                )
                or "same services",
            )
        )
        for _, row in part[part["service"].isin(listed)].iterrows():
            checks.append(
                Check(
                    f"002.annex1.over_half_silver_alone.{_slug(row['service'])}",
                    "text vs table (stricter reading)",
                    "002",
                    f"{where}: {short_service(row['service'])}: over 50 % of silver",
                    50.0,
                    "002 Annex 1: silver count / 14",
                    round(100 * row["silver_n"] / 14, 2),
                    "more_than",
                    note="per-group reading; the pooled one holds",
                )
            )
    return checks


def services_sum(table5: pd.DataFrame) -> list[Check]:
    """Table 5: total services = general + digitalisation services."""
    return [
        Check(
            f"002.table5.services_sum.{_slug(r['organisation'])}",
            "parts vs total",
            "002",
            f"002 Table 5, {r['organisation']}: general + digital services",
            int(r["services_general"] + r["services_digital"]),
            f"002 Table 5, {r['organisation']}: total services",
            int(r["services_total"]),
        )
        for _, r in table5.iterrows()
    ]


def table9_coverage(case_studies: pd.DataFrame, table9: pd.DataFrame) -> list[Check]:
    """Case studies with an ICT focus and a gold/silver label against the ICT label list."""
    listed = table9["cluster"].str.lower().tolist()
    checks = []
    ict = case_studies[
        case_studies["sector_focus"].str.startswith("ICT")
        & case_studies["label"].isin(["gold", "silver"])
    ]
    for _, r in ict.iterrows():
        found = any(r["short_name"].lower() in name for name in listed)
        checks.append(
            Check(
                f"002.table9.covers.{_slug(r['short_name'])}",
                "text vs table",
                "002",
                f"002 case study (lines {r['lines']}): {r['short_name']}, {r['label']} label, "
                "ICT focus",
                "listed",
                "002 Table 9 (lines 1453-1471): ECEI gold and silver labels, ICT portfolio",
                "listed" if found else "not listed",
                note="Table 9 follows ESCA's comparative portfolio, which the document does not "
                "relate to the case studies' sectors",
            )
        )
    return checks


def fee_conversions(fees: pd.DataFrame) -> list[Check]:
    """Euro amounts printed next to local-currency fees: implied exchange rates."""
    checks = []
    dkk = fees[(fees["currency"] == "DKK") & fees["fee_eur"].notna()]
    for _, r in dkk.iterrows():
        checks.append(
            Check(
                "002.fees.digitallead_eur",
                "text vs text",
                "002",
                f"002 line {r['lines'].split(';')[0]}: DigitalLead {r['member_category']}, EUR",
                float(r["fee_eur"]),
                "DKK 5,500 at the printed rate EUR 1 = DKK 7.46",
                round(float(r["fee_local"]) / 7.46, 2),
                "equals",
                observed_range=(float(r["fee_local"]) / 7.465, float(r["fee_local"]) / 7.455),
                note="737.27 at exactly 7.46; 738 needs a rate below 7.4576, within the "
                "rounding of the printed 7.46",
            )
        )
    sek = fees[fees["currency"] == "SEK"]
    rates = (sek["fee_local"] / sek["fee_eur"]).round(3).tolist()
    if len(rates) == 2:
        checks.append(
            Check(
                "002.fees.bron_rates",
                "text vs text",
                "002",
                "002 line 1073: SEK per EUR implied by 5,000 ≈ 445",
                rates[0],
                "002 line 1073: SEK per EUR implied by 1,000 ≈ 89",
                rates[1],
                "approx",
                step=0.1,
            )
        )
    return checks


def _lines(lines: str) -> str:
    return f"lines {lines}" if "-" in lines or ";" in lines else f"line {lines}"


def clusterix_subpoints(text: pd.DataFrame) -> list[Check]:
    """Document 004: sub-points per recommendation area, overview (section 1) vs chapter 3."""
    t = text.set_index("statement_id")
    checks = []
    for area in range(1, 8):
        a, b = f"004.overview.area{area}_subpoints", f"004.chapter3.area{area}_subpoints"
        if a not in t.index or b not in t.index:
            continue
        checks.append(
            Check(
                f"004.subpoints.area{area}",
                "text vs text",
                "004",
                f"004 {_lines(t.loc[a, 'lines'])}: overview, area {area}, lettered sub-points",
                int(t.loc[a, "value"]),
                f"004 {_lines(t.loc[b, 'lines'])}: section 3.{area}, lettered sub-points",
                int(t.loc[b, "value"]),
                note=str(t.loc[b, "refers_to"]).partition("; ")[2],
            )
        )
    return checks


# ---------------------------------------------------------------- everything


def run_all() -> tuple[pd.DataFrame, pd.DataFrame]:
    """All checks on the digitised tables, and the text figures that could not be evaluated."""
    load = published.load
    table1, table2, table3 = load("eccp_table1"), load("eccp_table2"), load("eccp_table3")
    text = load("text_figures")
    annex = load("eu4d_annex1_totals")
    t3, t4, t5 = load("eu4d_table3"), load("eu4d_table4"), load("eu4d_table5")
    membership = load("eu4d_membership")
    eu4d_text = load("eu4d_text_figures")
    landscape = load("landscape_figures")
    m = membership.set_index("statistic_id")["value"]
    sizes = {k: int(m[f"dih_{k}"]) for k in ("gold", "silver", "bronze")}
    group = int(m["dih_participating"])
    text_checks, skipped = text_figures_vs_tables(
        eu4d_text,
        {"eu4d_table3": t3, "eu4d_table4": t4, "eu4d_table5": t5, "eu4d_annex1_totals": annex},
        membership,
    )
    parts: list[Callable[[], list[Check]]] = [
        lambda: eccp_checks(table1, table2, table3, text),
        lambda: ecosystem_percentages(table2, "Table 2"),
        lambda: ecosystem_percentages(table3, "Table 3"),
        lambda: landscape_checks(landscape, text),
        lambda: cross_document_checks(landscape, eu4d_text, text, t5),
        lambda: membership_checks(membership),
        lambda: annex_percentages(annex, sizes),
        lambda: tables_vs_annex(t3, annex, "Table 3", "952-977"),
        lambda: tables_vs_annex(t4, annex, "Table 4", "981-995"),
        lambda: column_sums_vs_annex(t3, annex, "Table 3", "Number of general services"),
        lambda: column_sums_vs_annex(t4, annex, "Table 4", "Number of digitalisation services"),
        lambda: table_rows_within_groups(t3, "Table 3", sizes, group),
        lambda: table_rows_within_groups(t4, "Table 4", sizes, group),
        lambda: text_checks,
        lambda: over_half_lists(annex, int(m["dih_gold_silver"]), t3["service"]),
        lambda: services_sum(t5),
        lambda: table9_coverage(load("eu4d_case_studies"), load("eu4d_table9")),
        lambda: fee_conversions(load("eu4d_membership_fees")),
        lambda: clusterix_subpoints(text),
    ]
    results = to_frame(check for part in parts for check in part())
    if results["check_id"].duplicated().any():
        dupes = results.loc[results["check_id"].duplicated(), "check_id"].tolist()
        raise ValueError(f"check ids must be unique: {dupes}")
    return results, skipped


def summary(results: pd.DataFrame) -> pd.DataFrame:
    """Counts of checks by first document and verdict (all verdicts as columns)."""
    first = results["documents"].str.split("; ").str[0]
    return (
        results.assign(document=first)
        .pivot_table(index="document", columns="verdict", values="check_id", aggfunc="count")
        .reindex(columns=list(VERDICTS))
        .fillna(0)
        .astype(int)
    )


VERDICT_COLOURS = {"consistent": "#9AB8A4", "rounding": "#E0B04B", "discrepancy": "#C0392B"}


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
            ),
            order=alt.Order("verdict_order:Q"),
            tooltip=["document", "kind", "verdict", "checks"],
        )
        .transform_calculate(
            verdict_order="indexof(['consistent', 'rounding', 'discrepancy'], datum.verdict)"
        )
        .properties(width=420, height=alt.Step(18))
    )


def _display_value(value: object) -> str:
    number = _number(value)
    if number is None:
        return str(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.4g}"


def document_group(documents: str) -> str:
    """'000', '002', '004' for checks within one of those documents; 'across' otherwise
    (documents 001 and 003 and every comparison between two documents)."""
    return documents if documents in ("000", "002", "004") else "across"


def findings(
    results: pd.DataFrame, group: str, kinds: Iterable[str] | None = None, *, exclude=False
) -> pd.DataFrame:
    """Rows other than 'consistent' of one :func:`document_group`, ready to show; optionally
    only (or, with ``exclude``, all but) the given kinds of check."""
    groups = results["documents"].map(document_group)
    keep = (groups == group) & (results["verdict"] != "consistent")
    if kinds is not None:
        chosen = results["kind"].isin(list(kinds))
        keep &= ~chosen if exclude else chosen
    rows = results[keep]

    def place(text: pd.Series) -> pd.Series:
        text = text.str.replace(r"\s*\(lines? [0-9\-, ]+\)", "", regex=True)
        text = text.str.replace(r"\s*\([a-z0-9]+(_[a-z0-9]+)+\)", "", regex=True)
        text = text.str.replace("_", " ", regex=False)
        return text.str.replace(f"^{group} ", "", regex=True) if group != "across" else text

    verdict = rows["verdict"].map({"rounding": "rounding", "discrepancy": ""})
    note = rows["note"].fillna("")
    return pd.DataFrame(
        {
            "Statement or cell (A)": place(rows["location_a"]),
            "A": rows["value_a"].map(_display_value),
            "Compared with (B)": place(rows["location_b"]),
            "B": rows["value_b"].map(_display_value),
            "Note": (verdict + ": " + note).str.strip(": ").where(verdict != "", note),
        }
    ).set_index(rows["check_id"].rename(None))
