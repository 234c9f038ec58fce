"""Readers for the source files that are not in one of Eurostat's machine formats
(those are in :mod:`eucluster.data.eurostat`), grouped by file type.

Each reader takes a path and returns the tidy frame its registry entry promises: snake_case
columns, ``geo`` for a region code, ``year`` as int64, ``value`` as float64. Readers check the
columns they use (ColumnError) and the cells they convert (FormatError) instead of returning a
partial table; decoding problems become CorruptFileError. The door then checks the result
against the entry's pandera schema (:mod:`eucluster.data.schemas`).
"""
