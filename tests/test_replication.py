"""REPLICATION.md's generated blocks match the code, data registry and benchmark results."""

import subprocess
import sys

from eucluster.paths import PROJECT_ROOT


def test_replication_readme_is_up_to_date():
    result = subprocess.run(
        [sys.executable, "scripts/replication.py", "--check"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
