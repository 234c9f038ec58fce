"""Time the HTML build: cold, unchanged, one chapter edited, one package module edited.

Run from the repository root: ``.venv/bin/python benchmarks/bench_build.py``. The book is
copied to a scratch folder (the working tree and its ``_build`` are not touched) and built
four times in one process, each through ``scripts/cache_key.py`` and ``jupyter-book build``,
as ``make html`` does:

1. cold: no ``_build`` at all;
2. no change: nothing edited since the cold build;
3. one chapter: a code cell appended to ``book/intro.py`` (a markdown edit would not
   re-execute anything: the cache is keyed on code cells);
4. one module: a comment appended to ``src/eucluster/audit/engine.py``, which only the audit
   chapter imports; the per-chapter cache keys must re-execute that chapter and no other.

Times are reported as ratios to the cold build (wall-clock seconds vary with the machine; the
ratios say what the cache saves) and written to ``benchmarks/results/build.json``.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "build.json"
IGNORE = shutil.ignore_patterns(".git", ".venv", "_build", "__pycache__", "*.egg-info")


def build(book: Path) -> tuple[float, list[str]]:
    """One ``make html`` equivalent; returns seconds and the chapters it executed."""
    env = dict(os.environ, EUCLUSTER_BUILD_DIR=str(book / "_build"), PYTHONHASHSEED="0")
    bin_dir = Path(sys.executable).parent
    start = time.perf_counter()
    subprocess.run([sys.executable, "scripts/cache_key.py"], cwd=book, env=env, check=True)
    output = subprocess.run(
        [str(bin_dir / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"],
        cwd=book,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    log = output.stdout + output.stderr
    seconds = time.perf_counter() - start
    executed = sorted(
        Path(line.split(":")[0]).stem for line in log.splitlines() if "Executing notebook" in line
    )
    return seconds, executed


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="eucluster-bench-") as scratch:
        book = Path(scratch) / "main"
        shutil.copytree(ROOT, book, ignore=IGNORE)
        # The data folder is found beside the project, as in a real checkout.
        (Path(scratch) / "shared").symlink_to(ROOT.parent / "shared")
        # The copy reads its code from src/ beside it, not from the working tree's install.
        os.environ["PYTHONPATH"] = str(book / "src")
        steps = {}
        steps["cold"] = build(book)
        steps["no_change"] = build(book)
        with open(book / "book" / "intro.py", "a", encoding="utf-8") as handle:
            handle.write('\n# %% tags=["remove-cell"]\nbenchmark_edit = 1\n')
        steps["one_chapter"] = build(book)
        module = book / "src" / "eucluster" / "audit" / "engine.py"
        with open(module, "a", encoding="utf-8") as handle:
            handle.write("\n# benchmark edit\n")
        steps["one_module"] = build(book)
    cold = steps["cold"][0]
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "python": platform.python_version(),
        "seconds": {k: round(v[0], 1) for k, v in steps.items()},
        "ratio_to_cold": {k: round(v[0] / cold, 3) for k, v in steps.items()},
        "executed": {k: v[1] for k, v in steps.items()},
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for name, (seconds, executed) in steps.items():
        print(
            f"{name:<12} {seconds:7.1f} s  {seconds / cold:6.3f} x cold  "
            f"executed: {', '.join(executed) or '-'}"
        )


if __name__ == "__main__":
    main()
