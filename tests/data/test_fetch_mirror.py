"""The fetch path end to end, without the internet: a server on 127.0.0.1 plays every origin
(``EUCLUSTER_MIRROR`` replaces the host part of the pinned URLs), serving the team's snapshot
``../shared/data/external`` by URL path. An empty data folder is filled with every dataset, each
verified; then a 404, a truncated download, a wrong file and a server that stops mid-file must
each give a clear error (dataset, URL, problem, fix) and leave nothing in the data folder or the
cache. The snapshot is only read, never copied into the repository."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from eucluster import data

SNAPSHOT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "external"
pytestmark = pytest.mark.skipif(
    not SNAPSHOT.is_dir(),
    reason=f"no data snapshot at {SNAPSHOT} to serve (the team's ../shared/data/external)",
)
SMALL = "us_cluster_definitions"  # 34 KB: quick to serve in the failure cases


class Mirror(BaseHTTPRequestHandler):
    """Serves the snapshot file of each registered URL path; ``faults`` maps a URL path to a
    fault: ``404``, ``truncated`` (half the file, honestly announced), ``wrong`` (one byte
    changed) or ``stop`` (full length announced, connection closed half way)."""

    files: dict[str, Path] = {}
    faults: dict[str, str] = {}

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass

    def do_GET(self) -> None:
        source = self.files.get(self.path)
        fault = self.faults.get(self.path)
        if source is None or fault == "404":
            self.send_error(404, "Not Found")
            return
        body = source.read_bytes()
        announced = len(body)
        if fault == "truncated":
            body = body[: len(body) // 2]
            announced = len(body)
        elif fault == "wrong":
            body = body[:100] + bytes([body[100] ^ 1]) + body[101:]
        elif fault == "stop":
            body = body[: len(body) // 2]
        self.send_response(200)
        self.send_header("Content-Length", str(announced))
        self.end_headers()
        self.wfile.write(body)
        if fault == "stop":
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True


@pytest.fixture
def mirror(tmp_path, monkeypatch):
    """A mirror of every pinned URL on 127.0.0.1, and empty data and cache folders."""
    Mirror.files = {urlsplit(e.url).path: SNAPSHOT / e.path for e in data.datasets()}
    Mirror.faults = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Mirror)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("EUCLUSTER_MIRROR", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("EUCLUSTER_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("EUCLUSTER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "data").mkdir()
    yield tmp_path
    server.shutdown()
    server.server_close()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_mirror_replaces_the_host_and_keeps_the_path(monkeypatch):
    entry = data.dataset("pat_ep_rtot")
    monkeypatch.setenv("EUCLUSTER_MIRROR", "http://127.0.0.1:8123/")
    assert data.download_url(entry) == "http://127.0.0.1:8123" + urlsplit(entry.url).path
    monkeypatch.delenv("EUCLUSTER_MIRROR")
    assert data.download_url(entry) == entry.url


def test_an_empty_folder_gets_every_dataset_fetched_and_verified(mirror):
    assert {e.name for e in data.missing()} == set(data.DATASETS)
    report = data.fetch_missing(progressbar=False)
    assert report.ok, report.message()
    assert sorted(report.fetched) == sorted(data.DATASETS)
    assert data.missing() == []
    for entry in data.datasets():
        assert data.path(entry.name) == mirror / "data" / entry.path  # checksum verified
    assert len(data.load("nuts_2021_codes")) == 2144  # an R original, read after download
    assert not data.fetch_missing(progressbar=False).fetched  # nothing left to do


@pytest.mark.parametrize(
    ("fault", "error", "words"),
    [
        ("404", data.FetchError, "server answered 404"),
        ("truncated", data.ChecksumError, "does not have the pinned sha256"),
        ("wrong", data.ChecksumError, "does not have the pinned sha256"),
        ("stop", data.FetchError, "connection closed before the end of the file"),
    ],
)
def test_a_failed_download_says_why_and_leaves_nothing(mirror, fault, error, words):
    url = data.download_url(data.dataset(SMALL))
    Mirror.faults[urlsplit(url).path] = fault
    with pytest.raises(error) as err:
        data.fetch(SMALL, progressbar=False)
    message = str(err.value)
    assert words in err.value.problem
    assert SMALL in message and url in message  # the dataset and the URL
    assert "Retry" in err.value.fix or "Check the URL" in err.value.fix  # the fix
    assert files_under(mirror / "data") == [] and files_under(mirror / "cache") == []
    assert not any((mirror / "data").iterdir())  # not even an empty folder


def test_a_bad_copy_in_the_download_folder_is_replaced(mirror):
    target = mirror / "data" / data.dataset(SMALL).path
    target.parent.mkdir(parents=True)
    target.write_text("[]")
    with pytest.raises(data.ChecksumError):
        data.path(SMALL)
    assert data.fetch(SMALL, progressbar=False) == target
    assert data.sha256(target) == data.dataset(SMALL).sha256


def test_offline_fetch_missing_lists_every_missing_file_in_one_message(tmp_path, monkeypatch):
    monkeypatch.setenv("EUCLUSTER_MIRROR", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("EUCLUSTER_DATA", str(tmp_path / "data"))
    report = data.fetch_missing(progressbar=False)
    assert not report.ok and set(report.failed) == set(data.DATASETS)
    message = report.message()
    assert message.startswith(f"{len(data.DATASETS)} dataset file(s) are missing")
    for entry in data.datasets():
        assert str(tmp_path / "data" / entry.path) in message
    assert files_under(tmp_path / "data") == []


def test_the_cli_fetches_what_is_missing_then_has_nothing_to_do(mirror, capsys):
    from eucluster.build import cli

    assert cli.main(["data", "fetch", "--missing", "--quiet"]) == 0
    assert f"fetched {len(data.DATASETS)} dataset file(s)" in capsys.readouterr().out
    assert cli.main(["data", "fetch", "--missing", "--quiet"]) == 0
    assert "all 32 dataset files present" in capsys.readouterr().out
