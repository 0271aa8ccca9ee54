"""Reading PDF text layers through pdfium: reading order, spacing, fonts without ToUnicode."""

from __future__ import annotations

from pathlib import Path

from docmgr.core.progress import CancelToken
from docmgr.ingest.pdftext import read_pdf
from tests.fixtures.builders import DECISION, SERIF, text_pdf


def _read(path: Path) -> list:
    return read_pdf(path, password=None, max_pages=50, max_page_area_m2=2.0, max_megapixels=100,
                    cancel=CancelToken())


def _header_pdf(path: Path, char_spacing: float = 0.0) -> Path:
    """The two-column national header, then a two-column table, as Word lays them out."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Serif", "", str(SERIF))
    pdf.set_font("Serif", size=12)
    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.multi_cell(70, 6, "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 2820/QĐ-UBND", align="C")
    pdf.set_xy(95, 20)
    pdf.multi_cell(100, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                           "Cần Thơ, ngày 05 tháng 01 năm 2026", align="C")
    pdf.set_char_spacing(char_spacing)
    for col, x in ((["Ngày nhận", "05/01/2026", "06/01/2026"], 20), (["Người nộp", "Nguyễn Văn An", "Trần Thị Bình"],
                                                                       80)):
        for row, cell in enumerate(col):   # column by column in the content stream
            pdf.set_xy(x, 60 + row * 8)
            pdf.cell(55, 8, cell)
    pdf.output(str(path))
    return path


def test_two_column_header_and_table_read_row_by_row(tmp_path: Path) -> None:
    (page,) = _read(_header_pdf(tmp_path / "qd.pdf"))
    lines = page.text.splitlines()
    assert lines[0] == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[2] == "Số: 2820/QĐ-UBND Cần Thơ, ngày 05 tháng 01 năm 2026"
    assert lines[-2:] == ["05/01/2026 Nguyễn Văn An", "06/01/2026 Trần Thị Bình"]


def test_letter_spaced_text_keeps_its_words(tmp_path: Path) -> None:
    (page,) = _read(_header_pdf(tmp_path / "spaced.pdf", char_spacing=3))
    assert "05/01/2026 Nguyễn Văn An" in page.text.splitlines()


def test_a_font_without_tounicode_goes_to_ocr(tmp_path: Path) -> None:
    import pypdf

    source = text_pdf(tmp_path / "qd.pdf", [DECISION])
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(str(source)))
    for font in writer.pages[0]["/Resources"]["/Font"].values():
        del font.get_object()["/ToUnicode"]
    writer.write(str(tmp_path / "nomap.pdf"))
    (page,) = _read(tmp_path / "nomap.pdf")
    assert page.text is None and "ToUnicode" in page.ocr_reason


def test_vietnamese_text_is_read_whole_and_composed(tmp_path: Path) -> None:
    pages = _read(text_pdf(tmp_path / "qd.pdf", [DECISION, ["Điều 2. Quyết định này có hiệu lực."]]))
    assert [p.number for p in pages] == [1, 2]
    assert pages[0].text.splitlines() == DECISION
    assert pages[1].text == "Điều 2. Quyết định này có hiệu lực."
