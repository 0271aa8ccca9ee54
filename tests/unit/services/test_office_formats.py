"""Office formats through LibreOffice: .doc, .xls/.xlsx, .odt/.ods, .rtf (inputs built here)."""

from __future__ import annotations

import subprocess
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.errors import Cancelled
from docmgr.core.progress import CancelToken
from docmgr.ingest.libreoffice import convert_to_pdf, find_soffice
from docmgr.ingest.sniff import sniff
from docmgr.services.archive import rendition_path
from docmgr.services.documents import show
from docmgr.services.ingest import ingest_paths
from docmgr.services.views import page_image
from tests.fixtures.builders import docx

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
CT01 = ["TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ", "Kính gửi: Công an phường Ninh Kiều",
        "Họ, chữ đệm và tên: Nguyễn Thị Hồng Nhung"]


def _xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Địa chỉ thường trú"])
    sheet.append([1, "Trần Văn Đức", "Phường Cái Khế, Cần Thơ"])
    for column, width in (("B", 24), ("C", 32)):   # wide enough to print (a clipped cell prints clipped)
        sheet.column_dimensions[column].width = width
    book.save(path)
    return path


def _odt(path: Path) -> Path:
    """A minimal OpenDocument text, written as its zip of XML parts."""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:text><text:p>Đơn đề nghị cấp bản sao trích lục hộ tịch</text:p>'
               '</office:text></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                   '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path='
                   '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    return path


def _rtf(path: Path, lines: list[str]) -> Path:
    def escape(line: str) -> str:
        return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in line)

    path.write_text("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
                    + "".join(f"{escape(line)}\\par\n" for line in lines) + "}", encoding="ascii")
    return path


def test_office_formats_are_told_by_content(tmp_path: Path) -> None:
    assert sniff(_xlsx(tmp_path / "danh-sach.bin")).suffix == ".xlsx"
    assert sniff(_odt(tmp_path / "don.bin")).suffix == ".odt"
    assert sniff(_rtf(tmp_path / "to-khai.bin", CT01)).suffix == ".rtf"
    assert {s.kind for s in (sniff(tmp_path / "danh-sach.bin"), sniff(tmp_path / "don.bin"))} == {"office"}


def test_without_libreoffice_one_line_says_what_to_install(library: Any, inputs: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCMGR_SOFFICE", str(inputs / "no-libreoffice-here"))
    (inputs / "note.txt").write_text("Phiếu hẹn trả kết quả", encoding="utf-8")
    results = ingest_paths(library, [_xlsx(inputs / "danh-sach.xlsx"), inputs / "note.txt"])
    assert [r.status for r in results] == ["rejected", "filed"]
    assert "install it from https://www.libreoffice.org" in results[0].error and "\n" not in results[0].error
    assert "Excel .xlsx" in results[0].error


@needs_soffice
def test_doc_xlsx_and_rtf_are_filed_with_their_text_and_a_rendition(library: Any, inputs: Path,
                                                                     tmp_path: Path) -> None:
    # the CT01 form as offices receive it: a Word 97-2003 .doc (made here by LibreOffice from a .docx)
    source = docx(tmp_path / "ct01.docx", CT01)
    subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(inputs), str(source)], check=True, capture_output=True,
                   timeout=180)
    files = [inputs / "ct01.doc", _xlsx(inputs / "danh-sach.xlsx"), _rtf(inputs / "to-khai.rtf", CT01[:2])]

    results = ingest_paths(library, files)

    assert [(r.status, r.text_source) for r in results] == [("filed", "plain")] * 3, results
    texts = ["\n".join(p["text"] for p in show(library, r.id)["pages"]) for r in results]
    assert "Họ, chữ đệm và tên: Nguyễn Thị Hồng Nhung" in texts[0]
    assert "Trần Văn Đức" in texts[1] and "Phường Cái Khế, Cần Thơ" in texts[1]
    assert "Kính gửi: Công an phường Ninh Kiều" in texts[2]
    for result in results:
        doc = library.catalog.get(result.id)
        assert rendition_path(library, doc.sha256).read_bytes().startswith(b"%PDF-")
        assert page_image(library, result.id, 1) is not None   # the viewer shows the rendition
    assert show(library, results[0].id)["mime"] == "application/msword"
    assert not any(library.paths.tmp.iterdir())   # the throwaway profiles are gone


@needs_soffice
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for the process in /proc")
def test_cancel_kills_libreoffice(tmp_path: Path) -> None:
    source = _xlsx(tmp_path / "danh-sach.xlsx")
    cancel = CancelToken()
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        convert_to_pdf(source, ".xlsx", "Excel .xlsx", scratch=tmp_path / "tmp", cancel=cancel)
    assert time.monotonic() - started < 3
    running = []
    for proc in Path("/proc").iterdir():
        try:
            if str(tmp_path / "tmp") in (proc / "cmdline").read_bytes().decode("utf-8", "replace"):
                running.append(proc.name)
        except OSError:
            continue
    assert running == [] and not any((tmp_path / "tmp").iterdir())
