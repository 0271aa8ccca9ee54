"""Scanned PDFs that carry the scanner's own OCR layer made without Vietnamese are OCR'd again."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.text import fold
from docmgr.services.documents import show
from docmgr.services.ingest import ingest_file, ingest_paths
from tests.fixtures.builders import DECISION, render_lines, save_image


def english_ocr_scan(image: Path, target: Path) -> Path:
    """What an office scanner makes: the page image with an invisible text layer from an English OCR."""
    subprocess.run(["tesseract", str(image), str(target.with_suffix("")), "-l", "eng", "pdf"], check=True,
                   capture_output=True, timeout=120)
    return target


@pytest.mark.tesseract
def test_a_scanners_english_ocr_layer_is_replaced_by_vietnamese_ocr(library: Any, inputs: Path,
                                                                      tmp_path: Path) -> None:
    page = save_image(render_lines(DECISION, size=40, width=1650), tmp_path / "page.png")
    scan = english_ocr_scan(page, inputs / "scan.pdf")
    import pypdfium2 as pdfium

    layer = pdfium.PdfDocument(str(scan))[0].get_textpage().get_text_range()
    assert "NGHIA" in fold(layer).upper() and "NGHĨA" not in layer   # the scanner lost the marks

    result = ingest_paths(library, [scan])[0]
    assert (result.status, result.text_source) == ("filed", "ocr")
    text = show(library, result.id)["pages"][0]["text"]
    # (Tesseract's vie+eng itself reads some all-capital lines without marks: the lines in lower case)
    assert "Về việc công nhận kết quả đăng ký khai sinh" in text and "Nguyễn Thị Hồng Nhung" in text


@pytest.mark.tesseract
def test_the_scanners_layer_stays_where_ocr_reads_the_page_worse(library: Any, inputs: Path,
                                                                  tmp_path: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import TextMode
    from PIL import Image

    blank = tmp_path / "blank.png"
    Image.new("L", (1654, 2339), 255).save(blank, dpi=(200, 200))   # a scan OCR finds nothing on
    layer = fold(" ".join(DECISION))   # the scanner's reading, marks lost
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_page()
    pdf.image(str(blank), x=0, y=0, w=210, h=297)
    pdf.set_font("DejaVu", size=12)
    pdf.text_mode = TextMode.INVISIBLE
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 7, layer)
    pdf.output(str(inputs / "faint.pdf"))

    result = ingest_file(library, inputs / "faint.pdf")
    assert (result.status, result.text_source) == ("filed", "text-layer")
    assert "Nguyen Thi Hong Nhung" in show(library, result.id)["pages"][0]["text"]
