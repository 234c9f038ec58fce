"""The qualitative statements of the ecosystems chapter, computed as claims.

Which ecosystems the business statistics cover, which recomputed shares come close to the
published ones and which are farthest, whether weak regions have more or fewer ecosystem
nodes, whether the gap changes sign over the threshold grid, which choice moves it most and
what the survey denominator does: each is a :class:`~eucluster.key_figures.Claim` computed
from the run, with the sentence for either outcome, so that a re-run under other parameters
states what its own numbers say (see :mod:`eucluster.measures.node_claims` for the helpers).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eucluster.key_figures import Claim, Figure, claim, computed, name_list
from eucluster.measures.node_claims import direction_claim

#: Ecosystems the chapter names, by the mapping's id.
HEALTH, AGRI_FOOD, PROXIMITY, TEXTILE = "E09", "E03", "E11", "E14"
#: Divisions whose absence the chapter names: hospitals and residential care (health),
#: farming (agri-food), social work and personal services (proximity).
NAMED_GAPS = {
    HEALTH: ("Q86", "Q87"),
    AGRI_FOOD: ("A01",),
    PROXIMITY: ("Q88", "S96"),
}
#: A recomputed share "comes close" to the published one within this many percentage points.
CLOSE_PP = 5.0


def missing(covered: pd.DataFrame, ecosystem: str) -> set[str]:
    """The mapped divisions of ``ecosystem`` absent from the regional data (``covered`` is
    :func:`~eucluster.measures.ecosystems.ecosystem_coverage`)."""
    text = covered.loc[ecosystem, "divisions_missing"]
    return {code.strip() for code in text.split(",") if code.strip()}


def coverage_claims(covered: pd.DataFrame, mapping: pd.DataFrame) -> list[Claim]:
    """What the regional business statistics lack of the ecosystems the chapter names
    (``mapping``: :func:`~eucluster.measures.ecosystems.load_ecosystem_map`)."""
    mapped = set(mapping.loc[mapping["ecosystem_id"] == HEALTH, "division"])
    health_kept = sorted(mapped - missing(covered, HEALTH))
    kept = f" ({', '.join(health_kept)})" if health_kept else ""
    return [
        claim(
            "ecosystems.coverage.health_without_care",
            set(NAMED_GAPS[HEALTH]) <= missing(covered, HEALTH),
            definition="Q86 and Q87 are among health's divisions missing from SBS",
            if_true=f"Health keeps only pharmaceuticals, devices and trade{kept}, without "
            "hospitals and residential care (Q86, Q87)",
            if_false="Health keeps at least one of hospitals and residential care (Q86, Q87)",
        ),
        claim(
            "ecosystems.coverage.agri_food_without_farming",
            set(NAMED_GAPS[AGRI_FOOD]) <= missing(covered, AGRI_FOOD),
            definition="A01 is among agri-food's divisions missing from SBS",
            if_true="agri-food has no farming (A01)",
            if_false="agri-food keeps farming (A01)",
        ),
        claim(
            "ecosystems.coverage.proximity_without_services",
            set(NAMED_GAPS[PROXIMITY]) <= missing(covered, PROXIMITY),
            definition="Q88 and S96 are among proximity's divisions missing from SBS",
            if_true="proximity has no social work or personal services (Q88, S96)",
            if_false="proximity keeps social work or personal services (Q88, S96)",
        ),
        claim(
            "ecosystems.coverage.textile_complete",
            not missing(covered, TEXTILE),
            definition="no division of the textile ecosystem is missing from SBS",
            if_true="although these data cover all of its divisions",
            if_false="and these data miss some of its divisions",
        ),
    ]


def deviation_by_ecosystem(tables: pd.DataFrame) -> pd.DataFrame:
    """Per ecosystem (index: id): its name, the mean and the largest absolute deviation of
    its four recomputed shares (two node types x two groups) from the published ones."""
    absolute = tables.assign(deviation=tables["difference"].abs())
    return absolute.groupby("ecosystem_id").agg(
        name=("ecosystem", "first"), mean=("deviation", "mean"), largest=("deviation", "max")
    )


def deviation_findings(tables: pd.DataFrame, covered: pd.DataFrame) -> list[Figure | Claim]:
    """Which ecosystems come within :data:`CLOSE_PP` of the published shares in all four
    cells, which are farthest, whether ecosystems with missing divisions deviate more than
    the others, and where health and textile stand against the median ecosystem."""
    by_ecosystem = deviation_by_ecosystem(tables)
    incomplete = by_ecosystem.index.map(lambda e: bool(missing(covered, e)))
    close = by_ecosystem[by_ecosystem["largest"] <= CLOSE_PP]
    farthest = by_ecosystem.sort_values("mean", ascending=False, kind="stable").head(3)
    median = float(by_ecosystem["mean"].median())
    records: list[Figure | Claim] = [
        computed(
            "ecosystems.deviation.median",
            median,
            unit="percentage points",
            definition="median over ecosystems of the mean absolute deviation of its four shares",
        ),
        computed(
            "ecosystems.deviation.farthest",
            name_list([f"{row.name} ({row.mean:.1f})" for row in farthest.itertuples()]),
            unit="",
            definition="the three ecosystems with the largest mean absolute deviation "
            "(percentage points)",
        ),
        claim(
            "ecosystems.deviation.some_close",
            len(close) > 0,
            definition=f"some ecosystem has all four shares within {CLOSE_PP:g} percentage "
            "points of the published ones",
            if_true=f"the shares come within {CLOSE_PP:g} percentage points of the published "
            f"ones in all four cells for {len(close)} of the {len(by_ecosystem)} ecosystems "
            f"({name_list(list(close['name'])) if len(close) else ''})",
            if_false=f"no ecosystem has all four shares within {CLOSE_PP:g} percentage points "
            "of the published ones",
        ),
    ]
    records.append(_coverage_contrast(by_ecosystem, incomplete))
    for ecosystem, label in ((HEALTH, "health"), (TEXTILE, "textile")):
        value = float(by_ecosystem.loc[ecosystem, "mean"])
        name = by_ecosystem.loc[ecosystem, "name"]
        records.append(
            claim(
                f"ecosystems.deviation.{label}_above_median",
                value > median,
                definition=f"mean absolute deviation of {name} > median over ecosystems",
                if_true=f"{name} deviates by {value:.1f} percentage points on average, more "
                f"than the median ecosystem ({median:.1f})",
                if_false=f"{name} deviates by {value:.1f} percentage points on average, no more "
                f"than the median ecosystem ({median:.1f})",
            )
        )
    records.append(_largest_cell_claim(tables, covered))
    return records


def _coverage_contrast(by_ecosystem: pd.DataFrame, incomplete: pd.Index) -> Claim:
    flags = np.asarray(incomplete, bool)
    if flags.all() or not flags.any():
        return claim(
            "ecosystems.deviation.incomplete_deviate_more",
            False,
            definition="mean deviation of ecosystems with missing divisions > of the others",
            if_true="ecosystems that miss divisions in these data deviate more on average "
            "than those the data cover completely",
            if_false="the data cover all ecosystems alike, so coverage cannot explain which "
            "deviate more",
        )
    gap_mean = float(by_ecosystem.loc[flags, "mean"].mean())
    full_mean = float(by_ecosystem.loc[~flags, "mean"].mean())
    head = "ecosystems that miss divisions in these data deviate"
    tail = (
        f"on average ({gap_mean:.1f} percentage points) than those the data cover completely "
        f"({full_mean:.1f})"
    )
    return claim(
        "ecosystems.deviation.incomplete_deviate_more",
        gap_mean > full_mean,
        definition="mean over ecosystems with a missing division of the mean absolute "
        "deviation > the same mean over completely covered ecosystems",
        if_true=f"{head} more {tail}",
        if_false=f"{head} no more {tail}",
    )


def _largest_cell_claim(tables: pd.DataFrame, covered: pd.DataFrame) -> Claim:
    largest = tables.loc[tables["difference"].abs().idxmax()]
    lacking = sorted(missing(covered, largest["ecosystem_id"]))
    return claim(
        "ecosystems.deviation.largest_incomplete",
        bool(lacking),
        definition="the ecosystem of the cell with the largest deviation misses a division",
        if_true=f"an ecosystem of which the business statistics miss {', '.join(lacking)}",
        if_false="although the business statistics cover all of its divisions",
    )


def means_claims(means: pd.DataFrame, published: pd.DataFrame) -> list[Claim]:
    """Weak regions have more regional-relevant and fewer industry-relevant ecosystem nodes
    than the others, each beside the paper's direction. ``means`` is
    :func:`~eucluster.measures.node_tables.ecosystem_means`; ``published`` the paper's means
    (rows: node kinds, columns ``weak`` and ``non_weak``)."""
    claims = []
    for kind, expected in (("regional_relevant", +1), ("industry_relevant", -1)):
        weak, other = means.loc[kind, "weak"], means.loc[kind, "non_weak"]
        paper = published.loc[kind]
        claims.append(
            direction_claim(
                f"ecosystems.means.{kind.split('_')[0]}_direction",
                weak - other,
                expected=expected,
                noun=f"{kind.replace('_', '-')} ecosystem nodes",
                detail=f" ({weak:.2f} against {other:.2f} per region; published "
                f"{paper['weak']:.1f} against {paper['non_weak']:.1f})",
                published=paper["weak"] - paper["non_weak"],
            )
        )
    return claims


def grid_claims(gaps: pd.DataFrame, industry_share: float) -> list[Claim]:
    """Over the threshold grid (:func:`~eucluster.measures.weak_gap.threshold_grid`): does
    the industry-relevant gap change sign, and, at the run's industry share, is there one
    LQ threshold from which on weak regions have more such nodes and below which they have
    fewer?"""
    industry = gaps[gaps["node_kind"] == "industry_relevant"]
    positive, points = int((industry["gap"] > 0).sum()), len(industry)
    varies = 0 < positive < points
    if positive == points:
        constant = "weak regions have more industry-relevant nodes at every threshold pair"
        verdict = "so over these thresholds the data contradict the paper's headline contrast"
    elif positive == 0:
        constant = "weak regions have no more industry-relevant nodes at any threshold pair"
        verdict = "so over these thresholds the data never contradict the paper's headline"
    else:
        constant = "the industry-relevant gap has the same sign at every threshold pair"
        verdict = "so the paper's headline contrast does not hinge on the thresholds"
    claims = [
        claim(
            "ecosystems.grid.industry_sign_varies",
            varies,
            definition="the industry-relevant gap is positive at some but not all grid pairs",
            if_true="For industry-relevant nodes the sign depends on the thresholds",
            if_false=f"For industry-relevant nodes, {constant}",
        ),
        claim(
            "ecosystems.answer.industry_sign_varies",
            varies,
            definition="the industry-relevant gap is positive at some but not all grid pairs",
            if_true="the gap in industry-relevant nodes changes sign with the thresholds, so "
            "the paper's headline contrast rests on its particular choices",
            if_false=f"over the thresholds compared, {constant}, {verdict}",
        ),
    ]
    return claims + [_flip_claim(industry, industry_share)]


def _flip_claim(industry: pd.DataFrame, share: float) -> Claim:
    line = industry[np.isclose(industry["share_threshold"], share)].sort_values("lq_threshold")
    above = line["gap"].to_numpy() > 0
    # one switch from "not more" to "more" along increasing LQ thresholds, with both present
    holds = bool(above.any() and not above.all() and (np.diff(above.astype(int)) >= 0).all())
    at_share = f"at this chapter's industry share ({share:.1%})"
    if holds:
        flip = line.loc[line["gap"] > 0, "lq_threshold"].min()
        shown = f"{at_share}, weak regions have more such nodes from a location-quotient "
        shown += f"threshold of {flip:g} upwards and no more below it"
        other = f"{at_share}, the gap does not switch once from negative to positive along "
        other += "the grid's location-quotient thresholds"
    else:
        shown = f"{at_share}, weak regions have more such nodes from some location-quotient "
        shown += "threshold of the grid upwards and no more below it"
        if line.empty:
            other = "the grid has no share threshold equal to this chapter's industry share "
            other += f"({share:.1%}), so it cannot say where the gap changes sign there"
        elif above.all():
            other = f"{at_share}, weak regions have more such nodes at every "
            other += "location-quotient threshold of the grid"
        elif not above.any():
            other = f"{at_share}, weak regions have no more such nodes at any "
            other += "location-quotient threshold of the grid"
        else:
            positives = ", ".join(f"{v:g}" for v in line.loc[line["gap"] > 0, "lq_threshold"])
            other = f"{at_share}, the sign switches more than once along the grid (weak "
            other += f"regions have more such nodes at LQ thresholds {positives})"
    return claim(
        "ecosystems.grid.industry_flip",
        holds,
        definition="at the run's industry share, the industry-relevant gap is positive exactly "
        "from some grid LQ threshold upwards, with a non-positive gap below it",
        if_true=shown,
        if_false=other,
    )


def variant_claims(
    gaps: pd.DataFrame, *, base_label: str, denominator_label: str, year_labels: list[str]
) -> list[Claim]:
    """Over the one-at-a-time variants (:func:`~eucluster.measures.weak_gap.variant_gaps`):
    does the set of countries change between the years, and is the denominator the change
    that moves the regional-relevant gap furthest from this run's?"""
    years = gaps[gaps["variant"].isin([base_label, *year_labels])]
    low, high = int(years["countries"].min()), int(years["countries"].max())
    regional = gaps[gaps["node_kind"] == "regional_relevant"].set_index("variant")["gap"]
    shifts = (regional.drop(base_label) - regional[base_label]).abs()
    furthest = shifts.idxmax()
    return [
        claim(
            "ecosystems.variants.countries_vary",
            low < high,
            definition="the number of countries with data differs between the years compared",
            if_true="The years are not strictly comparable: the set of countries with data "
            f"changes from year to year, from {low} to {high} countries",
            if_false=f"The years are comparable: every year has data for the same {low} countries",
        ),
        claim(
            "ecosystems.variants.denominator_moves_most",
            bool((shifts.drop(denominator_label) < shifts[denominator_label]).all()),
            definition="the denominator variant moves the regional-relevant gap furthest "
            "(absolute change from this run's gap) of all variants",
            if_true="The denominator matters most: it moves the regional-relevant gap by "
            f"{shifts[denominator_label]:.1f} nodes per region, more than any other change",
            if_false="The denominator is not the change that matters most: it moves the "
            f"regional-relevant gap by {shifts[denominator_label]:.1f} nodes per region, the "
            f"change '{furthest}' by {shifts[furthest]:.1f}",
        ),
    ]


def denominator_claims(
    gaps: pd.DataFrame, *, labels: dict[str, str], published_gap: float
) -> list[Claim]:
    """Does the survey denominator (LFS) bring the industry-relevant gap nearer the published
    one than the business-economy denominator (SBS)? ``labels`` maps ``sbs`` and ``lfs`` to
    the variant labels of the two runs in ``gaps``."""
    industry = gaps[gaps["node_kind"] == "industry_relevant"].set_index("variant")["gap"]
    lfs, sbs = float(industry[labels["lfs"]]), float(industry[labels["sbs"]])
    numbers = f"LFS {lfs:+.1f}, SBS {sbs:+.1f}, published {published_gap:+.1f}"
    return [
        claim(
            "ecosystems.denominator.lfs_nearer_published",
            abs(lfs - published_gap) < abs(sbs - published_gap),
            definition="|industry-relevant gap with LFS - published gap| < |same with SBS - "
            "published gap|",
            if_true=f"it brings the industry-relevant gap nearer the published one ({numbers})",
            if_false="it does not bring the industry-relevant gap nearer the published one "
            f"({numbers})",
        )
    ]


def business_share_claim(weak_share: float, other_share: float) -> Claim:
    """Do farming and public services weigh more in weak regions, i.e. is the business
    economy's share of survey employment lower there?"""
    numbers = (
        f"the business economy holds {weak_share:.0%} of survey employment in weak regions "
        f"on average, against {other_share:.0%} in the others"
    )
    return claim(
        "ecosystems.denominator.business_share_lower_in_weak",
        weak_share < other_share,
        definition="mean over weak regions of SBS employment / LFS employment < the same mean "
        "over non-weak regions",
        if_true="Survey totals include farming and public services, which weigh more in weak "
        f"regions ({numbers}), so the business sectors there have smaller shares and lower "
        "location quotients",
        if_false="Survey totals include farming and public services, which do not weigh more "
        f"in weak regions ({numbers}), so the survey denominator does not lower the business "
        "sectors' shares there more than elsewhere",
    )
