"""OCR of page images with Tesseract (pytesseract): text, word boxes and confidence per page.

This is the plain OCR step of the foundation: render (PDF pages with pypdfium2 at 300 dpi) or load
(image frames), then one tesseract run per page.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from PIL import Image

from docmgr.core.errors import Cancelled, RejectedInput, ToolMissing
from docmgr.core.models import Page, Word
from docmgr.core.progress import CancelToken
from docmgr.core.text import nfc

RENDER_DPI = 300
MAX_RENDER_PIXELS = 60e6
LOW_CONFIDENCE = 50.0


@dataclass(frozen=True)
class OcrJob:
    """One page to recognise: page ``index`` (0-based) of the PDF or image at ``path``."""

    path: str
    kind: str
    index: int
    number: int
    password: Optional[str] = None


@dataclass
class OcrPage:
    """A recognised page, with optional derived outputs."""

    page: Page
    pdf: Optional[bytes] = None
    thumbnail: Optional[bytes] = None
    low_confidence: bool = False


def check_tesseract(languages: str = "vie+eng") -> None:
    """Raise :class:`ToolMissing` naming exactly what is missing (binary or language data)."""
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise ToolMissing("tesseract is not installed (Debian: sudo apt-get install tesseract-ocr "
                          "tesseract-ocr-vie tesseract-ocr-eng; Windows: the UB-Mannheim installer)")
    have = set(pytesseract.get_languages(config=""))
    missing = [lang for lang in languages.split("+") if lang not in have]
    if missing:
        debs = " ".join(f"tesseract-ocr-{m}" for m in missing)
        raise ToolMissing(f"tesseract language data missing: {', '.join(missing)} "
                          f"(Debian: sudo apt-get install {debs}; Windows: add {missing[0]}.traineddata to tessdata)")


def load_page_image(job: OcrJob) -> Image.Image:
    """The page as a Pillow image: a PDF page rendered at 300 dpi (capped), or an image frame."""
    if job.kind == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(job.path, password=job.password)
        try:
            page = pdf[job.index]
            w, h = page.get_size()
            scale = RENDER_DPI / 72
            if w * h * scale * scale > MAX_RENDER_PIXELS:
                scale = (MAX_RENDER_PIXELS / (w * h)) ** 0.5
            image = page.render(scale=scale, grayscale=True).to_pil()
            image.info["dpi"] = (round(scale * 72), round(scale * 72))
            return image
        finally:
            pdf.close()
    from docmgr.ingest.images import open_image

    with open_image(__import__("pathlib").Path(job.path)) as img:
        img.seek(job.index)
        img.load()
        frame = img.copy()
    if frame.mode not in ("L", "RGB", "1"):
        frame = frame.convert("RGB")
    return frame


def ocr_pages(jobs: Sequence[OcrJob], *, languages: str = "vie+eng", cancel: CancelToken | None = None,
              progress: Callable[[int, int], None] | None = None) -> list[OcrPage]:
    """Recognise ``jobs`` in order."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    cancel = cancel or CancelToken()
    out: list[OcrPage] = []
    for i, job in enumerate(jobs):
        cancel.check()
        out.append(_ocr_one(job, languages, cancel))
        if progress:
            progress(i + 1, len(jobs))
    return out


def _ocr_one(job: OcrJob, languages: str, cancel: CancelToken) -> OcrPage:
    import pytesseract

    try:
        image = load_page_image(job)
    except RejectedInput:
        raise
    except Exception as exc:
        raise RejectedInput(f"page {job.number}: cannot decode the page image ({type(exc).__name__}: {exc})") from exc
    remaining = cancel.remaining()
    try:
        data = pytesseract.image_to_data(image, lang=languages, output_type=pytesseract.Output.DICT,
                                         timeout=0 if remaining is None else max(remaining, 0.01))
    except RuntimeError as exc:  # pytesseract signals its timeout this way
        if cancel.cancelled:
            raise Cancelled() from exc
        raise TimeoutError() from exc
    except pytesseract.TesseractError as exc:
        if cancel.cancelled:
            raise Cancelled() from exc
        raise RejectedInput(f"page {job.number}: tesseract failed ({exc.message.strip()[:120]})") from exc
    return _page_from_data(job.number, data, image.size)


def _page_from_data(number: int, data: dict, size: tuple[int, int]) -> OcrPage:
    words: list[Word] = []
    lines: list[str] = []
    current: tuple[int, int, int] | None = None
    line_words: list[str] = []
    for i, raw in enumerate(data["text"]):
        text = nfc(str(raw)).strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if key != current and line_words:
            lines.append(" ".join(line_words))
            line_words = []
        current = key
        line_words.append(text)
        words.append(Word(text, int(data["left"][i]), int(data["top"][i]), int(data["width"][i]),
                          int(data["height"][i]), conf))
    if line_words:
        lines.append(" ".join(line_words))
    mean = sum(w.conf for w in words) / len(words) if words else 0.0
    page = Page(number=number, text="\n".join(lines), source="ocr", confidence=round(mean, 1), words=words,
                width=size[0], height=size[1])
    return OcrPage(page=page, low_confidence=bool(words) and mean < LOW_CONFIDENCE)
