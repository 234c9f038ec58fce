"""Turn the book's chapters into nbval tests that fail when a published number changes.

``prepare`` converts every chapter listed in ``_toc.yml`` to a notebook in
``_build/nbval/notebooks``, tells nbval to ignore the outputs of the chapter's own cells (they
are checked by the asserting cells inside the chapter), and appends one cell that prints the
chapter's key figures. That cell carries the stored reference output from
``tests/chapters/<chapter>.txt``, so ``pytest --nbval`` (strict mode) fails when any number the
chapter states differs from the reviewed one.

``record`` rewrites those reference files from the last full build (``_build/key-figures``);
run it deliberately after a reviewed change and commit the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eucluster.build.chapters import chapter_notebook, chapter_sources  # noqa: E402

OUT = ROOT / "_build" / "nbval" / "notebooks"
REFERENCES = ROOT / "tests" / "chapters"


def chapters() -> list[Path]:
    return chapter_sources(ROOT)


def report_cell(chapter: str) -> nbformat.NotebookNode:
    source = f"from eucluster.key_figures import report\nprint(report({chapter!r}))"
    cell = nbformat.v4.new_code_cell(source)
    reference = REFERENCES / f"{chapter}.txt"
    if not reference.exists():
        sys.exit(
            f"{reference.relative_to(ROOT)}: no stored key figures for chapter {chapter!r}. "
            "Build the book (make html), run `make chapter-references`, review the new file "
            "and commit it."
        )
    text = reference.read_text(encoding="utf-8")
    # nbval compares only cells that were run: give the reference cell an execution count.
    cell.execution_count = 1
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    return cell


def prepare() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.ipynb"):
        old.unlink()
    for path in chapters():
        notebook = chapter_notebook(path)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                tags = cell.metadata.setdefault("tags", [])
                tags.append("nbval-ignore-output")
        notebook.cells.append(report_cell(path.stem))
        nbformat.write(notebook, OUT / f"{path.stem}.ipynb")
    print(f"prepared {len(chapters())} chapter notebooks in {OUT.relative_to(ROOT)}")


def record() -> None:
    from eucluster.key_figures import report

    REFERENCES.mkdir(parents=True, exist_ok=True)
    for path in chapters():
        (REFERENCES / f"{path.stem}.txt").write_text(report(path.stem) + "\n", encoding="utf-8")
        print(f"recorded {path.stem}")


if __name__ == "__main__":
    {"prepare": prepare, "record": record}[sys.argv[1]]()
