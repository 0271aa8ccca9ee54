"""How well old-style addresses map to their 2025 unit, on the real dvhcvn 2025 mapping (Cần Thơ).

Reads /work/shared/data/vn-admin-units-2025/mapping (never copied into the repo). For every old
commune of the former Cần Thơ, Hậu Giang and Sóc Trăng it writes the address three ways a paper or a
clerk may: as printed ("Phường An Hòa, Tỉnh Sóc Trăng"), abbreviated ("P. An Hòa, Sóc Trăng") and
without marks ("phuong an hoa, soc trang"), resolves it with docmgr.records.addresses and counts an
exact hit when the 2025 units given are exactly those of the mapping.

Usage: .venv/bin/python bench/admin_units.py [--source DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    from docmgr.core.text import fold
    from docmgr.records.addresses import load_units

    ap = argparse.ArgumentParser()
    ap.add_argument("--source", type=Path, default=Path("/work/shared/data/vn-admin-units-2025/mapping"))
    args = ap.parse_args()
    merges = json.loads((args.source / "merges.json").read_text(encoding="utf-8"))["data"]
    splits = json.loads((args.source / "splits.json").read_text(encoding="utf-8"))["data"]
    prov = next(p for p in merges if p["level1_id"] == "92")
    new_names = {u["level2_id"]: f"{u['name']}, {prov['name']}" for u in prov["level2s"]}
    old_provs = {m["old_id"]: m["name"] for m in prov["merges"]}
    units = load_units()
    styles = {"printed": lambda n, p: f"{n}, {p}",
              "abbreviated": lambda n, p: f"{n.replace('Phường ', 'P. ').replace('Xã ', 'X. ').replace('Thị trấn ', 'TT. ')}, "
                                          f"{p.replace('Tỉnh ', '').replace('Thành phố ', '')}",
              "no marks": lambda n, p: fold(f"{n}, {p}").lower()}
    total, hits = 0, {k: 0 for k in styles}
    among = {k: 0 for k in styles}  # several candidates, the right one(s) among them
    reused = {k: 0 for k in styles}  # the old name is now a 2025 unit elsewhere: read as the 2025 unit
    ambiguous = 0
    current = {u["name"] for u in prov["level2s"]}
    for sp in splits:
        if sp["level1_id"] not in old_provs:
            continue
        for unit in sp["level3s"]:
            want = {new_names[s["new_id"]] for s in unit["splits"] if s["new_id"] in new_names}
            if not want:
                continue
            total += 1
            ambiguous += len(want) > 1
            for style, make in styles.items():
                got = set(units.resolve(make(unit["name"], old_provs[sp["level1_id"]])).units_2025)
                hits[style] += got == want
                among[style] += got != want and len(got) > 1 and want <= got
                reused[style] += got != want and unit["name"] in current
    print(f"old communes of Cần Thơ city (92+93+94): {total} ({ambiguous} split over several 2025 units)")
    for style, n in hits.items():
        wrong = total - n - among[style] - reused[style]
        print(f"  {style:<12} exact: {n}/{total} = {n / total:.1%}; candidates incl. the right one: {among[style]}; "
              f"old name reused by a 2025 unit (no district given): {reused[style]}; wrong: {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
