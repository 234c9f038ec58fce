"""Tables 2 and 3 under stricter ecosystem mappings, and how far each lies from the paper.

The project's division -> ecosystem mapping (``data/reference/ecosystem_division.csv``) makes
two generous choices. A division counts in full in an ecosystem when only some of its classes
belong there (``partial = true``: all of C30 counts for Aerospace & Defence), and wholesale
(G46) and retail (G47) sit in five and four ecosystems, so that the employment of textiles or
health is mostly trade. Clusters in the sense of the cluster literature are also made of
traded activities, which concentrate in few regions, not of local services that follow
population. Each choice is a *mapping variant* here: a filter of the mapping's rows
(:data:`VARIANTS`), and Tables 2 and 3 are recomputed under each with the run's thresholds and
denominators (:func:`variant_tables`), so that :func:`deviation_table` can say which mapping
comes nearest the published shares.

An ecosystem none of whose remaining divisions is in the regional data (Aerospace & Defence
under the strict mapping, which has only partial divisions) has no employment and no share:
its cells stay empty and the deviations are means over the cells a variant can measure, with
the number of ecosystems measured beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from eucluster.key_figures import Claim, Figure, claim, computed, name_list
from eucluster.measures import ecosystems, node_tables
from eucluster.measures.node_tables import NodeComparison

#: Wholesale and retail: the trade divisions that sit in several ecosystems.
WHOLESALE_RETAIL = ("G46", "G47")
#: Trade in NACE Rev. 2 (section G): motor trade, wholesale, retail.
TRADE = ("G45", "G46", "G47")


@dataclass(frozen=True)
class Variant:
    """One mapping variant: its label in tables and charts, what it keeps, and the filters it
    applies (whole divisions only, no wholesale/retail, traded divisions only)."""

    label: str
    keeps: str
    strict: bool = False
    no_wholesale_retail: bool = False
    traded_only: bool = False


#: The mapping variants, in the order tables and charts list them; the key is the middle
#: word of the key-figure id ``ecosystems.<key>.mean_dev_pp``.
VARIANTS = {
    "default": Variant("default", "every mapped division, partial ones in full"),
    "strict": Variant("strict", "whole divisions only (partial = false)", strict=True),
    "no_wholesale_retail": Variant(
        "no G46-G47", "without wholesale (G46) and retail (G47)", no_wholesale_retail=True
    ),
    "strict_no_wholesale_retail": Variant(
        "strict + no G46-G47",
        "whole divisions only, without wholesale and retail",
        strict=True,
        no_wholesale_retail=True,
    ),
    "traded": Variant("traded", "traded divisions only", traded_only=True),
    "strict_traded": Variant(
        "strict + traded", "whole, traded divisions only", strict=True, traded_only=True
    ),
}


def mapping_variant(
    mapping: pd.DataFrame, variant: Variant, traded: Sequence[str] = ()
) -> pd.DataFrame:
    """The rows of ``mapping`` (with its ``partial`` column) that ``variant`` keeps.

    ``traded`` lists the traded divisions (e.g. ``("C29", "G46")``); it is only read by a
    variant that keeps traded divisions only, and must then be non-empty.
    """
    keep = pd.Series(True, index=mapping.index)
    if variant.strict:
        keep &= ~mapping["partial"].astype(bool)
    if variant.no_wholesale_retail:
        keep &= ~mapping["division"].isin(WHOLESALE_RETAIL)
    if variant.traded_only:
        if not len(traded):
            raise ValueError(f"variant {variant.label!r} needs the list of traded divisions")
        keep &= mapping["division"].isin(list(traded))
    return mapping[keep.to_numpy()]


def measurable(mapping: pd.DataFrame, divisions: pd.Index) -> pd.DataFrame:
    """The rows of ``mapping`` whose ecosystem keeps at least one division of ``divisions``
    (the employment matrix): an ecosystem without any has no employment to compare."""
    present = mapping["division"].isin(list(divisions))
    has_data = present.groupby(mapping["ecosystem_id"]).transform("any")
    return mapping[has_data.to_numpy()]


def variant_tables(
    comparison: NodeComparison, mapping: pd.DataFrame, traded: Sequence[str]
) -> pd.DataFrame:
    """Tables 2 and 3 recomputed under every variant of :data:`VARIANTS` (long form: the
    columns of :func:`~eucluster.measures.node_tables.ecosystem_tables` and ``variant``);
    ``recomputed_pct`` is empty for an ecosystem the variant cannot measure."""
    frames = []
    for key, variant in VARIANTS.items():
        kept = measurable(
            mapping_variant(mapping, variant, traded), comparison.run.employment.columns
        )
        found = node_tables.ecosystem_nodes(comparison.run, kept)
        tables = node_tables.ecosystem_tables(found, comparison.weak)
        frames.append(tables.assign(variant=key))
    return pd.concat(frames, ignore_index=True)


def deviation_table(tables: pd.DataFrame) -> pd.DataFrame:
    """Per variant (rows, in :data:`VARIANTS` order): the ecosystems it measures, and the mean
    absolute deviation from the published shares in percentage points for Table 2, Table 3,
    both, and both over the ecosystems that every variant measures (a like-for-like mean)."""
    measured = tables.dropna(subset=["recomputed_pct"])
    everywhere = set.intersection(*(set(part) for _, part in _ecosystems_by_variant(measured)))
    rows = []
    for key, part in measured.groupby("variant", sort=False):
        deviation = part["difference"].abs()
        by_type = deviation.groupby(part["node_type"]).mean()
        rows.append(
            {
                "variant": key,
                "ecosystems": part["ecosystem_id"].nunique(),
                "table2": float(by_type["regional-relevant"]),
                "table3": float(by_type["industry-relevant"]),
                "both": float(deviation.mean()),
                "common": float(deviation[part["ecosystem_id"].isin(everywhere)].mean()),
            }
        )
    return pd.DataFrame(rows).set_index("variant").reindex(list(VARIANTS))


def _ecosystems_by_variant(measured: pd.DataFrame):
    for key, part in measured.groupby("variant", sort=False):
        yield key, part["ecosystem_id"].unique()


def trade_shares(employment: pd.DataFrame, mapping: pd.DataFrame) -> pd.DataFrame:
    """Per ecosystem, the share of its employment (summed over the regions of ``employment``,
    under ``mapping``) in motor trade (G45), wholesale (G46) and retail (G47), and the three
    together (``trade``): how much of an ecosystem the trade divisions make under the mapping."""
    by_division = employment.sum(axis=0)
    weights = ecosystems.weight_matrix(by_division.index, mapping)
    jobs = weights.mul(by_division, axis=0)
    total = jobs.sum(axis=0)
    shares = pd.DataFrame(
        {code: jobs.loc[code] / total if code in jobs.index else 0.0 for code in TRADE}
    )
    shares["trade"] = shares[list(TRADE)].sum(axis=1)
    shares.insert(0, "employment", total)
    shares.index.name = "ecosystem_id"
    return shares


def trade_figures(shares: pd.DataFrame) -> list[Figure | Claim]:
    """How many ecosystems are mostly trade, and which (the names with their shares)."""
    names = ecosystems.ecosystem_names()
    mostly = shares[shares["trade"] > 0.5].sort_values("trade", ascending=False)
    listed = [f"{names[code]} ({share:.0%})" for code, share in mostly["trade"].items()]
    return [
        computed(
            "ecosystems.trade.mostly_trade_count",
            len(mostly),
            unit="ecosystems",
            definition="ecosystems with more than half of their employment in G45-G47 under "
            "the default mapping",
            fmt="{:d}",
        ),
        computed(
            "ecosystems.trade.mostly_trade",
            name_list(listed, empty="none of the ecosystems"),
            unit="",
            definition="ecosystems with more than half of their employment in G45-G47, with "
            "that share",
        ),
    ]


def traded_figures(traded: Sequence[str], divisions: pd.Index) -> list[Figure]:
    """How many of the run's divisions the traded/local classification counts as traded."""
    return [
        computed(
            "ecosystems.traded.divisions",
            int(pd.Index(divisions).isin(list(traded)).sum()),
            unit="divisions",
            definition="divisions of the regional data that are traded under the default rule "
            "of eucluster.measures.traded",
            fmt="{:d}",
        ),
        computed(
            "ecosystems.traded.of_divisions",
            len(divisions),
            unit="divisions",
            definition="divisions of the regional data",
            fmt="{:d}",
        ),
    ]


def deviation_figures(deviations: pd.DataFrame) -> list[Figure]:
    """``ecosystems.<variant>.mean_dev_pp`` for every variant: the mean absolute deviation
    of its measured cells of Tables 2 and 3 from the published shares."""
    return [
        computed(
            f"ecosystems.{key}.mean_dev_pp",
            float(row.both),
            unit="percentage points",
            definition=f"mean absolute deviation from published Tables 2-3, mapping variant "
            f"'{VARIANTS[key].label}' ({VARIANTS[key].keeps}), over the {row.ecosystems} "
            "ecosystems it measures",
        )
        for key, row in deviations.iterrows()
    ]


def deviation_display(deviations: pd.DataFrame) -> pd.DataFrame:
    """The deviation table as the chapter shows it: variant label, what it keeps, the
    ecosystems measured and the four means."""
    return pd.DataFrame(
        {
            "Mapping": [VARIANTS[key].label for key in deviations.index],
            "Keeps": [VARIANTS[key].keeps for key in deviations.index],
            "Ecosystems": deviations["ecosystems"].to_numpy(),
            "Table 2": deviations["table2"].to_numpy(),
            "Table 3": deviations["table3"].to_numpy(),
            "Both": deviations["both"].to_numpy(),
            "Both, common ecosystems": deviations["common"].to_numpy(),
        }
    )


def trade_claims(shares: pd.DataFrame) -> list[Claim]:
    """Textile and health are mostly trade under the default mapping (more than half of their
    employment in G45-G47), each with its share."""
    names = ecosystems.ecosystem_names()
    records = []
    for code, label in (("E14", "textile"), ("E09", "health")):
        share = float(shares.loc[code, "trade"])
        head = f"{names[code]} has {share:.0%} of its employment in trade under this mapping"
        records.append(
            claim(
                f"ecosystems.trade.{label}_mostly_trade",
                share > 0.5,
                definition=f"share of G45-G47 in the employment of {names[code]} > 50 %",
                if_true=f"{head}, so its location quotient mostly measures trade",
                if_false=f"{head}, so its location quotient mostly measures its other divisions",
            )
        )
    return records


def per_ecosystem_deviation(tables: pd.DataFrame) -> pd.DataFrame:
    """Ecosystems (rows) x variants (columns): mean absolute deviation of the ecosystem's four
    cells from the published ones (missing where the variant cannot measure it)."""
    deviation = tables.assign(deviation=tables["difference"].abs())
    wide = deviation.pivot_table(
        index="ecosystem_id", columns="variant", values="deviation", aggfunc="mean"
    )
    return wide.reindex(columns=list(VARIANTS))


def mapping_claims(deviations: pd.DataFrame, tables: pd.DataFrame) -> list[Figure | Claim]:
    """Which mapping comes nearest the published tables, whether it removes half of the
    default's distance, whether traded divisions alone move the tables away from the paper,
    and which ecosystems come nearer without wholesale and retail."""
    both = deviations["both"]
    default, best = float(both["default"]), both.idxmin()
    runner_up = both.drop("default").idxmin()
    label = VARIANTS[best].label
    by_ecosystem = per_ecosystem_deviation(tables)
    nearer = by_ecosystem[by_ecosystem["no_wholesale_retail"] < by_ecosystem["default"]]
    names = ecosystems.ecosystem_names()
    nearer_names = [
        f"{names[code]} ({row['default']:.1f} to {row['no_wholesale_retail']:.1f})"
        for code, row in nearer.sort_values("default", ascending=False).iterrows()
    ]
    textile = by_ecosystem.loc["E14"]
    traded = float(both["traded"])
    return [
        computed(
            "ecosystems.mapping.closest",
            label,
            unit="",
            definition="mapping variant with the smallest mean absolute deviation from the "
            "published Tables 2-3",
        ),
        claim(
            "ecosystems.mapping.closest_not_default",
            best != "default",
            definition="some mapping variant has a smaller mean absolute deviation from the "
            "published Tables 2-3 than the default mapping",
            if_true=f"the {label} mapping comes nearest the published tables "
            f"({both[best]:.1f} percentage points against {default:.1f} for the default)",
            if_false=f"the default mapping comes nearest the published tables ({default:.1f} "
            f"percentage points; the next, {VARIANTS[runner_up].label}, "
            f"{both[runner_up]:.1f})",
        ),
        claim(
            "ecosystems.mapping.gain_small",
            float(both[best]) > default / 2,
            definition="the smallest mean deviation of any variant exceeds half the default's",
            if_true="no mapping removes even half of the distance to the paper",
            if_false=f"the {label} mapping removes more than half of the distance to the paper",
        ),
        claim(
            "ecosystems.mapping.traded_farther",
            traded > default,
            definition="mean deviation with traded divisions only > with the default mapping",
            if_true="keeping only traded divisions moves the tables away from the paper "
            f"({traded:.1f} against {default:.1f} percentage points)",
            if_false="keeping only traded divisions brings the tables nearer the paper "
            f"({traded:.1f} against {default:.1f} percentage points)",
        ),
        claim(
            "ecosystems.trade.textile_nearer_without_trade",
            bool(textile["no_wholesale_retail"] < textile["default"]),
            definition="Textile's mean absolute deviation without G46-G47 < with the default "
            "mapping",
            if_true="without wholesale and retail, Textile comes nearer the published shares "
            f"({textile['default']:.1f} to {textile['no_wholesale_retail']:.1f} percentage "
            "points on average over its four cells)",
            if_false="without wholesale and retail, Textile does not come nearer the published "
            f"shares ({textile['default']:.1f} to {textile['no_wholesale_retail']:.1f} "
            "percentage points on average over its four cells)",
        ),
        computed(
            "ecosystems.trade.nearer_without_trade",
            name_list(nearer_names, empty="none of the ecosystems"),
            unit="",
            definition="ecosystems whose mean absolute deviation falls without G46-G47, with the "
            "deviation before and after (percentage points)",
        ),
    ]
