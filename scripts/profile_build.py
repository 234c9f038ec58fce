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
  in the kernels (the chapters themselves are not changed);
* the CPU seconds of each chapter's kernel (the same ``sitecustomize`` logs each kernel's
  process time when it exits) and of the whole build (the build's children, kernels
  included): the machine is shared, so CPU seconds, not wall time, say what a quiet machine
  would need.

With ``--jobs N`` (N > 1) the chapters are first executed N at a time into the execution cache
by ``scripts/execute_chapters.py`` (as ``make html`` does), and the build then renders them.

Usage: ``python scripts/profile_build.py [--keep DIR] [--jobs N]`` (needs the data directory,
see the README; ``EUCLUSTER_DATA`` is passed on).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
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
    import sys as _sys
    import threading
    # Kernels are killed at the end, so nothing runs at exit: once a process turns out to be an
    # IPython kernel, log its process time after every cell (the last line of a pid is its CPU).
    _begin = time.time()
    def _kernel_cpu(*_):
        with open(_log, "a") as out:
            out.write(json.dumps({"at": time.time(), "call": "kernel", "pid": os.getpid(),
                                  "begin": _begin, "cpu": time.process_time()}) + "\\n")
    def _hook():
        for _ in range(1200):
            finder = getattr(_sys.modules.get("IPython"), "get_ipython", None)  # once imported
            shell = finder() if finder is not None else None
            if shell is not None and "ipykernel" in _sys.modules:
                shell.events.register("post_run_cell", _kernel_cpu)
                return
            time.sleep(0.05)
    threading.Thread(target=_hook, daemon=True).start()
"""


def copy_repository(target: Path, commit: str = "HEAD") -> None:
    """The committed files of ``commit`` only (not the working tree), as a fresh clone has
    them."""
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "xf", "-", "-C", str(target)], input=archive.stdout, check=True)


def build_environment(book: Path, hooks: Path, chart_log: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(hooks), str(book / "src")])
    env["EUCLUSTER_BUILD_DIR"] = str(book / "_build")
    env["EUCLUSTER_PROFILE_CHARTS"] = str(chart_log)
    return env


EXECUTED_AHEAD = re.compile(
    r"(?P<doc>[\w./-]+?)\.py: executed in (?P<s>[0-9.]+) s \(kernel CPU (?P<cpu>[0-9.]+) s\)"
)


def execute_ahead(book: Path, env: dict[str, str], jobs: int) -> dict:
    """``scripts/execute_chapters.py --jobs N`` in ``book``: its wall time and each chapter's."""
    command = [sys.executable, "scripts/execute_chapters.py", "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=book, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit("executing the chapters failed:\n" + done.stdout[-3000:] + done.stderr)
    found = sorted(EXECUTED_AHEAD.finditer(done.stdout), key=lambda match: match["doc"])
    return {
        "jobs": jobs,
        "wall_seconds": round(time.perf_counter() - start, 1),
        "chapters_seconds": {Path(m["doc"]).stem: float(m["s"]) for m in found},
        "chapters_kernel_cpu_seconds": {Path(m["doc"]).stem: float(m["cpu"]) for m in found},
    }


def run_build(book: Path, hooks: Path, chart_log: Path) -> list[tuple[float, str]]:
    """Build the HTML in ``book``; return each log line with the seconds since the start."""
    env = build_environment(book, hooks, chart_log)
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
    kernels = list({call["pid"]: call for call in charts if call["call"] == "kernel"}.values())
    charts = [call for call in charts if call["call"] != "kernel"]
    kernel_cpu = {}
    for kernel in kernels:
        begin, end = kernel["begin"] - started, kernel["at"] - started
        overlap = {
            stem: min(end, last_at) - max(begin, first_at)
            for stem, (first_at, last_at) in windows.items()
        }
        if overlap and max(overlap.values()) > 0:  # the chapter the kernel ran most with
            kernel_cpu[max(overlap, key=overlap.get)] = round(kernel["cpu"], 1)
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
        "chapters_kernel_cpu_seconds": dict(sorted(kernel_cpu.items())),
        "kernels_cpu_seconds_total": round(sum(k["cpu"] for k in kernels), 1),
        "chart_rendering_seconds": {
            stem: round(s, 1) for stem, s in sorted(rendering.items()) if s
        },
        "chart_rendering_total_seconds": round(sum(c["seconds"] for c in charts), 1),
        "charts_rendered": len(charts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--jobs", type=int, default=1, help="execute the chapters this many at a time first"
    )
    parser.add_argument("--commit", default="HEAD", help="the commit to build (default HEAD)")
    parser.add_argument("--output", type=Path, default=RESULT, help="where to write the profile")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="eucluster-profile-") as scratch:
        book = args.keep or Path(scratch) / "book"
        book.mkdir(parents=True, exist_ok=False)
        hooks = Path(scratch) / "hooks"
        hooks.mkdir()
        (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        chart_log = Path(scratch) / "charts.jsonl"
        chart_log.touch()
        copy_repository(book, args.commit)
        commit = subprocess.run(
            ["git", "rev-parse", "--short", args.commit], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        load_before = os.getloadavg()[0]
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started, wall_start = time.time(), time.perf_counter()
        ahead = None
        if args.jobs > 1:
            env = build_environment(book, hooks, chart_log)
            ahead = execute_ahead(book, env, args.jobs)
        lines = run_build(book, hooks, chart_log)
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter() - wall_start
        log = "\n".join(f"{at:8.2f} {text}" for at, text in lines)
        (book / "_build" / "profile-log.txt").write_text(log + "\n", encoding="utf-8")
        charts = [json.loads(line) for line in chart_log.read_text().splitlines() if line]
        result = profile(lines, charts, started)
        if ahead is not None:  # the same fields as a serial build, for the README's table
            result["executed_ahead"] = ahead
            result["sphinx_build_seconds"] = result["total_seconds"]
            result["total_seconds"] = round(wall, 1)
            result["chapters_seconds"] = ahead["chapters_seconds"]
            result["chapters_kernel_cpu_seconds"] = ahead["chapters_kernel_cpu_seconds"]
            kernels = {c["pid"]: c for c in charts if c["call"] == "kernel"}.values()
            result["kernels_cpu_seconds_total"] = round(sum(k["cpu"] for k in kernels), 1)
    cpu = sum(getattr(cpu_after, f) - getattr(cpu_before, f) for f in ("ru_utime", "ru_stime"))
    result.update(
        {
            "wall_seconds_with_execution_ahead": round(wall, 1),
            # User + system CPU of everything the build ran (kernels included): on an idle
            # machine with the same cores, wall time is about this over the cores kept busy.
            "cpu_seconds": round(cpu, 1),
            "what": "cold HTML build (no execution cache) of the committed files",
            "commit": commit,
            "cpus": os.cpu_count(),
            # Other work on the machine slows every phase: compare runs at similar load.
            "load_average_1min": {"before": load_before, "after": os.getloadavg()[0]},
            "load_average": f"{load_before:.1f}-{os.getloadavg()[0]:.1f}",
            "python": platform.python_version(),
            "command": (f"scripts/execute_chapters.py --jobs {args.jobs}; " * (args.jobs > 1))
            + "jupyter-book build . -W -n --keep-going",
        }
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
