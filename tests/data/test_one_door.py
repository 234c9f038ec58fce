"""One door for every table: external datasets, digitised tables, reference classifications and
the audit's checks all come through ``data.load(name)``; a name means one table; every frame
passes a schema."""

from __future__ import annotations

import gzip

import pandas as pd
import pytest
from tinydata import SBS_TSV

from eucluster import data
from eucluster.data import door, published


def test_a_digitised_table_comes_through_the_door():
    frame = data.load("eccp_table1")
    pd.testing.assert_frame_equal(frame, published.load("eccp_table1"))
    assert data.resource("eccp_table1").citation.startswith("document 000")


@pytest.mark.parametrize("kind", door.TABLE_KINDS)
def test_every_project_table_comes_through_the_door_as_its_package_reads_it(kind):
    """The door adds nothing and loses nothing: frame and metadata are the package reader's."""
    folder = door.table_folders()[kind]
    names = data.tables(kind)
    assert names == list(published.package(folder))
    for name in names:
        pd.testing.assert_frame_equal(data.load(name), published.load(name, folder))
        assert data.resource(name) == published.resource(name, folder)


def test_a_table_kind_must_be_known():
    with pytest.raises(ValueError, match="published, reference, audit"):
        data.tables("documents")


def test_a_reference_classification_comes_through_the_door_typed():
    divisions = data.load("nace_r2_divisions")
    assert len(divisions) == 88
    assert divisions["in_sbs_r_nuts06"].dtype == "boolean"
    assert int(divisions["in_sbs_r_nuts06"].sum()) == 68
    assert data.resource("ecosystem_division").title


def test_every_name_means_one_table():
    names = data.catalogue()
    kinds = set(names.values())
    assert kinds == {"dataset", "published", "reference", "audit"}
    assert names["sbs_r_nuts06_r2"] == "dataset"
    assert names["text_figures"] == "published"
    assert names["ecosystems"] == "reference"
    assert names["audit_checks"] == "audit"


def test_a_name_used_twice_is_refused(tiny):
    tiny.write("s/sbs.tsv.gz", SBS_TSV, gz=True)
    tiny.register("eccp_table1", "s/sbs.tsv.gz", like="sbs_r_nuts06_r2")
    with pytest.raises(data.AmbiguousNameError) as err:
        data.load("eccp_table1")
    assert "dataset, published" in err.value.problem
    assert "Rename" in err.value.fix
    with pytest.raises(data.AmbiguousNameError):
        data.catalogue()


def test_unknown_name_lists_datasets_and_tables():
    with pytest.raises(data.UnknownDatasetError) as err:
        data.load("eccp_table9")
    assert "eccp_table1" in err.value.problem  # the close names
    assert "sbs_r_nuts06_r2" in err.value.fix and "nace_r2_divisions" in err.value.fix


def test_resource_of_an_external_dataset_points_to_its_entry():
    with pytest.raises(data.UnknownDatasetError, match="registry entry"):
        data.resource("sbs_r_nuts06_r2")


def test_outside_a_checkout_only_external_datasets_are_known(tiny, monkeypatch):
    monkeypatch.setattr(door, "table_folders", dict)
    tiny.write("s/sbs.tsv.gz", SBS_TSV, gz=True)
    tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz")
    assert len(data.load("sbs_r_nuts06_r2")) == 6
    with pytest.raises(data.UnknownDatasetError, match="no checkout found"):
        data.load("eccp_table1")


def test_a_broken_file_names_the_dataset_to_fetch(tiny):
    whole = gzip.compress(SBS_TSV.encode() * 50)
    tiny.write("s/sbs.tsv.gz", whole[: len(whole) // 2])
    tiny.register("sbs_r_nuts06_r2", "s/sbs.tsv.gz")
    with pytest.raises(data.CorruptFileError) as err:
        data.load("sbs_r_nuts06_r2")
    assert "eucluster data fetch sbs_r_nuts06_r2" in err.value.fix
    assert "eucluster data fetch sbs_r_nuts06_r2" in str(err.value)


def test_a_reader_that_breaks_its_schema_is_caught(tiny):
    tiny.write("p/pop.csv", "anything\n")
    tiny.register(
        "tgs00096",
        "p/pop.csv",
        reader=lambda path: pd.DataFrame({"geo": ["AT11"], "year": ["2015"], "value": [1.0]}),
    )
    with pytest.raises(data.ValidationError) as err:
        data.load("tgs00096", cache=False)
    assert "pop.csv" in err.value.where
    assert "year" in err.value.problem and "int64" in err.value.problem
    assert "schemas.py" in err.value.fix


def test_a_wrong_flag_breaks_the_schema(tiny):
    tiny.write("p/pop.csv", "anything\n")
    frame = pd.DataFrame(
        {"geo": ["AT11"], "year": [2015], "value": [2400.0], "flag": pd.Series(["E!"], dtype="str")}
    )
    tiny.register("nama_10r_3gdp_2017", "p/pop.csv", reader=lambda path: frame)
    with pytest.raises(data.ContentError, match=r"(?s)flag.*E!"):
        data.load("nama_10r_3gdp_2017", cache=False)


def test_every_registry_entry_has_a_schema_for_its_columns():
    for entry in data.datasets():
        assert list(entry.schema.columns) == list(entry.columns), entry.name
