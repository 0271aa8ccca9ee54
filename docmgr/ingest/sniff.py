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


@dataclass(frozen=True)
class Sniffed:
    """What a file is: ``kind`` is "pdf", "image", "text" or "docx"."""

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
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        raise RejectedInput("unsupported office file (only Word .docx is read)")
    raise RejectedInput("unsupported file type (a ZIP archive)")


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
