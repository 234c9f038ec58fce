"""``make book`` fetches what is missing first (``eucluster data fetch --missing``); offline it
stops with one message that lists each missing file and where to put it."""

from __future__ import annotations

import re
from pathlib import Path

from eucluster import data
from eucluster.build import cli

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def recipe(target: str) -> list[str]:
    text = MAKEFILE.read_text()
    block = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", text, flags=re.MULTILINE)
    assert block, f"no {target} target in the Makefile"
    return [line.strip() for line in block.group(1).splitlines()]


def test_html_and_pdf_fetch_missing_data_before_building():
    for target in ("html", "pdf"):
        steps = recipe(target)
        fetch = next(i for i, s in enumerate(steps) if "data fetch --missing" in s)
        build = next(i for i, s in enumerate(steps) if "build ." in s)
        assert fetch < build, target


def test_offline_the_cli_gives_one_message_and_exit_status_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EUCLUSTER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("EUCLUSTER_MIRROR", "http://127.0.0.1:9")  # nothing listens there
    assert cli.main(["data", "fetch", "--missing", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.count("error:") == 1 and "cannot be reached" in err
    listed = [line for line in err.splitlines() if line.startswith("  - ")]
    assert len(listed) == len(data.DATASETS)
    assert all(str(tmp_path / "data") in line for line in listed)
    assert not (tmp_path / "data").exists()


def test_with_every_file_present_the_cli_does_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EUCLUSTER_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(data.fetching, "missing", lambda: [])
    monkeypatch.setenv("EUCLUSTER_MIRROR", "http://127.0.0.1:9")
    assert cli.main(["data", "fetch", "--missing", "--quiet"]) == 0
    assert "all 32 dataset files present" in capsys.readouterr().out
