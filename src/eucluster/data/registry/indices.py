"""Registry entries of composite indices and cluster definitions: the EU Regional
Competitiveness Index, the Regional Innovation Scoreboard and the US Cluster Mapping Project."""

from __future__ import annotations

from eucluster.data.readers.csv_exports import read_rci_evolution
from eucluster.data.readers.json_files import read_us_clusters, read_us_relatedness
from eucluster.data.readers.spreadsheets import read_rci_2022, read_ris_2023
from eucluster.data.registry.entry import (
    CLUSTER_MAPPING_LICENCE,
    COMMISSION_LICENCE,
    Dataset,
    github_url,
)
from eucluster.data.schemas import Content

LOCALISED = "giocopp/LOCALISED-7.1-Paper"
CLUSTER_MAPPING = ("clustermapping/cmp", "f1b2b674482e3016a90dccfce9dc2c0c4638898b")

ENTRIES: list[Dataset] = [
    Dataset(
        name="rci_evolution",
        content=Content(rows=1133, years=(2010, 2019), values=(-5, 5)),
        title="EU Regional Competitiveness Index 2010-2019 (z-scores), NUTS 2 (2016)",
        path="eu_rci/rci-indicator-evolution_raw.csv",
        sha256="bd34421c5431efbb6b08999eade37ff0e4a11ec01fed030500e1315c590ede64",
        reader=read_rci_evolution,
        columns=(
            "country",
            "geo",
            "merged_code",
            "capital_region",
            "name",
            "year",
            "value",
            "change_2016_2019",
            "change_2013_2016",
            "change_2010_2013",
        ),
        origin="DG REGIO Cohesion Open Data 'RCI indicator evolution' "
        "(cohesiondata.ec.europa.eu/api/views/geur-y3df/rows.csv), saved in GitHub "
        "graebnerc/competitivenessData@cd4428e8",
        url=github_url(
            "graebnerc/competitivenessData",
            "cd4428e864ab32df59c6f054bffe1f9eab89fe2a",
            "data-raw/rci-indicator-evolution_raw.csv",
        ),
        licence=COMMISSION_LICENCE,
        attribution="Source: European Commission, DG REGIO, Regional Competitiveness Index",
        vintage="2020",
        nuts_version=2016,
        tags=("regression",),
    ),
    Dataset(
        name="rci_2022",
        content=Content(rows=15912),
        title="EU Regional Competitiveness Index 2.0 (2022), raw indicators incl. EQI 2021",
        path="eu_rci/RCI_2022.xlsx",
        sha256="40e00fac4ecdcee2d83cc04f50ad8ff4af87f6636300de04d2c44a6666589aac",
        reader=read_rci_2022,
        columns=("geo", "name", "indicator", "value"),
        origin="DG REGIO/JRC 'RCI 2.0 - 2022 edition - Raw data' (updated 2023-05-11), saved in "
        "GitHub giocopp/LOCALISED-7.1-Paper@566675da (Base Data/RCI_2022.xlsx)",
        url=github_url(
            LOCALISED, "566675dabe200193f92b4c1452c0b7e720314e5e", "Base Data/RCI_2022.xlsx"
        ),
        licence=COMMISSION_LICENCE,
        attribution="Source: European Commission, RCI 2.0 2022; EQI: University of Gothenburg",
        vintage="2022 (2023-05-11)",
        nuts_version=2016,
        year_column=None,
        notes="Codes include merged capital areas such as AT_C.",
        tags=("regression",),
    ),
    Dataset(
        name="ris_2023",
        content=Content(rows=65675, years=(2016, 2023)),
        title="Regional Innovation Scoreboard 2023, regional database",
        path="eu_ris_2023/RIS_2023.xlsx",
        sha256="2dcfbdaf30ecff34b491367e8ff6481d12045e65a99dc6dd938acfe2e121a56b",
        reader=read_ris_2023,
        columns=(
            "indicator",
            "year",
            "zone",
            "country",
            "country_name",
            "geo",
            "name",
            "level",
            "value",
            "performance_group",
        ),
        origin="European Commission RIS 2023 database, saved in GitHub "
        "giocopp/LOCALISED-7.1-Paper@97f27150 (Base Data/RIS_2023.xlsx)",
        url=github_url(
            LOCALISED, "97f2715052715f6bc8561b09be404ff5317680a8", "Base Data/RIS_2023.xlsx"
        ),
        licence="European Commission (DG GROW): reuse with acknowledgement",
        attribution="Source: European Commission, Regional Innovation Scoreboard 2023",
        vintage="2023",
        notes="RIS regions mix NUTS 1 and NUTS 2.",
        tags=("regression",),
    ),
    Dataset(
        name="us_cluster_definitions",
        content=Content(rows=1099),
        title="US Cluster Mapping benchmark cluster definitions (2007 NAICS)",
        path="us_cluster_mapping/clusters-list.json",
        sha256="47440ad625d0efbe7334613f375e425ea00c4671ee8989645596a806df6d5071",
        reader=read_us_clusters,
        columns=("cluster_code", "cluster_key", "cluster_name", "naics"),
        origin="GitHub clustermapping/cmp@f1b2b674 "
        "(cms/modules/hbs_homepage/js/clusters-list.json)",
        url=github_url(*CLUSTER_MAPPING, "cms/modules/hbs_homepage/js/clusters-list.json"),
        licence=CLUSTER_MAPPING_LICENCE,
        attribution="Delgado, Porter and Stern (2016), Defining clusters of related industries",
        vintage="2020",
        geo_column=None,
        year_column=None,
    ),
    Dataset(
        name="us_cluster_relatedness",
        content=Content(rows=2601, extra_columns=True),
        title="US Cluster Mapping relatedness of the 51 traded clusters",
        path="us_cluster_mapping/relatedClusters.json",
        sha256="83ef68af84f079e2e915b2a9f08f765ea3431aa09754b174303f3cc1c28db4ab",
        reader=read_us_relatedness,
        columns=("cluster_a", "cluster_b", "name_a", "name_b"),
        origin="GitHub clustermapping/cmp@f1b2b674 (data/web/viz/json/relatedClusters.json)",
        url=github_url(*CLUSTER_MAPPING, "data/web/viz/json/relatedClusters.json"),
        licence=CLUSTER_MAPPING_LICENCE,
        attribution="Delgado, Porter and Stern (2016), Defining clusters of related industries",
        vintage="2020",
        geo_column=None,
        year_column=None,
    ),
]
