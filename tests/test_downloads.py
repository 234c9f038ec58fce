"""The data files behind tables and figures: payloads, chart data, header line, file text."""

import io
from types import SimpleNamespace

import altair as alt
import pandas as pd
import pytest

from eucluster.build import data_files
from eucluster.report import downloads
from eucluster.report.tables import show_table

TRICKY = pd.DataFrame(
    {
        "region": ['Île-de-France, "Paris"', "Bucureşti - Ilfov"],
        "share": [0.123456789, float("nan")],
        "nodes": [3, 12],
    }
)


def read_back(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), skiprows=1)


def test_header_is_one_comment_line_naming_item_chapter_and_caption():
    header = downloads.header_line(
        item="Table 3.1",
        label="tbl-x",
        chapter_title="Nodes",
        book_title="The book",
        caption='Nodes per region,\nweak and "non-weak" (document 000, Table 1).',
    )
    assert header.startswith("# Table 3.1 (tbl-x) of the chapter 'Nodes' in 'The book'. ")
    assert "\n" not in header and header.endswith('"non-weak" (document 000, Table 1).')


def test_file_parses_back_with_commas_quotes_and_missing_values():
    csv = downloads.table_payload(TRICKY, label="tbl-x")["csv"]
    text = downloads.file_text('# Table 1, "quoted, header', csv)
    back = read_back(text)
    assert list(back.columns) == ["region", "share", "nodes"]
    assert back["region"].tolist() == TRICKY["region"].tolist()
    assert back["share"].iloc[0] == 0.123456789 and pd.isna(back["share"].iloc[1])
    assert '"Île-de-France, ""Paris"""' in csv  # RFC 4180 quoting, not a broken row


def test_table_payload_keeps_numbers_unformatted_the_index_when_shown_and_no_markup():
    frame = pd.DataFrame(
        {"source": ["{cite:t}`franco_wilson_2021`", "`sbs_r_nuts06_r2` **new**"], "x": [1.5, 2]},
        index=pd.Index(["a", "b"], name="key"),
    )
    payload = downloads.table_payload(frame, label="tbl-y", index=True)
    back = read_back("#\n" + payload["csv"])
    assert list(back.columns) == ["key", "source", "x"]
    assert back["source"].tolist() == ["franco_wilson_2021", "sbs_r_nuts06_r2 new"]
    assert payload["rows"] == 2 and payload["label"] == "tbl-y"
    assert "key" not in read_back("#\n" + downloads.table_payload(frame, label="t")["csv"])


def test_plain_text_leaves_arithmetic_and_non_strings_alone():
    assert downloads.plain_text("3*4 and 5*6") == "3*4 and 5*6"
    assert downloads.plain_text(2.5) == 2.5


def test_one_dataset_gives_no_layer_column():
    chart = alt.Chart(TRICKY).mark_point().encode(x="share", y="region")
    rule = alt.Chart(TRICKY).mark_rule().encode(x=alt.datum(0))
    frame = downloads.chart_frame((chart + rule).to_dict())
    assert list(frame.columns) == ["region", "share", "nodes"] and len(frame) == 2


def test_layers_with_their_own_data_are_named_by_mark_and_fields():
    points = alt.Chart(TRICKY).mark_point().encode(x="share", y="region")
    means = alt.Chart(pd.DataFrame({"mean": [0.2]})).mark_rule().encode(x="mean")
    frame = downloads.chart_frame((points + means).to_dict())
    assert frame.columns[0] == downloads.LAYER_COLUMN
    assert frame["layer"].tolist() == ["point: share, region"] * 2 + ["rule: mean"]
    assert frame["mean"].dropna().tolist() == [0.2]


def test_concatenated_panels_are_named_by_their_titles():
    left = alt.Chart(TRICKY.head(1)).mark_bar().encode(x="share").properties(title="General")
    right = alt.Chart(TRICKY.tail(1)).mark_bar().encode(x="share").properties(title="Digital")
    frame = downloads.chart_frame(alt.vconcat(left, right).to_dict())
    assert frame["layer"].tolist() == ["General", "Digital"]


def test_panels_with_the_same_title_and_mark_are_counted():
    one = alt.Chart(TRICKY.head(1)).mark_bar().encode(x="share")
    two = alt.Chart(TRICKY.tail(1)).mark_bar().encode(x="share")
    frame = downloads.chart_frame(alt.hconcat(one, two).to_dict())
    assert frame["layer"].tolist() == ["bar: share (1)", "bar: share (2)"]


def test_map_features_give_their_properties_not_their_shapes():
    feature = {
        "type": "Feature",
        "properties": {"geo": "DE11", "category": "more developed"},
        "geometry": {"type": "Point", "coordinates": [9.1, 48.7]},
    }
    spec = alt.Chart(alt.Data(values=[feature])).mark_geoshape().to_dict()
    frame = downloads.chart_frame(spec)
    assert frame.to_dict("records") == [{"geo": "DE11", "category": "more developed"}]


def test_chart_payload_is_what_the_renderer_adds(monkeypatch):
    from eucluster.report import charts

    chart = alt.Chart(TRICKY).mark_point().encode(x="share", y="region")
    bundle = charts._mimebundle(chart.to_dict())
    payload = bundle[downloads.DATA_MIME]
    assert payload["kind"] == "figure" and payload["rows"] == 2
    assert read_back("#\n" + payload["csv"])["nodes"].tolist() == [3, 12]


def test_show_table_outside_a_kernel_displays_only_the_table(capsys):
    shown = show_table(TRICKY, label="tbl-z", caption="Two regions.")
    assert shown.data.startswith(":::{table} Two regions.")
    assert capsys.readouterr().out == ""


def test_glued_payloads_are_found_by_glue_name():
    payload = {"kind": "table", "label": "tbl-a", "rows": 1, "csv": "a\n1\n"}
    glued = {
        "tbl-a": {"output_type": "display_data", "data": {downloads.DATA_MIME: payload}},
        "nodes.count": {"output_type": "display_data", "data": {"text/plain": "3"}},
    }
    assert data_files.glued_payloads(glued) == {"tbl-a": payload}


@pytest.mark.parametrize(
    "page, expected",
    [
        ("book/nodes.html", "../data/nodes/tbl-a.csv"),
        ("index.html", "data/nodes/tbl-a.csv"),
        ("book/nodes/", "../../data/nodes/tbl-a.csv"),
    ],
)
def test_links_are_relative_to_the_page(page, expected):
    assert data_files.relative_uri(page, downloads.file_path("nodes", "tbl-a")) == expected


def test_book_order_follows_the_table_of_contents_depth_first():
    env = SimpleNamespace(
        toctree_includes={"intro": ["a", "b"], "a": ["a1"], "b": []}, config=SimpleNamespace()
    )
    assert data_files.book_order(env, "intro") == ["intro", "a", "a1", "b"]


def test_item_names_follow_the_build_numbering():
    env = SimpleNamespace(
        toc_fignumbers={"book/nodes": {"table": {"tbl-a": (3, 1)}}},
        config=SimpleNamespace(numfig_format={"table": "Table %s", "figure": "Figure %s"}),
    )
    assert data_files.item_name(env, "book/nodes", "table", "tbl-a") == "Table 3.1"
    assert data_files.item_name(env, "book/nodes", "figure", "fig-b") == "fig-b"


def test_appendix_title_is_the_captions_first_sentence():
    caption = "Nodes per region. Source: Eurostat, computed in this chapter."
    assert downloads.first_sentence(caption) == "Nodes per region."
    assert downloads.first_sentence("x " * 200).endswith("…")


def test_titled_panels_with_several_datasets_add_the_mark():
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule().encode(y="y")
    dots = alt.Chart(TRICKY).mark_circle().encode(x="share", y="nodes")
    top = (zero + dots).properties(title="Residuals")
    bottom = alt.Chart(TRICKY.head(1)).mark_circle().encode(x="share").properties(title="Leverage")
    frame = downloads.chart_frame(alt.vconcat(top, bottom).to_dict())
    assert frame["layer"].unique().tolist() == [
        "Residuals: rule",
        "Residuals: circle",
        "Leverage: circle",
    ]


def test_a_cut_title_counts_tokens_as_their_text_and_keeps_them_whole():
    token = '\x01{"reftarget":"fig-a","text":"fig-a"}\x02'
    title = downloads.first_sentence("word " * 20 + "as in " + token + " more words", limit=112)
    assert title == "word " * 20 + "as in " + token + "…"
    assert downloads.first_sentence("As in " + token + ". Next.") == "As in " + token + "."
