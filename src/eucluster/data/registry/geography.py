"""Registry entries of the geography: NUTS code lists and their history, the JRC cross-walks
between NUTS versions, and the GISCO boundaries of NUTS 2021."""

from __future__ import annotations

from eucluster.data.readers.json_files import read_gisco
from eucluster.data.readers.r_packages import (
    read_all_nuts_codes,
    read_crosswalks,
    read_nuts_2021,
    read_nuts_changes,
)
from eucluster.data.registry.entry import (
    EUROSTAT_LICENCE,
    GISCO_LICENCE,
    JRC_LICENCE,
    Dataset,
    github_url,
)
from eucluster.data.schemas import Content

NUTS_PACKAGE = "ropensci/nuts"
LUISPACK = ("Luisbia/luispack", "f14511bc5e8e9c0ad99d5e0ec5b377d4b83d6eba")
GISCO_COPY = ("BIAKuustom/NUTSMaps", "ba432545b5420274d63ca16ce3e70d8bfef5aa69")

ENTRIES: list[Dataset] = [
    Dataset(
        name="jrc_nuts_crosswalks",
        content=Content(rows=66877),
        title="JRC NUTS converter cross-walks, NUTS 2006-2024, levels 1-3",
        path="jrc_nuts_converter/cross_walks.rda",
        sha256="d9ce77b3d168d1196f133d6aa2ea2dcecb08d5fc9d4dbcb405ac01e368bcf1fc",
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
        origin="R data data/cross_walks.rda in GitHub ropensci/nuts@c1f7881f (conversion "
        "table of the JRC NUTS converter, urban.jrc.ec.europa.eu/tools/nuts-converter)",
        url=github_url(
            NUTS_PACKAGE, "c1f7881f556c1b77248ecf5fbba2dd917f2d3ebc", "data/cross_walks.rda"
        ),
        licence=JRC_LICENCE,
        attribution="Source: European Commission, Joint Research Centre, NUTS converter",
        vintage="2025",
        geo_column="from_code",
        year_column=None,
        tags=("nuts",),
    ),
    Dataset(
        name="jrc_nuts_codes",
        content=Content(rows=10465),
        title="All NUTS 1-3 codes of versions 2006-2024",
        path="jrc_nuts_converter/all_nuts_codes.rda",
        sha256="ad5be3fdd62b73772d2fc6f11844a82a1f6c6c849d968b26a4661226a33a0be7",
        reader=read_all_nuts_codes,
        columns=("geo", "version", "country"),
        origin="R data data/all_nuts_codes.rda in GitHub ropensci/nuts@5509ff02",
        url=github_url(
            NUTS_PACKAGE, "5509ff02266d9e3ebfbe51fc0d6457f34e59a0d8", "data/all_nuts_codes.rda"
        ),
        licence=JRC_LICENCE,
        attribution="Source: European Commission, Joint Research Centre, NUTS converter",
        vintage="2025",
        year_column=None,
        tags=("nuts",),
    ),
    Dataset(
        name="nuts_changes",
        content=Content(rows=3097, extra_columns=True),
        title="Eurostat NUTS history: codes, names and changes 1999-2021",
        path="eurostat_regacc_gdp_vintages/nuts_changes.rda",
        sha256="910a4d89e436fcf5681eb2e5cd5243d9423b2ec9dff697adc8a0d4eab473b618",
        reader=read_nuts_changes,
        columns=("level", "start_year", "end_year"),
        origin="R data data/nuts_changes.rda in GitHub Luisbia/luispack@f14511bc",
        url=github_url(*LUISPACK, "data/nuts_changes.rda"),
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
        content=Content(rows=2144, key=("country", "level", "geo", "name")),
        title="NUTS 2021 code list with names, levels 0-3",
        path="eurostat_regacc_gdp_vintages/NUTS_2021.rda",
        sha256="a68a0714a076c865cf2499fec3fcb0c2fa8a9b736f3447d0c6823af28ed2cdec",
        reader=read_nuts_2021,
        columns=("country", "level", "geo", "name"),
        origin="R data data/NUTS_2021.rda in GitHub Luisbia/luispack@f14511bc",
        url=github_url(*LUISPACK, "data/NUTS_2021.rda"),
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
#: Regions per level in the 2021 boundaries (countries, NUTS 1, NUTS 2, NUTS 3).
GISCO_ROWS = {0: 37, 1: 125, 2: 334, 3: 1514}


def gisco_entry(level: int, digest: str) -> Dataset:
    """The entry of the GISCO NUTS 2021 boundaries at one level (the four differ only there)."""
    file_name = f"NUTS_RG_60M_2021_4326_LEVL_{level}.geojson"
    return Dataset(
        name=f"gisco_nuts2021_l{level}",
        content=Content(rows=GISCO_ROWS[level]),
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
