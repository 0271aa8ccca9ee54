"""Running the ``tesseract`` binary through pytesseract.

One run recognises a whole batch of page images (Tesseract reads a list file) and writes both TSV
(words, boxes, confidences) and a PDF with an invisible text layer; both are split back into pages
here. Loading the ``vie+eng`` models costs Tesseract about a third of a second per process, so a batch
pays it once instead of once per page (bench/ocr.py measures the gain next to raw ``tesseract``).
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from typing import Sequence

from PIL import Image

from docmgr.core.errors import RejectedInput, ToolMissing
from docmgr.core.models import Word
from docmgr.core.scratch import as_system_temp, scratch_file
from docmgr.core.text import nfc
from docmgr.ingest import tesseract_path

OSD_MIN_CONFIDENCE = 1.5  # Tesseract's orientation confidence needed before we turn a page

tesseract_path.configure()  # PATH, the Windows install folder, or a copy beside the app


@dataclass
class Recognised:
    """What Tesseract found on one page: words with boxes, the page text, a one-page searchable PDF."""

    words: list[Word]
    text: str
    pdf: bytes


def check_tesseract(languages: str = "vie+eng") -> None:
    """Raise :class:`ToolMissing` naming what is missing (binary or language data) and how to install it."""
    import pytesseract

    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise ToolMissing(
            "tesseract is not installed or not on PATH. Debian/Ubuntu: sudo apt-get install tesseract-ocr "
            "tesseract-ocr-vie tesseract-ocr-eng; Windows: install Tesseract from the UB-Mannheim installer "
            "(https://github.com/UB-Mannheim/tesseract/wiki), tick the Vietnamese language data, and add its "
            "folder to PATH") from exc
    installed = set(pytesseract.get_languages(config=""))
    missing = [lang for lang in languages.split("+") if lang and lang not in installed]
    if missing:
        debian = " ".join(f"tesseract-ocr-{lang}" for lang in missing)
        files = ", ".join(f"{lang}.traineddata" for lang in missing)
        raise ToolMissing(
            f"tesseract language data missing: {', '.join(missing)}. Debian/Ubuntu: sudo apt-get install {debian}; "
            f"Windows: copy {files} from https://github.com/tesseract-ocr/tessdata into Tesseract's tessdata folder")


def recognise(files: Sequence[str], numbers: Sequence[int], languages: str, timeout: float) -> list[Recognised]:
    """Recognise the image ``files`` (one page each) in one Tesseract run; results in file order.

    Args:
        files: image files Tesseract can read, with their resolution in the file.
        numbers: the page numbers of ``files`` (for error messages).
        languages: Tesseract languages ("vie+eng").
        timeout: seconds for the whole run (0 = none).

    Raises:
        RejectedInput: "page N: tesseract failed (...)" (a failing batch is retried page by page to name it).
        TimeoutError: when the run did not finish in time.
    """
    import pytesseract

    if not files:
        return []
    first, last = numbers[0], numbers[-1]
    label = f"page {first}" if len(files) == 1 else f"pages {first}-{last}"
    fd, listing = scratch_file("ocr-", ".txt")  # in the library's tmp/, not %TEMP% (see docmgr.core.scratch)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write("".join(f"{name}\n" for name in files))
        source = files[0] if len(files) == 1 else listing
        with as_system_temp():  # Tesseract's outputs too
            pdf, tsv = pytesseract.run_and_get_multiple_output(source, extensions=["pdf", "tsv"], lang=languages,
                                                               timeout=timeout)
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise TimeoutError(f"{label}: OCR ran out of time") from exc
        raise RejectedInput(f"{label}: tesseract failed ({short(exc)})") from exc
    except pytesseract.TesseractError as exc:
        if len(files) > 1:   # find the page that fails
            return [r for name, number in zip(files, numbers) for r in recognise([name], [number], languages, timeout)]
        raise RejectedInput(f"{label}: tesseract failed ({short(exc)})") from exc
    finally:
        os.unlink(listing)
    pdfs = [pdf] if len(files) == 1 else split_pdf(pdf, len(files), label)
    return [Recognised(words, text, page_pdf)
            for (words, text), page_pdf in zip(parse_tsv_pages(tsv, len(files)), pdfs)]


def split_pdf(data: bytes, count: int, label: str) -> list[bytes]:
    """One PDF per page of ``data`` (which must have ``count`` pages)."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    if len(reader.pages) != count:
        raise RejectedInput(f"{label}: tesseract wrote {len(reader.pages)} PDF pages for {count} images")
    pages = []
    for page in reader.pages:
        writer = PdfWriter()
        writer.add_page(page)
        out = io.BytesIO()
        writer.write(out)
        pages.append(out.getvalue())
    return pages


def parse_tsv_pages(tsv: str, count: int) -> list[tuple[list[Word], str]]:
    """:func:`parse_tsv` for each of ``count`` pages of a multi-page TSV (column 2 is the page number)."""
    rows: list[list[str]] = [[] for _ in range(count)]
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t", 2)
        if len(cols) == 3 and cols[1].isdigit() and 1 <= int(cols[1]) <= count:
            rows[int(cols[1]) - 1].append(row)
    return [parse_tsv("header\n" + "\n".join(page)) for page in rows]


def parse_tsv(tsv: str) -> tuple[list[Word], str]:
    """Words (NFC, with boxes and confidences) and the page text (lines, blank line between blocks)."""
    words: list[Word] = []
    lines: list[str] = []
    current: list[str] = []
    key: tuple[str, str, str] | None = None
    block: str | None = None
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        token = nfc(cols[11]).strip()
        conf = float(cols[10])
        if not token or conf < 0:
            continue
        words.append(Word(token, int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9]), conf))
        line_key = (cols[2], cols[3], cols[4])
        if line_key != key:
            if current:
                lines.append(" ".join(current))
            if block is not None and cols[2] != block:
                lines.append("")
            current, key, block = [], line_key, cols[2]
        current.append(token)
    if current:
        lines.append(" ".join(current))
    return words, "\n".join(lines)


def osd_rotation(image: Image.Image, dpi: float, timeout: float) -> int:
    """Degrees to turn the page clockwise according to Tesseract's OSD (0 when unsure or it fails)."""
    import pytesseract

    try:
        with as_system_temp():  # pytesseract writes the image there
            osd = pytesseract.image_to_osd(image, config=f"--psm 0 --dpi {round(dpi)}", timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return 0
    rotate = re.search(r"Rotate:\s*(\d+)", osd)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", osd)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def short(exc: BaseException) -> str:
    """An exception as one short line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


__all__ = ["Recognised", "check_tesseract", "osd_rotation", "parse_tsv", "parse_tsv_pages", "recognise",
           "short", "split_pdf"]
