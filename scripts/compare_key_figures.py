"""Compare two key-figure registries value by value: did a change of code change the book?

    python scripts/compare_key_figures.py BEFORE.json AFTER.json [--chapter NAME ...]

Reads two ``key-figures.json`` files (e.g. ``_build/key-figures.json`` of a build before a
refactoring, copied aside, and of a build after it) and lists every id that was removed,
added or whose value changed (numbers are compared to a relative 1e-9, so a different
summation order is not reported as a change). Exits 1 when anything differs, so it can guard a
refactoring that must not change a single published number.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path


def same(a: object, b: object) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def compare(before: dict, after: dict, chapters: set[str] | None = None) -> list[str]:
    def keep(records: dict) -> dict:
        return {k: v for k, v in records.items() if not chapters or v["chapter"] in chapters}

    before, after = keep(before), keep(after)
    lines = [f"removed  {k} = {before[k]['display']}" for k in sorted(before.keys() - after)]
    lines += [f"added    {k} = {after[k]['display']}" for k in sorted(after.keys() - before)]
    for k in sorted(before.keys() & after.keys()):
        if not same(before[k]["value"], after[k]["value"]):
            lines.append(f"changed  {k}: {before[k]['display']} -> {after[k]['display']}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--chapter", action="append", help="compare only these chapters")
    args = parser.parse_args(argv)
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after))
    differences = compare(before, after, set(args.chapter or []))
    for line in differences:
        print(line)
    compared = len(before.keys() & after.keys())
    print(f"{compared} key figures in both; {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
