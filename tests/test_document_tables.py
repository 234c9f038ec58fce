"""The documents' tables as shown (documents chapter), the headline figures (documents and
recommendations chapters), the book's sources (introduction) and their charts."""

import altair as alt
import pytest

from eucluster import data
from eucluster.documents import as_published, landscape, sources
from eucluster.report import document_charts


def test_eccp_table1_quotes_every_cell_with_its_table():
    shown = as_published.eccp_table1()
    assert list(shown.table.columns) == ["Average per region", "Weak", "Non-weak"]
    values = {figure.id: figure.value for figure in shown.figures}
    assert len(values) == 2 * len(as_published.ECCP_TABLE1_ROWS)
    row = shown.table.set_index("Average per region").loc[
        "Average Number of Industry-Relevant Specialisation Nodes"
    ]
    assert values["published.table1.industry_relevant.weak"] == row["Weak"]
    assert values["published.table1.industry_relevant.non_weak"] == row["Non-weak"]
    citation = data.resource("eccp_table1").citation
    assert {figure.source for figure in shown.figures} == {citation}


def test_label_groups_and_service_shares():
    sizes = {f.id.split(".")[2]: f.value for f in as_published.label_group_figures()}
    assert sizes == {"gold": 29, "silver": 14, "bronze": 52}
    services = as_published.service_shares()
    assert set(services["kind"]) == set(as_published.EU4D_SERVICE_TABLES.values())
    assert (services["ci_low"] <= services["share"] + 1e-12).all()  # 0 of 14: low is ~1e-17
    assert (services["share"] <= services["ci_high"]).all()
    assert (services["group_size"] == services["label"].map(sizes)).all()


def test_interreg_actions_count_every_action_once():
    shown = as_published.interreg_actions()
    (total,) = shown.figures
    assert total.id == "published.interreg.actions.count"
    assert shown.table["Actions"].sum() == total.value == len(data.load("interreg_table1"))
    assert list(shown.table.columns) == ["Line of action", "Policy area", "Actions"]


def test_top_organisations_keep_the_published_order():
    top = as_published.top_organisations()
    assert list(top.columns) == list(as_published.TOP_ORGANISATION_HEADINGS.values())
    assert top["Organisation"].tolist() == data.load("eu4d_table5")["organisation"].tolist()


def test_landscape_table_cites_document_and_a_readers_place():
    table = landscape.landscape_table()
    assert list(table.columns) == ["Figure", "Value", "Unit", "Source"]
    assert table["Source"].str.match(r"^doc\. 00[13], (section \d|paragraph \d)").all()
    assert not table["Source"].str.contains(r"\blines?\s+\d").any()
    assert landscape.reader_source("001", "1. Intro > Box 1. French policy", "84") == (
        "doc. 001, section 1, Box 1"
    )


def test_headline_box_states_each_chosen_figure_and_the_cluster_share():
    box = landscape.headline_box()
    assert len(box.lines) == len(landscape.HEADLINE_FIGURES) + 1
    assert len({f.id for f in box.figures}) == len(box.figures)
    assert box.esif_cluster_share == pytest.approx(2.32 / 121)
    assert box.lines[-1].startswith("- **1.9%**")
    assert box.markdown().startswith(":::{admonition} Key figures: clusters in Europe")
    quoted = [f for f in box.figures if f.source]
    assert all(f.source.startswith("document 00") for f in quoted)


def test_headline_box_of_a_chosen_subset():
    box = landscape.headline_box([("panorama.clusters.count", "001", "{:,.0f}")])
    assert box.lines[0].startswith("- **2,950 clusters**")
    assert [f.id for f in box.figures] == [
        "recommendations.landscape.panorama.clusters.count.doc001",
        "recommendations.landscape.esif_cluster_share",
    ]


def test_source_documents_and_digitised_tables():
    shown = sources.source_documents()
    assert shown.table["No."].tolist() == list(data.DOCUMENTS)
    assert shown.table["Cited as"].str.startswith("{cite:t}`").all()
    (count,) = shown.figures
    assert count.value == len(data.tables("published"))


def test_data_vintages_from_the_registry():
    shown = sources.data_vintages(
        ("sbs_r_nuts06_r2", "ris_2023"), {"employment": "sbs_r_nuts06_r2"}
    )
    assert shown.table["NUTS version"].tolist() == ["2013", "several"]
    values = {figure.id: figure.value for figure in shown.figures}
    assert values == {"intro.employment.vintage": "2017", "intro.employment.nuts_version": "2013"}


def test_charts_have_one_panel_per_table():
    charts = [
        document_charts.ecosystem_heatmaps(data.eccp_ecosystem_tables()),
        document_charts.service_share_intervals(as_published.service_shares()),
    ]
    for chart in charts:
        assert isinstance(chart, alt.VConcatChart)
        assert len(chart.vconcat) == 2
        chart.to_dict()  # a valid Vega-Lite specification


def test_theme_heatmaps_show_both_panels_on_one_scale():
    from eucluster.documents import recommendations

    themes = recommendations.theme_agreement(recommendations.load_crosswalk())
    chart = document_charts.theme_heatmaps(
        themes.matrix, theme_order=themes.theme_order, group_order=themes.group_order
    )
    spec = chart.to_dict()
    assert len(spec["vconcat"]) == 2
    assert spec["resolve"]["scale"]["color"] == "shared"
