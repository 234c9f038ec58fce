"""Helpers for the tiny, self-made data folder used by the data-door tests (see conftest)."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
from pathlib import Path

import pytest

from eucluster import data


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class TinyData:
    """Writes fixture files into a temporary data folder and registers them."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch):
        self.root = root
        self.monkeypatch = monkeypatch

    def write(self, relative: str, content: str | bytes, *, gz: bool = False) -> Path:
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        raw = content.encode() if isinstance(content, str) else content
        target.write_bytes(gzip.compress(raw) if gz else raw)
        return target

    def register(self, name: str, relative: str, *, like: str | None = None, **changes):
        """Register ``relative`` as dataset ``name`` (copying the entry ``like`` if given),
        pinning the current checksum of the file unless ``sha256`` is passed. The copied
        content checks keep everything but the row count (a toy file is small) unless
        ``content`` is passed."""
        target = self.root / relative
        if "sha256" not in changes:
            changes["sha256"] = sha(target)
        base = data.DATASETS[like or name]
        if "content" not in changes:
            changes["content"] = dataclasses.replace(base.content, rows=None)
        entry = dataclasses.replace(base, name=name, path=relative, **changes)
        self.monkeypatch.setitem(data.DATASETS, name, entry)
        return entry


SBS_TSV = (
    "nace_r2,indic_sb,geo\\time\t2015 \t2014 \n"
    "C,V16110,DE11\t570229 \t560000 e\n"
    "C,V16110,FR10\t: c\t: \n"
    "C29,V16110,DE11\t160445 \t3.5 bu\n"
)


def _square(x: float, y: float) -> dict:
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def gisco_level2(codes: dict[str, str]) -> str:
    """A GeoJSON FeatureCollection with one unit square per NUTS 2 code (code -> name)."""
    features = []
    for i, (code, name) in enumerate(codes.items()):
        props = {
            "NUTS_ID": code,
            "LEVL_CODE": 2,
            "CNTR_CODE": code[:2],
            "NAME_LATN": name,
            "NUTS_NAME": name,
            "MOUNT_TYPE": 0,
            "URBN_TYPE": None,
            "COAST_TYPE": 0,
            "FID": code,
        }
        features.append(
            {"type": "Feature", "geometry": _square(10 + i, 45), "properties": props, "id": code}
        )
    return json.dumps({"type": "FeatureCollection", "features": features})


#: A toy world: Hungary's capital region HU10 split in 2016 into HU11 + HU12; France's FR10
#: kept its code; FR21 was renamed FRF2; AT11 is unchanged; NL33 lost a 1 % sliver to NL31.
REGIONS_2021 = {
    "AT11": "Burgenland",
    "FR10": "Ile de France",
    "FRF2": "Champagne-Ardenne",
    "HU11": "Budapest",
    "HU12": "Pest",
    "NL31": "Utrecht",
    "NL33": "Zuid-Holland",
}

CROSSWALK_HEADER = (
    "from_code,to_code,from_version,to_version,level,country,areaKm,pop21,pop11,"
    "artif_surf18,artif_surf12,bu_vol\n"
)
CROSSWALK_ROWS = [
    ("AT11", "AT11", 300),
    ("FR10", "FR10", 12000),
    ("FR21", "FRF2", 1300),
    ("HU10", "HU11", 1700),
    ("HU10", "HU12", 1300),
    ("NL31", "NL31", 1300),
    ("NL33", "NL33", 3700),
    ("NL33", "NL31", 36),
]


def crosswalk_csv() -> str:
    lines = [
        f"{a},{b},2013,2021,2.0,X,1.0,{pop}.0,{pop}.0,1.0,1.0,1.0" for a, b, pop in CROSSWALK_ROWS
    ]
    # The GDP pull is coded in NUTS 2024; in the toy world 2024 equals 2021.
    lines += [f"{c},{c},2024,2021,2.0,X,1.0,1.0,1.0,1.0,1.0,1.0" for c in REGIONS_2021]
    return CROSSWALK_HEADER + "\n".join(lines) + "\n"


def nuts_codes_csv() -> str:
    v2013 = ["AT11", "FR10", "FR21", "HU10", "NL31", "NL33"]
    v2021 = list(REGIONS_2021)
    lines = [f"{c},{v},X" for c in v2013 for v in (2013,)]
    lines += [f"{c},{v},X" for c in v2021 for v in (2021, 2024)]
    lines += ["DE41,2010,X"]
    return "code,version,country\n" + "\n".join(lines) + "\n"


def gdp_api_csv(values: dict[tuple[str, int], float]) -> str:
    lines = [f"A,PPS_HAB_EU27_2020,{g},{y},{v}" for (g, y), v in values.items()]
    return "freq,unit,geo,time,obs_value\n" + "\n".join(lines) + "\n"


def vintages_csv() -> str:
    return "Country,NUTS,geo,label,vintage,unit,time,values\n"
