"""The disk cache of derived results: a hit only when function, arguments, package source,
data files and library versions are all the same; a cold build starts empty."""

import pandas as pd
import pytest

from eucluster.data import derived


@pytest.fixture
def world(tmp_path, monkeypatch):
    """A build directory, a package source folder and a data file of the test's own."""
    package = tmp_path / "package"
    package.mkdir()
    (package / "module.py").write_text("x = 1\n")
    data_file = tmp_path / "data.csv"
    data_file.write_text("a\n1\n")
    monkeypatch.setenv("EUCLUSTER_BUILD_DIR", str(tmp_path / "_build"))
    monkeypatch.delenv(derived.SWITCH, raising=False)
    monkeypatch.setattr(derived, "PACKAGE_DIR", package)
    derived.package_fingerprint.cache_clear()
    monkeypatch.setattr(derived, "data_fingerprint", lambda: derived.file_sha256(data_file))
    calls = []

    @derived.cached
    def compute(years=(2008, 2009), suppressed="bound"):
        calls.append((years, suppressed))
        return pd.DataFrame({"years": list(years), "rule": suppressed})

    yield compute, calls, package, data_file, tmp_path / "_build" / derived.FOLDER
    derived.package_fingerprint.cache_clear()


def test_a_second_call_reads_the_disk_and_returns_an_equal_fresh_copy(world):
    compute, calls, *_ = world
    first = compute()
    second = compute(years=(2008, 2009))  # the defaults are part of the key
    assert len(calls) == 1
    pd.testing.assert_frame_equal(first, second)
    assert first is not second


def test_a_cold_build_starts_empty_and_writes_under_the_build_dir(world):
    compute, calls, _, _, folder = world
    assert not folder.exists()
    compute()
    assert len(list(folder.glob("*.pkl"))) == 1
    assert not list(folder.glob("*.tmp"))


def test_a_changed_argument_misses(world):
    compute, calls, *_ = world
    compute()
    compute(suppressed="exclude")
    compute(years=(2008, 2010))
    assert len(calls) == 3


def test_a_changed_source_file_misses(world):
    compute, calls, package, *_ = world
    compute()
    (package / "module.py").write_text("x = 2\n")
    derived.package_fingerprint.cache_clear()  # a new process reads the source again
    compute()
    (package / "new_module.py").write_text("y = 1\n")
    derived.package_fingerprint.cache_clear()
    compute()
    assert len(calls) == 3


def test_a_changed_data_file_misses(world):
    compute, calls, _, data_file, _ = world
    compute()
    data_file.write_text("a\n2\n")
    compute()
    assert len(calls) == 2


def test_switched_off_every_call_computes_and_nothing_is_written(world, monkeypatch):
    compute, calls, _, _, folder = world
    monkeypatch.setenv(derived.SWITCH, "off")
    compute()
    compute()
    assert len(calls) == 2
    assert not folder.exists()


def test_arguments_that_are_not_plain_values_are_computed(world):
    compute, calls, _, _, folder = world
    compute(years=pd.Index([2008]))
    compute(years=pd.Index([2008]))
    assert len(calls) == 2
    assert not folder.exists()


def test_an_unreadable_entry_is_recomputed(world):
    compute, calls, _, _, folder = world
    compute()
    (entry,) = folder.glob("*.pkl")
    entry.write_bytes(b"not a pickle")
    with pytest.warns(UserWarning, match="unreadable"):
        compute()
    assert len(calls) == 2


def test_the_real_key_covers_the_data_files():
    """The data fingerprint names every registered dataset, found or missing."""
    assert len(derived.data_fingerprint()) == 64
    assert derived.environment_fingerprint().count("=") == len(derived.LIBRARIES)


def test_a_list_and_a_tuple_of_the_same_years_are_one_call(world):
    compute, calls, *_ = world
    compute(years=[2008, 2009])
    compute((2008, 2009), "bound")
    assert len(calls) == 1
