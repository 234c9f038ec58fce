"""The build profile reads chapter execution, Sphinx phases and chart rendering from a log."""

import importlib.util

from eucluster.paths import PROJECT_ROOT

spec = importlib.util.spec_from_file_location(
    "profile_build", PROJECT_ROOT / "scripts" / "profile_build.py"
)
profile_build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(profile_build)

LOG = [
    (1.0, "Running Sphinx v7.4.7"),
    (2.0, "writing output... "),  # Jupyter Book prints this once before reading
    (3.0, "reading sources... [ 50%] book/a"),
    (3.5, "/x/book/a.py: Executing notebook using local CWD [mystnb]"),
    (13.5, "/x/book/a.py: Executed notebook in 10.00 seconds [mystnb]"),
    (14.0, "/x/book/b.py: Executing notebook using local CWD [mystnb]"),
    (18.0, "/x/book/b.py: Executed notebook in 4.00 seconds [mystnb]"),
    (19.0, "pickling environment... done"),
    (20.0, "writing output... [ 50%] book/a"),
    (25.0, "build succeeded."),
]


def test_phases_chapters_and_charts_from_the_log():
    charts = [{"at": 100.0 + 5.0, "call": "vegalite_to_svg", "seconds": 0.5},
              {"at": 100.0 + 15.0, "call": "vegalite_to_png", "seconds": 0.25}]  # fmt: skip
    result = profile_build.profile(LOG, charts, started=100.0)
    assert result["total_seconds"] == 25.0
    assert result["chapters_seconds"] == {"a": 10.0, "b": 4.0}
    phases = result["phases_seconds"]
    assert phases["start-up (configuration, extensions)"] == 3.0
    assert phases["executing chapters (sum)"] == 14.0
    assert phases["resolving and pickling"] == 1.0
    assert phases["writing pages and finishing"] == 5.0
    assert result["chart_rendering_seconds"] == {"a": 0.5, "b": 0.2}
    assert result["charts_rendered"] == 2


def test_each_kernels_last_cpu_record_is_matched_to_its_chapter():
    kernel = {"call": "kernel", "pid": 7, "begin": 100.0 + 3.6}
    charts = [
        {**kernel, "at": 100.0 + 8.0, "cpu": 2.0},
        {**kernel, "at": 100.0 + 13.0, "cpu": 6.5},  # the last record of pid 7 counts
        {"call": "kernel", "pid": 8, "begin": 100.0 + 14.1, "at": 100.0 + 17.9, "cpu": 3.0},
    ]
    result = profile_build.profile(LOG, charts, started=100.0)
    assert result["chapters_kernel_cpu_seconds"] == {"a": 6.5, "b": 3.0}
    assert result["kernels_cpu_seconds_total"] == 9.5
    assert result["charts_rendered"] == 0
