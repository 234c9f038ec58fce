"""Execute the book's chapters two at a time into the execution cache of ``jupyter-book build``.

Why: ``jupyter-book build`` executes the chapters one after the other, so on a machine with
two cores one of them idles through the whole execution phase (most of a cold build). This
script executes the chapters of ``_toc.yml`` that the cache does not hold yet, ``--jobs`` at a
time, and stores each executed notebook in the same jupyter-cache (``execute.cache`` of
``_config.yml``) under the same key myst-nb looks up (the hash of the notebook as myst-nb
reads it: ``jupytext.reads(text, fmt="py:percent")``, its code cells and kernelspec). The build
that follows then finds every chapter cached and only renders. A build without this script
(plain ``jupyter-book build .``) is still correct: it executes the chapters itself, serially.

The longest chapters start first, and the regression chapter before the explorer and the
curve, which then read its analysis frame from the derived-result cache
(:mod:`eucluster.data.derived`). A chapter that fails is reported with its error and not
cached; the build then executes it again and shows the error where it happens.

Usage (from the checkout, after ``scripts/cache_key.py``):
``python scripts/execute_chapters.py [--jobs 2]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import jupytext
import yaml

ROOT = Path(__file__).resolve().parents[1]
#: Chapters in the order they start (longest first; the regression before its readers); the
#: others follow in the order of the table of contents.
FIRST = ("regression", "ecosystems", "node_gaps", "nodes", "organisations", "documents")
LAST = ("explorer", "curve")


def config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def toc_chapters() -> list[Path]:
    """The ``.py`` chapters of ``_toc.yml`` (root and chapters), in its order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            for part in entry.get("parts", []):
                walk(part.get("chapters"))

    walk(toc.get("chapters"))
    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    return [ROOT / f"{name}.py" for name in files if (ROOT / f"{name}.py").is_file()]


def ordered(chapters: list[Path]) -> list[Path]:
    def rank(path: Path) -> tuple[int, int]:
        if path.stem in FIRST:
            return (0, FIRST.index(path.stem))
        if path.stem in LAST:
            return (2, LAST.index(path.stem))
        return (1, chapters.index(path))

    return sorted(chapters, key=rank)


def read(path: Path):
    """The notebook as myst-nb reads it (``nb_custom_formats`` of ``_config.yml``)."""
    return jupytext.reads(path.read_text(encoding="utf-8"), fmt="py:percent")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def execute(path: str, timeout: int, allow_errors: bool) -> tuple[str, object, float, float, str]:
    """Execute one chapter in its folder, as myst-nb does; runs in a worker process. Returns
    the path, the executed notebook, wall and kernel CPU seconds, and the error (or "")."""
    from jupyter_cache.executors.utils import single_nb_execution

    cpu_before = children_cpu()
    notebook = read(Path(path))
    result = single_nb_execution(
        notebook,
        cwd=str(Path(path).parent),
        allow_errors=allow_errors,
        timeout=timeout,
        meta_override=True,
    )
    error = "" if result.err is None else f"{type(result.err).__name__}: {result.exc_string}"
    return path, notebook, result.time, children_cpu() - cpu_before, error


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="chapters executed at a time")
    arguments = parser.parse_args()
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    execution = config().get("execute", {})
    cache_path = ROOT / execution.get("cache", "_build/.jupyter_cache")
    cache = get_cache(str(cache_path))
    pending = []
    for chapter in ordered(toc_chapters()):
        try:
            cache.match_cache_notebook(read(chapter))
        except KeyError:
            pending.append(chapter)
    if not pending:
        print("execute_chapters: every chapter is cached")
        return 0
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    timeout = int(execution.get("timeout", 1200))
    allow_errors = bool(execution.get("allow_errors", False))
    start, failed = time.perf_counter(), []
    print(f"execute_chapters: {len(pending)} chapters, {arguments.jobs} at a time", flush=True)
    with ProcessPoolExecutor(max_workers=arguments.jobs) as pool:
        futures = [pool.submit(execute, str(c), timeout, allow_errors) for c in pending]
        for future in as_completed(futures):
            path, notebook, seconds, cpu, error = future.result()
            name = Path(path).relative_to(ROOT)
            if error:
                failed.append(str(name))
                print(f"  {name}: FAILED after {seconds:.1f} s\n{error}", flush=True)
                continue
            cache.cache_notebook_bundle(
                CacheBundleIn(notebook, path, data={"execution_seconds": seconds}),
                check_validity=False,
                overwrite=True,
            )
            print(f"  {name}: executed in {seconds:.1f} s (kernel CPU {cpu:.1f} s)", flush=True)
    print(f"execute_chapters: {time.perf_counter() - start:.1f} s wall", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
