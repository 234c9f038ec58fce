"""The qualitative statements of the nodes chapter, computed as claims.

A sentence such as "weak regions have fewer industry-relevant nodes, as published" or "the gap
is within the statistical noise" is a conclusion drawn from one run's numbers. Each function
here turns one such conclusion into a :class:`~eucluster.key_figures.Claim`: its truth is
computed from the run, and both of its sentences (the one for the default outcome and the one
for the other outcome) are written here, so a re-run under other parameters states what its
own numbers say. The sentences are clauses that the chapter's prose embeds with
``{glue}`id```; they carry their numbers, formatted as the matching key figures are.

:mod:`eucluster.measures.ecosystem_claims` builds the ecosystems chapter's claims with the
same helpers (:func:`compare`, :func:`direction_claim`, :func:`noise_claim`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eucluster.key_figures import Claim, claim, name_list

#: Significance level of the two tests and the complement of the interval level.
ALPHA = 0.05


def sign(value: float) -> int:
    """-1, 0 or +1 (a plain int, for comparisons with a published sign)."""
    return int(np.sign(value))


def compare(direction: int, noun: str) -> str:
    """``more NOUN than the others``, ``fewer NOUN than the others`` or ``as many NOUN as the
    others`` for a weak minus non-weak difference of sign ``direction``."""
    if direction > 0:
        return f"more {noun} than the others"
    if direction < 0:
        return f"fewer {noun} than the others"
    return f"as many {noun} as the others"


def direction_claim(
    claim_id: str,
    gap: float,
    *,
    expected: int,
    noun: str,
    detail: str = "",
    published: float | None = None,
    where: str = "",
) -> Claim:
    """Weak regions have more (``expected`` = +1) or fewer (-1) ``noun`` than the others.

    The sentence names the direction the run found: the opposite one, or "as many" for a gap
    of exactly zero. With ``published`` (the paper's weak minus non-weak difference), the
    sentence adds whether the paper found the same direction. ``detail`` (numbers in
    brackets) follows the noun in both sentences; ``where`` qualifies the definition (e.g.
    the denominator of the run the gap comes from).
    """
    holds = sign(gap) == expected
    other = 0 if (not holds and gap == 0) else -expected

    def sentence(direction: int) -> str:
        text = f"weak regions have {compare(direction, noun)}{detail}"
        if published is not None:
            text += ", as published" if direction == sign(published) else ", unlike the paper"
        return text

    expected_word = "positive" if expected > 0 else "negative"
    definition = f"weak minus non-weak mean of {noun}{where} is {expected_word}"
    if published is not None:
        definition += f" (the published difference is {published:+.1f})"
    return claim(
        claim_id,
        holds,
        definition=definition,
        if_true=sentence(expected),
        if_false=sentence(other),
    )


def noise_claim(claim_id: str, row: pd.Series, *, expect_zero_inside: bool) -> Claim:
    """Whether the bootstrap interval of a gap (``row`` with ``ci_low``, ``ci_high`` and
    ``level``) includes zero: "within the statistical noise" or "larger than the noise".
    ``expect_zero_inside`` says which outcome the claim asserts (the default run's)."""
    inside = bool(row["ci_low"] <= 0 <= row["ci_high"])
    interval = (
        f"its {row['level']:.0%} bootstrap interval, {row['ci_low']:+.1f} to {row['ci_high']:+.1f}"
    )
    within = f"it is within the statistical noise ({interval}, includes zero)"
    beyond = f"it is larger than the statistical noise ({interval}, excludes zero)"
    return claim(
        claim_id,
        inside == expect_zero_inside,
        definition="the percentile bootstrap interval of the weak minus non-weak difference "
        + ("includes" if expect_zero_inside else "excludes")
        + " zero",
        if_true=within if expect_zero_inside else beyond,
        if_false=beyond if expect_zero_inside else within,
    )


def size_claim(
    claim_id: str, gap: float, published: float, *, expect_smaller: bool, unit: str
) -> Claim:
    """Whether the recomputed gap is smaller (or larger) in absolute size than the published
    one; both numbers are in the sentence, signed."""
    smaller = abs(gap) < abs(published)
    head = f"the gap of {gap:+.1f} {unit} is"
    tail = f"than the published {published:+.1f}"
    larger = abs(gap) > abs(published)
    holds = smaller if expect_smaller else larger
    if expect_smaller:
        texts = (f"{head} smaller in size {tail}", f"{head} at least as large in size {tail}")
    else:
        texts = (f"{head} larger in size {tail}", f"{head} no larger in size {tail}")
    return claim(
        claim_id,
        holds,
        definition="|recomputed weak minus non-weak difference| "
        + ("<" if expect_smaller else ">")
        + " |published difference|",
        if_true=texts[0],
        if_false=texts[1],
    )


def tests_agree_claim(claim_id: str, row: pd.Series) -> Claim:
    """Whether Welch's and the Mann-Whitney test, at the 5 % level, reach the interval's
    verdict (significant exactly when the interval excludes zero)."""
    interval_significant = not (row["ci_low"] <= 0 <= row["ci_high"])
    tests = {"Welch": row["welch_p"], "Mann-Whitney": row["mann_whitney_p"]}
    agree = all((p < ALPHA) == interval_significant for p in tests.values())
    shown = ", ".join(f"{name} p = {p_text(p)}" for name, p in tests.items())
    verdict = "reject" if interval_significant else "do not reject"
    return claim(
        claim_id,
        agree,
        definition=f"both p-values are below {ALPHA} exactly when the interval excludes zero",
        if_true=f"both tests agree: they {verdict} equal means at the 5% level ({shown})",
        if_false=f"the two tests do not both agree with the interval at the 5% level ({shown})",
    )


def p_text(p_value: float) -> str:
    """A p-value as the chapter's key figures display it."""
    return f"{p_value:.3f}" if p_value >= 0.001 else f"{p_value:.0e}"


def table1_claims(recomputed: pd.DataFrame, tests: pd.DataFrame) -> list[Claim]:
    """The conclusions of the recomputed Table 1: for each node kind, the sign of the weak
    minus non-weak gap against the published sign, its size against the published gap,
    whether its interval includes zero and whether the tests agree with the interval; for
    industry-relevant nodes, whether both recomputed means are below the published ones.

    ``recomputed`` is :func:`~eucluster.measures.node_tables.table1`, ``tests``
    :func:`~eucluster.measures.weak_gap.table1_tests`.
    """
    published = recomputed["published_weak"] - recomputed["published_non_weak"]
    claims = []
    for kind, expected_sign, expect_noise in (
        ("regional_relevant", +1, False),
        ("industry_relevant", -1, True),
    ):
        row = tests.loc[kind]
        noun = f"{kind.replace('_', '-')} nodes"
        prefix = f"nodes.table1.{kind.split('_')[0]}"
        claims.append(
            direction_claim(
                f"{prefix}_gap_published_sign",
                row["difference"],
                expected=expected_sign,
                noun=noun,
                published=published[kind],
            )
        )
        claims.append(
            size_claim(
                f"{prefix}_gap_size",
                row["difference"],
                published[kind],
                expect_smaller=kind == "industry_relevant",
                unit="nodes per region",
            )
        )
        noise_id = "industry_gap_within_noise" if expect_noise else "regional_gap_beyond_noise"
        claims.append(noise_claim(f"nodes.table1.{noise_id}", row, expect_zero_inside=expect_noise))
        claims.append(tests_agree_claim(f"{prefix}_tests_agree", row))
    industry = recomputed.loc["industry_relevant"]
    below = bool(
        (industry["weak"] < industry["published_weak"])
        and (industry["non_weak"] < industry["published_non_weak"])
    )
    claims.append(
        claim(
            "nodes.table1.industry_means_below_published",
            below,
            definition="recomputed mean industry-relevant nodes below the published mean in "
            "both groups",
            if_true="the recomputed averages are lower than published in both groups",
            if_false="the recomputed averages are not lower than published in both groups",
        )
    )
    return claims


def level_claims(
    *, divisions: int, paper_divisions: int, regions: int, paper_regions: int, denominator: str
) -> list[Claim]:
    """Why the recomputed levels differ from the paper's: fewer divisions (fewer candidate
    nodes), more and so smaller regions (fewer reach a share of European employment), and
    the business-economy denominator (larger regional shares). Each reason is stated only
    when the run's data bear it out; otherwise its sentence says what the run has instead."""
    return [
        claim(
            "nodes.levels.fewer_divisions",
            divisions < paper_divisions,
            definition="divisions in the data < divisions of the paper",
            if_true=f"fewer divisions ({divisions} against the paper's {paper_divisions}) "
            "mean fewer candidate nodes",
            if_false=f"the data have at least as many divisions as the paper ({divisions} "
            f"against {paper_divisions}), so candidate nodes are not fewer",
        ),
        claim(
            "nodes.levels.more_regions",
            regions > paper_regions,
            definition="regions analysed > regions of the paper",
            if_true=f"more, and so smaller, regions than the paper's mixed set ({regions} "
            f"against {paper_regions}) mean that fewer of them reach a given share of "
            "European employment",
            if_false=f"fewer, and so larger, regions than the paper's mixed set ({regions} "
            f"against {paper_regions}) mean that more of them reach a given share of European "
            "employment",
        ),
        claim(
            "nodes.levels.business_denominator",
            denominator == "sbs",
            definition="the run divides by business-economy employment (denominator 'sbs')",
            if_true="the business-economy denominator raises every regional share",
            if_false="the survey denominator counts all jobs, as the paper's divisions do, so "
            "it does not raise the regional shares",
        ),
    ]


def other_denominator_claims(means: pd.DataFrame, other_name: str) -> list[Claim]:
    """With the other denominator (``means``: :func:`~eucluster.measures.node_tables.
    group_means` of that run), do weak regions have fewer nodes of each kind? The default
    run's other denominator is the Labour Force Survey, under which they do."""
    claims = []
    for kind in ("regional_relevant", "industry_relevant"):
        row = means.loc[kind]
        detail = f" ({row['weak']:.1f} against {row['non_weak']:.1f} per region)"
        noun = f"{kind.replace('_', '-')} nodes"
        claims.append(
            direction_claim(
                f"nodes.other_denominator.{kind.split('_')[0]}_fewer",
                row["weak"] - row["non_weak"],
                expected=-1,
                noun=noun,
                detail=detail,
                where=f", with {other_name} as denominator,",
            )
        )
    return claims


def size_correlation_claim(rho: float, p_value: float) -> Claim:
    """Industry-relevant nodes gather in large regions: the rank correlation between a
    region's employment and its number of industry-relevant nodes is positive at the 5 %
    level."""
    holds = bool(rho > 0 and p_value < ALPHA)
    return claim(
        "nodes.count.industry_in_large_regions",
        holds,
        definition=f"Spearman correlation of region employment and industry-relevant nodes > 0 "
        f"with p < {ALPHA}",
        if_true=f"The industry-relevant ones gather in large regions (rank correlation with "
        f"the region's employment {rho:.2f}), since holding a given share of a sector's "
        "European employment is easier for a region with many workers",
        if_false=f"The industry-relevant ones do not gather in large regions: their rank "
        f"correlation with the region's employment, {rho:.2f} (p = {p_text(p_value)}), is not "
        "positive at the 5% level",
    )


def first_place_claim(top: pd.DataFrame) -> Claim:
    """Whether the first division of :func:`~eucluster.measures.node_tables.top_divisions`
    is a node in more regions than the second (or shares first place with it); ``top`` has
    a row for every division, so there is always a second."""
    first, second = top.iloc[0], top.iloc[1]
    runner_up = f"{second['label']} ({second['division']})"
    return claim(
        "nodes.top.ahead",
        bool(first["regions"] > second["regions"]),
        definition="the first division is a node in more regions than the second",
        if_true=f"the next, {runner_up}, is a node in {int(second['regions'])}",
        if_false=f"{runner_up} is a node in as many regions, so the first place is shared",
    )


def threshold_claims(chosen: dict[str, float], paper: dict[str, float]) -> list[Claim]:
    """Whether the run's three thresholds (``chosen``, as
    :attr:`~eucluster.measures.node_tables.NodeParameters.thresholds`) are the paper's
    (``paper``): said where the rule is introduced and among the reasons the levels differ."""
    same = all(np.isclose(chosen[name], paper[name]) for name in paper)
    shown = (
        f"{paper['lq_threshold']:.2f}, {paper['regional_share_threshold']:.1%} and "
        f"{paper['industry_share_threshold']:.1%}"
    )
    definition = "LQ, regional-share and industry-share thresholds equal the paper's " + shown
    return [
        claim(
            "nodes.rule.papers_values",
            same,
            definition=definition,
            if_true="the paper's values",
            if_false=f"not the paper's values, which are {shown}",
        ),
        claim(
            "nodes.levels.papers_thresholds",
            same,
            definition=definition,
            if_true="The thresholds are the paper's, so they explain none of the difference",
            if_false=f"The thresholds differ from the paper's ({shown}) as well, which "
            "changes which region-sector pairs are nodes",
        ),
    ]


#: Verdicts of a published statement over the variants: holds in every one, in none, or in some.
VERDICTS = ("every", "none", "some")


def verdict(flags: pd.Series) -> str:
    """``every``, ``none`` or ``some``: in how many cases (``flags``, True where the statement
    holds) a statement holds."""
    if flags.empty:
        raise ValueError("a verdict needs at least one case")
    if bool(flags.all()):
        return "every"
    return "none" if not bool(flags.any()) else "some"


def survival_claim(claim_id: str, flags: pd.Series, *, statement: str, expected: str) -> Claim:
    """Whether one of the paper's statements holds in every case of ``flags`` (variants and
    frames, indexed by name; True where it holds), in none, or depends on the choice.

    ``expected`` is the verdict the claim asserts (the default run's); the other sentence says
    what happened instead, naming up to three cases on the minority side."""
    if expected not in VERDICTS[:2]:
        raise ValueError(f"expected must be 'every' or 'none', got {expected!r}")
    n, k = len(flags), int(flags.sum())
    found = verdict(flags)

    def sentence(outcome: str) -> str:
        if outcome == "every":
            return f"{statement} in every one of the {n} variants and frames"
        if outcome == "none":
            return f"{statement} in none of the {n} variants and frames"
        minority = flags[~flags] if k >= n - k else flags[flags]
        names = [str(name) for name in minority.index[:3]]
        more = len(minority) - len(names)
        shown = name_list(names + ([f"{more} more"] if more else []))
        side = "not in" if k >= n - k else "only in"
        return (
            f"{statement} in {k} of the {n} variants and frames ({side} {shown}): it depends "
            "on the choice"
        )

    if found == expected:
        otherwise = f"{statement} in some of the variants and frames only: it depends on the choice"
    else:
        otherwise = sentence(found)
    return claim(
        claim_id,
        found == expected,
        definition=f"'{statement}' holds in {expected} of the variants and fitting frames",
        if_true=sentence(expected),
        if_false=otherwise,
    )


def sample_dependence_claim(flags: pd.Series | None) -> Claim:
    """Among the sampled frames of the paper's size (any weak count), whether the sign of the
    industry-relevant gap depends on the frame: weak regions have fewer such nodes in some
    sampled frames and not in others. ``flags`` is None when no frame was sampled."""
    if flags is None or flags.empty:
        return claim(
            "nodes.frames.sample_sign_depends",
            False,
            definition="the industry-relevant gap is negative in some but not all sampled frames",
            if_true="the sign depends on the frame",
            if_false="this run samples no frames, so it cannot say whether the sign depends on "
            "the frame",
        )
    share = float(flags.mean())
    holds = 0 < share < 1
    if share == 1:
        other = "in every sampled frame weak regions have fewer industry-relevant nodes"
    elif share == 0:
        other = "in no sampled frame do weak regions have fewer industry-relevant nodes"
    else:
        other = "the sign holds in every sampled frame"
    return claim(
        "nodes.frames.sample_sign_depends",
        holds,
        definition="the industry-relevant gap is negative in some but not all sampled frames",
        if_true=f"the sign depends on the frame: weak regions have fewer industry-relevant "
        f"nodes in {share:.0%} of the sampled frames and not in the others",
        if_false=other,
    )


def closer_claim(claim_id: str, first: tuple[str, float], second: tuple[str, float]) -> Claim:
    """Whether the first variant's mean relative deviation from the published Table 1 is
    smaller than the second's (``(name, deviation)`` pairs, shown as percentages)."""
    (name, value), (other, other_value) = first, second
    shown = f"{value:.1%} against {other_value:.1%}"
    return claim(
        claim_id,
        bool(value < other_value),
        definition=f"mean relative deviation of {name} < that of {other}",
        if_true=f"{name} comes closer to the paper than {other} ({shown})",
        if_false=f"{name} comes no closer to the paper than {other} ({shown})",
    )
