"""Tell what a file is from its content, never from its extension."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from docmgr.core.errors import RejectedInput

_HEAD = 8192
# Pillow format name -> (mime, stored suffix)
_IMAGE_FORMATS = {
    "PNG": ("image/png", ".png"),
    "JPEG": ("image/jpeg", ".jpg"),
    "MPO": ("image/jpeg", ".jpg"),
    "TIFF": ("image/tiff", ".tif"),
    "BMP": ("image/bmp", ".bmp"),
    "WEBP": ("image/webp", ".webp"),
    "HEIF": ("image/heif", ".heic"),
    "GIF": ("image/gif", ".gif"),
}
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# office files read through LibreOffice (kind "office"): suffix -> (mime, what the messages call it)
OFFICE_FORMATS = {
    ".doc": ("application/msword", "Word .doc"),
    ".xls": ("application/vnd.ms-excel", "Excel .xls"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel .xlsx"),
    ".odt": ("application/vnd.oasis.opendocument.text", "OpenDocument .odt"),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument .ods"),
    ".rtf": ("application/rtf", "RTF"),
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # the compound file of Word 97-2003 and Excel 97-2003
_OLE_SCAN = 64 * 1024 * 1024   # bytes searched for the stream names


@dataclass(frozen=True)
class Sniffed:
    """What a file is: ``kind`` is "pdf", "image", "text", "docx" or "office" (through LibreOffice)."""

    kind: str
    mime: str
    suffix: str


def sniff(path: Path) -> Sniffed:
    """Identify ``path`` by its bytes; raise :class:`RejectedInput` for empty or unsupported files."""
    with path.open("rb") as fh:
        head = fh.read(_HEAD)
    if not head:
        raise RejectedInput("empty file (0 bytes)")
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf", "application/pdf", ".pdf")
    if path.suffix.lower() == ".pdf":  # never filed as text or an image under a PDF's name
        raise RejectedInput("named .pdf but is not a PDF")
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(_OLE):
        return _sniff_ole(path)
    if head.startswith(b"{\\rtf"):
        return office(".rtf")
    image = _sniff_image(path)
    if image is not None:
        return image
    if _looks_like_text(head):
        return Sniffed("text", "text/plain", ".txt")
    raise RejectedInput("unsupported file type (not a PDF, image, .docx or text file)")


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise RejectedInput(f"damaged ZIP/office file ({exc})") from exc
    if "word/document.xml" in names:
        return Sniffed("docx", DOCX_MIME, ".docx")
    if "xl/workbook.xml" in names:
        return office(".xlsx")
    if "mimetype" in names:
        try:
            with zipfile.ZipFile(path) as z:
                kind = z.read("mimetype")[:100].decode("ascii", "replace").strip()
        except (zipfile.BadZipFile, OSError, KeyError) as exc:
            raise RejectedInput(f"damaged ZIP/office file ({exc})") from exc
        for suffix in (".odt", ".ods"):
            if kind == OFFICE_FORMATS[suffix][0]:
                return office(suffix)
    if any(n.startswith(("xl/", "ppt/")) for n in names) or "mimetype" in names:
        raise RejectedInput("unsupported office file (only Word, Excel, OpenDocument text and spreadsheets are read)")
    raise RejectedInput("unsupported file type (a ZIP archive)")


def office(suffix: str) -> Sniffed:
    return Sniffed("office", OFFICE_FORMATS[suffix][0], suffix)


def _sniff_ole(path: Path) -> Sniffed:
    """Word 97-2003 or Excel 97-2003, by the names of the streams in the compound file's directory."""
    with path.open("rb") as fh:
        data = fh.read(_OLE_SCAN)
    if "WordDocument".encode("utf-16-le") in data:
        return office(".doc")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") + b"\x00\x00" in data:
        return office(".xls")
    raise RejectedInput("unsupported office file (an old Microsoft Office file that is not Word or Excel)")


def _sniff_image(path: Path) -> Sniffed | None:
    from docmgr.ingest.images import open_image

    try:
        with open_image(path) as img:
            fmt = img.format or ""
    except RejectedInput:
        return None
    if fmt not in _IMAGE_FORMATS:
        return None
    mime, suffix = _IMAGE_FORMATS[fmt]
    return Sniffed("image", mime, suffix)


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls <= len(head) // 100
