"""Derive resources/records/admin_units.json (old commune → 2025 unit) from the dvhcvn 2025 mapping.

Usage: .venv/bin/python scripts/make_admin_units.py [--source DIR] [--province 92 ...] [-o FILE]
The source is the ``vn-admin-units-2025/mapping`` folder (merges.json, splits.json; dvhcvn/20250701,
MIT). The default ships Cần Thơ (province 92: the former Cần Thơ, Hậu Giang and Sóc Trăng); give
``--province all`` for the whole country.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

DEFAULT_SOURCE = Path("/work/shared/data/vn-admin-units-2025/mapping")
OUT = Path(__file__).resolve().parents[1] / "resources" / "records" / "admin_units.json"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def derive(source: Path, provinces: list[str]) -> dict:
    merges = json.loads((source / "merges.json").read_text(encoding="utf-8"))["data"]
    splits = json.loads((source / "splits.json").read_text(encoding="utf-8"))["data"]
    out = {"about": "Old commune-level units (before 1/7/2025) and the 2025 units they became, derived by "
                    "scripts/make_admin_units.py from dvhcvn/20250701 @ dd94887c (MIT). Partial merges map an old "
                    "unit to several new ones.", "provinces": []}
    for prov in merges:
        if provinces != ["all"] and prov["level1_id"] not in provinces:
            continue
        old_ids = {m["old_id"]: nfc(m["name"]) for m in prov["merges"]}
        units = [{"id": u["level2_id"], "name": nfc(u["name"])} for u in prov["level2s"]]
        new_ids = {u["id"] for u in units}
        old = []
        for sp in splits:
            if sp["level1_id"] not in old_ids:
                continue
            for unit in sp["level3s"]:
                targets = [s["new_id"] for s in unit["splits"] if s["new_id"] in new_ids]
                if targets:
                    old.append({"id": unit["level3_id"], "name": nfc(unit["name"]),
                                "province": old_ids[sp["level1_id"]], "new": targets})
        out["provinces"].append({"id": prov["level1_id"], "name": nfc(prov["name"]),
                                 "old_provinces": sorted(set(old_ids.values())), "units": units, "old": old})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--province", nargs="+", default=["92"], help="level-1 ids (92 = Cần Thơ) or 'all'")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    data = derive(args.source, args.province)
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    n = sum(len(p["old"]) for p in data["provinces"])
    print(f"{args.output}: {len(data['provinces'])} province(s), {n} old units")


if __name__ == "__main__":
    main()
