"""The package's shape, measured: no import cycles, no reaching into another module's private
names, no module too long to read.

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
