"""Where a cold HTML build spends its time.

Copies the committed files of the repository into a fresh folder (no execution cache: a cold
build), runs ``jupyter-book build . -W -n --keep-going`` there once and writes
``benchmarks/results/build_profile.json`` with

* the wall time of the whole build;
* each chapter's execution time, as myst-nb reports it ("Executed notebook in N seconds");
* Sphinx's phases, from the time stamps of the build log's lines: reading (parsing and
  executing the chapters), then resolving and writing the pages;
* the time the kernels spend turning charts into SVG and PNG with vl-convert, per chapter,
  measured by a ``sitecustomize`` that wraps ``vl_convert.vegalite_to_svg`` and ``_to_png``
  in the kernels (the chapters themselves are not changed).

Usage: ``python scripts/profile_build.py [--keep DIR]`` (needs the data directory, see the
README; ``EUCLUSTER_DATA`` is passed on).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "build_profile.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
EXECUTED = re.compile(r"(?P<doc>[\w./-]+?)(?:\.py)?: Executed notebook in (?P<s>[0-9.]+) seconds")
EXECUTING = re.compile(r"(?P<doc>[\w./-]+?)(?:\.py)?: Executing notebook")

SITECUSTOMIZE = """
import json, os, time
_log = os.environ.get("EUCLUSTER_PROFILE_CHARTS")
if _log:
    try:
        import vl_convert as _vlc
    except ImportError:
        _vlc = None
    if _vlc is not None:
        def _timed(name, function):
            def wrapper(*args, **kwargs):
                start = time.perf_counter()
                try:
                    return function(*args, **kwargs)
                finally:
                    with open(_log, "a") as out:
                        out.write(json.dumps({"at": time.time(), "call": name,
                                              "seconds": time.perf_counter() - start}) + "\\n")
            return wrapper
        for _name in ("vegalite_to_svg", "vegalite_to_png"):
            setattr(_vlc, _name, _timed(_name, getattr(_vlc, _name)))
"""


def copy_repository(target: Path) -> None:
    """The committed files of HEAD only (not the working tree), as a fresh clone has them."""
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "xf", "-", "-C", str(target)], input=archive.stdout, check=True)


def run_build(book: Path, hooks: Path, chart_log: Path) -> list[tuple[float, str]]:
    """Build the HTML in ``book``; return each log line with the seconds since the start."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(hooks), str(book / "src")])
    env["EUCLUSTER_BUILD_DIR"] = str(book / "_build")
    env["EUCLUSTER_PROFILE_CHARTS"] = str(chart_log)
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", ".", "-W", "-n", "--keep-going"]
    start = time.perf_counter()
    lines = []
    with subprocess.Popen(
        command, cwd=book, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        for line in process.stdout:
            lines.append((time.perf_counter() - start, ANSI.sub("", line.rstrip())))
    lines.append((time.perf_counter() - start, f"exit status {process.returncode}"))
    if process.returncode:
        problems = [text for _, text in lines if "WARNING" in text or "Error" in text]
        raise SystemExit("the build failed:\n" + "\n".join(problems[:20]))
    return lines


def first(lines: list[tuple[float, str]], text: str) -> float | None:
    return next((at for at, line in lines if text in line), None)


def profile(lines: list[tuple[float, str]], charts: list[dict], started: float) -> dict:
    """Phases, chapters and chart rendering from the log lines and the chart calls."""
    total = lines[-1][0]
    reading = first(lines, "reading sources") or 0.0
    resolving = first(lines, "pickling environment") or reading
    writing = next(
        (at for at, line in lines if at >= resolving and "writing output" in line), resolving
    )
    chapters, windows = {}, {}
    for at, line in lines:
        if match := EXECUTING.search(line):
            windows[Path(match["doc"]).stem] = [at, total]
        if match := EXECUTED.search(line):
            stem = Path(match["doc"]).stem
            chapters[stem] = float(match["s"])
            windows.setdefault(stem, [at - float(match["s"]), at])[1] = at
    rendering = {stem: 0.0 for stem in chapters}
    for call in charts:
        at = call["at"] - started
        for stem, (begin, end) in windows.items():
            if begin <= at <= end:
                rendering[stem] = rendering.get(stem, 0.0) + call["seconds"]
    executing = sum(chapters.values())
    return {
        "total_seconds": round(total, 1),
        "phases_seconds": {
            "start-up (configuration, extensions)": round(reading, 1),
            "reading sources, of which executing chapters": round(resolving - reading, 1),
            "executing chapters (sum)": round(executing, 1),
            "reading sources without execution": round(resolving - reading - executing, 1),
            "resolving and pickling": round(writing - resolving, 1),
            "writing pages and finishing": round(total - writing, 1),
        },
        "chapters_seconds": {stem: round(s, 1) for stem, s in sorted(chapters.items())},
        "chart_rendering_seconds": {
            stem: round(s, 1) for stem, s in sorted(rendering.items()) if s
        },
        "chart_rendering_total_seconds": round(sum(c["seconds"] for c in charts), 1),
        "charts_rendered": len(charts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eucluster-profile-") as scratch:
        book = args.keep or Path(scratch) / "book"
        book.mkdir(parents=True, exist_ok=False)
        hooks = Path(scratch) / "hooks"
        hooks.mkdir()
        (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        chart_log = Path(scratch) / "charts.jsonl"
        chart_log.touch()
        copy_repository(book)
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        load_before = os.getloadavg()[0]
        started = time.time()
        lines = run_build(book, hooks, chart_log)
        log = "\n".join(f"{at:8.2f} {text}" for at, text in lines)
        (book / "_build" / "profile-log.txt").write_text(log + "\n", encoding="utf-8")
        charts = [json.loads(line) for line in chart_log.read_text().splitlines() if line]
        result = profile(lines, charts, started)
    result.update(
        {
            "what": "cold HTML build (no execution cache) of the committed files",
            "commit": commit,
            "cpus": os.cpu_count(),
            # Other work on the machine slows every phase: compare runs at similar load.
            "load_average_1min": {"before": load_before, "after": os.getloadavg()[0]},
            "python": platform.python_version(),
            "command": "jupyter-book build . -W -n --keep-going",
        }
    )
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
