"""The printed forms: real PDFs whose text layer has the Vietnamese text, the return date and slot, and
whose QR code decodes (zxing-cpp) to the dossier code."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp

from docmgr.core.errors import UsageError
from docmgr.services import dossier_forms as forms
from docmgr.services import dossiers as svc
from docmgr.services.ingest import ingest_file
from docmgr.services.procedures import get_procedure


def _text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return unicodedata.normalize("NFC", "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    finally:
        pdf.close()


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def dossier(library: Any, inputs: Path) -> dict[str, Any]:
    (inputs / "tk.txt").write_text("TỜ KHAI ĐĂNG KÝ KHAI SINH\nHọ tên: Nguyễn Thị Hồng Nhung\n", encoding="utf-8")
    doc = ingest_file(library, inputs / "tk.txt", doc_type="TK-KS")
    d = svc.new_dossier(library, "KHAI-SINH", svc.ApplicantInput(
        "Nguyễn Văn An", "092095001234", "0912345678", "12 Nguyễn Trãi, Phường An Hòa, Quận Ninh Kiều, TP Cần Thơ"),
        datetime(2026, 3, 2, 9, 10))
    return svc.attach(library, d["code"], [int(doc.id)])


def test_the_receipt_has_the_text_the_appointment_and_a_qr_of_the_code(library: Any, dossier: dict[str, Any],
                                                                       tmp_path: Path) -> None:
    assert dossier["appointment"] == {"date": "2026-03-02", "slot": "10:00"}
    path = forms.write_receipt(library, dossier["code"], tmp_path / "receipt.pdf")
    text = _flat(_text(path))
    for wanted in ("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Nguyễn Văn An", "Đăng ký khai sinh", "Tờ khai đăng ký khai sinh", "Bản chính",
                   "09 giờ 10 phút, ngày 02/03/2026", "10 giờ 00 phút, ngày 02/03/2026",
                   "Phường Cái Khế, Thành phố Cần Thơ", dossier["code"], "Cần Thơ, ngày 02 tháng 03 năm 2026"):
        assert wanted in text, wanted
    pdf = pdfium.PdfDocument(str(path))
    image = pdf[0].render(scale=150 / 72).to_pil()
    pdf.close()
    decoded = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert decoded == [dossier["code"]]


def test_supplement_request_refusal_tracking_sheet_and_checklist(library: Any, dossier: dict[str, Any],
                                                                 tmp_path: Path) -> None:
    code = dossier["code"]
    text = _flat(_text(forms.write_supplement_request(library, code, tmp_path / "bs.pdf")))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text and "1. Giấy chứng sinh" in text
    text = _flat(_text(forms.write_refusal(library, code, "Không thuộc thẩm quyền của phường", tmp_path / "tc.pdf")))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text and "Không thuộc thẩm quyền của phường" in text
    svc.set_status(library, code, "in-progress", note="chuyển công chức tư pháp - hộ tịch")
    text = _flat(_text(forms.write_tracking_sheet(library, code, tmp_path / "ks.pdf")))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text and "chuyển công chức tư pháp - hộ tịch" in text
    text = _flat(_text(forms.write_checklist(library, get_procedure(library, "DAT-BIEN-DONG"), tmp_path / "c.pdf")))
    assert "DANH MỤC GIẤY TỜ CẦN MANG THEO" in text and "Giấy chứng nhận đã cấp" in text and "08 ngày làm việc" in text
    with pytest.raises(UsageError, match="needs its reason"):
        forms.write_refusal(library, code, " ", tmp_path / "x.pdf")
    with pytest.raises(UsageError, match="ending in .pdf"):
        forms.write_receipt(library, code, tmp_path / "x.txt")
    assert not list(tmp_path.glob(".part-*")) and not list(tmp_path.glob("*.part"))
