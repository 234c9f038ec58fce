"""The package's shape, measured: no import cycles, no reaching into another module's private
names, no module too long to read, and data entering by one door.

These are the rules of ``docs/`` and of the issue that set the layout; measuring them keeps them
true as the package grows. The import graph is read from the source with ``ast`` (every import,
also those inside functions: a late import hides a cycle, it does not remove it).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "eucluster"
MAX_LINES = 500


def module_files() -> dict[str, Path]:
    """Every module of the package by dotted name (``eucluster.data.door``)."""
    found = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = module_files()


def resolve(name: str) -> str | None:
    """The longest prefix of ``name`` that is a module of the package."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in MODULES:
            return candidate
        parts.pop()
    return None


def absolute(node: ast.ImportFrom, module: str) -> str:
    """The absolute module name of a (possibly relative) ``from ... import``."""
    if not node.level:
        return node.module or ""
    is_package = MODULES[module].name == "__init__.py"
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str) -> list[tuple[str, list[str]]]:
    """``(imported module, names taken from it)`` for every import in ``module``'s source."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = resolve(alias.name)
                if target:
                    found.append((target, []))
        elif isinstance(node, ast.ImportFrom):
            source = absolute(node, module)
            for alias in node.names:
                submodule = resolve(f"{source}.{alias.name}")
                if submodule == f"{source}.{alias.name}":
                    found.append((submodule, []))
                elif resolve(source):
                    found.append((resolve(source), [alias.name]))
    return found


def import_graph() -> dict[str, set[str]]:
    return {m: {target for target, _ in imports(m) if target != m} for m in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(module: str) -> list[str]:
    """``from x import _y`` and ``x._y`` where ``x`` is another module of the package."""
    found = []
    module_aliases: dict[str, str] = {}
    for target, names in imports(module):
        found += [f"from {target} import {n}" for n in names if is_private(n)]
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and resolve(alias.name) == alias.name:
                    module_aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            source = absolute(node, module)
            for alias in node.names:
                full = f"{source}.{alias.name}"
                if resolve(full) == full:
                    module_aliases[alias.asname or alias.name] = full
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and is_private(node.attr)
            and isinstance(node.value, ast.Name)
            and module_aliases.get(node.value.id, module) != module
        ):
            found.append(f"{node.value.id}.{node.attr} ({module_aliases[node.value.id]})")
    return found


def test_the_graph_reader_sees_the_package():
    graph = import_graph()
    assert "eucluster.data.door" in graph
    assert "eucluster.data.registry" in graph["eucluster.data.door"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    found = cycles(import_graph())
    assert not found, "import cycles among eucluster modules:\n" + "\n".join(
        " <-> ".join(component) for component in found
    )


def test_no_module_uses_another_modules_private_names():
    found = {m: uses for m in MODULES if (uses := private_uses(m))}
    assert not found, (
        "private names used across modules (make them public in their one home):\n"
        + ("\n".join(f"{m}: {', '.join(uses)}" for m, uses in sorted(found.items())))
    )


def test_no_module_over_500_lines():
    lengths = {
        path.relative_to(SRC).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in MODULES.values()
    }
    long = {name: n for name, n in lengths.items() if n > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_every_chapter_reads_as_an_argument():
    """Code no longer than prose, no code cell over 12 lines but chart specifications
    (``scripts/chapter_lines.py``, the house rule of docs/CONVENTIONS-chapters.md)."""
    script = SRC.parent / "scripts" / "chapter_lines.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


#: Modules that read a file with pandas outside the data door, and why it is allowed.
FILE_READERS_ALLOWED = {
    # reads a user-supplied alternative mapping (``path=``); the project's own mapping comes
    # through ``data.load("ecosystem_division")``
    "eucluster.measures.ecosystems": {"read_csv"},
}
#: The pandas (and geopandas) functions that read a data file.
FILE_READERS = {
    "read_csv",
    "read_excel",
    "read_parquet",
    "read_table",
    "read_json",
    "read_feather",
    "read_file",
}
DOOR = "eucluster.data"


def file_reads(tree: ast.AST) -> set[str]:
    """Names of the file-reading functions called in ``tree`` (``pd.read_csv(...)``, ...)."""
    return {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in FILE_READERS
    }


def chapter_files() -> list[Path]:
    return sorted((SRC.parent / "book").glob("*.py"))


def test_the_file_read_detector_sees_a_read():
    assert file_reads(ast.parse("import pandas as pd\nx = pd.read_csv('a.csv')")) == {"read_csv"}
    assert file_reads(ast.parse("x = data.load('a')")) == set()


def test_data_enters_by_one_door():
    """Only ``eucluster.data`` reads data files and its table reader ``eucluster.data.published``:
    every other module and every chapter calls ``data.load`` / ``data.resource``, so every table
    is verified and checked against its schema the same way (issue 11: one loader)."""
    outside = [m for m in MODULES if m != DOOR and not m.startswith(f"{DOOR}.")]
    found = [
        f"{m} imports {DOOR}.published"
        for m in outside
        if any(target == f"{DOOR}.published" for target, _ in imports(m))
    ]
    for module in outside:
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        extra = file_reads(tree) - FILE_READERS_ALLOWED.get(module, set())
        found += [f"{module} calls {name}" for name in sorted(extra)]
    for chapter in chapter_files():
        text = chapter.read_text(encoding="utf-8")
        tree = ast.parse(text)
        found += [f"book/{chapter.name} calls {name}" for name in sorted(file_reads(tree))]
        if f"{DOOR}.published" in text or f"from {DOOR} import published" in text:
            found.append(f"book/{chapter.name} imports {DOOR}.published")
    assert not found, "data read outside the data door (use eucluster.data.load):\n" + "\n".join(
        found
    )


def test_the_allowed_file_readers_still_need_it():
    """An allow-list entry whose read is gone must go too, so the list stays the truth."""
    for module, names in FILE_READERS_ALLOWED.items():
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        assert names <= file_reads(tree), f"{module} no longer calls {names}: drop the entry"
