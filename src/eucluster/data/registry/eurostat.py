"""Registry entries of Eurostat's statistical tables: structural business statistics, regional
accounts (GDP, GVA, release vintages), the Labour Force Survey, headline tables and patents.

Eurostat's own bulk URLs always serve the newest release, so each entry's ``url`` is a copy at
a fixed commit whose bytes match the pinned sha256. Tables published as R data are registered
as the original ``.rda``/``.rds`` (read with pyreadr), so every entry has a public URL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from eucluster.data.eurostat import parse_eurostat_tsv, read_api_csv, read_sdmx_csv
from eucluster.data.readers.r_packages import (
    read_gdp_vintages,
    read_patents,
    read_population_tgs,
    read_tgs_2020,
)
from eucluster.data.readers.spreadsheets import read_nama_xls, read_sbs_manuf_2022
from eucluster.data.registry.entry import EUROSTAT_LICENCE, Dataset, github_url
from eucluster.data.schemas import Content

KPROD = ("kproductivity/creative-industries", "e7902e4e2f54caabd63a6ea9a661f7c725b7b470")
HACKATHON = ("jsollari/EUhackathon2017", "9f8c1ba7199443773add324566e159661c2bd18c")
COHESION = ("Chappuis5/EUcohesion", "8747b9ac0ce0519bd876f80d5999b21b35b0b889")
LOCALISED = "giocopp/LOCALISED-7.1-Paper"
LUISPACK = ("Luisbia/luispack", "f14511bc5e8e9c0ad99d5e0ec5b377d4b83d6eba")
BALLATORE = ("andrea-ballatore/open-geo-data-education", "23ba5d1fc96a242bd69444cd98d1be31a2d326ad")
TGS_2020_FILE = "datasets/eu_eurostat_indicators_2005_2020/eu_all_geo_data.rds"
NUTS_PACKAGE = "ropensci/nuts"

API_COLUMNS = ("unit", "geo", "year", "value")
SDMX_NOTE = "SDMX-CSV with labels from the Eurostat dissemination API; flags kept."


def read_sbs(path: Path) -> pd.DataFrame:
    """Eurostat SBS bulk TSV in the registered column order."""
    tidy = parse_eurostat_tsv(path, dims=["nace_r2", "indic_sb", "geo"])
    return tidy[["indic_sb", "nace_r2", "geo", "year", "value", "flag"]]


def lfs_reader(dims: list[str]) -> Callable[[Path], pd.DataFrame]:
    """A reader of one LFS bulk TSV that insists on the dimensions ``dims``."""

    def read(path: Path) -> pd.DataFrame:
        return parse_eurostat_tsv(path, dims=dims)

    read.__doc__ = f"Eurostat LFS bulk TSV with dimensions {dims}."
    return read


ENTRIES: list[Dataset] = [
    Dataset(
        name="sbs_r_nuts06_r2",
        content=Content(rows=1561816, years=(2008, 2015)),
        code="sbs_r_nuts06_r2",
        title="SBS by NUTS 2 region and NACE Rev. 2 (employment, local units, wages), 2008-2015",
        path="eurostat_sbs_2017/sbs_r_nuts06_r2.tsv.gz",
        sha256="7e5843901bb96a893d7372b3a8a08304860bfc4db77ddaae7c016a9dd12498e9",
        reader=read_sbs,
        columns=("indic_sb", "nace_r2", "geo", "year", "value", "flag"),
        origin="Eurostat bulk download TSV, as saved on 2017-08-01 in GitHub "
        "kproductivity/creative-industries@e7902e4e (data/sbs_r_nuts06_r2.tsv.gz)",
        url=github_url(*KPROD, "data/sbs_r_nuts06_r2.tsv.gz"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, sbs_r_nuts06_r2 (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        notes="Country, NUTS 1 and NUTS 2 rows; France 2014-2015 missing.",
        tags=("employment",),
    ),
    Dataset(
        name="nama_10r_2gdp_pps_hab_eu27",
        content=Content(rows=9865, years=(2000, 2023), values=(5, 500)),
        code="nama_10r_2gdp",
        title="GDP per inhabitant in PPS, % of the EU-27 (2020) average, NUTS 2, 2000-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_gdp_pc_pps_rel_eu_nuts2.csv",
        sha256="86fc2256cf4ec5ae64fe89479221fe54da443e406ad8bf2236d2935236e524af",
        reader=read_api_csv,
        columns=API_COLUMNS,
        origin="Eurostat Statistics API, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac "
        "(data/raw/eurostat_gdp_pc_pps_rel_eu_nuts2.csv); unit PPS_HAB_EU27_2020",
        url=github_url(*COHESION, "data/raw/eurostat_gdp_pc_pps_rel_eu_nuts2.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gdp (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes="Flags were dropped by the decoder that wrote the file; values are integers.",
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gdp_pps_hab",
        content=Content(rows=9865, years=(2000, 2023), values=(1000, 250000)),
        code="nama_10r_2gdp",
        title="GDP per inhabitant in PPS (EU-27 2020), NUTS 2, 2000-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_gdp_pc_pps_nuts2.csv",
        sha256="63cc593478297cd4c8dc0ac7c39e4a749ac1b4243fc727fd10f4331c1a1a4fd8",
        reader=read_api_csv,
        columns=API_COLUMNS,
        origin="Eurostat Statistics API, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac "
        "(data/raw/eurostat_gdp_pc_pps_nuts2.csv); unit PPS_EU27_2020_HAB",
        url=github_url(*COHESION, "data/raw/eurostat_gdp_pc_pps_nuts2.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gdp (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gdp_mio_eur",
        content=Content(rows=4625, years=(2014, 2023), values=(0, 5e07)),
        code="nama_10r_2gdp",
        title="GDP at current market prices, million EUR, NUTS 2, 2014-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_nama_10r_2gdp.csv",
        sha256="fa163a16d83b2ad88ee4a1b9e4d735cba84e17911afcda85ab58308af8f55ea9",
        reader=read_sdmx_csv,
        columns=("unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=github_url(*COHESION, "data/raw/eurostat_nama_10r_2gdp.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gdp (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=SDMX_NOTE,
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gvagr",
        content=Content(rows=10224, years=(2000, 2023), values=(0, 1000)),
        code="nama_10r_2gvagr",
        title="Real GDP growth: volume index 2015=100, NUTS 2, 2000-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_gdp_real_nuts2.csv",
        sha256="8072f40b8d6afb8fa87303d67c377637a2bdde819177c9cb81b3af7ff583d293",
        reader=read_api_csv,
        columns=("unit", "na_item", "geo", "year", "value"),
        origin="Eurostat Statistics API, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=github_url(*COHESION, "data/raw/eurostat_gdp_real_nuts2.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gvagr (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gvagr_gva",
        content=Content(rows=3798, years=(2014, 2023), values=(0, 1000)),
        code="nama_10r_2gvagr",
        title="Gross value added, volume index 2015=100, NUTS 2",
        path="eurostat_api_2026_EUcohesion/eurostat_nama_10r_2gvagr_gva.csv",
        sha256="67f1fdb8607bb5a9089b410396bc119f9abc386accdf6798f70603bb0e9cb067",
        reader=read_sdmx_csv,
        columns=("na_item", "unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=github_url(*COHESION, "data/raw/eurostat_nama_10r_2gvagr_gva.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gvagr (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=SDMX_NOTE,
    ),
    Dataset(
        name="tgs00042",
        content=Content(rows=2523, years=(2013, 2024), values=(0, 100)),
        code="tgs00042",
        title="Intramural R&D expenditure (GERD), all sectors, % of GDP, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00042_gerd_rd_expenditure.csv",
        sha256="75ce0d7335936e620604679d7d4fe6868ef3b5df5e89330a3bedc75a915c7420",
        reader=read_sdmx_csv,
        columns=("sectperf", "unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=github_url(*COHESION, "data/raw/eurostat_tgs00042_gerd_rd_expenditure.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00042 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00109",
        content=Content(rows=3732, years=(2013, 2024), values=(0, 100)),
        code="tgs00109",
        title="Persons aged 25-64 with tertiary education (ISCED 5-8), %, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00109_tertiary_education_25_64.csv",
        sha256="8e34c9de9f9ac04acffd4c6917d8e6bb175e238f085be8da1ac192cbe7973998",
        reader=read_sdmx_csv,
        columns=("unit", "isced11", "age", "sex", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=github_url(*COHESION, "data/raw/eurostat_tgs00109_tertiary_education_25_64.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00109 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00007",
        content=Content(rows=3744, years=(2013, 2024), values=(0, 100)),
        code="tgs00007",
        title="Employment rate, persons 15-64, %, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00007_employment_rate.csv",
        sha256="959edf785d825713badf48d6884861cd7b1b42fe7a53d8e13053b1c7659d0c8b",
        reader=read_sdmx_csv,
        columns=("unit", "sex", "age", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=github_url(*COHESION, "data/raw/eurostat_tgs00007_employment_rate.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00007 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00010",
        content=Content(rows=3744, years=(2013, 2024), values=(0, 100)),
        code="tgs00010",
        title="Unemployment rate, persons 15-74, %, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00010_unemployment_rate.csv",
        sha256="61ed76d9fbb3937413c15c2d62283d359c707e54ae2037b99298b82725425a95",
        reader=read_sdmx_csv,
        columns=("isced11", "sex", "age", "unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=github_url(*COHESION, "data/raw/eurostat_tgs00010_unemployment_rate.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00010 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="nama_10r_3gdp_2017",
        content=Content(rows=29520, years=(2000, 2015), values=(100, 1e06)),
        code="nama_10r_3gdp",
        title="GDP per inhabitant in PPS, NUTS 0-3, 2000-2015 (2017 vintage, Excel export)",
        path="eurostat_nama_2017/GDP_nama_10r_3gdp.xls",
        sha256="d84ff67044ca74306052e09dbb6fca700b5b7400e0150ff65d5f125dfc2735f7",
        reader=read_nama_xls,
        columns=("geo", "year", "value", "flag"),
        origin="Eurostat data browser Excel export (last update 2017-03-30), saved in GitHub "
        "kproductivity/creative-industries@e7902e4e (data/GDP_nama_10r_3gdp.xls); sheet Data4",
        url=github_url(*KPROD, "data/GDP_nama_10r_3gdp.xls"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_3gdp (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        notes="Same vintage and NUTS version as sbs_r_nuts06_r2.",
        tags=("gdp",),
    ),
    Dataset(
        name="regional_gdp_vintages",
        content=Content(rows=174402, years=(2000, 2019), values=(0, 1e08)),
        title="Regional GDP release vintages V2015-V2021 (EU-27, NUTS 0 and 2)",
        path="eurostat_regacc_gdp_vintages/regional_gdp_vintages.rda",
        sha256="bab14a0d1cf8f578acec539eab27caae81c26f174464d36d976dc922bcbee2a6",
        reader=read_gdp_vintages,
        columns=("country", "level", "geo", "name", "vintage", "unit", "year", "value"),
        origin="R data data/regional_gdp_vintages.rda in GitHub Luisbia/luispack@f14511bc "
        "(from Eurostat's published 'Release dataset.xlsx')",
        url=github_url(*LUISPACK, "data/regional_gdp_vintages.rda"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat regional accounts, release vintages (via luispack)",
        vintage="V2015-V2021",
        nuts_version=2016,
        notes="Unit PPS_HAB_EU27 is GDP per head as % of the EU-27 average.",
        tags=("gdp",),
    ),
    Dataset(
        name="lfst_r_lfe2emp",
        content=Content(rows=275451, years=(1999, 2015), values=(0, 1e06)),
        code="lfst_r_lfe2emp",
        title="Employment (thousand persons) by sex and age, NUTS 0-2, 1999-2015",
        path="eurostat_lfs_2017/lfst_r_lfe2emp.tsv",
        sha256="ca1ccfff9baa7b1f0ff9192add4813b5a307190bdc0e7b407f63446f1e923022",
        reader=lfs_reader(["unit", "sex", "age", "geo"]),
        columns=("unit", "sex", "age", "geo", "year", "value", "flag"),
        origin="Eurostat bulk TSV, ESS Big Data Hackathon 2017 data pack, GitHub "
        "jsollari/EUhackathon2017@9f8c1ba7 (data/lfst_r_lfe2emp.tsv)",
        url=github_url(*HACKATHON, "data/lfst_r_lfe2emp.tsv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, lfst_r_lfe2emp (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        tags=("employment",),
    ),
    Dataset(
        name="lfst_r_lfe2en2",
        content=Content(rows=224520, years=(2008, 2015), values=(0, 1e06)),
        code="lfst_r_lfe2en2",
        title="Employment (thousand persons) by NACE Rev. 2 section group and age, NUTS 0-2",
        path="eurostat_lfs_2017/lfst_r_lfe2en2.tsv",
        sha256="32f29ab14ba6b122f8aef275ae7e7d75e08184e1c9ac8bff2475b1f20ba9f000",
        reader=lfs_reader(["unit", "nace_r2", "age", "geo"]),
        columns=("unit", "nace_r2", "age", "geo", "year", "value", "flag"),
        origin="Eurostat bulk TSV, GitHub jsollari/EUhackathon2017@9f8c1ba7",
        url=github_url(*HACKATHON, "data/lfst_r_lfe2en2.tsv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, lfst_r_lfe2en2 (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        tags=("employment",),
    ),
    Dataset(
        name="lfst_r_lfe2eedu",
        content=Content(rows=572101, years=(1999, 2015), values=(0, 1e06)),
        code="lfst_r_lfe2eedu",
        title="Employment by educational attainment (ISCED 2011), sex and age, NUTS 0-2",
        path="eurostat_lfs_2017/lfst_r_lfe2eedu.tsv",
        sha256="6513db5e199ef115fbf59d81391dc1a9e0e8761be972c844f7a5550773f9f305",
        reader=lfs_reader(["unit", "sex", "age", "isced11", "geo"]),
        columns=("unit", "sex", "age", "isced11", "geo", "year", "value", "flag"),
        origin="Eurostat bulk TSV, GitHub jsollari/EUhackathon2017@9f8c1ba7",
        url=github_url(*HACKATHON, "data/lfst_r_lfe2eedu.tsv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, lfst_r_lfe2eedu (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00096",
        content=Content(rows=3866, years=(2008, 2019), values=(0, 1e08)),
        code="tgs00096",
        title="Population on 1 January, NUTS 2, 2008-2019",
        path="eurostat_tgs_2020_ballatore/eu_all_geo_data.rds",
        sha256="9c78bbd3db169ab7e5ba038b6253d1149c4d1c43ae74fd06a38d48103c060295",
        reader=read_population_tgs,
        url=github_url(*BALLATORE, TGS_2020_FILE),
        columns=("geo", "year", "value"),
        origin="R data eu_all_geo_data.rds (extracted Dec 2020 with the R package "
        "eurostat) in GitHub andrea-ballatore/open-geo-data-education@23ba5d1f",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00096 (2020 extraction)",
        vintage="2020",
        nuts_version=2016,
        tags=("population",),
    ),
    Dataset(
        name="eurostat_tgs_2020",
        content=Content(rows=55209, years=(1990, 2020), extra_columns=True),
        title="Eurostat headline tables at NUTS 2 and NUTS 0, extracted Dec 2020 (long)",
        path="eurostat_tgs_2020_ballatore/eu_all_geo_data.rds",
        sha256="9c78bbd3db169ab7e5ba038b6253d1149c4d1c43ae74fd06a38d48103c060295",
        reader=read_tgs_2020,
        url=github_url(*BALLATORE, TGS_2020_FILE),
        columns=("indicator", "description", "unit", "geo", "period", "year", "value"),
        origin="R data eu_all_geo_data.rds in GitHub "
        "andrea-ballatore/open-geo-data-education@23ba5d1f",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat headline tables (2020 extraction)",
        vintage="2020",
        nuts_version=2016,
        notes="Further dimension columns (sex, age, ...) follow the listed ones.",
    ),
    Dataset(
        name="pat_ep_rtot",
        content=Content(rows=103075, years=(1977, 2012), values=(0, 1e06)),
        code="pat_ep_rtot",
        title="EPO patent applications by priority year, NUTS 0-3, to 2012",
        path="eurostat_patents_pat_ep_rtot/patents.rda",
        sha256="c733fecaaa4af7057e17701a2034aee4044e30b8c71972de08dc0358aeb4be37",
        reader=read_patents,
        columns=("unit", "geo", "year", "value"),
        origin="R data data/patents.rda in GitHub ropensci/nuts@de0b09bd",
        url=github_url(
            NUTS_PACKAGE, "de0b09bd8d67d1737f954d5fa95fada0db1d5606", "data/patents.rda"
        ),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, pat_ep_rtot",
        vintage="2025 (series ends 2012)",
        nuts_version=2013,
        tags=("regression",),
    ),
    Dataset(
        name="sbs_r_nuts2021_manuf_2022",
        content=Content(rows=6474, years=(2022, 2022), values=(0, 1e08)),
        code="sbs_r_nuts2021",
        title="Persons employed in local units, manufacturing C and C10-C33, NUTS 2 (2021), 2022",
        path="eurostat_sbs_r_nuts2021_manuf_2022/EMPL_persons_raw_data.xlsx",
        sha256="d7ba5c6d864881d4a28adcd5172ededc60bf0b94df8f0d9b5cf945b5de78f393",
        reader=read_sbs_manuf_2022,
        columns=("geo", "name", "nace_r2", "year", "value"),
        origin="Eurostat sbs_r_nuts2021 EMP_LOC_NR via restatapi, processed by GitHub "
        "giocopp/LOCALISED-7.1-Paper@a838094c",
        url=github_url(
            LOCALISED,
            "a838094c4d4b80b13f68f11754a4bdc98965962b",
            "Pipeline_1-Exposure/Outputs/Data/EMPL_persons_raw_data.xlsx",
        ),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, sbs_r_nuts2021 (processed by the LOCALISED project)",
        vintage="2025",
        nuts_version=2021,
        notes="Missing 2022 cells were filled with 2021 values by the processing project.",
        tags=("employment",),
    ),
]
