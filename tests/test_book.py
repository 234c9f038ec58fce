"""The chapter list follows _toc.yml; a chapter becomes a notebook with the book's kernel."""

from eucluster.build import chapters


def test_chapter_sources_follow_the_toc_and_skip_markdown_pages(tmp_path):
    (tmp_path / "book").mkdir()
    for name in ("intro", "b", "a"):
        (tmp_path / "book" / f"{name}.py").write_text("# %%\nx = 1\n")
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nchapters:\n"
        "  - file: book/b\n  - file: book/a\n  - file: book/bibliography\n"
    )
    assert [p.stem for p in chapters.chapter_sources(tmp_path)] == ["intro", "b", "a"]


def test_chapter_notebook_uses_the_python3_kernel(tmp_path):
    source = tmp_path / "ch.py"
    source.write_text('# %% [markdown]\n# # Title\n\n# %% tags=["parameters"]\nx = 1\n')
    notebook = chapters.chapter_notebook(source)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert [c.cell_type for c in notebook.cells] == ["markdown", "code"]
    assert notebook.cells[1].metadata["tags"] == ["parameters"]
