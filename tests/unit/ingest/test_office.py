import unicodedata
from pathlib import Path

import pytest

from docmgr.core.errors import RejectedInput
from docmgr.ingest.office import read_docx, read_text_file
from tests.fixtures.builders import docx

TEXT = "Đơn đề nghị cấp bản sao trích lục khai sinh\nHọ và tên: Trần Thị Thuỷ"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_text_files(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_text_file(path) == TEXT


def _cp1258(text: str) -> bytes:
    """Encode as Windows does: base letters precomposed where cp1258 has them, tones combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def test_windows_1258_text_is_decoded_and_composed(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.txt"
    path.write_bytes(_cp1258(TEXT))
    assert read_text_file(path) == TEXT


def test_nfd_input_becomes_nfc(tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", TEXT), encoding="utf-8")
    assert read_text_file(path) == TEXT


def test_docx_reads_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = docx(tmp_path / "cv.docx", ["CÔNG VĂN", "V/v tiếp nhận hồ sơ đất đai"],
                table=[["ỦY BAN NHÂN DÂN QUẬN NINH KIỀU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                       ["Số: 12/UBND-VX", "Ninh Kiều, ngày 03 tháng 02 năm 2026"]])
    text = read_docx(path)
    assert "Số: 12/UBND-VX\tNinh Kiều, ngày 03 tháng 02 năm 2026" in text
    assert text.index("Số: 12/UBND-VX") < text.index("V/v tiếp nhận")


def test_damaged_docx_is_rejected(tmp_path: Path) -> None:
    good = docx(tmp_path / "good.docx", ["Nội dung"])
    bad = tmp_path / "bad.docx"
    data = good.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(RejectedInput):
        read_docx(bad)
