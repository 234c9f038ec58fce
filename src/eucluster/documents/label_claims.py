"""What the gold-silver comparison lets the organisations chapter say, as computed claims.

The chapter's conclusions about the excellence label (no difference survives the correction
for many tests, the report's highlighted contrasts are the largest, one service passes only
with the annex's count, the groups are too small for the gaps the report dwells on) all move
with the confidence level and the power a reviewer chooses. Each is therefore a
:class:`~eucluster.key_figures.Claim` computed from the comparison of
:mod:`eucluster.documents.gold_silver_services`, with the sentence for either outcome; numbers
inside a sentence use the display format of the key figure that states them.
"""

from __future__ import annotations

import pandas as pd

from eucluster.key_figures import Claim, claim

#: The gaps, in shares, that the report's text dwells on ("ten or twenty points").
REPORTED_GAPS = {"twenty": 0.20, "ten": 0.10}
#: Two averages of services per organisation closer than this are "close" (services).
CLOSE_SERVICES = 0.5


def percent(value: float) -> str:
    """A share as the chapter's key figures display it (``{:.0%}``)."""
    return f"{value:.0%}"


#: Small counts as the prose writes them.
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def in_words(count: int) -> str:
    """A count below ten in words, larger ones in digits."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


def mid_sentence(name: str) -> str:
    """A service name inside a sentence: 'Advisory services' -> 'advisory services', while an
    acronym such as 'IPR management' keeps its capitals."""
    first_word = name.split(" ", 1)[0]
    acronym = len(first_word) > 1 and first_word.isupper()
    return name if acronym else name[:1].lower() + name[1:]


def service_list(names: list[str]) -> str:
    """'a', 'a and b', 'a; b; and c': service names as the prose lists them (lower case; names
    may contain commas, so three or more are separated by semicolons)."""
    names = [mid_sentence(name) for name in names]
    if len(names) <= 2:
        return " and ".join(names)
    return "; ".join(names[:-1]) + "; and " + names[-1]


def sentence_start(text: str) -> str:
    """Capitalise the first letter of a sentence built from a list."""
    return text[:1].upper() + text[1:]


def passing(comparison: pd.DataFrame, column: str, alpha: float) -> list[str]:
    """Short names of the services whose ``column`` p-value is below ``alpha``."""
    return comparison.loc[comparison[column] < alpha, "service_short"].tolist()


def correction_claims(comparison: pd.DataFrame, *, alpha: float) -> list[Claim]:
    """Whether any service differs after Holm's correction (the chapter's answer), and whether
    the unadjusted verdicts depend on which month's count is used."""
    holm = passing(comparison, "p_holm", alpha)
    tests = len(comparison)
    definition = f"No service has a Holm-adjusted Fisher p below alpha = {alpha:.2g} (Tables 3-4)."
    differing = (
        f"{len(holm)} of the {tests} services ({service_list(holm)}) differ between gold and "
        "silver organisations even after Holm's correction for testing many services at once"
    )
    raw, annex = passing(comparison, "p_value", alpha), passing(comparison, "annex_p_value", alpha)
    return [
        claim(
            "organisations.label.none_after_correction",
            not holm,
            definition=definition,
            if_true="No gold-silver difference in services survives a correction for testing "
            "many services at once: with groups this small, the label tells us little about "
            "what an organisation offers.",
            if_false=f"{sentence_start(differing)}, so the label does go with part of "
            "the service mix.",
        ),
        claim(
            "organisations.label.verdict",
            not holm,
            definition=definition,
            if_true="The answer is: not much. None of the service differences between gold and "
            "silver organisations holds up after the correction for testing many services.",
            if_false=f"The answer is not empty: {differing}.",
        ),
        claim(
            "organisations.label.month_matters",
            set(raw) != set(annex),
            definition="The services with unadjusted Fisher p below alpha differ between the "
            "Tables 3-4 counts and the Annex 1 counts.",
            if_true="Which services pass the unadjusted test depends on which month's count is "
            f"used ({len(raw)} with Tables 3-4, {len(annex)} with Annex 1"
            f"{', not the same ones' if len(raw) == len(annex) else ''}).",
            if_false="The month's count does not change which services pass the unadjusted "
            f"test ({len(raw)} with either count).",
        ),
    ]


def reach(gap: float, mdd_half: float, mdd_tenth: float) -> str:
    """Where a gap of ``gap`` is detectable, given the minimum detectable differences near
    shares of one half and one tenth (the larger of the two is near one half)."""
    if gap >= max(mdd_half, mdd_tenth):
        return "detectable whatever the shares"
    if gap >= min(mdd_half, mdd_tenth):
        return "detectable only where shares are near one tenth"
    return "below what these groups can detect"


def power_claims(values: dict, *, power: float) -> list[Claim]:
    """Whether the gaps the report dwells on are detectable at all, and whether the observed
    public-funding gap would be caught with the power the chapter asks for."""
    mdd_half, mdd_tenth = (
        values["organisations.power.mdd_half"],
        values["organisations.power.mdd_tenth"],
    )
    reaches = {name: reach(gap, mdd_half, mdd_tenth) for name, gap in REPORTED_GAPS.items()}
    exact = values["organisations.public_funding.exact_power"]
    observed = (
        "Even if the true shares were exactly the observed ones, Fisher's test on groups of "
        f"this size would detect the gap in {'only ' if exact < power else ''}{percent(exact)} "
        "of surveys (exact power, summed over all possible outcomes)"
    )
    return [
        claim(
            "organisations.power.reported_gaps_undetectable",
            min(mdd_half, mdd_tenth) > max(REPORTED_GAPS.values()),
            definition="The minimum detectable difference near shares of one tenth (the "
            "smaller of the two computed) exceeds twenty points.",
            if_true="Differences of ten or twenty points, the size the report's text dwells "
            "on, are below what these groups can detect.",
            if_false="Of the differences the report's text dwells on, at this confidence and "
            f"power one of twenty points is {reaches['twenty']}, and one of ten points is "
            f"{reaches['ten']}.",
        ),
        claim(
            "organisations.public_funding.underpowered",
            exact < power,
            definition="Exact power of Fisher's test for the observed public-funding shares "
            "is below the power the chapter asks for.",
            if_true=f"{observed}, short of the {percent(power)} asked for above.",
            if_false=f"{observed}, at least the {percent(power)} asked for above.",
        ),
    ]


def significance_claim(key: str, row: pd.Series, *, alpha: float) -> Claim:
    """One highlighted service: significant or not, before and after Holm's correction."""
    level = percent(1 - alpha)
    p, holm = f"{row['p_value']:.2f}", f"{row['p_holm']:.2f}"
    after = "and also" if row["p_holm"] < alpha else "but not"
    return claim(
        f"organisations.{key}.not_significant",
        bool(row["p_value"] >= alpha),
        definition=f"Fisher p for '{row.name}' is at least alpha = {alpha:.2g}.",
        if_true=f"not significant at {level} confidence (p = {p})",
        if_false=f"significant at face value at {level} confidence (p = {p}), {after} after "
        f"Holm's correction (Holm p = {holm})",
    )


def highlight_claims(comparison: pd.DataFrame, highlighted: dict[str, str], *, alpha: float):
    """The report's highlighted contrasts: are they the largest gaps each way, which way does
    each run, and is each significant."""
    by_service = comparison.set_index("service")
    ranked = comparison.sort_values("difference", ascending=False)["service"].tolist()
    gold_favoured = [highlighted["public_funding"], highlighted["internal_market"]]
    holds = ranked[:2] == gold_favoured and ranked[-1] == highlighted["digital_training"]
    short = by_service["service_short"]
    largest = service_list([short[s] for s in ranked[:2]])
    records = [
        claim(
            "organisations.highlights.largest",
            holds,
            definition="Public funding and internal-market access are the two largest "
            "gold-minus-silver differences and digital training the most negative (Tables 3-4).",
            if_true="The contrasts that the report highlights are the two largest gaps in gold's "
            "favour and the largest in silver's favour:",
            if_false="The report highlights the following contrasts, although the largest gaps "
            f"in gold's favour are {largest} and the largest in silver's favour is "
            f"{mid_sentence(short[ranked[-1]])}:",
        )
    ]
    training = by_service.loc[highlighted["digital_training"]]
    gold, silver = percent(training["gold_share"]), percent(training["silver_share"])
    records.append(
        claim(
            "organisations.digital_training.silver_ahead",
            bool(training["difference"] < 0),
            definition="The silver share offering digital training exceeds the gold share.",
            if_true=f"run the other way: silver ({silver}) ahead of gold ({gold})",
            if_false=f"run the same way as the others: gold ({gold}) ahead of silver ({silver})",
        )
    )
    for key, service in highlighted.items():
        records.append(significance_claim(key, by_service.loc[service].copy(), alpha=alpha))
    return records


def annex_claims(
    comparison: pd.DataFrame,
    counts: pd.DataFrame,
    annex: pd.DataFrame,
    *,
    service: str,
    alpha: float,
) -> list[Claim]:
    """The public-funding test with the annex's count: does the one service that passes hang
    on a single organisation, and by how much do the two counts ever disagree."""
    row = comparison.set_index("service").loc[service]
    fewer = int(counts.set_index("service").loc[service, "silver"] - annex.loc[service, "silver"])
    raw, annex_hits = (
        passing(comparison, "p_value", alpha),
        passing(comparison, "annex_p_value", alpha),
    )
    sole = (
        not raw
        and annex_hits == [row["service_short"]]
        and row["p_holm"] >= alpha
        and abs(fewer) == 1
    )
    direction = "falls" if row["annex_p_value"] < row["p_value"] else "rises"
    change = f"{in_words(abs(fewer))} silver organisation{'s' if abs(fewer) != 1 else ''} " + (
        "fewer" if fewer > 0 else "more"
    )
    holm = f"{row['p_holm']:.2f}"
    gaps = annex["silver"].to_numpy() - counts["silver"].to_numpy()
    widest = int(abs(gaps).max())
    return [
        claim(
            "organisations.public_funding.annex_change",
            bool(row["annex_p_value"] < row["p_value"]),
            definition="The public-funding p-value is lower with the Annex 1 counts.",
            if_true=f"With the Annex 1 count, {change}, p {direction} to "
            f"{row['annex_p_value']:.3f}.",
            if_false=f"With the Annex 1 count, {change}, p {direction} to "
            f"{row['annex_p_value']:.3f}.",
        ),
        claim(
            "organisations.public_funding.sole_hit",
            bool(sole),
            definition="No service passes the unadjusted test with the Tables 3-4 counts, public "
            "funding is the only one with the Annex 1 counts (which differ from Table 3 by one "
            "silver organisation), and it fails after Holm.",
            if_true="It is the only service below the threshold in either source, it hangs on a "
            f"single organisation, and it disappears after adjustment (Holm p = {holm}).",
            if_false=not_sole_hit(
                raw, annex_hits, holm=holm, adjusted_passes=row["p_holm"] < alpha
            ),
        ),
        claim(
            "organisations.annex.by_one",
            widest == 1,
            definition="The largest absolute difference between a silver count of Tables 3-4 "
            "and of Annex 1 is one organisation.",
            if_true="always by one organisation",
            if_false=f"by up to {widest} organisations",
        ),
    ]


def not_sole_hit(raw: list[str], annex: list[str], *, holm: str, adjusted_passes: bool) -> str:
    """The sentence for when public funding is not the one service that passes with the annex
    count only: either nothing passes at this confidence, or more services do."""
    if not (raw or annex):
        return (
            "At this confidence level no service falls below the threshold in either source, "
            f"public funding included (Holm p = {holm})."
        )
    names = service_list(sorted(set(raw) | set(annex)))
    verdict = "still below" if adjusted_passes else "not below"
    return (
        f"At this confidence level {len(raw)} services fall below the threshold with the "
        f"Tables 3-4 counts and {len(annex)} with the Annex 1 counts (together: {names}); after "
        f"adjustment public funding's Holm p is {holm}, {verdict} it."
    )


def pooled_claims(comparison: pd.DataFrame, per_organisation: pd.DataFrame) -> list[Claim]:
    """What holds whatever the label: services most organisations of both groups offer, and
    how the average number of services per organisation compares."""
    both = comparison[(comparison["gold_share"] > 0.5) & (comparison["silver_share"] > 0.5)]
    names = both["service_short"].tolist()
    by_kind = per_organisation.set_index("Services")
    general = by_kind.loc["general", ["Gold (Tables 3-4)", "Silver (Tables 3-4)"]].to_numpy()
    digital = by_kind.loc["digitalisation", ["Gold (Tables 3-4)", "Silver (Tables 3-4)"]].to_numpy()
    return [
        claim(
            "organisations.services.most_in_both",
            bool(names),
            definition="Services offered by more than half of the gold and of the silver "
            "organisations (Tables 3-4).",
            if_true=f"{service_list(names)} are offered by most organisations of both groups, "
            "whatever the label",
            if_false="no service is offered by more than half of both groups",
        ),
        claim(
            "organisations.per_org.general_gold_more",
            bool(general[0] > general[1]),
            definition="Gold organisations offer more general services per organisation than "
            "silver ones (Tables 3-4 column sums over group sizes).",
            if_true=f"gold organisations offer more general services per head than silver ones "
            f"({general[0]:.1f} against {general[1]:.1f})",
            if_false=f"gold organisations offer no more general services per head than silver "
            f"ones ({general[0]:.1f} against {general[1]:.1f})",
        ),
        claim(
            "organisations.per_org.digital_close",
            bool(abs(digital[0] - digital[1]) < CLOSE_SERVICES),
            definition="Gold and silver average numbers of digitalisation services per "
            f"organisation differ by less than {CLOSE_SERVICES} services.",
            if_true=f"the digital offer is close ({digital[0]:.1f} against {digital[1]:.1f})",
            if_false=f"the digital offers differ ({digital[0]:.1f} against {digital[1]:.1f})",
        ),
    ]


def zero_count_claim(comparison: pd.DataFrame, service: str, sizes: dict, zero_high: float):
    """A zero count is not a zero share: the internal-market sentence, if silver's count is 0."""
    row = comparison.set_index("service").loc[service]
    silver = sizes["silver"]
    count = round(row["silver_share"] * silver)
    return claim(
        "organisations.internal_market.silver_none",
        count == 0,
        definition=f"No silver organisation offers '{service}' (Table 3).",
        if_true=f"A zero out of {silver} is compatible with a true silver share as high as "
        f"{percent(zero_high)} (upper Wilson bound).",
        if_false=f"{count} of the {silver} silver organisations offer it.",
    )
