"""Seals and signatures on colour scans: found with their boxes, the seal's red dropped before OCR
so that the print under it is read; stored with the page, shown by ``show``, asked by services.

Real tesseract on one small rendered colour page, a real PDF (JPEG inside) and a real library.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docmgr.ingest import marks, preprocess
from docmgr.ingest.ocr import OcrJob, ocr_pages
from tests.fixtures.builders import DECISION, image_pdf, sealed_page

LINES = [DECISION[8], DECISION[9], "TM. ỦY BAN NHÂN DÂN PHƯỜNG NINH KIỀU"]


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
    return w * h / max(1, union)


def test_seal_and_signature_are_found_with_their_boxes() -> None:
    page, seal, signature = sealed_page(LINES)
    found = marks.find_marks(page, 200)
    kinds = {m.kind: m.box for m in found}
    assert set(kinds) == {"seal", "signature"}, found
    assert _overlap(kinds["seal"], seal) > 0.8
    assert _overlap(kinds["signature"], signature) > 0.6
    assert marks.find_marks(page.convert("L").convert("RGB"), 200) == []   # a grey page has none
    assert not marks.is_colour(page.convert("L").convert("RGB"))


@pytest.mark.tesseract
def test_the_print_under_a_seal_is_read_once_the_red_is_dropped(tmp_path: Path) -> None:
    page, seal, _ = sealed_page(LINES)
    pdf = image_pdf(tmp_path / "sealed.pdf", [page])
    job = [OcrJob(str(pdf), "pdf", 0, 1)]
    (dropped,) = ocr_pages(job, workers=1)
    (kept,) = ocr_pages(job, workers=1, steps=preprocess.DEFAULT_STEPS - {"seal-dropout"})
    assert dropped.page.steps[:1] == ["seal-dropout"] and "seal-dropout" not in kept.page.steps
    words = LINES[-1].split()   # the line the seal is stamped over

    def read(text: str) -> int:
        return sum(word in text.split() for word in words)

    assert read(dropped.page.text) >= len(words) - 1, dropped.page.text
    assert read(dropped.page.text) >= read(kept.page.text) + 2, kept.page.text
    kinds = {m.kind: m.box for m in dropped.page.marks}
    assert set(kinds) == {"seal", "signature"}
    # boxes are in the pixels of the image the word boxes refer to
    assert dropped.page.width == page.width and _overlap(kinds["seal"], seal) > 0.6


@pytest.mark.tesseract
def test_marks_are_stored_shown_and_asked(library: object, tmp_path: Path) -> None:
    from docmgr.services.documents import show
    from docmgr.services.ingest import ingest_paths
    from docmgr.services.marks import is_sealed, is_signed, page_marks

    page, _, _ = sealed_page(LINES)
    plain, _, _ = sealed_page(LINES)
    signed_pdf = image_pdf(tmp_path / "signed.pdf", [page.convert("L").convert("RGB"), page])
    grey_pdf = image_pdf(tmp_path / "grey.pdf", [plain.convert("L")])
    signed, grey = ingest_paths(library, [signed_pdf, grey_pdf], workers=1)  # type: ignore[arg-type]
    assert signed.status == grey.status == "filed"
    shown = show(library, signed.id)  # type: ignore[arg-type]
    assert shown["pages"][0]["marks"] == []
    last = shown["pages"][1]
    assert sorted(m["kind"] for m in last["marks"]) == ["seal", "signature"]
    assert all(len(m["box"]) == 4 and 0 <= m["box"][0] < m["box"][2] <= last["width"] for m in last["marks"])
    assert is_signed(library, signed.id) and is_signed(library, signed.id, page=2)  # type: ignore[arg-type]
    assert not is_signed(library, signed.id, page=1) and is_sealed(library, signed.id)  # type: ignore[arg-type]
    assert not is_signed(library, grey.id) and page_marks(library, grey.id) == []  # type: ignore[arg-type]
