"""The registry: every source file the book reads, with where it came from and how to read it.

One entry per dataset (:class:`~eucluster.data.registry.entry.Dataset`), kept in one module per
source family: ``eurostat`` (Eurostat's statistical tables), ``indices`` (competitiveness and
innovation indices, cluster definitions) and ``geography`` (NUTS codes, cross-walks,
boundaries). An entry pins the file's sha256, so a different file under the same name (a newer
Eurostat vintage, a truncated download, a local edit) is refused instead of silently changing
the book's numbers. Adding a vintage means adding an entry to its family's module and a test,
nothing else.

Names are the Eurostat table code where there is one (``sbs_r_nuts06_r2``), with a suffix when
one table comes in several files (``nama_10r_2gdp_pps_hab_eu27`` is the unit ``PPS_HAB_EU27_2020``
of ``nama_10r_2gdp``). ``url`` is a *pinned* copy whose bytes match ``sha256`` (a raw GitHub URL at
a fixed commit), for every entry: tables published as R data are registered as the original
``.rda``/``.rds``, not as a conversion.
"""

from __future__ import annotations

from eucluster.data.registry import eurostat, geography, indices
from eucluster.data.registry.entry import Dataset

__all__ = ["DATASETS", "Dataset"]


def _by_name(entries: list[Dataset]) -> dict[str, Dataset]:
    """Entries by name; two entries with one name would make one of them unreachable."""
    found: dict[str, Dataset] = {}
    for entry in entries:
        if entry.name in found:
            raise ValueError(
                f"src/eucluster/data/registry: dataset name {entry.name!r} is registered twice. "
                "Give the new vintage its own name (e.g. a year suffix)."
            )
        found[entry.name] = entry
    return found


#: Every registered dataset, by name: Eurostat tables, then indices, then geography.
DATASETS: dict[str, Dataset] = _by_name(eurostat.ENTRIES + indices.ENTRIES + geography.ENTRIES)
