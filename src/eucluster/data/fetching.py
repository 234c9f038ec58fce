"""Downloads: the pinned copy of a dataset, every missing one, or Eurostat's newest release.

``fetch(name)`` downloads the entry's pinned URL with pooch into ``config.download_dir()``;
pooch streams into a temporary file beside the target and moves it into place only when its
sha256 matches the registry, so a failed download (server error, connection closed mid-file,
truncated or different file) leaves nothing behind: the error names the dataset, the URL, the
problem and the fix. ``EUCLUSTER_MIRROR`` replaces the host part of every URL
(``config.mirror``), which is how the tests fetch everything from a server on 127.0.0.1.

``fetch_missing()`` is what ``make book`` runs first: it downloads the datasets whose files are
in none of the data folders (nothing when the shared snapshot is there) and, when it cannot, says
in one message which files are missing and where to put them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from eucluster.data import config
from eucluster.data.door import dataset, datasets, locate, path, sha256
from eucluster.data.errors import ChecksumError, FetchError, OfflineError
from eucluster.data.registry import Dataset


def download_url(entry: Dataset) -> str | None:
    """The URL ``fetch`` downloads ``entry`` from: its pinned URL, on the mirror when one is set."""
    if entry.url is None:
        return None
    base = config.mirror()
    if base is None:
        return entry.url
    parts = urlsplit(entry.url)
    return base + parts.path + (f"?{parts.query}" if parts.query else "")


def _new_folders(folder: Path) -> list[Path]:
    """``folder`` and its parents that do not exist yet, deepest first."""
    return [p for p in (folder, *folder.parents) if not p.exists()]


def _remove_if_empty(folders: list[Path]) -> None:
    for folder in folders:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def download(name: str, url: str, target: Path, *, progressbar: bool = True) -> Path:
    """Download ``url`` to ``target`` with pooch, checked against dataset ``name``'s sha256.

    On any failure nothing is left: pooch deletes its temporary file and the folders made for
    the download are removed again. The errors name the dataset, the URL, what went wrong and
    what to do.
    """
    import pooch
    import requests

    entry = dataset(name)
    created = _new_folders(target.parent)
    elsewhere = f"or copy the registered file to {target}"
    try:
        pooch.retrieve(
            url,
            known_hash=f"sha256:{entry.sha256}",
            fname=target.name,
            path=target.parent,
            progressbar=progressbar,
        )
    except requests.exceptions.HTTPError as exc:
        _remove_if_empty(created)
        answer = exc.response.status_code if exc.response is not None else "an error"
        raise FetchError(
            url,
            f"download of dataset {name!r} failed: the server answered {answer} (no file at this "
            "address). Nothing was saved.",
            f"Check the URL (EUCLUSTER_MIRROR is {config.mirror() or 'not set'}); if the "
            f"repository moved, update the registry entry, {elsewhere}.",
        ) from exc
    except (
        requests.exceptions.ChunkedEncodingError,
        requests.exceptions.ContentDecodingError,
    ) as exc:
        _remove_if_empty(created)
        raise FetchError(
            url,
            f"download of dataset {name!r} failed: the connection closed before the end of the "
            f"file ({type(exc).__name__}). The partial download was deleted.",
            f"Retry (`eucluster data fetch {name}`), {elsewhere}.",
        ) from exc
    except requests.exceptions.ConnectionError as exc:
        _remove_if_empty(created)
        raise OfflineError(
            url,
            f"download of dataset {name!r} failed: the server cannot be reached (this machine "
            "looks offline, or nothing listens at that address).",
            f"Connect to the internet and retry, {elsewhere}.",
        ) from exc
    except requests.exceptions.RequestException as exc:
        _remove_if_empty(created)
        raise FetchError(
            url,
            f"download of dataset {name!r} failed ({type(exc).__name__}: {exc}).",
            f"Retry later, {elsewhere}.",
        ) from exc
    except ValueError as exc:  # pooch: the downloaded bytes do not have the pinned sha256
        _remove_if_empty(created)
        raise ChecksumError(
            url,
            f"download of dataset {name!r}: the file received does not have the pinned sha256 "
            f"{entry.sha256} (a truncated download, or the copy at this address changed). "
            "Nothing was saved.",
            "Retry; if it fails again the file at this address is not the registered one: do "
            f"not use it without registering it as a new vintage, {elsewhere}.",
        ) from exc
    return target


def fetch(name: str, *, progressbar: bool = True) -> Path:
    """Download the pinned copy of ``name`` into ``config.download_dir()`` and verify it.

    Returns the verified path. A valid file already present is not downloaded again; a bad copy
    in the download folder is replaced (one elsewhere, e.g. the read-only snapshot, is reported).
    """
    entry = dataset(name)
    target = config.download_dir() / entry.path
    found = locate(name)
    if found is not None and (found != target or sha256(found) == entry.sha256):
        return path(name)
    url = download_url(entry)
    if url is None:
        raise FetchError(
            entry.path,
            f"has no pinned public download: it is a conversion made for this project "
            f"(origin: {entry.origin}).",
            f"Copy the file from the team's data snapshot into {config.download_dir()}, or set "
            "EUCLUSTER_DATA to a folder that holds it.",
        )
    download(name, url, target, progressbar=progressbar)
    return path(name)


def missing() -> list[Dataset]:
    """Registered datasets whose file is in none of the data folders (present files are not
    hashed here: the door verifies each when it reads it)."""
    return [entry for entry in datasets() if locate(entry.name) is None]


@dataclass
class FetchReport:
    """What ``fetch_missing`` did: files downloaded, the datasets still missing with why, and
    (``offline``) the unreachable-server problem that stopped it."""

    fetched: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    offline: str | None = None
    folder: Path = field(default_factory=config.download_dir)

    @property
    def ok(self) -> bool:
        return not self.failed

    def message(self) -> str:
        """One message: which files are missing and where to put them (empty when all is well)."""
        if self.ok:
            return ""
        why = f": {self.offline}" if self.offline else ""
        lines = [
            f"{len(self.failed)} dataset file(s) are missing and could not be downloaded{why}. "
            f"Put each at the path shown (or set EUCLUSTER_DATA to a folder that holds them), "
            "then run the command again:"
        ]
        for name, reason in self.failed.items():
            entry = dataset(name)
            lines.append(f"  - {name}: {self.folder / entry.path}  <- {entry.url}")
            if reason != self.offline:
                lines.append(f"      {reason}")
        return "\n".join(lines)


def fetch_missing(*, progressbar: bool = True) -> FetchReport:
    """Download every dataset missing from the data folders; never raises for a download.

    After the first unreachable server (offline) the rest are not tried: each would only fail
    the same way. The report lists every file still missing, for one message.
    """
    report = FetchReport()
    for entry in missing():
        if report.offline is not None:
            report.failed[entry.name] = report.offline
            continue
        try:
            fetch(entry.name, progressbar=progressbar)
            report.fetched.append(entry.name)
        except OfflineError as exc:
            report.offline = exc.problem.split(": ", 1)[-1].rstrip(".")
            report.failed[entry.name] = report.offline
        except (FetchError, ChecksumError) as exc:
            report.failed[entry.name] = exc.problem
    return report


def fetch_latest(name: str, *, progressbar: bool = True) -> tuple[Path, str]:
    """Download the *newest* Eurostat vintage of a registered table as a gzip TSV.

    Eurostat's bulk URL always serves the current release, so its checksum cannot be pinned in
    advance. The file goes to ``<download dir>/latest/<code>.tsv.gz`` (never over a registered
    file) and the function returns its path and sha256: to use it in the book, register it as a
    new entry with that checksum. Returns without reading the file into any chapter.
    """
    import pooch
    import requests

    from eucluster.data.eurostat import live_url

    entry = dataset(name)
    if not entry.code or not entry.name.startswith(("sbs_", "nama_", "lfst_", "tgs", "pat_")):
        raise FetchError(
            f"dataset {name!r}",
            "is not a Eurostat table, so it has no Eurostat bulk-download URL.",
            "Use `eucluster data fetch` for the pinned copy instead.",
        )
    url = live_url(entry.code)
    folder = config.download_dir() / "latest"
    try:
        where = pooch.retrieve(
            url,
            known_hash=None,
            fname=f"{entry.code}.tsv.gz",
            path=folder,
            progressbar=progressbar,
        )
    except requests.exceptions.ConnectionError as exc:
        raise OfflineError(
            url,
            "cannot be reached: this machine looks offline (no network connection).",
            "Connect to the internet and retry; the registered files do not need the network.",
        ) from exc
    except requests.exceptions.RequestException as exc:
        raise FetchError(url, f"download failed ({exc}).", "Retry later.") from exc
    found = Path(where)
    return found, sha256(found)
