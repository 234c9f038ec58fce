"""The data-file extension end to end on a toy book: one notebook chapter (the root document)
with a table shown by ``show_table``, a glued chart and a Markdown table without data, and the
appendix page.

Built twice: executed, then again from the execution cache with a fresh output folder, since a
cached chapter's data must come back too (myst-nb writes no outputs into a cached notebook;
the glue data are the path that survives). About 10 s: one kernel start.
"""

import io
import json
import re

import nbformat
import pandas as pd
import pytest
from sphinx.application import Sphinx

CONF = """
extensions = ["myst_nb", "eucluster.build.sphinx_ext"]
project = "Toy book"
html_title = "Toy book"
root_doc = "chapter"
numfig = True
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
nb_render_markdown_format = "myst"
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["mystnb.unknown_mime_type"]
"""
APPENDIX = """# Data files

```{data-files}
```
"""
SETUP = """import altair as alt
import pandas as pd
from myst_nb import glue
from eucluster.report import charts
from eucluster.report.tables import show_table
charts.use_theme()
frame = pd.DataFrame({"region": ['Paris, "Île"', "Sofia"], "share": [0.125, 0.5]})"""
TABLE = """show_table(
    frame, label="tbl-toy", caption="Toy regions, made up.", formats={"share": "{:.0%}"}
)"""
CHART = """points = alt.Chart(frame).mark_point().encode(x="share", y="region")
means = alt.Chart(pd.DataFrame({"mean": [0.3]})).mark_rule().encode(x="mean")
glue("fig-toy", points + means, display=False)"""
FIGURE = """# A chapter

```{toctree}
appendix
```

```{glue:figure} fig-toy
:name: fig-toy

Shares of the toy regions, as in {numref}`tbl-toy`. Made up for the test.
```

:::{table} A typed table.
:name: tbl-typed

| a |
|---|
| 1 |
:::
"""


def toy_book(root):
    (root / "conf.py").write_text(CONF)
    (root / "appendix.md").write_text(APPENDIX)
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_code_cell(SETUP),
        nbformat.v4.new_code_cell(TABLE),
        nbformat.v4.new_code_cell(CHART),
        nbformat.v4.new_markdown_cell(FIGURE),
    ]
    nbformat.write(notebook, root / "chapter.ipynb")


def build(root, builder="html"):
    warnings = io.StringIO()
    app = Sphinx(
        str(root),
        str(root),
        str(root / "_build" / builder),
        str(root / "_build" / ".doctrees"),
        builder,
        status=None,
        warning=warnings,
        freshenv=True,
    )
    app.build()
    return warnings.getvalue()


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    root = tmp_path_factory.mktemp("toy")
    toy_book(root)
    return root


@pytest.fixture(autouse=True)
def own_registry(toy, monkeypatch):
    monkeypatch.setenv("EUCLUSTER_BUILD_DIR", str(toy / "_build"))


@pytest.mark.parametrize("run", ["executed", "from the cache"])
def test_toy_book_gets_its_files_links_and_appendix(toy, run):
    if run == "from the cache":
        import shutil

        shutil.rmtree(toy / "_build" / "html")
        shutil.rmtree(toy / "_build" / ".doctrees")
    warnings = build(toy)
    html = toy / "_build" / "html"
    table = (html / "data" / "chapter" / "tbl-toy.csv").read_text(encoding="utf-8")
    assert table.startswith("# Table 1 (tbl-toy) of the chapter 'A chapter' in 'Toy book'. ")
    assert pd.read_csv(io.StringIO(table), skiprows=1)["share"].tolist() == [0.125, 0.5]
    figure = pd.read_csv(html / "data" / "chapter" / "fig-toy.csv", skiprows=1)
    assert figure["layer"].tolist() == ["point: share, region"] * 2 + ["rule: mean"]
    page = (html / "chapter.html").read_text(encoding="utf-8")
    assert page.count('class="eucluster-data-link"') == 2
    assert 'href="data/chapter/fig-toy.csv"' in page
    appendix = (html / "appendix.html").read_text(encoding="utf-8")
    assert "2 data files." in appendix and "Fig. 1" in appendix and "Table 1" in appendix
    assert 'href="data/chapter/tbl-toy.csv"' in appendix
    assert re.search(r"regions, as in <a [^>]*><span [^>]*>Table 1</span></a>\.", appendix)
    assert "tbl-typed has no data for its CSV file" in warnings
    assert not (html / "data" / "chapter" / "tbl-typed.csv").exists()


def test_glue_data_hold_the_payloads(toy):
    glued = json.loads((toy / "_build" / "jupyter_execute" / "chapter.glue.json").read_text())
    assert {"tbl-toy", "fig-toy"} <= set(glued)


def test_latex_appendix_numbers_by_reference_and_lists_paths(toy):
    build(toy, "latex")
    tex = next((toy / "_build" / "latex").glob("*.tex")).read_text(encoding="utf-8")
    start = tex.index("2 data files.")
    appendix = tex[start : tex.index(r"\end{tabulary}", start)]
    # the chapter is the root document, where a LaTeX build resolves the whole book's
    # references: its items still keep their own document's name
    assert r"\ref{\detokenize{chapter:tbl-toy}}" in appendix
    assert "data/chapter/fig\\sphinxhyphen{}toy.csv" in appendix
