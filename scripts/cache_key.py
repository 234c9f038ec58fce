"""Drop Jupyter Book's execution cache when code or data the chapters depend on has changed.

Jupyter Book keys its cache on a chapter's own source only, so an edited function in
``src/eucluster`` or a corrected CSV in ``data/`` would leave stale outputs in the book. This
script hashes those inputs and clears the cache when the hash differs from the last build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / ".jupyter_cache"
#: Sphinx's parsed pages: they hold the executed outputs too, so they go stale with the cache.
DOCTREES = ROOT / "_build" / ".doctrees"
KEY_FILE = ROOT / "_build" / ".eucluster-cache-key"
INPUTS = ["src/eucluster", "data", "requirements.txt", "_config.yml"]


def inputs_digest() -> str:
    digest = hashlib.sha256()
    for entry in INPUTS:
        path = ROOT / entry
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    digest.update(os.environ.get("EUCLUSTER_DATA", "").encode())
    return digest.hexdigest()


def main() -> None:
    key = inputs_digest()
    previous = KEY_FILE.read_text().strip() if KEY_FILE.exists() else None
    if previous != key:
        for folder in (CACHE, DOCTREES):
            if folder.exists():
                shutil.rmtree(folder)
        print("execution cache cleared: code or data changed since the last build")
    KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
    KEY_FILE.write_text(key + "\n")


if __name__ == "__main__":
    main()
