"""Captioned MyST tables."""

import pandas as pd
import pytest

from eucluster.report.tables import markdown_table


def test_table_has_caption_label_and_aligned_columns():
    frame = pd.DataFrame({"region": ["DE11", "BG31"], "share": [0.5, float("nan")]})
    text = markdown_table(frame, label="tbl-x", caption="Two regions.", formats={"share": "{:.0%}"})
    assert text.startswith(":::{table} Two regions.\n:name: tbl-x\n")
    assert "|:--|--:|" in text
    assert "| DE11 | 50% |" in text
    assert "| BG31 | – |" in text  # missing values are shown, not dropped


def test_pipes_in_cells_are_escaped():
    text = markdown_table(pd.DataFrame({"a": ["x|y"]}), label="tbl-a", caption="c")
    assert "x\\|y" in text


def test_labels_must_start_with_tbl():
    with pytest.raises(ValueError, match="tbl-"):
        markdown_table(pd.DataFrame({"a": [1]}), label="table-a", caption="c")


def test_widths_fix_column_proportions_in_html_and_latex():
    frame = pd.DataFrame({"statement": ["a long sentence"], "value": [3]})
    text = markdown_table(frame, label="tbl-w", caption="c", widths=[3, 1])
    assert ":widths: 3 1\n" in text
    spec = text.split("\n", 1)[0]
    assert spec.startswith(":::{tabularcolumns} ")
    assert r">{\raggedright\arraybackslash}\X{3}{4}" in spec
    assert r">{\raggedleft\arraybackslash}\X{1}{4}" in spec
    assert ":::{table} c\n:name: tbl-w\n" in text
    # without widths the output is unchanged: no tabularcolumns, no widths option
    plain = markdown_table(frame, label="tbl-w", caption="c")
    assert plain.startswith(":::{table} c\n") and ":widths:" not in plain


def test_widths_need_one_positive_number_per_column():
    frame = pd.DataFrame({"a": [1], "b": [2]})
    with pytest.raises(ValueError, match="one positive number per column"):
        markdown_table(frame, label="tbl-w", caption="c", widths=[1])
    with pytest.raises(ValueError, match="one positive number per column"):
        markdown_table(frame, label="tbl-w", caption="c", widths=[1, 0])


def test_breakable_tables_become_longtables():
    frame = pd.DataFrame({"a": [1]})
    assert ":class: longtable\n" in markdown_table(
        frame, label="tbl-l", caption="c", breakable=True
    )
    assert "longtable" not in markdown_table(frame, label="tbl-l", caption="c")
