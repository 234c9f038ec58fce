"""A cache that cannot lie: the parquet cache of a tidy frame is checked against the sha256
recorded when it was written; a valid but altered parquet file (one value changed) is noticed
and rebuilt from the verified source, with a CacheWarning that says so."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from eucluster import data
from eucluster.data import door

PATENTS = "unit,geo,time,values\nNR,DE11,2011,1729.9\nNR,DE12,2012,12.5\n"


@pytest.fixture
def patents(tiny):
    tiny.write("p.csv", PATENTS)
    tiny.register("pat_ep_rtot", "p.csv")
    first = data.load("pat_ep_rtot")
    target = door.cache_file("pat_ep_rtot")
    assert target.is_file() and door.cache_record(target).is_file()
    return first, target


def test_an_altered_cached_frame_is_noticed_and_rebuilt(patents):
    first, target = patents
    altered = pd.read_parquet(target)
    altered.loc[0, "value"] = 99999.0  # one region's value changed, still a valid parquet file
    altered.to_parquet(target, index=False)
    with pytest.warns(data.CacheWarning, match="recorded when written"):
        again = data.load("pat_ep_rtot")
    pd.testing.assert_frame_equal(again, first)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the rebuilt cache is trusted again: no warning
        pd.testing.assert_frame_equal(data.load("pat_ep_rtot"), first)


def test_a_cached_frame_without_its_record_is_rebuilt(patents):
    first, target = patents
    door.cache_record(target).unlink()
    with pytest.warns(data.CacheWarning, match="no checksum record"):
        pd.testing.assert_frame_equal(data.load("pat_ep_rtot"), first)
    assert door.cache_record(target).is_file()


def test_a_garbled_cache_file_is_rebuilt(patents):
    first, target = patents
    target.write_bytes(b"not parquet")
    with pytest.warns(data.CacheWarning):
        pd.testing.assert_frame_equal(data.load("pat_ep_rtot"), first)
