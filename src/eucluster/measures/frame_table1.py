"""Table 1 over every region frame that fits the paper, both weak lists and traded nodes.

The paper's Table 1 (document 000) compares mean node counts of weak and non-weak regions on a
mix of NUTS 1 and NUTS 2 regions it did not publish. The nodes chapter recomputes it on NUTS 2;
this module asks how far the frame, the weak list and the kind of division move the answer:

* every frame of the paper's 201 regions in which each country enters at one level and that
  gives the paper's 77 weak regions under the rule on the 2026 release
  (:func:`eucluster.geo.weakness_evidence.mixed_frames`), and a seeded uniform sample of all
  201-region frames (``numpy.random.default_rng(seed).choice`` without replacement over the
  rows of :func:`~eucluster.geo.weakness_evidence.mixed_frames`, which come in a fixed order);
* the weak list of the 2019 release, on which the 2021-27 categories were decided, beside the
  2026 one;
* nodes counted in traded divisions only (:func:`eucluster.measures.traded.traded_divisions`).

How close each variant comes to the paper is one number: the mean relative deviation of the four
published means, ``mean(|recomputed - published| / published)``. The frame closest to the paper
is the fitting frame with the smallest such deviation. Node counts per frame come from
:mod:`eucluster.measures.node_frames`, all frames of a kind in one vectorised call.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from eucluster import data, parameters
from eucluster.geo import weakness_evidence
from eucluster.geo.regions import EU27
from eucluster.key_figures import Claim, Figure, computed, name_list, quoted
from eucluster.measures import node_claims, node_frames, traded
from eucluster.measures import specialisation as sp
from eucluster.measures.node_tables import TABLE1_ROWS, NodeComparison

#: The four published means, as ``kind.group`` columns of :func:`node_frames.frame_means`.
MEANS = [f"{kind}.{group}" for kind in sp.NODE_KINDS for group in ("weak", "non_weak")]
#: Variants of the deviation table that could be the paper's setting (judged by the claims).
PAPER_LIKE = ("NUTS 2 (default)", "2019 list, NUTS 2", "traded divisions, NUTS 2")
#: Column names of the four means in :func:`deviation_table` (Reg.: regional-relevant, Ind.:
#: industry-relevant nodes).
MEAN_COLUMNS = ("Reg., weak", "Reg., non-weak", "Ind., weak", "Ind., non-weak")
#: Display formats of :func:`deviation_table`.
DEVIATION_FORMATS = {
    **{column: "{:.1f}" for column in MEAN_COLUMNS},
    "Weak (n)": "{:.0f}",
    "Non-weak (n)": "{:.0f}",
    "Mean rel. deviation": "{:.1%}",
}
#: Relative column widths of :func:`deviation_table` in the PDF (the variant names are long).
DEVIATION_WIDTHS = (30, 9, 10, 9, 10, 9, 10, 11)
#: Largest sample of frames a run may ask for (each frame costs about 1.5 ms).
MAX_SAMPLE = 5000


def checked_sample(size: object) -> int:
    """The number of frames to sample (parameter ``frame_sample``), 1 to :data:`MAX_SAMPLE`."""
    return parameters.integer(size, "frame_sample", 1, MAX_SAMPLE)


def published_means() -> pd.Series:
    """The four means of the paper's Table 1 (document 000), keyed as :data:`MEANS`."""
    paper = data.load("eccp_table1").set_index("indicator")
    return pd.Series(
        {
            f"{kind}.{group}": float(paper.at[TABLE1_ROWS[kind], group])
            for kind in sp.NODE_KINDS
            for group in ("weak", "non_weak")
        }
    )


def mean_relative_deviation(means: pd.DataFrame, published: pd.Series) -> pd.Series:
    """``mean over the four cells of |recomputed - published| / published``, per row."""
    return (means[MEANS] - published[MEANS]).abs().div(published[MEANS]).mean(axis=1)


def sample_rows(count: int, size: int, seed: int) -> np.ndarray:
    """``size`` row numbers of ``count``, uniformly without replacement, sorted; all rows when
    ``size >= count``."""
    if size >= count:
        return np.arange(count)
    return np.sort(np.random.default_rng(seed).choice(count, size=size, replace=False))


@dataclass(frozen=True)
class FrameStudy:
    """Table 1 per fitting frame, per sampled frame and per variant, with what the chapter
    states about them."""

    fitting: pd.DataFrame  # one row per frame with the paper's weak count: label, means, gaps
    sample: pd.DataFrame  # the same for the sampled frames, with ``fits``
    variants: pd.DataFrame  # the deviation table: one row per variant
    published: pd.Series
    closest: str
    frames_total: int
    figures: list[Figure | Claim]


def frame_labels(frames: np.ndarray) -> list[str]:
    """Each frame's countries at NUTS 1, as :attr:`node_frames.Frame.label` names them."""
    return [node_frames.Frame(frozenset(np.array(EU27)[row])).label for row in frames]


def study(comparison: NodeComparison, sample_size: int = 500) -> FrameStudy:
    """Table 1 for every fitting frame, a sample of all frames and the variants."""
    chosen = comparison.run.parameters
    sample_size = checked_sample(sample_size)
    paper = weakness_evidence.eccp_counts()
    inputs = node_frames.frame_inputs(comparison.sbs, chosen, comparison.weak_nuts2)
    all_frames = weakness_evidence.mixed_frames(paper["total"])
    matrix = all_frames[list(EU27)].to_numpy(bool)
    fits = all_frames["weak"].to_numpy() == paper["weak"]
    published = published_means()

    def table(frames: np.ndarray, weak_list: str = "2026", divisions=None) -> pd.DataFrame:
        means = node_frames.frame_means(inputs, frames, weak_list, divisions)
        means.insert(0, "frame", frame_labels(frames))
        return means.assign(mean_rel_dev=mean_relative_deviation(means, published))

    fitting = table(matrix[fits])
    rows = sample_rows(len(matrix), sample_size, chosen.seed)
    sample = table(matrix[rows]).assign(fits=fits[rows])
    closest = matrix[fits][int(fitting["mean_rel_dev"].to_numpy().argmin())]
    traded_divisions = traded.traded_divisions()
    pure2, pure1 = np.zeros(len(EU27), bool), np.ones(len(EU27), bool)
    specs = {
        "NUTS 2 (default)": (pure2, "2026", None),
        "NUTS 1": (pure1, "2026", None),
        "closest fitting frame": (closest, "2026", None),
        "2019 list, NUTS 2": (pure2, "2019", None),
        "2019 list, closest fitting frame": (closest, "2019", None),
        "traded divisions, NUTS 2": (pure2, "2026", traded_divisions),
        "traded divisions, closest fitting frame": (closest, "2026", traded_divisions),
    }
    best = matrix[rows][int(sample["mean_rel_dev"].to_numpy().argmin())]
    specs["closest sampled frame (any weak count)"] = (best, "2026", None)
    variants = pd.concat(
        [table(frame[None], weak_list, divisions) for frame, weak_list, divisions in specs.values()]
    )
    variants.index = pd.Index(list(specs), name="variant")
    cases = [variants.loc[list(PAPER_LIKE)]]
    for prefix, weak_list, divisions in (
        ("", "2026", None),
        ("2019 list, ", "2019", None),
        ("traded divisions, ", "2026", traded_divisions),
    ):
        frames = fitting if not prefix else table(matrix[fits], weak_list, divisions)
        cases.append(frames.set_index(prefix + frames["frame"]))
    closest_label = frame_labels(closest[None])[0]
    closest_countries = [code for code, at_nuts1 in zip(EU27, closest, strict=True) if at_nuts1]
    figures = study_figures(fitting, sample, variants, closest_countries, len(matrix), chosen.seed)
    figures += study_claims(pd.concat(cases), sample, published)
    figures += comparison_claims(variants["mean_rel_dev"])
    return FrameStudy(fitting, sample, variants, published, closest_label, len(matrix), figures)


def study_figures(
    fitting: pd.DataFrame,
    sample: pd.DataFrame,
    variants: pd.DataFrame,
    closest: list[str],
    frames_total: int,
    seed: int,
) -> list[Figure | Claim]:
    """The numbers the chapter's frame section cites."""
    paper = weakness_evidence.eccp_counts()
    fit = (
        f"frames of {paper['total']} regions (each country at NUTS 1 or NUTS 2) with "
        f"{paper['weak']} weak"
    )
    figures: list[Figure | Claim] = [
        quoted("nodes.paper.weak", paper["weak"], unit="regions", table="text_figures", fmt="{:d}"),
        computed("nodes.frames.count", len(fitting), unit="frames", definition=fit, fmt="{:d}"),
        computed(
            "nodes.frames.total",
            frames_total,
            unit="frames",
            definition=f"frames of {paper['total']} regions, each country at NUTS 1 or NUTS 2",
            fmt="{:,d}",
        ),
        computed(
            "nodes.frames.sample",
            len(sample),
            unit="frames",
            definition=f"frames sampled uniformly without replacement (seed {seed})",
            fmt="{:,d}",
        ),
        computed(
            "nodes.frames.closest.nuts1",
            name_list(closest, empty="no country"),
            unit="",
            definition="countries at NUTS 1 in the fitting frame with the smallest mean "
            "relative deviation",
        ),
    ]
    for column, word in (("regions", "regions"), ("n_weak", "weak regions")):
        for end in ("min", "max"):
            figures.append(
                computed(
                    f"nodes.frames.{column}_{end}",
                    int(fitting[column].agg(end)),
                    unit=word,
                    definition=f"{end} over the fitting frames of the {word} with employment "
                    "data (NUTS 2013) and a label",
                    fmt="{:d}",
                )
            )
    for kind in sp.NODE_KINDS:
        for end in ("min", "max"):
            figures.append(
                computed(
                    f"nodes.frames.{kind}.gap_{end}",
                    float(fitting[f"{kind}.gap"].agg(end)),
                    unit="nodes per region",
                    definition=f"{end} over the fitting frames of the weak minus non-weak mean "
                    f"of {kind.replace('_', '-')} nodes",
                    fmt="{:+.1f}",
                )
            )
    figures.append(
        computed(
            "nodes.frames.sample_industry_fewer_share",
            float((sample["industry_relevant.gap"] < 0).mean()),
            unit="of sampled frames",
            definition="sampled frames in which weak regions have fewer industry-relevant "
            "nodes than the others",
            fmt="{:.0%}",
        )
    )
    figures.append(
        computed(
            "nodes.list2019.weak",
            int(variants.at["2019 list, NUTS 2", "n_weak"]),
            unit="regions",
            definition="NUTS 2 (2013) regions with employment data that are weak on the 2019 "
            "release of regional GDP (NUTS 2016 labels carried to 2013 codes)",
            fmt="{:d}",
        )
    )
    slugs = {
        "NUTS 2 (default)": "default",
        "closest fitting frame": "closest_frame",
        "NUTS 1": "nuts1",
        "2019 list, NUTS 2": "list2019",
        "traded divisions, NUTS 2": "traded",
        "closest sampled frame (any weak count)": "closest_sampled",
    }
    for variant, slug in slugs.items():
        figures.append(
            computed(
                f"nodes.table1.{slug}.mean_rel_dev",
                float(variants.at[variant, "mean_rel_dev"]),
                unit="mean relative deviation",
                definition="mean of |recomputed - published| / published over the four "
                f"means of Table 1 (document 000), {variant}",
                fmt="{:.1%}",
            )
        )
    return figures


def study_claims(cases: pd.DataFrame, sample: pd.DataFrame, published: pd.Series) -> list[Claim]:
    """Which of the paper's Table 1 statements survive every case, which depend on the choice
    and which survive none (see :func:`eucluster.measures.node_claims.survival_claim`).

    ``cases`` are the settings that could be the paper's: the NUTS 2 variants of
    :data:`PAPER_LIKE` and every fitting frame, each with the 2026 list, the 2019 list and
    traded divisions only. The pure NUTS 1 frame and the closest sampled frame have another
    number of regions or of weak regions than the paper, so they are shown but not judged;
    the sampled frames have a claim of their own."""
    paper_gap = {
        kind: published[f"{kind}.weak"] - published[f"{kind}.non_weak"] for kind in sp.NODE_KINDS
    }
    industry = cases["industry_relevant.gap"]
    regional = cases["regional_relevant.gap"]
    below = (cases["industry_relevant.weak"] < published["industry_relevant.weak"]) & (
        cases["industry_relevant.non_weak"] < published["industry_relevant.non_weak"]
    )
    return [
        node_claims.survival_claim(
            "nodes.variants.industry_fewer",
            industry < 0,
            statement="weak regions have fewer industry-relevant nodes than the others",
            expected="every",
        ),
        node_claims.survival_claim(
            "nodes.variants.regional_more",
            regional > 0,
            statement="weak regions have more regional-relevant nodes than the others",
            expected="every",
        ),
        node_claims.survival_claim(
            "nodes.variants.industry_gap_published_size",
            industry.abs() >= abs(paper_gap["industry_relevant"]),
            statement=f"the industry-relevant gap reaches the published size, "
            f"{paper_gap['industry_relevant']:+.1f},",
            expected="none",
        ),
        node_claims.survival_claim(
            "nodes.variants.regional_gap_published_size",
            regional.abs() <= abs(paper_gap["regional_relevant"]),
            statement=f"the regional-relevant gap stays within the published size, "
            f"{paper_gap['regional_relevant']:+.1f},",
            expected="none",
        ),
        node_claims.survival_claim(
            "nodes.variants.industry_levels_below",
            below,
            statement="both industry-relevant means are below the published ones",
            expected="every",
        ),
        node_claims.sample_dependence_claim(sample["industry_relevant.gap"] < 0),
    ]


def comparison_claims(deviation: pd.Series) -> list[Claim]:
    """How the variants rank by their mean relative deviation from the published Table 1:
    the closest fitting frame against the default, traded nodes against all divisions, and the
    closest sampled frame against the closest fitting one (when frames were sampled)."""
    pairs = [
        ("nodes.frames.closest_closer", "closest fitting frame", "NUTS 2 (default)"),
        ("nodes.table1.traded_further", "NUTS 2 (default)", "traded divisions, NUTS 2"),
        ("nodes.frames.list2019_closer", "2019 list, NUTS 2", "NUTS 2 (default)"),
    ]
    pairs.append(
        (
            "nodes.frames.sampled_closer",
            "closest sampled frame (any weak count)",
            "closest fitting frame",
        )
    )
    names = {
        "closest fitting frame": "the closest fitting frame",
        "NUTS 2 (default)": "the default NUTS 2 frame",
        "traded divisions, NUTS 2": "counting traded divisions only",
        "2019 list, NUTS 2": "the 2019 list",
        "closest sampled frame (any weak count)": "the closest sampled frame",
    }
    return [
        node_claims.closer_claim(claim_id, (names[a], deviation[a]), (names[b], deviation[b]))
        for claim_id, a, b in pairs
    ]


def deviation_table(found: FrameStudy) -> pd.DataFrame:
    """The deviation table as shown: the published row, then one row per variant."""
    shown = pd.concat(
        [
            found.published.to_frame("Published (document 000)").T,
            found.variants[MEANS + ["n_weak", "n_non_weak", "mean_rel_dev"]],
        ]
    )
    names = dict(zip(MEANS, MEAN_COLUMNS, strict=True))
    shown = shown.rename(
        columns={
            **names,
            "n_weak": "Weak (n)",
            "n_non_weak": "Non-weak (n)",
            "mean_rel_dev": "Mean rel. deviation",
        }
    )
    shown.index = [name[0].upper() + name[1:] for name in shown.index]
    shown.index.name = "Variant"
    return shown.reset_index()


def chart_frame(found: FrameStudy) -> pd.DataFrame:
    """The four means of every fitting and sampled frame, long: ``frame set, mean, value``."""
    parts = {
        f"fits the paper's weak count ({len(found.fitting)})": found.fitting,
        f"sampled, any weak count ({len(found.sample)})": found.sample,
    }
    long = []
    for name, frame in parts.items():
        melted = frame[MEANS].melt(var_name="mean", value_name="value").assign(frames=name)
        long.append(melted)
    return pd.concat(long, ignore_index=True)


def chart_marks(found: FrameStudy) -> pd.DataFrame:
    """The published means and the default NUTS 2 means, long, for the frame chart."""
    default = found.variants.loc["NUTS 2 (default)", MEANS].astype(float)
    return pd.concat(
        [
            found.published.rename_axis("mean")
            .reset_index(name="value")
            .assign(mark="published (document 000, Table 1)"),
            default.rename_axis("mean").reset_index(name="value").assign(mark="NUTS 2 (default)"),
        ],
        ignore_index=True,
    )
