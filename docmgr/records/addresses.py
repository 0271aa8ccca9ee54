"""Addresses in old (before 1/7/2025, xã/huyện/tỉnh) and 2025 (xã/phường + tỉnh/thành phố) unit names.

``resources/records/admin_units.json`` (made by ``scripts/make_admin_units.py`` from the dvhcvn 2025
mapping) lists, per province, its 2025 commune-level units and the old units each became. An address
that names a 2025 unit is kept as it is; one that names an old unit is also given its 2025 unit —
several candidates when the old unit was split, or when an old name occurs in more than one former
province that the address does not name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from docmgr.core.text import fold, nfc, normalize_tones
from docmgr.records.resources import RecordsDataError, data_file, read_json

UNITS_FILE = "admin_units.json"
# how a unit's kind is written on paper: "Phường", "P.", "Xã", "X.", "Thị trấn", "TT."
_KINDS = {"phường": r"(?:phường|phuong|p\.?)", "xã": r"(?:xã|xa|x\.?)", "thị trấn": r"(?:thị trấn|thi tran|tt\.?)",
          "phuong": r"(?:phuong|p\.?)", "xa": r"(?:xa|x\.?)", "thi tran": r"(?:thi tran|tt\.?)"}


def _exact(text: str) -> str:
    return re.sub(r"\s+", " ", normalize_tones(nfc(text)).lower()).strip()


def _key(text: str) -> str:
    return fold(_exact(text))


_HIGHER = re.compile(r"(?<!\w)(?:quan|huyen|thi xa|thanh pho|tinh|tp\.?|q\.|h\.)\s*[^,;]*")
_ROMAN = {r: str(i) for i, r in enumerate("i ii iii iv v vi vii viii ix x".split(), start=1)}
_DISTRICT = re.compile(r"(?<!\w)(?:quan|huyen|thi xa|q\.|h\.)\s*\w")


def _pattern(name: str, strict: bool, marked: bool) -> re.Pattern[str]:
    """A unit name as it may be written: its kind spelled out or abbreviated, or (loose, for named
    units such as "An Hòa") left out; "Phường 1" always needs its kind. ``marked`` compares with the
    diacritics (Thành ≠ Thạnh), else folded (for addresses typed without marks)."""
    k = _exact(name) if marked else _key(name)
    for kind, spelled in _KINDS.items():
        if k.startswith(kind + " "):
            rest = k[len(kind) + 1:]
            numbered = _ROMAN.get(rest) or (rest if rest.isdigit() else None)
            if numbered:  # "Phường I" is also written "Phường 1"
                roman = {v: r for r, v in _ROMAN.items()}.get(numbered)
                alts = "|".join(re.escape(x) for x in (numbered, roman) if x)
                return re.compile(rf"(?<!\w)(?:{spelled}\s*)(?:{alts})(?!\w)")
            optional = "?" if not strict else ""
            return re.compile(rf"(?<!\w)(?:{spelled}\s*){optional}{re.escape(rest)}(?!\w)")
    return re.compile(rf"(?<!\w){re.escape(k)}(?!\w)")


@dataclass(frozen=True)
class Resolved:
    """What an address names: its 2025 unit(s) and, for an old-style address, the old unit."""

    text: str
    units_2025: tuple[str, ...] = ()
    old_unit: Optional[str] = None

    @property
    def unit_2025(self) -> Optional[str]:
        return self.units_2025[0] if len(self.units_2025) == 1 else None


@dataclass
class AdminUnits:
    """The 2025 units and old units of the provinces in the file."""

    provinces: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> "AdminUnits":
        raw = read_json(path)
        if not isinstance(raw, dict) or not isinstance(raw.get("provinces"), list):
            raise RecordsDataError(f'{path}: expected an object with a "provinces" list')
        return cls(raw["provinces"])

    def resolve(self, address: str) -> Resolved:
        """The 2025 unit(s) an address names, directly or through the old unit it names."""
        text = nfc(address).strip()
        key = _key(text)
        for prov in self.provinces:
            names = {u["id"]: f"{u['name']}, {prov['name']}" for u in prov["units"]}
            direct, olds = self._find(prov, text)
            named_old_prov = [p for p in prov["old_provinces"] if re.sub(r"^(?:tinh|thanh pho) ", "", _key(p)) in key]
            if named_old_prov:
                olds = [o for o in olds if o["province"] in named_old_prov] or olds
            # an old-style address (a district, or a former province such as Hậu Giang, named) or an old
            # unit that no longer exists: map it
            district = _DISTRICT.search(key) is not None or any(p != prov["name"] for p in named_old_prov)
            longest = max((len(x["name"]) for x in direct + olds), default=0)  # "Trường Long A", not "Trường Long"
            direct = [u for u in direct if len(u["name"]) == longest]
            olds = [o for o in olds if len(o["name"]) == longest]
            if olds and (district or not direct):
                targets = tuple(dict.fromkeys(names[n] for o in olds for n in o["new"]))
                return Resolved(text, targets, olds[0]["name"] if len({o["name"] for o in olds}) == 1 else None)
            if direct:
                return Resolved(text, tuple(names[u["id"]] for u in direct))
        return Resolved(text)

    @staticmethod
    def _find(prov: dict[str, Any], text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The 2025 and old units of a province an address names: with marks first, then folded; the
        kind written out ("Phường An Hòa", "P. An Hòa") first, else the bare name outside the district
        and province parts ("Huyện Cờ Đỏ" is not "Thị trấn Cờ Đỏ")."""
        for marked in (True, False):
            key = _exact(text) if marked else _key(text)
            for strict, where in ((True, key), (False, _HIGHER.sub(" ", key))):
                direct = [u for u in prov["units"] if _compiled(u["name"], strict, marked).search(where)]
                olds = [o for o in prov["old"] if _compiled(o["name"], strict, marked).search(where)]
                if direct or olds:
                    return direct, olds
        return [], []


@lru_cache(maxsize=16384)
def _compiled(name: str, strict: bool, marked: bool) -> re.Pattern[str]:
    return _pattern(name, strict, marked)


@lru_cache(maxsize=4)
def _load(path: str) -> AdminUnits:
    return AdminUnits.load(Path(path))


def load_units(library_root: Optional[Path] = None) -> AdminUnits:
    """The unit mapping in use (the library's own ``records/admin_units.json`` or the shipped one)."""
    return _load(str(data_file(UNITS_FILE, library_root)))
