"""Content checks after the checksum: a file that decodes fine but is not what its registry
entry declares (truncated on a line boundary, another unit, a garbage flag, a conflicting
duplicate, an extra dimension, codes outside the code lists, years outside the span) is refused
with a ContentError that blames the file and names the check, the values and the rows."""

from __future__ import annotations

import dataclasses

import pytest
from tinydata import SBS_TSV, gdp_api_csv

from eucluster import data

GDP = "nama_10r_2gdp_pps_hab_eu27"


def gdp_values(regions=("AT11", "FR10", "HU11", "NL31"), years=(2015, 2016), value=90.0):
    return {(geo, year): value for geo in regions for year in years}


def load_gdp(tiny, text: str, **content):
    tiny.write("e/gdp.csv", text)
    base = data.DATASETS[GDP].content
    tiny.register(GDP, "e/gdp.csv", content=dataclasses.replace(base, **{"rows": None, **content}))
    return data.load(GDP, cache=False)


def test_a_whole_file_passes_every_check(tiny):
    frame = load_gdp(tiny, gdp_api_csv(gdp_values()), rows=8)
    assert len(frame) == 8


def test_a_file_truncated_on_a_line_boundary_is_refused(tiny):
    lines = gdp_api_csv(gdp_values()).splitlines(keepends=True)
    with pytest.raises(data.ContentError, match=r"(?s)4 rows.*8 rows as registered"):
        load_gdp(tiny, "".join(lines[:5]), rows=8)


def test_a_file_in_another_unit_is_refused(tiny):
    # PPS per inhabitant (levels) where % of the EU-27 average is registered
    with pytest.raises(data.ContentError, match=r"(?s)plausible range 5\.\.500.*27000"):
        load_gdp(tiny, gdp_api_csv(gdp_values(value=27000.0)))


def test_a_conflicting_duplicate_is_refused_not_averaged(tiny):
    text = gdp_api_csv(gdp_values()) + "A,PPS_HAB_EU27_2020,AT11,2015,120\n"
    with pytest.raises(data.ContentError, match=r"(?s)conflicting duplicates.*0, 8"):
        load_gdp(tiny, text)


def test_an_identical_duplicate_passes(tiny):
    text = gdp_api_csv(gdp_values()) + "A,PPS_HAB_EU27_2020,AT11,2015,90\n"
    assert len(load_gdp(tiny, text)) == 9


def test_an_extra_dimension_column_is_refused(tiny):
    text = gdp_api_csv(gdp_values()).replace("unit,", "unit,sex,").replace("_2020,", "_2020,T,")
    with pytest.raises(data.ContentError, match=r"(?s)extra dimension.*sex"):
        load_gdp(tiny, text)


def test_a_year_outside_the_registered_span_is_refused(tiny):
    with pytest.raises(data.ContentError, match=r"(?s)years 2000-2023 as registered.*2031"):
        load_gdp(tiny, gdp_api_csv(gdp_values(years=(2015, 2031))))


def test_a_code_that_is_not_a_nuts_code_is_refused(tiny):
    with pytest.raises(data.ContentError, match=r"(?s)a NUTS code.*Vienna"):
        load_gdp(tiny, gdp_api_csv(gdp_values(regions=("AT11", "Vienna"))))


def test_a_code_that_is_not_a_nace_code_is_refused(tiny):
    tiny.write("s/sbs.tsv.gz", SBS_TSV.replace("C29,", "manufacturing,"), gz=True)
    tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz")
    with pytest.raises(data.ContentError, match=r"(?s)a NACE Rev. 2 code.*manufacturing"):
        data.load("sbs_r_nuts06_r2", cache=False)


def test_a_garbage_flag_names_the_flag_and_rows(tiny):
    tiny.write("s/sbs.tsv.gz", SBS_TSV.replace("3.5 bu", "3.5 xq"), gz=True)
    tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz")
    with pytest.raises(data.FormatError, match=r"unknown flag\(s\) 'xq' \(rows \[\d+\]\)"):
        data.load("sbs_r_nuts06_r2", cache=False)


def test_a_content_error_blames_the_file_not_the_reader(tiny):
    with pytest.raises(data.ContentError) as caught:
        load_gdp(tiny, gdp_api_csv(gdp_values(value=27000.0)))
    assert "reader" not in caught.value.message
    assert "eucluster data fetch nama_10r_2gdp_pps_hab_eu27" in caught.value.fix


def test_every_registry_entry_declares_its_row_count():
    assert [e.name for e in data.datasets() if e.content.rows is None] == []


def test_a_quarterly_file_is_refused(tiny):
    text = gdp_api_csv(gdp_values()).replace("\nA,", "\nQ,")
    with pytest.raises(data.FormatError, match=r"non-annual frequencies \['Q'\]"):
        load_gdp(tiny, text)


def test_a_year_cell_that_is_not_a_year_is_refused(tiny):
    text = gdp_api_csv(gdp_values()).replace(",2016,", ",2016Q1,", 1)
    with pytest.raises(data.FormatError, match=r"year cell\(s\) are not numbers.*2016Q1"):
        load_gdp(tiny, text)


def test_a_row_key_with_a_missing_part_is_refused(tiny):
    tiny.write("s/sbs.tsv.gz", SBS_TSV.replace("C,V16110,FR10", "C,FR10"), gz=True)
    tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz")
    with pytest.raises(data.FormatError, match=r"do not have 3 comma-separated parts.*C,FR10"):
        data.load("sbs_r_nuts06_r2", cache=False)
