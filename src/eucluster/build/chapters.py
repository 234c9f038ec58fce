"""The book's chapters: which sources the table of contents lists, and each as a notebook.

The chapter tests, the re-run command, the replication map and the build checks all need the
same two things; reading ``_toc.yml`` or converting a percent script in one place keeps them
from disagreeing about what a chapter is.
"""

from __future__ import annotations

from pathlib import Path

from eucluster.paths import PROJECT_ROOT

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def chapter_sources(root: Path = PROJECT_ROOT) -> list[Path]:
    """The Jupytext sources of the chapters in ``_toc.yml``, in book order (Markdown pages,
    such as the bibliography, have no source script and are left out)."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for c in toc.get("chapters", [])]
    return [root / f"{f}.py" for f in files if (root / f"{f}.py").exists()]


def chapter_notebook(source: Path):
    """A chapter's percent script as a notebook with the kernel the book executes it with."""
    import jupytext

    notebook = jupytext.read(source, fmt="py:percent")
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    return notebook
