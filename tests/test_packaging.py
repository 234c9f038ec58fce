"""The package installs and finds its checkout: declared dependencies cover every import, exact
pins live in requirements.txt, and the project root is found (or its absence explained)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

from eucluster import paths
from eucluster.build import cli
from eucluster.data import config

ROOT = Path(__file__).resolve().parents[1]

#: Import names whose distribution on PyPI is called differently.
DISTRIBUTIONS = {
    "IPython": "ipython",
    "myst_nb": "myst-nb",
    "vl_convert": "vl-convert-python",
    "yaml": "pyyaml",
}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].strip().lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project.get("optional-dependencies", {}).values():
        names |= {_name(r) for r in extra}
    return names


def pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[_name(name)] = version
    return pins


def third_party_imports() -> dict[str, str]:
    """Top-level names imported anywhere in the package (also inside functions) -> a file."""
    found = {}
    for path in sorted((ROOT / "src" / "eucluster").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "eucluster":
                    found.setdefault(top, path.relative_to(ROOT).as_posix())
    return found


def test_every_import_of_the_package_is_a_declared_dependency():
    names = declared()
    missing = {
        module: where
        for module, where in third_party_imports().items()
        if DISTRIBUTIONS.get(module, module).lower() not in names
    }
    assert not missing, f"imported but not in pyproject.toml dependencies: {missing}"


def test_every_declared_dependency_is_pinned_in_requirements():
    pins = pinned()
    unpinned = sorted(name for name in declared() if name not in pins)
    assert not unpinned, (
        f"declared in pyproject.toml but not pinned in requirements.txt: {unpinned}"
    )
    assert all(version for version in pins.values()), "requirements.txt pins exact versions"


def test_no_pin_for_a_package_nothing_imports():
    assert "linearmodels" not in pinned()


# ---------------------------------------------------------------------------- the project root


def _checkout(folder: Path) -> Path:
    (folder / "data" / "published").mkdir(parents=True)
    (folder / "_toc.yml").write_text("root: book/intro\n")
    return folder


@pytest.fixture
def nowhere(tmp_path, monkeypatch) -> Path:
    """A session outside any checkout: package file and working directory in a bare folder."""
    bare = tmp_path / "bare"
    (bare / "site-packages" / "eucluster").mkdir(parents=True)
    monkeypatch.delenv("EUCLUSTER_ROOT", raising=False)
    monkeypatch.setattr(paths, "__file__", str(bare / "site-packages/eucluster/paths.py"))
    monkeypatch.chdir(bare)
    return bare


def test_the_root_of_this_checkout_is_found():
    assert paths.project_root() == ROOT
    assert paths.PUBLISHED_DIR == ROOT / "data" / "published"
    assert paths.BUILD_DIR == ROOT / "_build"


def test_the_working_directory_finds_a_checkout_an_installed_package_cannot(
    nowhere, tmp_path, monkeypatch
):
    clone = _checkout(tmp_path / "clone").resolve()
    (clone / "book").mkdir()
    assert paths.find_project_root() is None
    monkeypatch.chdir(clone / "book")
    assert paths.project_root() == clone
    reference = paths.REFERENCE_DIR
    assert reference == clone / "data" / "reference"


def test_eucluster_root_wins_and_a_wrong_one_is_refused(nowhere, tmp_path, monkeypatch):
    clone = _checkout(tmp_path / "elsewhere")
    monkeypatch.setenv("EUCLUSTER_ROOT", str(clone))
    assert paths.project_root() == clone.resolve()
    monkeypatch.setenv("EUCLUSTER_ROOT", str(tmp_path))
    with pytest.raises(paths.ProjectRootError, match="not a eucluster checkout"):
        paths.project_root()


def test_outside_a_checkout_the_message_says_what_to_do(nowhere):
    with pytest.raises(paths.ProjectRootError, match="EUCLUSTER_ROOT") as err:
        paths.project_root()
    assert "clone" in str(err.value)
    with pytest.raises(paths.ProjectRootError):
        _ = paths.BUILD_DIR


def test_outside_a_checkout_data_is_read_from_the_user_folder(nowhere, monkeypatch):
    monkeypatch.delenv("EUCLUSTER_DATA", raising=False)
    assert config.shared_data_dir() is None
    assert config.data_dir() == config.user_dir()


def test_outside_a_checkout_book_commands_exit_with_the_message(nowhere, capsys, monkeypatch):
    # a fresh process imports the re-run module outside the checkout: do the same here
    monkeypatch.delitem(sys.modules, "eucluster.build.rerun", raising=False)
    assert cli.main(["rerun", "nodes"]) == 2
    assert "EUCLUSTER_ROOT" in capsys.readouterr().err
