"""Where the project's own files live, found from the package so that notebooks, tests and
the CLI agree regardless of the working directory they run in."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJECT_ROOT / "data"
PUBLISHED_DIR = DATA_DIR / "published"
REFERENCE_DIR = DATA_DIR / "reference"
BUILD_DIR = PROJECT_ROOT / "_build"
SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"
