"""The digitised tables: every resource loads against its schema; bad files fail clearly."""

import json

import pytest

from eucluster.data import published

FIXED_COLUMNS = {
    "eccp_table1": ["indicator", "weak", "non_weak"],
    "eccp_table2": [
        "ecosystem",
        "weak_regions_pct",
        "weak_nodes_with_co_pct",
        "nonweak_regions_pct",
        "nonweak_nodes_with_co_pct",
    ],
    "eu4d_table3": ["service", "total", "gold", "silver", "bronze"],
    "eu4d_table5": [
        "organisation",
        "label",
        "country",
        "large_companies",
        "smes",
        "research_orgs",
        "services_total",
        "services_general",
        "services_digital",
    ],
    "eu4d_annex1_totals": ["service", "gold_n", "gold_pct", "silver_n", "silver_pct"],
}
FIXED_COLUMNS["eccp_table3"] = FIXED_COLUMNS["eccp_table2"]
FIXED_COLUMNS["eu4d_table4"] = FIXED_COLUMNS["eu4d_table3"]


@pytest.mark.parametrize("name", sorted(published.package()))
def test_every_digitised_table_loads_and_cites_its_source(name):
    frame = published.load(name)
    resource = published.resource(name)
    assert len(frame) > 0
    assert set(resource.source["document"].split("; ")) <= set(published.DOCUMENTS)
    assert resource.source.get("section")
    assert resource.source.get("lines")


@pytest.mark.parametrize("name", sorted(FIXED_COLUMNS))
def test_fixed_file_names_and_columns(name):
    assert list(published.load(name).columns) == FIXED_COLUMNS[name]


def test_table_sizes_match_the_documents():
    assert len(published.load("eccp_table1")) == 5
    assert len(published.load("eccp_table2")) == 14
    assert len(published.load("eccp_table3")) == 14
    assert len(published.load("eu4d_table5")) == 10


def _package(tmp_path, rows: str, fields=None):
    fields = fields or [
        {"name": "indicator", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "weak", "type": "number", "constraints": {"required": True, "minimum": 0}},
    ]
    (tmp_path / "t.csv").write_text(rows)
    meta = {
        "resources": [
            {
                "name": "t",
                "path": "t.csv",
                "source": {"document": "000", "section": "s", "lines": "1-2"},
                "schema": {"fields": fields},
            }
        ]
    }
    (tmp_path / "datapackage.json").write_text(json.dumps(meta))
    published.clear_cache()
    return tmp_path


def test_a_renamed_column_names_file_and_fix(tmp_path):
    folder = _package(tmp_path, "indicator,weak_regions\na,1\n")
    with pytest.raises(published.PublishedDataError, match=r"t\.csv: columns are .*Rename"):
        published.load("t", folder)


def test_a_negative_count_fails_its_minimum(tmp_path):
    folder = _package(tmp_path, "indicator,weak\na,-1\n")
    with pytest.raises(published.PublishedDataError, match=r"t\.csv: does not match its schema"):
        published.load("t", folder)


def test_a_row_with_an_extra_field_fails(tmp_path):
    folder = _package(tmp_path, "indicator,weak\na,7,9\n")
    with pytest.raises(published.PublishedDataError, match=r"t\.csv: line 2 has 3 fields"):
        published.load("t", folder)


def test_text_in_a_number_column_fails(tmp_path):
    folder = _package(tmp_path, "indicator,weak\na,seven\n")
    with pytest.raises(published.PublishedDataError, match=r"t\.csv"):
        published.load("t", folder)


def test_duplicate_keys_fail(tmp_path):
    folder = _package(tmp_path, "indicator,weak\na,1\na,2\n")
    with pytest.raises(published.PublishedDataError, match="does not match its schema"):
        published.load("t", folder)


def test_unknown_table_lists_known_ones(tmp_path):
    folder = _package(tmp_path, "indicator,weak\na,1\n")
    with pytest.raises(published.PublishedDataError, match="Known tables: t"):
        published.load("nope", folder)
