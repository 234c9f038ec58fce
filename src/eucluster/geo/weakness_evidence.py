"""What the regions chapter shows about the weakness rule, each result with its key figures.

:mod:`eucluster.geo.weakness` says which regions are weak; this module asks how firm that answer
is: how the regions spread around the thresholds, how the count compares with the ECCP paper's
and with the release the Commission used, how much freedom a mixed NUTS 1 / NUTS 2 set leaves,
which regions change category from year to year (the data behind the labels are in
:mod:`eucluster.geo.weakness_sources`).
Each function returns its table together with the :class:`~eucluster.key_figures.Figure`
records the chapter states, so that the definitions travel with the computation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster import data
from eucluster.data.errors import EmptySelectionError
from eucluster.geo import weakness
from eucluster.geo.regions import EU27, study_regions
from eucluster.key_figures import Claim, Figure, claim, computed

#: Regions within this many points of the 75 % threshold are "near" it.
NEAR_THRESHOLD = 5.0
#: The ECCP paper's counts of weak, non-weak and all regions (document 000, section 'What can
#: ECCP data tell us').
ECCP_FIGURES = {
    "weak": "000.eccp.regions_weak",
    "non_weak": "000.eccp.regions_nonweak",
    "total": "000.eccp.regions_total",
}
ECCP_SECTION = "document 000, section 'What can ECCP data tell us'"


@dataclass(frozen=True)
class Evidence:
    """A table the chapter shows or draws, and the key figures it states about it."""

    table: pd.DataFrame
    figures: list[Figure | Claim]


def _regions(figure_id: str, value: int, definition: str) -> Figure:
    return computed(figure_id, int(value), unit="NUTS 2 regions", definition=definition, fmt="{:d}")


def study_labels(period: tuple[int, int] = weakness.POLICY_PERIOD) -> Evidence:
    """The policy rule on the study regions (:func:`weakness.classify`): how many regions are
    weak, in each category, near the 75 % line, and the extremes."""
    labels = weakness.classify(period)
    span = f"{period[0]}-{period[1]}"
    weak = labels["weak"]
    gdp = labels["gdp_pps_pct_eu27"]
    counts = labels["category"].value_counts().reindex(list(weakness.CATEGORIES))
    figures = [
        _regions(
            "regions.study.count",
            len(labels),
            "EU-27 NUTS 2 regions of NUTS 2021 (GISCO), extra-regio codes excluded",
        ),
        _regions(
            "regions.weak.count",
            weak.sum(),
            f"EU-27 NUTS 2 regions with GDP per head in PPS, mean of {span}, below 75 % "
            "of the EU-27 average (nama_10r_2gdp, 2026 vintage)",
        ),
        _regions(
            "regions.non_weak.count",
            (~weak).sum(),
            f"EU-27 NUTS 2 regions with GDP per head in PPS, mean of {span}, at or above "
            "75 % of the EU-27 average",
        ),
        *(
            _regions(
                f"regions.category.{category.replace(' ', '_')}",
                count,
                f"EU-27 NUTS 2 regions in the cohesion category '{category}', {span}",
            )
            for category, count in counts.items()
        ),
        computed(
            "regions.weak.share",
            float(weak.mean()),
            unit="share of EU-27 NUTS 2 regions",
            definition=f"weak NUTS 2 regions / all EU-27 NUTS 2 regions, {span}",
            fmt="{:.0%}",
        ),
        _regions(
            "regions.near_threshold.count",
            (gdp.sub(weakness.LESS_DEVELOPED_BELOW).abs() < NEAR_THRESHOLD).sum(),
            f"regions whose {span} GDP per head lies within {NEAR_THRESHOLD:g} points of the "
            "75 % threshold",
        ),
        _regions(
            "regions.near_upper_threshold.count",
            (gdp.sub(weakness.MORE_DEVELOPED_FROM).abs() < NEAR_THRESHOLD).sum(),
            f"regions whose {span} GDP per head lies within {NEAR_THRESHOLD:g} points of the "
            "100 % threshold",
        ),
    ]
    for end, geo in (("min", gdp.idxmin()), ("max", gdp.idxmax())):
        name = labels.at[geo, "name"]
        word = {"min": "lowest", "max": "highest"}[end]
        figures += [
            computed(
                f"regions.gdp.{end}",
                labels.at[geo, "gdp_pps_pct_eu27"],
                unit="% of EU-27 average",
                definition=f"{word} {span} GDP per head in PPS: {name}",
                fmt="{:.0f}",
            ),
            Figure(f"regions.gdp.{end}_name", name, "", definition="region"),
        ]
    return Evidence(labels, figures)


def eccp_counts() -> dict[str, int]:
    """The ECCP paper's weak, non-weak and total region counts, as digitised."""
    paper = data.load("text_figures").set_index("statement_id")["value"]
    return {key: int(paper[statement]) for key, statement in ECCP_FIGURES.items()}


def eccp_comparison(labels: pd.DataFrame, period=weakness.POLICY_PERIOD) -> Evidence:
    """The paper's counts beside the rule on the 2026 release (``labels``) and on the release
    the Commission used (V2019, NUTS 2016): ``regions, weak, non-weak, total, weak share``."""
    eccp = eccp_counts()
    source = f"{data.resource('text_figures').citation}; {ECCP_SECTION}"
    vintage = weakness.from_vintage("V2019", period)
    span = f"{period[0]}-{period[1]}"
    rows = [
        ("ECCP regions (NUTS 1/2 mix), document 000", eccp["weak"], eccp["total"]),
        ("EU-27 NUTS 2 (2021), nama_10r_2gdp 2026 vintage", labels["weak"].sum(), len(labels)),
        ("EU-27 NUTS 2 (2016), release vintage V2019", vintage["weak"].sum(), len(vintage)),
    ]
    table = pd.DataFrame(
        [
            {"regions": name, "weak": int(w), "non-weak": int(n - w), "total": n}
            for name, w, n in rows
        ]
    )
    table["weak share"] = table["weak"] / table["total"]
    figures = [
        Figure(f"regions.eccp.{key}", value, "ECCP regions", source=source, fmt="{:d}")
        for key, value in eccp.items()
    ]
    figures += [
        _regions(
            "regions.vintage2019.weak.count",
            vintage["weak"].sum(),
            f"EU-27 NUTS 2 (2016) regions below 75 % in {span}, release vintage V2019",
        ),
        _regions(
            "regions.vintage2019.count",
            len(vintage),
            f"EU-27 NUTS 2 (2016) regions with GDP values for {span} in vintage V2019",
        ),
        computed(
            "regions.eccp.weak_share",
            eccp["weak"] / eccp["total"],
            unit="share of ECCP regions",
            definition=f"{eccp['weak']} weak of {eccp['total']} ECCP regions ({ECCP_SECTION})",
            fmt="{:.0%}",
        ),
        computed(
            "regions.vintage2019.weak.share",
            vintage["weak"].mean(),
            unit="share of EU-27 NUTS 2 (2016) regions",
            definition=f"weak / all NUTS 2 (2016) regions with values for {span}, vintage V2019",
            fmt="{:.0%}",
        ),
    ]
    return Evidence(table, figures + comparison_claims(table))


def comparison_claims(table: pd.DataFrame) -> list[Claim]:
    """How the paper's count compares with the rule on the two releases (``table`` as built
    by :func:`eccp_comparison`: paper, 2026 release, 2019 release). Shares as "{:.0%}", counts
    as whole numbers, as the figures beside them."""
    paper, latest, release2019 = (table.iloc[i] for i in range(3))
    paper_share = f"{paper['weak share']:.0%}"

    def versus(share: float) -> str:
        word = "below" if share < paper["weak share"] else "above"
        return "equal to" if share == paper["weak share"] else word

    change = int(latest["weak"] - release2019["weak"])
    shares = (
        f"({release2019['weak share']:.0%} in the 2019 release, {latest['weak share']:.0%} in "
        f"the 2026 release)"
    )
    return [
        claim(
            "regions.weak.share_below_paper",
            bool(latest["weak share"] < paper["weak share"]),
            definition="Weak share of the EU-27 NUTS 2 regions (2026 release) below the weak "
            "share of the ECCP paper's regions.",
            if_true=f"a weak share of {latest['weak share']:.0%}, below the {paper_share} the "
            "ECCP discussion paper found on its own mix of regions",
            if_false=f"a weak share of {latest['weak share']:.0%}, "
            f"{versus(latest['weak share'])} the {paper_share} the ECCP discussion paper found "
            "on its own mix of regions",
        ),
        claim(
            "regions.vintages.shares_below_paper",
            bool(max(latest["weak share"], release2019["weak share"]) < paper["weak share"]),
            definition="Weak shares of the NUTS 2 regions in both releases below the paper's.",
            if_true=f"Both NUTS 2 shares {shares} are lower than the paper's {paper_share}: the "
            "paper's mixed set holds relatively more weak regions.",
            if_false=f"The NUTS 2 shares {shares} are not both lower than the paper's "
            f"{paper_share}: the 2019 share is {versus(release2019['weak share'])} it and the "
            f"2026 share {versus(latest['weak share'])} it.",
        ),
        claim(
            "regions.vintages.more_weak_in_2026",
            change > 0,
            definition="The 2026 release gives more weak NUTS 2 regions than the 2019 release.",
            if_true=f"The later release counts {change} more weak regions, on boundaries that "
            "also changed between NUTS 2016 and NUTS 2021.",
            if_false="The two releases count the same number of weak regions, although the "
            "boundaries changed between NUTS 2016 and NUTS 2021."
            if change == 0
            else f"The later release counts {-change} fewer weak regions, on boundaries that "
            "also changed between NUTS 2016 and NUTS 2021.",
        ),
        claim(
            "regions.vintage2019.matches_paper",
            bool(release2019["weak"] == paper["weak"]),
            definition="The 2019 release gives as many weak NUTS 2 regions as the paper's count.",
            if_true=f"The 2019 release gives exactly the paper's {paper['weak']} weak regions, "
            f"but out of {release2019['total']} NUTS 2 regions rather than {paper['total']} "
            "mixed ones: a match in the count, not in the set.",
            if_false=f"The 2019 release gives {release2019['weak']} weak regions, not the "
            f"paper's {paper['weak']}.",
        ),
    ]


def mixed_level_counts(
    total: int, period: tuple[int, int] = weakness.POLICY_PERIOD
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How many weak regions a mixed NUTS 1 / NUTS 2 set of ``total`` regions can contain.

    Assumes each EU-27 country enters with all its NUTS 1 or all its NUTS 2 regions (the ECCP
    chose "the most appropriate level" per country; it did not publish the choice). Counts, by
    dynamic programming over the 2^27 choices, the combinations that give exactly ``total``
    regions, per number of weak regions. Returns ``(per_weak, per_country)``: ``weak,
    combinations`` and the per-country region and weak counts at both levels.
    """
    nuts2 = weakness.classify(period)
    nuts1 = weakness.classify_nuts1(period)
    per_country = pd.DataFrame(
        {
            "nuts1": nuts1.groupby("country").size(),
            "nuts1_weak": nuts1.groupby("country")["weak"].sum(),
            "nuts2": nuts2.groupby("country").size(),
            "nuts2_weak": nuts2.groupby("country")["weak"].sum(),
        }
    ).reindex(list(EU27))
    if per_country.isna().any().any():
        missing = per_country[per_country.isna().any(axis=1)].index.tolist()
        raise EmptySelectionError(
            "NUTS 1 / NUTS 2 region counts", f"countries without data: {missing}.", ""
        )
    per_country = per_country.astype("int64")
    states: dict[tuple[int, int], int] = {(0, 0): 1}
    for row in per_country.itertuples():
        options = {(row.nuts1, row.nuts1_weak), (row.nuts2, row.nuts2_weak)}
        step: dict[tuple[int, int], int] = {}
        for (n, w), ways in states.items():
            for dn, dw in options:
                if n + dn <= total:
                    step[(n + dn, w + dw)] = step.get((n + dn, w + dw), 0) + ways
        states = step
    per_weak = pd.DataFrame(
        [(w, ways) for (n, w), ways in sorted(states.items()) if n == total],
        columns=["weak", "combinations"],
    )
    return per_weak, per_country


def mixed_frames(total: int, period: tuple[int, int] = weakness.POLICY_PERIOD) -> pd.DataFrame:
    """Every country-by-country NUTS 1 / NUTS 2 choice of exactly ``total`` regions, one row
    each: a boolean column per EU-27 country (True = the country enters with its NUTS 1
    regions) and ``regions``, ``weak`` (the frame's weak regions under the rule at each level).

    :func:`mixed_level_counts` only counts the choices; a frame's own Table 1 needs the choice
    itself. A country whose NUTS 1 and NUTS 2 levels are the same region(s) (Cyprus, Estonia,
    ...) has one choice, listed as NUTS 2, as the count does. The choices of the other countries
    are listed by meeting in the middle: each half of them is enumerated as bit patterns, and
    each first half is paired with the second halves that complete its region count to
    ``total`` (a sort and a search, no loop over the 2^22 choices). Rows are in a fixed order
    (by the bit pattern of the first half, then the second), so a seeded sample of rows is
    reproducible.
    """
    _, per_country = mixed_level_counts(total, period)
    codes = list(per_country.index)
    levels = per_country[["nuts1", "nuts1_weak"]].to_numpy()
    same = (levels == per_country[["nuts2", "nuts2_weak"]].to_numpy()).all(axis=1)
    free = [code for code, fixed in zip(codes, same, strict=True) if not fixed]
    halves = (free[: len(free) // 2], free[len(free) // 2 :])

    def enumerate_half(part: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        bits = (np.arange(2 ** len(part))[:, None] >> np.arange(len(part))) & 1
        at_nuts1 = bits.astype(bool)
        rows = per_country.loc[part]
        regions = np.where(at_nuts1, rows["nuts1"].to_numpy(), rows["nuts2"].to_numpy()).sum(1)
        weak = np.where(at_nuts1, rows["nuts1_weak"].to_numpy(), rows["nuts2_weak"].to_numpy())
        return at_nuts1, regions, weak.sum(axis=1)

    fixed = per_country.loc[same]
    first, second = enumerate_half(halves[0]), enumerate_half(halves[1])
    order = np.argsort(second[1], kind="stable")
    sorted_regions = second[1][order]
    need = total - int(fixed["nuts2"].sum()) - first[1]
    low = np.searchsorted(sorted_regions, need, side="left")
    high = np.searchsorted(sorted_regions, need, side="right")
    left = np.repeat(np.arange(len(need)), high - low)
    right = order[np.concatenate([np.arange(a, b) for a, b in zip(low, high, strict=True)])]
    choice = pd.DataFrame(np.hstack([first[0][left], second[0][right]]), columns=free)
    frames = choice.reindex(columns=codes, fill_value=False)
    frames["regions"] = first[1][left] + second[1][right] + int(fixed["nuts2"].sum())
    frames["weak"] = first[2][left] + second[2][right] + int(fixed["nuts2_weak"].sum())
    return frames


def mixed_sets(total: int, weak: int, period=weakness.POLICY_PERIOD) -> Evidence:
    """The country-by-country NUTS 1 / NUTS 2 sets of ``total`` regions
    (:func:`mixed_level_counts`), with ``paper`` marking those with ``weak`` weak regions."""
    mixes, per_country = mixed_level_counts(total, period)
    mixes["paper"] = mixes["weak"] == weak
    choices = f"country-by-country choices of NUTS 1 or NUTS 2 that give exactly {total} regions"
    figures = [
        computed(
            "regions.nuts1.count",
            int(per_country["nuts1"].sum()),
            unit="NUTS 1 regions",
            definition="EU-27 NUTS 1 regions (NUTS 2024 codes of the 2026 GDP release)",
            fmt="{:d}",
        ),
        computed(
            "regions.mixes.count",
            int(mixes["combinations"].sum()),
            unit="choices",
            definition=choices,
            fmt="{:,d}",
        ),
    ]
    for end, word in (("min", "fewest"), ("max", "most")):
        figures.append(
            computed(
                f"regions.mixes.weak_{end}",
                int(mixes["weak"].agg(end)),
                unit="weak regions",
                definition=f"{word} weak regions among the {total}-region choices",
                fmt="{:d}",
            )
        )
    figures.append(
        computed(
            "regions.mixes.matching",
            int(mixes.loc[mixes["paper"], "combinations"].sum()),
            unit="choices",
            definition=f"{total}-region choices with exactly {weak} weak regions",
            fmt="{:,d}",
        )
    )
    matching = int(mixes.loc[mixes["paper"], "combinations"].sum())
    return Evidence(mixes, figures + identification_claims(matching, weak))


def identification_claims(matching: int, weak: int) -> list[Claim]:
    """Do the paper's counts fit the statistics (some mixed set gives its ``weak`` count), and
    do they single out one set (``matching``: the choices that give it)?"""
    if matching == 1:
        unique = "Exactly one choice fits, so under this construction the counts identify the set."
    else:
        unique = "With no choice that fits, the ECCP's own list would be needed to rebuild its set."
    return [
        claim(
            "regions.mixes.consistent",
            matching >= 1,
            definition=f"At least one mixed set of the paper's size has exactly {weak} weak "
            "regions.",
            if_true="The published counts are thus consistent with the statistics.",
            if_false=f"No choice gives the paper's {weak} weak regions: under this construction "
            "the published counts do not fit the statistics.",
        ),
        claim(
            "regions.mixes.ambiguous",
            matching >= 2,
            definition=f"More than one mixed set of the paper's size has exactly {weak} weak "
            "regions.",
            if_true="But they do not single out one set of regions, and the ECCP's own list "
            "would be needed to rebuild it.",
            if_false=unique,
        ),
    ]


def category_changes(years: Iterable[int] = range(2015, 2024)) -> Evidence:
    """Regions whose single-year category is not the same in every year of ``years``:
    one row per region with ``name, country``, the category of each year (columns = years)
    , ``categories`` (how many distinct categories it went through) and ``switches`` (how many
    times the category changes between consecutive years with values)."""
    years = list(years)
    by_year = weakness.by_year(years)
    wide = by_year.pivot(index="geo", columns="year", values="category")
    distinct = wide.nunique(axis=1)
    changed = wide[distinct > 1].astype("str").replace("nan", "")
    names = study_regions()
    out = names.loc[changed.index].join(changed)
    out["categories"] = distinct[distinct > 1]
    labels = changed.to_numpy()
    out["switches"] = [
        sum(1 for a, b in zip(row[:-1], row[1:], strict=True) if a and b and a != b)
        for row in labels
    ]
    out["returns"] = [returns_to_a_category(row) for row in labels]
    out.columns = [str(c) for c in out.columns]
    span = f"{min(years)}-{max(years)}"
    figures = [
        _regions(
            "regions.changers.count",
            len(out),
            f"EU-27 NUTS 2 regions with more than one single-year category in {span}",
        ),
        _regions(
            "regions.changers.once",
            (out["switches"] == 1).sum(),
            f"regions whose single-year category changes exactly once in {span}",
        ),
        back_and_forth_claim(out),
    ]
    return Evidence(out, figures)


def returns_to_a_category(categories) -> bool:
    """Whether a region's yearly categories (blank: no value) come back to one they left."""
    seen = [c for c in categories if c]
    runs = [c for i, c in enumerate(seen) if i == 0 or c != seen[i - 1]]
    return len(runs) != len(set(runs))


def back_and_forth_claim(changes: pd.DataFrame) -> Claim:
    """The regions that change category more than once all move back and forth across a
    threshold (return to a category they left), rather than cross two thresholds in turn."""
    several = changes[changes["switches"] > 1]
    back = int(several["returns"].sum())
    if several.empty:
        otherwise = "none changes more than once"
    else:
        otherwise = (
            f"of the other {len(several)}, {back} return to a category they had left and "
            f"{len(several) - back} cross two thresholds in one direction"
        )
    return claim(
        "regions.changers.back_and_forth",
        len(several) > 0 and back == len(several),
        definition="Every region with more than one change of single-year category returns to "
        "a category it had left.",
        if_true=f"the other {len(several)} move back and forth across a threshold, returning to "
        "a category they had left",
        if_false=otherwise,
    )
