"""Executing chapters ahead: the toc's chapters, longest first, and myst-nb's cache key."""

import importlib.util

from eucluster.paths import PROJECT_ROOT

spec = importlib.util.spec_from_file_location(
    "execute_chapters", PROJECT_ROOT / "scripts" / "execute_chapters.py"
)
execute_chapters = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execute_chapters)


def test_the_chapters_are_those_of_the_toc_in_a_longest_first_order():
    chapters = execute_chapters.toc_chapters()
    assert chapters[0].stem == "intro"
    assert all(path.suffix == ".py" and path.is_file() for path in chapters)
    order = [path.stem for path in execute_chapters.ordered(chapters)]
    assert sorted(order) == sorted(path.stem for path in chapters)
    if "regression" in order and "explorer" in order:
        assert order.index("regression") < order.index("explorer")
    assert order[0] in execute_chapters.FIRST


def test_the_notebook_is_read_as_myst_nb_reads_it():
    """``_config.yml`` reads ``.py`` chapters with ``jupytext.reads(fmt="py:percent")``: the
    script must hash the same notebook, or the build would not find its cache entries."""
    config = execute_chapters.config()
    formats = config["sphinx"]["config"]["nb_custom_formats"][".py"]
    assert formats[0] == "jupytext.reads" and formats[1] == {"fmt": "py:percent"}
    notebook = execute_chapters.read(PROJECT_ROOT / "book" / "intro.py")
    assert any(cell.cell_type == "code" for cell in notebook.cells)
