"""``classify`` reads of a scan only the pages it needs — the header on page 1, the signature block
on the last — unless asked for all (real tesseract, a four-page scanned PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docmgr.core.progress import ProgressEvent
from docmgr.services.classify import classify_paths, pages_to_read
from tests.fixtures.builders import DECISION, image_pdf, render_lines

pytestmark = pytest.mark.tesseract


def test_pages_to_read() -> None:
    assert pages_to_read(1) == {1} and pages_to_read(2) == {1, 2} and pages_to_read(29) == {1, 29}
    assert pages_to_read(0) == set()


def test_classify_ocrs_the_first_and_last_page_unless_asked(library: Any, inputs: Path) -> None:
    pages = [render_lines(DECISION[:8], size=30, width=1400)] + \
            [render_lines([f"Trang {n}", DECISION[9]], size=30, width=1400) for n in (2, 3)] + \
            [render_lines(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Hiếu"], size=30, width=1400)]
    pdf = image_pdf(inputs / "bon-trang.pdf", pages)
    for all_pages, read in ((False, 2), (True, 4)):
        events: list[ProgressEvent] = []
        (row,) = classify_paths(library, [pdf], progress=events.append, all_pages=all_pages)
        assert row["error"] is None and row["type_code"]
        # the OCR reports the pages done, "name (k/n)" out of the n pages it reads; two workers'
        # reports may arrive together, so a count can be skipped, but the last one is all of them
        ocr = [e for e in events if e.item.endswith(f"/{read})")]
        assert ocr and all(e.pages == read and 1 <= e.page <= read for e in ocr), events
        assert max(e.page for e in ocr) == read, events
