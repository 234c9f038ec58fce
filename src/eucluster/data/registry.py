"""The registry: every source file the book reads, with where it came from and how to read it.

One entry per dataset. An entry pins the file's sha256, so a different file under the same name
(a newer Eurostat vintage, a truncated download, a local edit) is refused instead of silently
changing the book's numbers. Adding a vintage means adding an entry here and a test, nothing else.

Names are the Eurostat table code where there is one (``sbs_r_nuts06_r2``), with a suffix when
one table comes in several files (``nama_10r_2gdp_pps_hab_eu27`` is the unit ``PPS_HAB_EU27_2020``
of ``nama_10r_2gdp``). ``url`` is a *pinned* copy whose bytes match ``sha256`` (a raw GitHub URL at
a fixed commit); files the project converted itself (CSV exports of R data) have no URL, only the
origin of the original.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from eucluster.data import readers
from eucluster.data.eurostat import parse_eurostat_tsv, read_api_csv, read_sdmx_csv

EUROSTAT_LICENCE = (
    "Eurostat: reuse authorised with acknowledgement of the source (Commission Decision "
    "2011/833/EU)"
)
COMMISSION_LICENCE = (
    "European Commission: reuse authorised with acknowledgement (Commission Decision 2011/833/EU)"
)
GISCO_LICENCE = (
    "© EuroGeographics for the administrative boundaries; reuse under Eurostat's copyright "
    "notice with that acknowledgement"
)


def _github(repo: str, commit: str, path: str) -> str:
    return f"https://raw.githubusercontent.com/{repo}/{commit}/{path.replace(' ', '%20')}"


@dataclass(frozen=True)
class Dataset:
    """One registered source file and the promise its reader makes about the tidy frame."""

    name: str
    title: str
    path: str  # relative to the data folder, forward slashes
    sha256: str
    reader: Callable[[Path], pd.DataFrame]
    columns: tuple[str, ...]  # columns of the tidy frame, in order
    origin: str
    licence: str
    attribution: str
    vintage: str
    code: str | None = None  # Eurostat (or other) table code
    url: str | None = None  # a copy whose bytes match sha256; None when there is none
    nuts_version: int | None = None
    geo_column: str | None = "geo"
    year_column: str | None = "year"
    spatial: bool = False  # reader returns a GeoDataFrame
    notes: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def file_name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def _sbs(path: Path) -> pd.DataFrame:
    tidy = parse_eurostat_tsv(path, dims=["nace_r2", "indic_sb", "geo"])
    return tidy[["indic_sb", "nace_r2", "geo", "year", "value", "flag"]]


def _lfs(dims: list[str]) -> Callable[[Path], pd.DataFrame]:
    def read(path: Path) -> pd.DataFrame:
        return parse_eurostat_tsv(path, dims=dims)

    read.__doc__ = f"Eurostat LFS bulk TSV with dimensions {dims}."
    return read


_KPROD = ("kproductivity/creative-industries", "e7902e4e2f54caabd63a6ea9a661f7c725b7b470")
_HACK = ("jsollari/EUhackathon2017", "9f8c1ba7199443773add324566e159661c2bd18c")
_COH = ("Chappuis5/EUcohesion", "8747b9ac0ce0519bd876f80d5999b21b35b0b889")
_GISCO = ("BIAKuustom/NUTSMaps", "ba432545b5420274d63ca16ce3e70d8bfef5aa69")
_LOC = "giocopp/LOCALISED-7.1-Paper"
_CMP = ("clustermapping/cmp", "f1b2b674482e3016a90dccfce9dc2c0c4638898b")

_API_COLS = ("unit", "geo", "year", "value")
_SDMX_NOTE = "SDMX-CSV with labels from the Eurostat dissemination API; flags kept."

_ENTRIES: list[Dataset] = [
    Dataset(
        name="sbs_r_nuts06_r2",
        code="sbs_r_nuts06_r2",
        title="SBS by NUTS 2 region and NACE Rev. 2 (employment, local units, wages), 2008-2015",
        path="eurostat_sbs_2017/sbs_r_nuts06_r2.tsv.gz",
        sha256="7e5843901bb96a893d7372b3a8a08304860bfc4db77ddaae7c016a9dd12498e9",
        reader=_sbs,
        columns=("indic_sb", "nace_r2", "geo", "year", "value", "flag"),
        origin="Eurostat bulk download TSV, as saved on 2017-08-01 in GitHub "
        "kproductivity/creative-industries@e7902e4e (data/sbs_r_nuts06_r2.tsv.gz)",
        url=_github(*_KPROD, "data/sbs_r_nuts06_r2.tsv.gz"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, sbs_r_nuts06_r2 (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        notes="Country, NUTS 1 and NUTS 2 rows; France 2014-2015 missing.",
        tags=("employment",),
    ),
    Dataset(
        name="nama_10r_2gdp_pps_hab_eu27",
        code="nama_10r_2gdp",
        title="GDP per inhabitant in PPS, % of the EU-27 (2020) average, NUTS 2, 2000-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_gdp_pc_pps_rel_eu_nuts2.csv",
        sha256="86fc2256cf4ec5ae64fe89479221fe54da443e406ad8bf2236d2935236e524af",
        reader=read_api_csv,
        columns=_API_COLS,
        origin="Eurostat Statistics API, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac "
        "(data/raw/eurostat_gdp_pc_pps_rel_eu_nuts2.csv); unit PPS_HAB_EU27_2020",
        url=_github(*_COH, "data/raw/eurostat_gdp_pc_pps_rel_eu_nuts2.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gdp (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes="Flags were dropped by the decoder that wrote the file; values are integers.",
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gdp_pps_hab",
        code="nama_10r_2gdp",
        title="GDP per inhabitant in PPS (EU-27 2020), NUTS 2, 2000-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_gdp_pc_pps_nuts2.csv",
        sha256="63cc593478297cd4c8dc0ac7c39e4a749ac1b4243fc727fd10f4331c1a1a4fd8",
        reader=read_api_csv,
        columns=_API_COLS,
        origin="Eurostat Statistics API, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac "
        "(data/raw/eurostat_gdp_pc_pps_nuts2.csv); unit PPS_EU27_2020_HAB",
        url=_github(*_COH, "data/raw/eurostat_gdp_pc_pps_nuts2.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gdp (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gdp_mio_eur",
        code="nama_10r_2gdp",
        title="GDP at current market prices, million EUR, NUTS 2, 2014-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_nama_10r_2gdp.csv",
        sha256="fa163a16d83b2ad88ee4a1b9e4d735cba84e17911afcda85ab58308af8f55ea9",
        reader=read_sdmx_csv,
        columns=("unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=_github(*_COH, "data/raw/eurostat_nama_10r_2gdp.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gdp (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=_SDMX_NOTE,
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gvagr",
        code="nama_10r_2gvagr",
        title="Real GDP growth: volume index 2015=100, NUTS 2, 2000-2023",
        path="eurostat_api_2026_EUcohesion/eurostat_gdp_real_nuts2.csv",
        sha256="8072f40b8d6afb8fa87303d67c377637a2bdde819177c9cb81b3af7ff583d293",
        reader=read_api_csv,
        columns=("unit", "na_item", "geo", "year", "value"),
        origin="Eurostat Statistics API, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=_github(*_COH, "data/raw/eurostat_gdp_real_nuts2.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gvagr (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        tags=("gdp",),
    ),
    Dataset(
        name="nama_10r_2gvagr_gva",
        code="nama_10r_2gvagr",
        title="Gross value added, volume index 2015=100, NUTS 2",
        path="eurostat_api_2026_EUcohesion/eurostat_nama_10r_2gvagr_gva.csv",
        sha256="67f1fdb8607bb5a9089b410396bc119f9abc386accdf6798f70603bb0e9cb067",
        reader=read_sdmx_csv,
        columns=("na_item", "unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=_github(*_COH, "data/raw/eurostat_nama_10r_2gvagr_gva.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_2gvagr (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=_SDMX_NOTE,
    ),
    Dataset(
        name="tgs00042",
        code="tgs00042",
        title="Intramural R&D expenditure (GERD), all sectors, % of GDP, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00042_gerd_rd_expenditure.csv",
        sha256="75ce0d7335936e620604679d7d4fe6868ef3b5df5e89330a3bedc75a915c7420",
        reader=read_sdmx_csv,
        columns=("sectperf", "unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=_github(*_COH, "data/raw/eurostat_tgs00042_gerd_rd_expenditure.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00042 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=_SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00109",
        code="tgs00109",
        title="Persons aged 25-64 with tertiary education (ISCED 5-8), %, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00109_tertiary_education_25_64.csv",
        sha256="8e34c9de9f9ac04acffd4c6917d8e6bb175e238f085be8da1ac192cbe7973998",
        reader=read_sdmx_csv,
        columns=("unit", "isced11", "age", "sex", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=_github(*_COH, "data/raw/eurostat_tgs00109_tertiary_education_25_64.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00109 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=_SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00007",
        code="tgs00007",
        title="Employment rate, persons 15-64, %, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00007_employment_rate.csv",
        sha256="959edf785d825713badf48d6884861cd7b1b42fe7a53d8e13053b1c7659d0c8b",
        reader=read_sdmx_csv,
        columns=("unit", "sex", "age", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=_github(*_COH, "data/raw/eurostat_tgs00007_employment_rate.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00007 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=_SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00010",
        code="tgs00010",
        title="Unemployment rate, persons 15-74, %, NUTS 2, 2013-2024",
        path="eurostat_api_2026_EUcohesion/eurostat_tgs00010_unemployment_rate.csv",
        sha256="61ed76d9fbb3937413c15c2d62283d359c707e54ae2037b99298b82725425a95",
        reader=read_sdmx_csv,
        columns=("isced11", "sex", "age", "unit", "geo", "year", "value", "flag"),
        origin="Eurostat SDMX-CSV, pulled early 2026 by GitHub Chappuis5/EUcohesion@8747b9ac",
        url=_github(*_COH, "data/raw/eurostat_tgs00010_unemployment_rate.csv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00010 (2026 vintage)",
        vintage="2026",
        nuts_version=2021,
        notes=_SDMX_NOTE,
        tags=("regression",),
    ),
    Dataset(
        name="nama_10r_3gdp_2017",
        code="nama_10r_3gdp",
        title="GDP per inhabitant in PPS, NUTS 0-3, 2000-2015 (2017 vintage, Excel export)",
        path="eurostat_nama_2017/GDP_nama_10r_3gdp.xls",
        sha256="d84ff67044ca74306052e09dbb6fca700b5b7400e0150ff65d5f125dfc2735f7",
        reader=readers.read_nama_xls,
        columns=("geo", "year", "value", "flag"),
        origin="Eurostat data browser Excel export (last update 2017-03-30), saved in GitHub "
        "kproductivity/creative-industries@e7902e4e (data/GDP_nama_10r_3gdp.xls); sheet Data4",
        url=_github(*_KPROD, "data/GDP_nama_10r_3gdp.xls"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, nama_10r_3gdp (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        notes="Same vintage and NUTS version as sbs_r_nuts06_r2.",
        tags=("gdp",),
    ),
    Dataset(
        name="regional_gdp_vintages",
        title="Regional GDP release vintages V2015-V2021 (EU-27, NUTS 0 and 2)",
        path="eurostat_regacc_gdp_vintages/regional_gdp_vintages.csv.gz",
        sha256="7ced02cfa41c70ea00527e51437247f8617ed1688ca4474081c31d55f2890aaf",
        reader=readers.read_gdp_vintages,
        columns=("country", "level", "geo", "name", "vintage", "unit", "year", "value"),
        origin="CSV export of data/regional_gdp_vintages.rda in GitHub Luisbia/luispack@f14511bc "
        "(from Eurostat's published 'Release dataset.xlsx')",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat regional accounts, release vintages (via luispack)",
        vintage="V2015-V2021",
        nuts_version=2016,
        notes="Unit PPS_HAB_EU27 is GDP per head as % of the EU-27 average.",
        tags=("gdp",),
    ),
    Dataset(
        name="lfst_r_lfe2emp",
        code="lfst_r_lfe2emp",
        title="Employment (thousand persons) by sex and age, NUTS 0-2, 1999-2015",
        path="eurostat_lfs_2017/lfst_r_lfe2emp.tsv",
        sha256="ca1ccfff9baa7b1f0ff9192add4813b5a307190bdc0e7b407f63446f1e923022",
        reader=_lfs(["unit", "sex", "age", "geo"]),
        columns=("unit", "sex", "age", "geo", "year", "value", "flag"),
        origin="Eurostat bulk TSV, ESS Big Data Hackathon 2017 data pack, GitHub "
        "jsollari/EUhackathon2017@9f8c1ba7 (data/lfst_r_lfe2emp.tsv)",
        url=_github(*_HACK, "data/lfst_r_lfe2emp.tsv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, lfst_r_lfe2emp (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        tags=("employment",),
    ),
    Dataset(
        name="lfst_r_lfe2en2",
        code="lfst_r_lfe2en2",
        title="Employment (thousand persons) by NACE Rev. 2 section group and age, NUTS 0-2",
        path="eurostat_lfs_2017/lfst_r_lfe2en2.tsv",
        sha256="32f29ab14ba6b122f8aef275ae7e7d75e08184e1c9ac8bff2475b1f20ba9f000",
        reader=_lfs(["unit", "nace_r2", "age", "geo"]),
        columns=("unit", "nace_r2", "age", "geo", "year", "value", "flag"),
        origin="Eurostat bulk TSV, GitHub jsollari/EUhackathon2017@9f8c1ba7",
        url=_github(*_HACK, "data/lfst_r_lfe2en2.tsv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, lfst_r_lfe2en2 (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        tags=("employment",),
    ),
    Dataset(
        name="lfst_r_lfe2eedu",
        code="lfst_r_lfe2eedu",
        title="Employment by educational attainment (ISCED 2011), sex and age, NUTS 0-2",
        path="eurostat_lfs_2017/lfst_r_lfe2eedu.tsv",
        sha256="6513db5e199ef115fbf59d81391dc1a9e0e8761be972c844f7a5550773f9f305",
        reader=_lfs(["unit", "sex", "age", "isced11", "geo"]),
        columns=("unit", "sex", "age", "isced11", "geo", "year", "value", "flag"),
        origin="Eurostat bulk TSV, GitHub jsollari/EUhackathon2017@9f8c1ba7",
        url=_github(*_HACK, "data/lfst_r_lfe2eedu.tsv"),
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, lfst_r_lfe2eedu (2017 vintage)",
        vintage="2017",
        nuts_version=2013,
        tags=("regression",),
    ),
    Dataset(
        name="tgs00096",
        code="tgs00096",
        title="Population on 1 January, NUTS 2, 2008-2019",
        path="eurostat_tgs_2020_ballatore/eu_all_geo_data.csv.gz",
        sha256="dd1ef431d983bde36f00de4481ff478f92639b1afd0a81064f7bc27f39ffa6d2",
        reader=readers.read_population_tgs,
        columns=("geo", "year", "value"),
        origin="CSV export of eu_all_geo_data.rds (extracted Dec 2020 with the R package "
        "eurostat) in GitHub andrea-ballatore/open-geo-data-education@23ba5d1f",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, tgs00096 (2020 extraction)",
        vintage="2020",
        nuts_version=2016,
        tags=("population",),
    ),
    Dataset(
        name="eurostat_tgs_2020",
        title="Eurostat headline tables at NUTS 2 and NUTS 0, extracted Dec 2020 (long)",
        path="eurostat_tgs_2020_ballatore/eu_all_geo_data.csv.gz",
        sha256="dd1ef431d983bde36f00de4481ff478f92639b1afd0a81064f7bc27f39ffa6d2",
        reader=readers.read_tgs_2020,
        columns=("indicator", "description", "unit", "geo", "period", "year", "value"),
        origin="CSV export of eu_all_geo_data.rds in GitHub "
        "andrea-ballatore/open-geo-data-education@23ba5d1f",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat headline tables (2020 extraction)",
        vintage="2020",
        nuts_version=2016,
        notes="Further dimension columns (sex, age, ...) follow the listed ones.",
    ),
    Dataset(
        name="pat_ep_rtot",
        code="pat_ep_rtot",
        title="EPO patent applications by priority year, NUTS 0-3, to 2012",
        path="eurostat_patents_pat_ep_rtot/patents.csv.gz",
        sha256="6bbc2bf2ec6b40d92c6ca86332259ea23283ecbc710fad46455887bf86609b25",
        reader=readers.read_patents,
        columns=("unit", "geo", "year", "value"),
        origin="CSV export of data/patents.rda in GitHub ropensci/nuts@de0b09bd",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, pat_ep_rtot",
        vintage="2025 (series ends 2012)",
        nuts_version=2013,
        tags=("regression",),
    ),
    Dataset(
        name="rci_evolution",
        title="EU Regional Competitiveness Index 2010-2019 (z-scores), NUTS 2 (2016)",
        path="eu_rci/rci-indicator-evolution_raw.csv",
        sha256="bd34421c5431efbb6b08999eade37ff0e4a11ec01fed030500e1315c590ede64",
        reader=readers.read_rci_evolution,
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
        url=_github(
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
        title="EU Regional Competitiveness Index 2.0 (2022), raw indicators incl. EQI 2021",
        path="eu_rci/RCI_2022.xlsx",
        sha256="40e00fac4ecdcee2d83cc04f50ad8ff4af87f6636300de04d2c44a6666589aac",
        reader=readers.read_rci_2022,
        columns=("geo", "name", "indicator", "value"),
        origin="DG REGIO/JRC 'RCI 2.0 - 2022 edition - Raw data' (updated 2023-05-11), saved in "
        "GitHub giocopp/LOCALISED-7.1-Paper@566675da (Base Data/RCI_2022.xlsx)",
        url=_github(_LOC, "566675dabe200193f92b4c1452c0b7e720314e5e", "Base Data/RCI_2022.xlsx"),
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
        title="Regional Innovation Scoreboard 2023, regional database",
        path="eu_ris_2023/RIS_2023.xlsx",
        sha256="2dcfbdaf30ecff34b491367e8ff6481d12045e65a99dc6dd938acfe2e121a56b",
        reader=readers.read_ris_2023,
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
        url=_github(_LOC, "97f2715052715f6bc8561b09be404ff5317680a8", "Base Data/RIS_2023.xlsx"),
        licence="European Commission (DG GROW): reuse with acknowledgement",
        attribution="Source: European Commission, Regional Innovation Scoreboard 2023",
        vintage="2023",
        notes="RIS regions mix NUTS 1 and NUTS 2.",
        tags=("regression",),
    ),
    Dataset(
        name="sbs_r_nuts2021_manuf_2022",
        code="sbs_r_nuts2021",
        title="Persons employed in local units, manufacturing C and C10-C33, NUTS 2 (2021), 2022",
        path="eurostat_sbs_r_nuts2021_manuf_2022/EMPL_persons_raw_data.xlsx",
        sha256="d7ba5c6d864881d4a28adcd5172ededc60bf0b94df8f0d9b5cf945b5de78f393",
        reader=readers.read_sbs_manuf_2022,
        columns=("geo", "name", "nace_r2", "year", "value"),
        origin="Eurostat sbs_r_nuts2021 EMP_LOC_NR via restatapi, processed by GitHub "
        "giocopp/LOCALISED-7.1-Paper@a838094c",
        url=_github(
            _LOC,
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
    Dataset(
        name="jrc_nuts_crosswalks",
        title="JRC NUTS converter cross-walks, NUTS 2006-2024, levels 1-3",
        path="jrc_nuts_converter/cross_walks.csv.gz",
        sha256="0eb190bf8737e7b668583af5cbc24575d3eeba04f381e3bdb971e3fe8afe6add",
        reader=readers.read_crosswalks,
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
        licence="JRC data: reuse under Commission Decision 2011/833/EU; R package MIT",
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
        reader=readers.read_all_nuts_codes,
        columns=("geo", "version", "country"),
        origin="CSV export of data/all_nuts_codes.rda in GitHub ropensci/nuts@5509ff02",
        licence="JRC data: reuse under Commission Decision 2011/833/EU; R package MIT",
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
        reader=readers.read_nuts_changes,
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
        reader=readers.read_nuts_2021,
        columns=("country", "level", "geo", "name"),
        origin="CSV export of data/NUTS_2021.rda in GitHub Luisbia/luispack@f14511bc",
        licence=EUROSTAT_LICENCE,
        attribution="Source: Eurostat, NUTS 2021 classification",
        vintage="2021",
        nuts_version=2021,
        year_column=None,
        tags=("nuts",),
    ),
    Dataset(
        name="us_cluster_definitions",
        title="US Cluster Mapping benchmark cluster definitions (2007 NAICS)",
        path="us_cluster_mapping/clusters-list.json",
        sha256="47440ad625d0efbe7334613f375e425ea00c4671ee8989645596a806df6d5071",
        reader=readers.read_us_clusters,
        columns=("cluster_code", "cluster_key", "cluster_name", "naics"),
        origin="GitHub clustermapping/cmp@f1b2b674 "
        "(cms/modules/hbs_homepage/js/clusters-list.json)",
        url=_github(*_CMP, "cms/modules/hbs_homepage/js/clusters-list.json"),
        licence="U.S. Cluster Mapping Project (HBS ISC, U.S. EDA); repository GPL-2.0",
        attribution="Delgado, Porter and Stern (2016), Defining clusters of related industries",
        vintage="2020",
        geo_column=None,
        year_column=None,
    ),
    Dataset(
        name="us_cluster_relatedness",
        title="US Cluster Mapping relatedness of the 51 traded clusters",
        path="us_cluster_mapping/relatedClusters.json",
        sha256="83ef68af84f079e2e915b2a9f08f765ea3431aa09754b174303f3cc1c28db4ab",
        reader=readers.read_us_relatedness,
        columns=("cluster_a", "cluster_b", "name_a", "name_b"),
        origin="GitHub clustermapping/cmp@f1b2b674 (data/web/viz/json/relatedClusters.json)",
        url=_github(*_CMP, "data/web/viz/json/relatedClusters.json"),
        licence="U.S. Cluster Mapping Project (HBS ISC, U.S. EDA); repository GPL-2.0",
        attribution="Delgado, Porter and Stern (2016), Defining clusters of related industries",
        vintage="2020",
        geo_column=None,
        year_column=None,
    ),
]

_GISCO_SHA = {
    0: "456d02545d168cb4ca27e50cbda39faab22dec2dc002c925b56c1237409bddfc",
    1: "30ccb838e0e3d298b3a91a973c82269592192c440f0763508c2d448f967757b3",
    2: "19c31e3bce446052575d6ddb379818e2ad2f3a92e174af9b12d20f5e8a0c6613",
    3: "0d8511e332fa006995321852f30aa6b904955f232254b573c33139c871a6ffa4",
}
for _level, _sha in _GISCO_SHA.items():
    _file = f"NUTS_RG_60M_2021_4326_LEVL_{_level}.geojson"
    _ENTRIES.append(
        Dataset(
            name=f"gisco_nuts2021_l{_level}",
            title=f"GISCO NUTS 2021 boundaries, level {_level}, 1:60 million, WGS84",
            path=f"gisco/{_file}",
            sha256=_sha,
            reader=readers.read_gisco,
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
            origin=f"Eurostat GISCO distribution ({_file}), as copied in GitHub "
            "BIAKuustom/NUTSMaps@ba432545",
            url=_github(*_GISCO, _file),
            licence=GISCO_LICENCE,
            attribution="© EuroGeographics for the administrative boundaries",
            vintage="2021",
            nuts_version=2021,
            year_column=None,
            spatial=True,
            tags=("nuts", "map"),
        )
    )

DATASETS: dict[str, Dataset] = {d.name: d for d in _ENTRIES}
