"""Invalidate the execution cache of exactly the chapters whose code or data changed.

Jupyter Book keys its cache on a chapter's own source only, so an edited function in
``src/eucluster`` or a corrected CSV in ``data/`` would leave stale outputs in the book. This
script gives every chapter a key: the bytes of the ``eucluster`` modules it imports (followed
transitively through the package), plus the inputs every chapter shares (``data/``,
``requirements.txt``, ``_config.yml``, the ``EUCLUSTER_DATA`` setting). When a chapter's key
differs from the last build, its cache record is removed and its source is touched, so Sphinx
re-reads it and myst-nb executes it again; the other chapters stay cached.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "eucluster"
CACHE = ROOT / "_build" / ".jupyter_cache"
KEY_FILE = ROOT / "_build" / ".eucluster-cache-keys.json"
SHARED_INPUTS = ["data", "requirements.txt", "_config.yml"]


def module_file(name: str) -> Path | None:
    """The file of ``eucluster[.sub...]``, or None when the name is not a module."""
    parts = name.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_modules(path: Path) -> set[str]:
    """``eucluster`` modules named by the imports of a Python file or percent script."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(n for n in names if n.split(".")[0] == "eucluster" and module_file(n))
    return found


def dependencies(chapter: Path) -> list[Path]:
    """Every package file a chapter can reach through its imports (and package __init__s)."""
    seen: set[Path] = {PACKAGE / "__init__.py"}
    queue = [module_file(m) for m in imported_modules(chapter)]
    while queue:
        file = queue.pop()
        if file is None or file in seen:
            continue
        seen.add(file)
        if file.parent != PACKAGE:
            queue.append(file.parent / "__init__.py")
        queue.extend(module_file(m) for m in imported_modules(file))
    return sorted(seen)


def _update(digest, path: Path) -> None:
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if "__pycache__" not in file.parts and file.exists():
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())


def chapter_key(chapter: Path) -> str:
    digest = hashlib.sha256(os.environ.get("EUCLUSTER_DATA", "").encode())
    for entry in SHARED_INPUTS:
        _update(digest, ROOT / entry)
    for file in dependencies(chapter):
        _update(digest, file)
    return digest.hexdigest()


def invalidate(chapter: Path) -> None:
    """Forget a chapter's cached execution and make Sphinx read it again."""
    if CACHE.exists():
        from jupyter_cache import get_cache

        cache = get_cache(CACHE)
        for record in cache.list_cache_records():
            if Path(record.uri).resolve() == chapter.resolve():
                cache.remove_cache(record.pk)
    os.utime(chapter)


def main() -> None:
    previous = json.loads(KEY_FILE.read_text()) if KEY_FILE.exists() else {}
    keys = {str(c.relative_to(ROOT)): chapter_key(c) for c in sorted(ROOT.glob("book/*.py"))}
    if KEY_FILE.exists():
        changed = [name for name, key in keys.items() if previous.get(name) not in (None, key)]
    else:  # a cache from before keys were kept: nothing says what it depends on
        changed = list(keys) if CACHE.exists() else []
    for name in changed:
        invalidate(ROOT / name)
    if changed:
        print(f"execution cache cleared for {len(changed)} chapters: {', '.join(changed)}")
    KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
    KEY_FILE.write_text(json.dumps(keys, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
