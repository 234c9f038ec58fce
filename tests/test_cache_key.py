"""Per-chapter cache keys follow a chapter's imports through the package, and nothing else."""

import importlib.util

import pytest

from eucluster.paths import PROJECT_ROOT

spec = importlib.util.spec_from_file_location("cache_key", PROJECT_ROOT / "scripts/cache_key.py")
cache_key = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cache_key)


@pytest.fixture
def project(tmp_path, monkeypatch):
    package = tmp_path / "src" / "eucluster"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from eucluster import b\n")
    (package / "b.py").write_text("from eucluster.data.door import load\n")
    (package / "data" / "__init__.py").write_text("")
    (package / "data" / "door.py").write_text("def load(): pass\n")
    (package / "c.py").write_text("import numpy\n")
    (tmp_path / "book").mkdir()
    chapter = tmp_path / "book" / "ch.py"
    chapter.write_text("# %%\nfrom eucluster.a import thing\nimport eucluster.figures_missing\n")
    monkeypatch.setattr(cache_key, "ROOT", tmp_path)
    monkeypatch.setattr(cache_key, "PACKAGE", package)
    return chapter, package


def test_dependencies_are_followed_transitively(project):
    chapter, package = project
    names = {p.relative_to(package).as_posix() for p in cache_key.dependencies(chapter)}
    assert names == {"__init__.py", "a.py", "b.py", "data/__init__.py", "data/door.py"}


def test_key_moves_with_a_dependency_only(project):
    chapter, package = project
    before = cache_key.chapter_key(chapter)
    (package / "c.py").write_text("import pandas\n")
    assert cache_key.chapter_key(chapter) == before
    (package / "data" / "door.py").write_text("def load(): return 1\n")
    assert cache_key.chapter_key(chapter) != before
