"""Searchable archive copies: written beside the original, exported, rebuilt when missing."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from docmgr.core.library import Library
from docmgr.core.models import Document, Page
from docmgr.ingest.ocr import OcrJob, ocr_pages
from docmgr.services.archive import NoArchiveCopy, archive_path, export_pdf, save_derived, thumbnail_path
from tests.fixtures.builders import DECISION, image_pdf, render_lines

pytestmark = pytest.mark.tesseract


def _file(library: Library, source: Path, pages: list[Page]) -> tuple[int, str]:
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    library.store_original(source, sha, ".pdf")
    doc = Document(id=0, sha256=sha, filename=source.name, size=source.stat().st_size, mime="application/pdf",
                   suffix=".pdf", added="2026-01-05T10:00:00+07:00", status="inbox", trashed=False,
                   text_source=pages[0].source, page_count=len(pages))
    with library.catalog.transaction() as tx:
        return library.catalog.insert_document(tx, doc, pages), sha


def _text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_export_pdf_has_a_text_layer_with_the_recognised_words(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    scan = image_pdf(tmp_path / "scan.pdf", [render_lines(DECISION[6:9], size=30, width=1400),
                                             render_lines(DECISION[0:3], size=30, width=1400)])
    results = ocr_pages([OcrJob(str(scan), "pdf", i, i + 1) for i in range(2)])
    doc_id, sha = _file(library, scan, [r.page for r in results])
    saved = save_derived(library, sha, results)
    assert saved == archive_path(library, sha) and saved.exists()
    assert thumbnail_path(library, sha, 2).exists()
    assert not list(library.paths.archive_copies.glob("*.part"))

    out = export_pdf(library, doc_id, tmp_path / "out.pdf")
    text = _text(out)
    assert "QUYẾT ĐỊNH" in text and "CỘNG HÒA" in text or "NHÂN DÂN" in text
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2

    saved.unlink()                      # derived data is rebuildable: export OCRs the original again
    again = export_pdf(library, doc_id, tmp_path / "again.pdf")
    assert "QUYẾT ĐỊNH" in _text(again) and archive_path(library, sha).exists()


def test_a_document_without_scanned_pages_has_no_archive_copy(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    source = tmp_path / "born-digital.pdf"
    source.write_bytes(b"%PDF-1.4 not really used here")
    doc_id, _ = _file(library, source, [Page(number=1, text="Điều 1.", source="text-layer")])
    with pytest.raises(NoArchiveCopy, match="no scanned pages"):
        export_pdf(library, doc_id, tmp_path / "out.pdf")


def test_ingest_of_a_scan_writes_the_archive_copy_and_export_pdf_cli_exports_it(tmp_path: Path, cli: Any) -> None:
    scan = image_pdf(tmp_path / "scan.pdf", [render_lines(DECISION[6:9], size=30, width=1400)])
    (filed,) = cli.json_lines("ingest", scan)
    assert filed["status"] == "filed" and filed["text_source"] == "ocr"
    library = Library(cli.library)
    doc = library.catalog.get(filed["id"])
    assert archive_path(library, doc.sha256).exists() and thumbnail_path(library, doc.sha256, 1).exists()
    out = tmp_path / "exported.pdf"
    done = cli("export-pdf", str(filed["id"]), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "QUYẾT ĐỊNH" in _text(out)
    missing = cli("export-pdf", "999", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode != 0 and "Traceback" not in missing.stderr
