"""Gold versus silver, service by service: the organisations chapter's test of the label.

Document 002 counts, for each of its services, the gold and silver organisations offering it
twice: in Tables 3-4 and in Annex 1, retrieved two months apart. This module runs the label
comparison of :mod:`eucluster.documents.organisations` on both counts, so that a finding which
hangs on the month's count shows, and hands the chapter its tables and the key figures it
states, each with the definition that says how it is computed. The power figures come first
because they say what groups of 29 and 14 organisations could show at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from eucluster import data, parameters
from eucluster.documents import label_claims, organisations
from eucluster.key_figures import Claim, Figure, computed, quoted

#: Where the group sizes are printed (document 002, section 3).
MEMBERSHIP_TABLE = "eu4d_membership"
#: The two service tables and the kind of service each counts.
SERVICE_KINDS = {"eu4d_table3": "general", "eu4d_table4": "digitalisation"}
#: The contrasts the report's text dwells on, by the key the chapter cites them with.
HIGHLIGHTED_SERVICES = {
    "public_funding": "Access to finance: public funding",
    "internal_market": "Access to the European internal market",
    "digital_training": "Digital training courses for members",
}
#: The columns of a highlighted service the chapter states: unit and display format.
HIGHLIGHTED_COLUMNS = {
    "gold_share": ("share of gold organisations", "{:.0%}"),
    "silver_share": ("share of silver organisations", "{:.0%}"),
    "difference": ("difference in shares", "{:+.0%}"),
    "diff_low": ("difference in shares", "{:+.0%}"),
    "diff_high": ("difference in shares", "{:+.0%}"),
    "p_value": ("p-value", "{:.2f}"),
    "p_holm": ("p-value", "{:.2f}"),
    "annex_p_value": ("p-value", "{:.3f}"),
}
#: Column names and display formats of the chapter's table of every test.
COMPARISON_TABLE_COLUMNS = {
    "service_short": "Service",
    "gold_share": "Gold",
    "silver_share": "Silver",
    "interval": "Difference, points",
    "p_value": "p",
    "p_holm": "Holm p",
    "q_bh": "BH q",
    "annex_p_value": "p, annex",
}
COMPARISON_TABLE_FORMATS = {
    "Gold": "{:.0%}",
    "Silver": "{:.0%}",
    "p": "{:.2f}",
    "Holm p": "{:.2f}",
    "BH q": "{:.2f}",
    "p, annex": "{:.3f}",
}


@dataclass(frozen=True)
class ServiceComparison:
    """The gold-silver comparison of every service, with what the chapter shows and states.

    ``comparison`` is :func:`organisations.label_comparison` on the Tables 3-4 counts plus the
    service kind, a short service name for charts and the Annex 1 difference and p-value;
    ``annex`` holds the Annex 1 counts in the same row order as ``services``.
    """

    sizes: dict[str, int]
    services: pd.DataFrame
    annex: pd.DataFrame
    comparison: pd.DataFrame
    per_organisation: pd.DataFrame
    figures: list[Figure | Claim]


def labelled_services() -> pd.DataFrame:
    """Tables 3 and 4 stacked, with a ``kind`` column, without the catch-all 'Other services'
    (a residual category whose members differ from row to row cannot be compared)."""
    services = pd.concat(
        [data.load(table).assign(kind=kind) for table, kind in SERVICE_KINDS.items()],
        ignore_index=True,
    )
    return services[services["service"] != "Other services"].reset_index(drop=True)


def short_service_names(names: pd.Series) -> pd.Series:
    """Service names without their bracketed or 'such as' examples, short enough for an axis."""
    return names.str.replace(r"\s*\(.*?\)|,? such as.*$", "", regex=True)


def compare_services_by_label(*, confidence: float = 0.95, power: float = 0.8) -> ServiceComparison:
    """Gold against silver for every service of Tables 3-4, and again with the Annex 1 counts.

    ``confidence`` sets every interval (the tests use ``alpha = 1 - confidence``); ``power`` is
    the power at which the minimum detectable differences are computed.
    """
    confidence = parameters.fraction(confidence, "confidence")
    power = parameters.fraction(power, "power")
    alpha = 1 - confidence
    sizes = organisations.label_group_sizes()
    services = labelled_services()
    comparison = organisations.label_comparison(services, sizes, alpha=alpha, power=power)
    comparison["kind"] = services["kind"].to_numpy()
    comparison["service_short"] = short_service_names(comparison["service"])
    annex = organisations.annex_counts().set_index("service").loc[comparison["service"]]
    annex_comparison = organisations.label_comparison(
        annex.reset_index(), sizes, alpha=alpha, power=power
    )
    comparison["annex_difference"] = annex_comparison["difference"].to_numpy()
    comparison["annex_p_value"] = annex_comparison["p_value"].to_numpy()
    per_organisation = services_per_organisation(services, sizes)
    figures = [
        *group_figures(sizes),
        *power_figures(sizes, confidence=confidence, power=power),
        *significance_count_figures(comparison, alpha=alpha),
        *highlighted_service_figures(comparison, sizes, alpha=alpha),
        *annex_figures(services, annex),
        *per_organisation_figures(per_organisation),
    ]
    figures += service_claims(
        comparison, services, annex, per_organisation, sizes, figures, alpha=alpha, power=power
    )
    return ServiceComparison(sizes, services, annex, comparison, per_organisation, figures)


def service_claims(
    comparison: pd.DataFrame,
    services: pd.DataFrame,
    annex: pd.DataFrame,
    per_organisation: pd.DataFrame,
    sizes: dict[str, int],
    figures: list[Figure],
    *,
    alpha: float,
    power: float,
) -> list[Claim]:
    """The chapter's conclusions about the label, computed from the comparison and from the
    figures just built (:mod:`eucluster.documents.label_claims`)."""
    values = {record.id: record.value for record in figures}
    return [
        *label_claims.correction_claims(comparison, alpha=alpha),
        *label_claims.power_claims(values, power=power),
        *label_claims.highlight_claims(comparison, HIGHLIGHTED_SERVICES, alpha=alpha),
        label_claims.zero_count_claim(
            comparison,
            HIGHLIGHTED_SERVICES["internal_market"],
            sizes,
            values["organisations.silver.zero.high"],
        ),
        *label_claims.annex_claims(
            comparison, services, annex, service=HIGHLIGHTED_SERVICES["public_funding"], alpha=alpha
        ),
        *label_claims.pooled_claims(comparison, per_organisation),
    ]


def group_figures(sizes: dict[str, int]) -> list[Figure]:
    """The gold and silver group sizes as printed, and the labelled organisations together."""
    return [
        *[
            quoted(
                f"organisations.group.{label}.size",
                sizes[label],
                unit="organisations",
                table=MEMBERSHIP_TABLE,
                fmt="{:d}",
            )
            for label in ("gold", "silver")
        ],
        quoted(
            "organisations.group.labelled",
            sizes["gold"] + sizes["silver"],
            unit="organisations",
            table=MEMBERSHIP_TABLE,
            fmt="{:d}",
        ),
    ]


def power_figures(sizes: dict[str, int], *, confidence: float, power: float) -> list[Figure]:
    """What the group sizes can detect, before looking at any count: the minimum detectable
    differences near shares of one half and one tenth, and the width of one Wilson interval."""
    alpha = 1 - confidence
    gold, silver = sizes["gold"], sizes["silver"]
    mdd = {
        share: organisations.minimum_detectable_difference(
            gold, silver, base_share=share, alpha=alpha, power=power
        )
        for share in (0.5, 0.1)
    }
    half = silver // 2
    half_low, half_high = organisations.wilson_interval(half, silver, alpha=alpha)
    return [
        computed(
            "organisations.power.mdd_half",
            mdd[0.5],
            unit="difference in shares",
            definition="Smallest gold-silver difference in shares detected with the stated power "
            "at the stated confidence when the shares are near one half (two-sample normal "
            f"approximation, {gold} gold and {silver} silver organisations).",
            fmt="{:.0%}",
        ),
        computed(
            "organisations.power.mdd_tenth",
            mdd[0.1],
            unit="difference in shares",
            definition="As organisations.power.mdd_half, for shares near one tenth.",
            fmt="{:.0%}",
        ),
        computed(
            "organisations.power.level",
            power,
            unit="probability",
            definition="Power used.",
            fmt="{:.0%}",
        ),
        computed(
            "organisations.confidence",
            confidence,
            unit="probability",
            definition="Confidence level of every interval in this chapter (1 - alpha for the "
            "tests).",
            fmt="{:.0%}",
        ),
        computed(
            "organisations.silver.half.width",
            half_high - half_low,
            unit="share",
            definition=f"Width of the Wilson interval for {half} of the {silver} silver "
            "organisations.",
            fmt="{:.0%}",
        ),
        computed(
            "organisations.silver.zero.high",
            organisations.wilson_interval(0, silver, alpha=alpha)[1],
            unit="share",
            definition=f"Upper Wilson bound for 0 of the {silver} silver organisations.",
            fmt="{:.0%}",
        ),
    ]


def significance_count_figures(comparison: pd.DataFrame, *, alpha: float) -> list[Figure]:
    """How many services pass each test, against the false alarms chance alone would give."""
    tests = len(comparison)
    excluding_zero = (comparison["diff_low"] > 0) | (comparison["diff_high"] < 0)
    counts = {
        "count": (tests, "Services tested (Tables 3 and 4 without 'Other services')."),
        "significant_raw": (
            int((comparison["p_value"] < alpha).sum()),
            "Services with Fisher p below alpha, unadjusted, Table 3-4 counts.",
        ),
        "significant_holm": (
            int((comparison["p_holm"] < alpha).sum()),
            "Services with Holm-adjusted p below alpha, Table 3-4 counts.",
        ),
        "significant_annex": (
            int((comparison["annex_p_value"] < alpha).sum()),
            "Services with unadjusted Fisher p below alpha, Annex 1 counts.",
        ),
        "intervals_excluding_zero": (
            int(excluding_zero.sum()),
            "Services whose Newcombe interval for the gold-silver difference excludes zero.",
        ),
    }
    return [
        *[
            computed(
                f"organisations.tests.{key}",
                value,
                unit="services",
                definition=text,
                fmt="{:d}",
            )
            for key, (value, text) in counts.items()
        ],
        computed(
            "organisations.tests.expected_false",
            tests * alpha,
            unit="services",
            definition="Services expected below alpha by chance alone if no service differed.",
            fmt="{:.1f}",
        ),
    ]


def highlighted_service_figures(
    comparison: pd.DataFrame, sizes: dict[str, int], *, alpha: float
) -> list[Figure]:
    """Shares, difference, interval and p-values of the services the report's text highlights,
    and the exact power of Fisher's test for the public-funding gap as observed."""
    by_service = comparison.set_index("service")
    records = []
    for key, service in HIGHLIGHTED_SERVICES.items():
        row = by_service.loc[service]
        for column, (unit, fmt) in HIGHLIGHTED_COLUMNS.items():
            records.append(
                computed(
                    f"organisations.{key}.{column}",
                    row[column],
                    unit=unit,
                    definition=f"{column} for '{service}' (gold vs silver; Fisher exact test, "
                    "Newcombe interval, Holm adjustment over all services tested).",
                    fmt=fmt,
                )
            )
    public = by_service.loc[HIGHLIGHTED_SERVICES["public_funding"]]
    exact_power = organisations.fisher_power(
        public["gold_share"], public["silver_share"], sizes["gold"], sizes["silver"], alpha=alpha
    )
    records.append(
        computed(
            "organisations.public_funding.exact_power",
            exact_power,
            unit="probability",
            definition="Exact power of the two-sided Fisher test at alpha if the true gold and "
            "silver shares offering public-funding access equalled the observed ones (Table 3).",
            fmt="{:.0%}",
        )
    )
    return records


def annex_figures(services: pd.DataFrame, annex: pd.DataFrame) -> list[Figure]:
    """How often the two counts of the same month-to-month changing profiles disagree."""
    disagreements = int((annex["silver"].to_numpy() != services["silver"].to_numpy()).sum())
    return [
        computed(
            "organisations.annex.silver_disagreements",
            disagreements,
            unit="services",
            definition="Services whose silver count differs between Tables 3-4 and Annex 1.",
            fmt="{:d}",
        )
    ]


def services_per_organisation(services: pd.DataFrame, sizes: dict[str, int]) -> pd.DataFrame:
    """Average number of services per organisation, by kind: gold and silver from Tables 3-4,
    silver also from Annex 1's totals (its gold totals equal the tables')."""
    annex_totals = data.load("eu4d_annex1_totals").set_index("service")
    kinds = list(SERVICE_KINDS.values())
    by_kind = services.groupby("kind")[["gold", "silver"]].sum().loc[kinds]
    return pd.DataFrame(
        {
            "Services": kinds,
            "Gold (Tables 3-4)": (by_kind["gold"] / sizes["gold"]).to_numpy(),
            "Silver (Tables 3-4)": (by_kind["silver"] / sizes["silver"]).to_numpy(),
            "Silver (Annex 1)": [
                annex_totals.loc[f"Number of {kind} services", "silver_n"] / sizes["silver"]
                for kind in kinds
            ],
        }
    )


def per_organisation_figures(per_organisation: pd.DataFrame) -> list[Figure]:
    """The Tables 3-4 averages of :func:`services_per_organisation` as key figures."""
    columns = {"Gold (Tables 3-4)": "gold", "Silver (Tables 3-4)": "silver"}
    return [
        computed(
            f"organisations.per_org.{label}.{kind}",
            value,
            unit="services per organisation",
            definition=f"Sum of the {label} column of Table 3 or 4 (without 'Other services') "
            "divided by the group size.",
            fmt="{:.1f}",
        )
        for column, label in columns.items()
        for kind, value in zip(per_organisation["Services"], per_organisation[column], strict=True)
    ]


def comparison_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """Every test in one table: shares, the difference in points with its interval in
    brackets, Fisher p, Holm p, Benjamini-Hochberg q and the Annex 1 p (display formats in
    :data:`COMPARISON_TABLE_FORMATS`)."""
    interval = [
        f"{round(100 * x):+d} ({round(100 * lo):+d} to {round(100 * hi):+d})"
        for x, lo, hi in zip(
            comparison["difference"], comparison["diff_low"], comparison["diff_high"], strict=True
        )
    ]
    table = comparison.assign(interval=interval)[list(COMPARISON_TABLE_COLUMNS)]
    return table.rename(columns=COMPARISON_TABLE_COLUMNS)
