"""Command line: ``eucluster data status|fetch`` and ``eucluster rerun CHAPTER -p NAME VALUE``.

Built on argparse sub-commands so that further commands (e.g. ``eucluster rerun``) are added
by writing one ``_add_<command>(subparsers)`` function and registering it in ``COMMANDS``.
Errors of the data door are printed as their three-part message (where, problem, fix) and
exit with status 1, without a traceback. ``data`` works anywhere (outside a checkout it reads
the folder of ``EUCLUSTER_DATA`` or the per-user download folder); commands that need the book
(``rerun``) say, with exit status 2, that they must run inside a checkout or with
``EUCLUSTER_ROOT`` set (see :mod:`eucluster.paths`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

import pandas as pd

from eucluster import paths


def _checkout_line() -> str:
    root = paths.find_project_root()
    if root is None:
        return (
            "project checkout: none found (the digitised tables and the book need one: run "
            "inside a clone or set EUCLUSTER_ROOT)"
        )
    return f"project checkout: {root}"


def _data_status(args: argparse.Namespace) -> int:
    from eucluster import data

    frame = data.status(deep=not args.quick)
    print(_checkout_line())
    print(f"data folder: {data.data_dir()}\ncache folder: {data.cache_dir()}\n")
    cols = ["name", "vintage", "found", "checksum_ok", "rows", "years", "regions"]
    with pd.option_context("display.width", 200, "display.max_rows", 200):
        print(frame[cols].to_string(index=False))
    bad = frame[frame["problem"] != ""]
    for _, row in bad.iterrows():
        print(f"\n{row['name']}: {row['problem']}")
    return 1 if len(bad) else 0


def _data_fetch(args: argparse.Namespace) -> int:
    from eucluster import data

    if args.missing:
        return _data_fetch_missing(args)
    names = args.names or [d.name for d in data.datasets()]
    failed = 0
    if args.latest:
        for name in names:
            try:
                where, digest = data.fetch_latest(name, progressbar=not args.quiet)
                print(f"latest   {name}: {where}\n         sha256 {digest} (not registered)")
            except data.DataError as exc:
                failed += 1
                print(f"FAILED   {name}: {exc}", file=sys.stderr)
        return 1 if failed else 0
    for name in names:
        try:
            where = data.fetch(name, progressbar=not args.quiet)
            print(f"ok       {name}: {where}")
        except data.DataError as exc:
            failed += 1
            print(f"FAILED   {name}: {exc}", file=sys.stderr)
    return 1 if failed else 0


def _data_fetch_missing(args: argparse.Namespace) -> int:
    """``make book``'s first step: download what is missing, or say in one message what to copy
    where; silent success when every file is there (e.g. the shared snapshot)."""
    from eucluster import data

    report = data.fetch_missing(progressbar=not args.quiet)
    if not report.ok:
        print(f"error: {report.message()}", file=sys.stderr)
        return 1
    if report.fetched:
        print(f"fetched {len(report.fetched)} dataset file(s) into {report.folder}")
    else:
        print(f"data: all {len(data.datasets())} dataset files present ({data.data_dir()})")
    return 0


def _add_data(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("data", help="inspect and download the source datasets")
    commands = parser.add_subparsers(dest="data_command", required=True)
    status = commands.add_parser(
        "status", help="which datasets are present, verified, and how many rows they have"
    )
    status.add_argument(
        "--quick", action="store_true", help="check files and checksums only, do not read them"
    )
    status.set_defaults(func=_data_status)
    fetch = commands.add_parser("fetch", help="download pinned copies (sha256-verified)")
    fetch.add_argument("names", nargs="*", metavar="NAME", help="datasets (default: all)")
    fetch.add_argument("--quiet", action="store_true", help="no progress bar")
    fetch.add_argument(
        "--missing",
        action="store_true",
        help="only the datasets found in no data folder (what `make book` runs first)",
    )
    fetch.add_argument(
        "--latest",
        action="store_true",
        help="download the newest Eurostat release instead (unpinned, into <folder>/latest)",
    )
    fetch.set_defaults(func=_data_fetch)


def _rerun(args: argparse.Namespace) -> int:
    from eucluster.build.rerun import RerunError, rerun

    try:
        print(rerun(args.chapter, dict(args.parameter or [])))
    except RerunError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _add_rerun(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rerun",
        help="re-execute one chapter with other parameters; print the key figures that change",
    )
    parser.add_argument("chapter", help="chapter file stem, e.g. nodes for book/nodes.py")
    parser.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help="a parameter of the chapter's parameters cell (repeatable)",
    )
    parser.set_defaults(func=_rerun)


#: Sub-command registrars; add one function per top-level command.
COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [_add_data, _add_rerun]


def parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    top = argparse.ArgumentParser(
        prog="eucluster", description="Industrial clusters in Europe's regions: tools."
    )
    subparsers = top.add_subparsers(dest="command", required=True)
    for register in COMMANDS:
        register(subparsers)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``eucluster`` console script."""
    from eucluster.data.errors import DataError

    args = parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except paths.ProjectRootError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
