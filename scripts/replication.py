"""Write the generated parts of REPLICATION.md and README.md from the code and measurements.

Both files are prose with blocks between ``<!-- BEGIN generated:NAME -->`` and
``<!-- END generated:NAME -->``. This script rewrites those blocks:

* ``data``: every registered dataset with origin, vintage, licence, how to get it online and
  the chapters that read it;
* ``outputs``: every numbered table and figure with its chapter and the ``eucluster``
  functions called in the cell that makes it;
* ``software``: the pinned requirements;
* ``timings``: the measured benchmark and step times in ``benchmarks/results``;
* ``benchmarks``: the same as a table for the README.

``python scripts/replication.py`` updates the file; ``--check`` fails when it is out of date
(the unit tests run that).
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from eucluster.build.chapters import chapter_notebook, chapter_sources  # noqa: E402

BLOCK = re.compile(r"(<!-- BEGIN generated:(\w+) -->\n).*?(<!-- END generated:\2 -->)", re.S)
LABEL = re.compile(r"""label=["'](tbl-[\w-]+)["']|["'](fig-[\w-]+)["']""")


def chapters() -> list[Path]:
    return chapter_sources(ROOT)


def code_cells(chapter: Path) -> list[str]:
    notebook = chapter_notebook(chapter)
    return [c.source for c in notebook.cells if c.cell_type == "code"]


def eucluster_names(cells: list[str]) -> dict[str, str]:
    """Local names bound to eucluster modules or functions, mapped to their dotted origin."""
    names = {}
    for source in cells:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("eucluster"):
                for alias in node.names:
                    names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("eucluster"):
                        names[alias.asname or alias.name] = alias.name
    return names


def calls(source: str, names: dict[str, str]) -> list[str]:
    """eucluster functions called in one cell, as dotted names (figures and tables left out)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            found.append(names[func.id])
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in names
        ):
            found.append(f"{names[func.value.id]}.{func.attr}")
    skip = (
        "eucluster.report.tables",
        "eucluster.key_figures",
        "eucluster.report.charts.use_theme",
    )
    return sorted({f for f in found if not f.startswith(skip)})


def outputs_block() -> str:
    rows = ["| output | chapter | made by |", "|---|---|---|"]
    for chapter in chapters():
        cells = code_cells(chapter)
        names = eucluster_names(cells)
        made_by: list[str] = []
        for source in cells:
            made_by = calls(source, names) or made_by  # a display cell uses the last computation
            for match in LABEL.finditer(source):
                label = match.group(1) or match.group(2)
                functions = ", ".join(f"`{f}`" for f in made_by) or "(chapter code)"
                rows.append(f"| `{label}` | `book/{chapter.stem}.py` | {functions} |")
    return "\n".join(rows)


def data_block() -> str:
    from cache_key import dependencies  # the chapters' import graph, as the cache keys see it

    from eucluster.data import datasets

    registry = ROOT / "src" / "eucluster" / "data"
    reached = {
        c.stem: [c, *(f for f in dependencies(c) if registry not in f.parents)] for c in chapters()
    }
    texts: dict[Path, str] = {}
    rows = [
        "| dataset | origin | vintage | licence | online copy | read in |",
        "|---|---|---|---|---|---|",
    ]
    for dataset in datasets():
        quoted = f'"{dataset.name}"'
        users = sorted(
            stem
            for stem, files in reached.items()
            if any(quoted in texts.setdefault(f, f.read_text(encoding="utf-8")) for f in files)
        )
        url = f"[pinned copy]({dataset.url})" if dataset.url else "shared folder only"
        rows.append(
            f"| `{dataset.name}` | {dataset.origin} | {dataset.vintage} | {dataset.licence} "
            f"| {url} | {', '.join(users) or '-'} |"
        )
    return "\n".join(rows)


def software_block() -> str:
    pins = [
        line.strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.lstrip().startswith("#")
    ]
    return "```text\n" + "\n".join(pins) + "\n```"


def timings_block() -> str:
    lines = []
    for path in sorted((ROOT / "benchmarks" / "results").glob("*.json")):
        result = json.loads(path.read_text(encoding="utf-8"))
        lines.append(
            f"`benchmarks/results/{path.name}`:\n\n```json\n{json.dumps(result, indent=1)}\n```"
        )
    return "\n\n".join(lines) or "(no measurement recorded yet)"


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {int(seconds % 60):02d} s"


def benchmarks_block() -> str:
    """The measured times and ratios, as a table for the README."""
    results = ROOT / "benchmarks" / "results"

    def read(name: str) -> dict:
        path = results / f"{name}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    rows = ["| measurement | result | source |", "|---|---|---|"]
    fresh = read("fresh_clone")
    if fresh:
        where = (
            f"fresh clone of {fresh['commit']}, {fresh['cpus']} CPUs, TeX {fresh['tex_packages']}"
        )
        rows.append(f"| `make book` | {_minutes(fresh['make_book_seconds'])} | {where} |")
        rows.append(f"| `make test` | {_minutes(fresh['make_test_seconds'])} | {where} |")
    nodes = read("nodes")
    if nodes:
        rows.append(
            f"| nodes: loop / whole-array time | {nodes['ratio_loop_over_vectorised']:.1f} x "
            f"({nodes['seconds_loop']:.3f} s / {nodes['seconds_vectorised']:.3f} s, "
            f"{nodes['cells']:,} cells) | `benchmarks/bench_nodes.py` |"
        )
    curve = read("curve")
    if curve:
        rows.append(
            f"| specification curve: one-by-one / batched time | {curve['ratio']:,.0f} x "
            f"({curve['fits']:,} fits: {curve['seconds_batched']:.1f} s batched; "
            f"{curve['loop']}) | `benchmarks/bench_curve.py` |"
        )
    profile = read("build_profile")
    if profile:
        chapters = sorted(profile["chapters_seconds"].items(), key=lambda item: -item[1])
        listed = ", ".join(f"{name} {seconds:.0f}" for name, seconds in chapters)
        load = profile.get("load_average")
        context = f"{profile['cpus']} CPUs" + (f", load average {load}" if load else "")
        rows.append(
            f"| HTML build, cold, profiled | {profile['total_seconds']:.0f} s; chapters (s): "
            f"{listed}; chart rendering {profile['chart_rendering_total_seconds']:.0f} s "
            f"({profile['charts_rendered']} charts) | `scripts/profile_build.py` on "
            f"{profile['commit']}, {context} |"
        )
    build = read("build")
    for step, ratio in build.get("ratio_to_cold", {}).items():
        executed = ", ".join(build["executed"][step]) or "none"
        rows.append(
            f"| HTML build, {step.replace('_', ' ')} | {build['seconds'][step]:.0f} s, "
            f"{ratio:.2f} x cold; chapters executed: {executed} | `benchmarks/bench_build.py` |"
        )
    return "\n".join(rows) if len(rows) > 2 else "(no measurement recorded yet)"


BLOCKS = {
    "data": data_block,
    "outputs": outputs_block,
    "software": software_block,
    "timings": timings_block,
    "benchmarks": benchmarks_block,
}
TARGETS = [ROOT / "REPLICATION.md", ROOT / "README.md"]


def render(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + BLOCKS[m.group(2)]() + "\n" + m.group(3), text)


def main(argv: list[str]) -> int:
    stale = []
    for target in TARGETS:
        current = target.read_text(encoding="utf-8")
        fresh = render(current)
        if fresh != current:
            stale.append(target.name)
            if "--check" not in argv:
                target.write_text(fresh, encoding="utf-8")
    if "--check" in argv and stale:
        print(f"{', '.join(stale)} out of date: run `python scripts/replication.py`")
        return 1
    print(f"updated {', '.join(stale)}" if stale else "up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
