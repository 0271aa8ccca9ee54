"""Old (district-based) and 2025 addresses of Cần Thơ resolve to their 2025 unit (shipped mapping)."""

from __future__ import annotations

import pytest

from docmgr.records.addresses import load_units

CASES = [
    ("12 Nguyễn Trãi, Phường An Hòa, Quận Ninh Kiều, TP Cần Thơ", ("Phường Cái Khế, Thành phố Cần Thơ",), "Phường An Hòa"),
    ("so 5, p. an hoa, q. ninh kieu, can tho", ("Phường Cái Khế, Thành phố Cần Thơ",), "Phường An Hòa"),
    # the district's name is also a commune's ("Huyện Cờ Đỏ" / "Thị trấn Cờ Đỏ"): the commune named is used
    ("Ấp 3, Xã Thạnh Phú, Huyện Cờ Đỏ, Cần Thơ", ("Xã Thạnh Phú, Thành phố Cần Thơ",), "Xã Thạnh Phú"),
    # a former province named makes the address old-style; Thành is not Thạnh
    ("Xã Tân Thành, huyện Châu Thành, tỉnh Hậu Giang", ("Phường Đại Thành, Thành phố Cần Thơ",), "Xã Tân Thành"),
    ("Xã Đông Phước, Tỉnh Hậu Giang", ("Xã Phú Hữu, Thành phố Cần Thơ",), "Xã Đông Phước"),
    # "Trường Long A" is not "Trường Long"; Roman "Phường I" is also written "Phường 1"
    ("Xã Trường Long A, huyện Châu Thành A, Hậu Giang", ("Xã Trường Long Tây, Thành phố Cần Thơ",), "Xã Trường Long A"),
    ("Phường 1, TP Vị Thanh, Hậu Giang", ("Phường Vị Thanh, Thành phố Cần Thơ",), "Phường I"),
    # a 2025 address stays as it is
    ("45 đường 30/4, Phường Cái Khế, Thành phố Cần Thơ", ("Phường Cái Khế, Thành phố Cần Thơ",), None),
    ("Hà Nội", (), None),
]


@pytest.mark.parametrize("address,units,old", CASES, ids=[c[0][:30] for c in CASES])
def test_resolve(address: str, units: tuple[str, ...], old: str | None) -> None:
    got = load_units().resolve(address)
    assert got.units_2025 == units and got.old_unit == old


def test_an_ambiguous_old_name_lists_its_candidates() -> None:
    got = load_units().resolve("Phường 2, Tỉnh Sóc Trăng")  # Sóc Trăng city, Ngã Năm and Vĩnh Châu each had one
    assert len(got.units_2025) > 1 and got.unit_2025 is None
    assert "Phường Phú Lợi, Thành phố Cần Thơ" in got.units_2025
