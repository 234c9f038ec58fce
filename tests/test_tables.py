"""Captioned MyST tables."""

import pandas as pd
import pytest

from eucluster.tables import markdown_table


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
