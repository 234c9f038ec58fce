"""Registry entries of the geography: NUTS code lists and their history, the JRC cross-walks
between NUTS versions, and the GISCO boundaries of NUTS 2021."""

from __future__ import annotations

from eucluster.data.readers.csv_exports import (
    read_all_nuts_codes,
    read_crosswalks,
    read_nuts_2021,
    read_nuts_changes,
)
from eucluster.data.readers.json_files import read_gisco
from eucluster.data.registry.entry import (
    EUROSTAT_LICENCE,
    GISCO_LICENCE,
    JRC_LICENCE,
    Dataset,
    github_url,
)

GISCO_COPY = ("BIAKuustom/NUTSMaps", "ba432545b5420274d63ca16ce3e70d8bfef5aa69")

ENTRIES: list[Dataset] = [
    Dataset(
        name="jrc_nuts_crosswalks",
        title="JRC NUTS converter cross-walks, NUTS 2006-2024, levels 1-3",
        path="jrc_nuts_converter/cross_walks.csv.gz",
        sha256="0eb190bf8737e7b668583af5cbc24575d3eeba04f381e3bdb971e3fe8afe6add",
        reader=read_crosswalks,
        columns=(
            "from_code",
            "to_code",
            "from_version",
            "to_version",
            "level",
            "country",
            "area_km2",
            "pop21",
            "pop11",
            "artif_surf18",
            "artif_surf12",
            "bu_vol",
        ),
        origin="CSV export of data/cross_walks.rda in GitHub ropensci/nuts@c1f7881f (conversion "
        "table of the JRC NUTS converter, urban.jrc.ec.europa.eu/tools/nuts-converter)",
        licence=JRC_LICENCE,
        attribution="Source: European Commission, Joint Research Centre, NUTS converter",
        vintage="2025",
        geo_column="from_code",
        year_column=None,
        tags=("nuts",),
    ),
    Dataset(
        name="jrc_nuts_codes",
        title="All NUTS 1-3 codes of versions 2006-2024",
        path="jrc_nuts_converter/all_nuts_codes.csv",
        sha256="9ddc01f4d411e414b7ee44113ddf549d01ef1e85885de1fdd939bfaa2b28f18a",
        reader=read_all_nuts_codes,
        columns=("geo", "version", "country"),
        origin="CSV export of data/all_nuts_codes.rda in GitHub ropensci/nuts@5509ff02",
        licence=JRC_LICENCE,
        attribution="Source: European Commission, Joint Research Centre, NUTS converter",
        vintage="2025",
        year_column=None,
        tags=("nuts",),
    ),
    Dataset(
        name="nuts_changes",
        title="Eurostat NUTS history: codes, names and changes 1999-2021",
        path="eurostat_regacc_gdp_vintages/nuts_changes.csv",
        sha256="88cd1638366a888cac7e66f5629f408466c61c5508f66b190c6fc85f1288d6a8",
        reader=read_nuts_changes,
        columns=("level", "start_year", "end_year"),
        origin="CSV export of data/nuts_changes.rda in GitHub Luisbia/luispack@f14511bc",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, NUTS history (via luispack)",
        vintage="2022",
        geo_column="code_2021",
        year_column=None,
        notes="Further columns code_<v>, geo_name_<v>, change_<v> for v in 1999-2021.",
        tags=("nuts",),
    ),
    Dataset(
        name="nuts_2021_codes",
        title="NUTS 2021 code list with names, levels 0-3",
        path="eurostat_regacc_gdp_vintages/NUTS_2021.csv",
        sha256="2f80f4327308d9d512e6331e1198157e6243ca29ceac5a89585ad4860cc20fad",
        reader=read_nuts_2021,
        columns=("country", "level", "geo", "name"),
        origin="CSV export of data/NUTS_2021.rda in GitHub Luisbia/luispack@f14511bc",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, NUTS 2021 classification",
        vintage="2021",
        nuts_version=2021,
        year_column=None,
        tags=("nuts",),
    ),
]

GISCO_SHA256 = {
    0: "456d02545d168cb4ca27e50cbda39faab22dec2dc002c925b56c1237409bddfc",
    1: "30ccb838e0e3d298b3a91a973c82269592192c440f0763508c2d448f967757b3",
    2: "19c31e3bce446052575d6ddb379818e2ad2f3a92e174af9b12d20f5e8a0c6613",
    3: "0d8511e332fa006995321852f30aa6b904955f232254b573c33139c871a6ffa4",
}


def gisco_entry(level: int, digest: str) -> Dataset:
    """The entry of the GISCO NUTS 2021 boundaries at one level (the four differ only there)."""
    file_name = f"NUTS_RG_60M_2021_4326_LEVL_{level}.geojson"
    return Dataset(
        name=f"gisco_nuts2021_l{level}",
        title=f"GISCO NUTS 2021 boundaries, level {level}, 1:60 million, WGS84",
        path=f"gisco/{file_name}",
        sha256=digest,
        reader=read_gisco,
        columns=(
            "geo",
            "level",
            "country",
            "name_latn",
            "nuts_name",
            "mount_type",
            "urbn_type",
            "coast_type",
            "geometry",
        ),
        origin=f"Eurostat GISCO distribution ({file_name}), as copied in GitHub "
        "BIAKuustom/NUTSMaps@ba432545",
        url=github_url(*GISCO_COPY, file_name),
        licence=GISCO_LICENCE,
        attribution="© EuroGeographics for the administrative boundaries",
        vintage="2021",
        nuts_version=2021,
        year_column=None,
        spatial=True,
        tags=("nuts", "map"),
    )


ENTRIES += [gisco_entry(level, digest) for level, digest in GISCO_SHA256.items()]
