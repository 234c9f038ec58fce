"""How much of each chapter is argument and how much is code.

    python scripts/chapter_lines.py [--check]

Counts, per chapter of ``_toc.yml``, the non-blank lines of prose (markdown cells) and of code
(code cells, comments included), and lists the code cells longer than
``MAX_CELL_LINES`` non-blank lines. A cell tagged ``chart`` holds a chart specification and
may be longer. With ``--check`` it exits 1 when a chapter has more code than prose or a cell
that is too long: the house rule that a chapter reads as an argument, with computation in the
package.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eucluster.build.chapters import chapter_notebook, chapter_sources  # noqa: E402

MAX_CELL_LINES = 12


def non_blank(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def measure(source: Path) -> dict:
    notebook = chapter_notebook(source)
    code = prose = 0
    long_cells = []
    for number, cell in enumerate(notebook.cells, start=1):
        lines = non_blank(cell.source)
        if cell.cell_type == "markdown":
            prose += lines
            continue
        code += lines
        if lines > MAX_CELL_LINES and "chart" not in cell.metadata.get("tags", []):
            long_cells.append((number, lines))
    return {"chapter": source.stem, "code": code, "prose": prose, "long_cells": long_cells}


def main(argv: list[str]) -> int:
    rows = [measure(source) for source in chapter_sources(ROOT)]
    print(f"{'chapter':<16}{'code':>6}{'prose':>7}{'ratio':>7}  cells over {MAX_CELL_LINES} lines")
    failed = False
    for row in rows:
        ratio = row["code"] / max(row["prose"], 1)
        cells = ", ".join(f"#{n} ({k})" for n, k in row["long_cells"]) or "-"
        print(f"{row['chapter']:<16}{row['code']:>6}{row['prose']:>7}{ratio:>7.2f}  {cells}")
        failed |= ratio > 1 or bool(row["long_cells"])
    total_code, total_prose = sum(r["code"] for r in rows), sum(r["prose"] for r in rows)
    print(f"{'all':<16}{total_code:>6}{total_prose:>7}{total_code / max(total_prose, 1):>7.2f}")
    return 1 if failed and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
