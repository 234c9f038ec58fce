"""The book's results for one region at a time: what the region explorer shows.

A reader's first question is usually "what about my region?". The answer is spread over
the chapters: the cohesion-policy category by year (regions chapter), the specialisation
nodes by division and ecosystem (nodes and ecosystems chapters), the cluster strength and
the region's place in the main regression (regression chapter). :func:`assemble` gathers them
from the same package functions those chapters call, keyed by the NUTS 2021 code, into three
long tables that the explorer chart filters in the browser:

* ``regions``: one row per EU-27 NUTS 2 region (name, country, latest category, node
  counts, strength, fitted value and residual of the main regression, rank of the residual);
* ``years``: one row per region and year (GDP per head in PPS as % of the EU-27, category);
* ``nodes``: one row per region and node division (LQ, shares, node kind, ecosystems);
* ``neighbours``: one row per region and each of its nearest neighbours in the spatial
  weights of the regression chapter.

Nothing is filled in: a region without nodes data (its borders were redrawn between the
NUTS 2013 statistics and the 2021 map) or outside the regression sample keeps missing values,
and :attr:`Explorer.coverage` counts them so that the page can say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from eucluster.geo import weakness
from eucluster.measures import ecosystems, node_tables
from eucluster.models import estimation, regression_data, spatial

#: Node kinds as a reader reads them.
KIND_LABELS = {
    (True, False): "regional-relevant",
    (False, True): "industry-relevant",
    (True, True): "both",
}
#: First year shown in the category history (the SBS strength period starts in 2008).
FIRST_YEAR = 2000


@dataclass
class Explorer:
    """The explorer's tables (see the module docstring) and how many regions each covers."""

    regions: pd.DataFrame
    years: pd.DataFrame
    nodes: pd.DataFrame
    neighbours: pd.DataFrame
    strength_measure: str
    coverage: dict[str, int] = field(default_factory=dict)

    def region(self, code: str) -> pd.Series:
        """One region's row, or a clear error naming the codes that exist."""
        check_region(code, self.regions)
        return self.regions.loc[code]


def check_region(code: object, regions: pd.DataFrame) -> str:
    """``code`` if it is a NUTS 2 (2021) region of the explorer, else a ``ValueError`` that
    says how to find a valid code."""
    if not isinstance(code, str) or code not in regions.index:
        sample = ", ".join(f"{geo} ({name})" for geo, name in regions["name"].head(3).items())
        raise ValueError(
            f"region must be an EU-27 NUTS 2 (2021) code of the explorer, e.g. {sample}; "
            f"got {code!r}. The {len(regions)} codes are the rows of the regions chapter's "
            "category table (Eurostat nama_10r_2gdp, NUTS 2021)."
        )
    return code


def category_years(first_year: int = FIRST_YEAR) -> pd.DataFrame:
    """GDP per head (PPS, % of the EU-27) and category of every region in every year."""
    years = weakness.by_year()
    years = years[years["year"] >= first_year]
    columns = ["geo", "year", "name", "country", "gdp_pps_pct_eu27", "category"]
    out = years[columns].copy()
    out["category"] = out["category"].astype(str)
    return out.sort_values(["geo", "year"]).reset_index(drop=True)


def node_cells(run: node_tables.NodeRun) -> pd.DataFrame:
    """The nodes of one run of the nodes chapter as one row per NUTS 2021 region and node
    division, with the division's title and the ecosystems it feeds."""
    long = run.found.long()
    long = long[long["regional_relevant"] | long["industry_relevant"]].copy()
    long = long.rename(columns={long.columns[0]: "geo_2013", long.columns[1]: "division"})
    labels = weakness.for_codes(long["geo_2013"].unique())
    kept = labels[labels["recode"].isin(["identical", "renamed"])]["geo_2021"]
    long = long[long["geo_2013"].isin(kept.index)]
    long["geo"] = long["geo_2013"].map(kept)
    long["kind"] = [
        KIND_LABELS[(bool(r), bool(i))]
        for r, i in zip(long["regional_relevant"], long["industry_relevant"], strict=True)
    ]
    long["title"] = long["division"].map(node_tables.division_titles())
    long["ecosystems"] = long["division"].map(division_ecosystems()).fillna("none")
    columns = ["geo", "division", "title", "kind", "lq", "regional_share", "industry_share"]
    return long[[*columns, "ecosystems"]].reset_index(drop=True)


def division_ecosystems() -> pd.Series:
    """Each division's ecosystems as one readable string (``"Mobility; Industrial"``)."""
    mapping = ecosystems.load_ecosystem_map()
    names = ecosystems.ecosystem_names()
    mapping = mapping.assign(name=mapping["ecosystem_id"].map(names))
    return mapping.groupby("division")["name"].agg(lambda values: "; ".join(sorted(values)))


@dataclass
class RegressionPosition:
    """Each regression region's strength, fitted value and residual, and its neighbours."""

    table: pd.DataFrame
    neighbours: pd.DataFrame


def regression_position(strength_measure: str = "node_share", k: int = 5) -> RegressionPosition:
    """The main model of the regression chapter (default parameters, its
    ``MAIN_SPECIFICATION`` with ``strength_measure``) with its residuals, and
    the ``k`` nearest neighbours the chapter's spatial diagnostics use."""
    full, _ = regression_data.analysis_frame()
    frame = regression_data.select_sample(full, "eu27")
    specification = dict(regression_data.MAIN_SPECIFICATION)
    specification["regressors"] = [f"{strength_measure}_z", *regression_data.BASE_CONTROLS]
    main = estimation.ols(frame, **specification)
    table = pd.DataFrame(
        {
            "strength": frame.loc[main.data.index, strength_measure],
            "log_gdp": main.data["log_gdp"],
            "fitted": main.fitted,
            "residual": main.residuals,
        }
    )
    table["residual_rank"] = table["residual"].rank(ascending=False, method="min").astype(int)
    shapes = regression_data.load("gisco_nuts2021_l2").set_index("geo").loc[table.index]
    weights = spatial.knn_weights(shapes, k=k)
    pairs = [(geo, other) for geo, others in weights.neighbors.items() for other in others]
    neighbours = pd.DataFrame(pairs, columns=["geo", "neighbour"])
    table["neighbour_residual"] = (
        neighbours.assign(value=neighbours["neighbour"].map(table["residual"]))
        .groupby("geo")["value"]
        .mean()
    )
    return RegressionPosition(table, neighbours)


def assemble(strength_measure: str = "node_share") -> Explorer:
    """All four tables, keyed by NUTS 2021 codes (see the module docstring)."""
    years = category_years()
    run = node_tables.load_comparison(node_tables.NodeParameters()).run
    nodes = node_cells(run)
    position = regression_position(strength_measure)
    latest = years.sort_values("year").groupby("geo").tail(1).set_index("geo")
    regions = latest[["name", "country", "year", "gdp_pps_pct_eu27", "category"]].rename(
        columns={"year": "latest_year"}
    )
    counts = nodes.groupby("geo")["kind"].agg(
        regional_nodes=lambda kinds: int(kinds.isin(["regional-relevant", "both"]).sum()),
        industry_nodes=lambda kinds: int(kinds.isin(["industry-relevant", "both"]).sum()),
    )
    analysed = pd.DataFrame(index=run.employment.index)
    node_regions = set(node_tables.to_nuts2021(analysed).index)
    regions = regions.join(counts)
    has_nodes = regions.index.isin(sorted(node_regions))
    for column in ("regional_nodes", "industry_nodes"):
        regions.loc[has_nodes, column] = regions.loc[has_nodes, column].fillna(0)
    regions = regions.join(position.table)
    regions["label"] = regions.index + " " + regions["name"]
    regions = regions.sort_index()
    coverage = {
        "regions": len(regions),
        "with_nodes": int(has_nodes.sum()),
        "in_regression": int(regions["residual"].notna().sum()),
    }
    history = years[["geo", "year", "gdp_pps_pct_eu27", "category"]]
    return Explorer(
        regions, history, nodes, position.neighbours, strength_measure, coverage=coverage
    )
