"""The taxonomy file and the resolution of what a user types after --type."""

from __future__ import annotations

import pytest

from docmgr.classify.taxonomy import load_taxonomy
from docmgr.core.errors import UsageError


def test_the_29_administrative_types_with_unique_ascii_codes() -> None:
    tax = load_taxonomy()
    admin = [t for t in tax.types.values() if t.category == "administrative"]
    assert len(admin) == 29
    codes = [c.lower() for c in tax.types]
    assert len(codes) == len(set(codes)) and all(c.isascii() for c in codes)
    # the type is the form: a normative Quyết định is a Quyết định (normative is a flag, not a type)
    assert tax.by_abbr("QĐ") == ["QD"] and tax.by_abbr("NQ") == ["NQ"]
    assert tax.current("QD-QPPL") == "QD" and tax.current("NQ-QPPL") == "NQ" and "QD-QPPL" not in tax.types
    assert tax.resolve("Quyết định quy phạm pháp luật").code == "QD"
    assert tax.by_abbr("QyĐ") == ["QYD"] and tax.types["CV"].abbr == ""
    assert {"TK-KS", "DDK-DD", "DDK-BD", "GCN-QSDD", "DXGPXD", "GDK-HKD", "DKN", "DTC", "PAKN"} <= set(tax.types)
    assert "ho-tich" in tax.fields_of_work and set(tax.triage) == {"desk", "agency"}
    assert tax.types["PAKN"].unconfirmed


@pytest.mark.parametrize("typed", ["QUYẾT ĐỊNH", "quyet dinh", "Quyết định", "QD", "qd", "Quyết định"])
def test_code_or_name_any_case_with_or_without_diacritics(typed: str) -> None:
    assert load_taxonomy().resolve(typed).code == "QD"


@pytest.mark.parametrize("typed, code", [("THÔNG TƯ", "TT"), ("NGHỊ ĐỊNH", "ND"), ("LUẬT", "LUAT"),
                                         ("PHÁP LỆNH", "PL"), ("NGHỊ QUYẾT", "NQ"), ("cong van", "CV"),
                                         ("Hợp đồng", "HDD"), ("ĐỀ ÁN", "DDA"), ("dự án", "DA"),
                                         ("to khai dang ky khai sinh", "TK-KS"), ("KHÁC", "KHAC"), ("hoà", None)])
def test_names_of_the_dataset_labels_resolve(typed: str, code: str | None) -> None:
    tax = load_taxonomy()
    if code is None:
        with pytest.raises(UsageError, match="unknown"):
            tax.resolve(typed)
    else:
        assert tax.resolve(typed).code == code


def test_a_shared_name_is_an_error_listing_the_codes() -> None:
    with pytest.raises(UsageError) as err:
        load_taxonomy().resolve("tờ khai")
    assert "TK-KS" in str(err.value) and "TK-KH" in str(err.value)
