"""OCR of scanned pages with Tesseract (through pytesseract), spread over a spawn-safe process pool.

One page = render (pypdfium2) or open (Pillow) -> :mod:`docmgr.ingest.preprocess` -> one Tesseract run
that writes both TSV (words, boxes, confidences) and a one-page PDF with an invisible text layer.
Orientation is only checked where a page is not upright: when a cheap profile test says the lines
run vertically, or when the first pass comes back with low confidence (then OSD decides whether to
turn the page and recognise it again).

A single page runs in this process; several pages go to a pool of one worker per core that is kept
for the life of the process, so a folder of documents pays the pool start-up once.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from PIL import Image

from docmgr.core.errors import RejectedInput, ToolMissing
from docmgr.core.models import Page, Word
from docmgr.core.progress import CancelToken
from docmgr.core.text import nfc
from docmgr.ingest import preprocess
from docmgr.ingest.workers import spawn_pool

LOW_CONFIDENCE = 50.0     # mean word confidence under which a page is flagged for review
RETRY_CONFIDENCE = 70.0   # first-pass confidence under which OSD is asked whether the page is turned
OSD_MIN_CONFIDENCE = 1.5  # Tesseract's orientation confidence needed before we turn a page
MAX_RENDER_DPI = 400
MAX_RENDER_PIXELS = 60e6    # a huge page is rendered at a lower resolution instead


@dataclass(frozen=True)
class OcrJob:
    """One page to recognise."""

    path: str
    kind: str            # "pdf" or "image"
    index: int           # 0-based PDF page or image frame
    number: int          # 1-based page number inside the document
    password: Optional[str] = None


@dataclass
class OcrPage:
    """The result for one page: text and words (``page``), a searchable one-page PDF, a thumbnail."""

    page: Page
    pdf: Optional[bytes] = None
    thumbnail: Optional[bytes] = None
    low_confidence: bool = False
    orientation: int = 0           # degrees the page was turned clockwise before recognition
    skew: float = 0.0              # degrees of skew that were measured
    steps_enabled: frozenset[str] = field(default_factory=lambda: preprocess.DEFAULT_STEPS)


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


def ocr_pages(jobs: Sequence[OcrJob], *, languages: str = "vie+eng", cancel: Optional[CancelToken] = None,
              progress: Optional[Callable[[int, int], None]] = None,
              steps: frozenset[str] = preprocess.DEFAULT_STEPS, workers: Optional[int] = None) -> list[OcrPage]:
    """Recognise ``jobs`` and return their pages in job order.

    Args:
        jobs: the pages to recognise.
        languages: Tesseract languages ("vie+eng").
        cancel: checked between pages; its remaining time bounds each Tesseract run.
        progress: called with (pages done, total).
        steps: preprocessing steps allowed to run (the benchmark turns them off).
        workers: processes to use (default: one per core; 1 runs in this process).

    Raises:
        RejectedInput: "page N: cause" when a page cannot be read or recognised.
        Cancelled, TimeoutError: from ``cancel``.
    """
    total = len(jobs)
    if cancel is not None:
        cancel.check()
    count = min(total, workers or os.cpu_count() or 1)
    results: list[Optional[OcrPage]] = [None] * total
    if count <= 1:
        for i, job in enumerate(jobs):
            if cancel is not None:
                cancel.check()
            results[i] = _ocr_one(job, languages, _timeout(cancel), steps)
            if progress is not None:
                progress(i + 1, total)
        return [r for r in results if r is not None]
    pool = _pool(count)
    futures = {pool.submit(_ocr_one, job, languages, _timeout(cancel), steps): i for i, job in enumerate(jobs)}
    done = 0
    try:
        pending = set(futures)
        while pending:
            finished, pending = cf.wait(pending, timeout=0.2, return_when=cf.FIRST_COMPLETED)
            if cancel is not None:
                cancel.check()
            for future in finished:
                try:
                    results[futures[future]] = future.result()
                except cf.process.BrokenProcessPool as exc:
                    raise RejectedInput(f"page {jobs[futures[future]].number}: the OCR worker crashed") from exc
                done += 1
                if progress is not None:
                    progress(done, total)
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    return [r for r in results if r is not None]


def _timeout(cancel: Optional[CancelToken]) -> float:
    remaining = cancel.remaining() if cancel is not None else None
    return 0 if remaining is None else max(1.0, remaining)


# -- the process pool ------------------------------------------------------------------------

_POOL: Optional[cf.ProcessPoolExecutor] = None
_POOL_SIZE = 0
_POOL_LOCK = threading.Lock()


def _pool(size: int) -> cf.ProcessPoolExecutor:
    """The shared spawn pool (re-created when a larger one is needed or the old one broke)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        broken = _POOL is not None and getattr(_POOL, "_broken", False)
        if _POOL is None or broken or _POOL_SIZE < size:
            if _POOL is not None:
                _POOL.shutdown(wait=False, cancel_futures=True)
            _POOL = spawn_pool(size)
            _POOL_SIZE = size
        return _POOL


def shutdown_pool() -> None:
    """Stop the worker processes (called at exit)."""
    global _POOL, _POOL_SIZE
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL, _POOL_SIZE = None, 0


atexit.register(shutdown_pool)


# -- one page ----------------------------------------------------------------------------------

def load_page(job: OcrJob) -> tuple[Image.Image, Optional[float]]:
    """The page image and its resolution (None when the image does not say)."""
    if job.kind == "pdf":
        return _render_pdf_page(job)
    from pathlib import Path

    from docmgr.ingest.images import open_image   # registers HEIF; clear errors for non-images

    try:
        with open_image(Path(job.path)) as img:
            img.seek(job.index)
            img.load()
            page = img.copy()
            page.info = dict(img.info)
    except EOFError as exc:
        raise RejectedInput(f"page {job.number}: the image has no frame {job.index + 1}") from exc
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RejectedInput(f"page {job.number}: unreadable image ({_short(exc)})") from exc
    return page, None


def _render_pdf_page(job: OcrJob) -> tuple[Image.Image, float]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(job.path, password=job.password)
    except pdfium.PdfiumError as exc:
        raise RejectedInput(f"page {job.number}: cannot open the PDF ({_short(exc)})") from exc
    try:
        page = pdf[job.index]
        dpi, bitonal = 300.0, False
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            meta = obj.get_metadata()
            if meta.horizontal_dpi > 0:   # the native resolution of the scan, so nothing is resampled
                dpi = float(min(MAX_RENDER_DPI, max(150.0, round(meta.horizontal_dpi))))
                bitonal = meta.bits_per_pixel == 1 or _bitonal_pixels(obj)
                break
        width, height = page.get_size()
        if width * height * (dpi / 72) ** 2 > MAX_RENDER_PIXELS:
            dpi = 72 * (MAX_RENDER_PIXELS / (width * height)) ** 0.5
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        if bitonal:   # keep a bitonal scan bitonal (the renderer anti-aliases its edges)
            image = image.point(lambda v: 255 if v > 127 else 0).convert("1")
        image.info["dpi"] = (dpi, dpi)
        return image, dpi
    except (pdfium.PdfiumError, IndexError, ValueError) as exc:
        raise RejectedInput(f"page {job.number}: cannot render the PDF page ({_short(exc)})") from exc
    finally:
        pdf.close()


def _bitonal_pixels(obj: object) -> bool:
    """True when a PDF image object holds only black and white pixels (a bitonal scan stored as 8-bit)."""
    try:
        pixels = obj.get_bitmap(render=False).to_pil().convert("L")  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - an odd image format only means "not known to be bitonal"
        return False
    hist = pixels.histogram()
    return sum(hist[:32]) + sum(hist[224:]) >= 0.99 * pixels.width * pixels.height   # JPEG-stored too


def _ocr_one(job: OcrJob, languages: str, timeout: float, steps: frozenset[str]) -> OcrPage:
    """Load, prepare and recognise one page (runs in a worker or in-process)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    image, dpi = load_page(job)
    orientation = 0
    try:
        if preprocess.looks_sideways(image):   # lines run vertically: ask OSD before deskewing
            image = preprocess.to_grey(image) if image.mode not in ("1", "L") else image
            image.info.setdefault("dpi", (dpi or preprocess.image_dpi(image),) * 2)
            orientation = _osd_rotation(image, timeout, job.number)
            if orientation:
                image = preprocess.rotate_quarter(image, orientation)
        prepared = preprocess.prepare(image, dpi=dpi, enabled=steps)
    except (OSError, ValueError) as exc:
        raise RejectedInput(f"page {job.number}: cannot prepare the image ({_short(exc)})") from exc
    picture = prepared.image
    words, text, pdf = _recognise(picture, languages, timeout, job.number)
    conf = _mean([w.conf for w in words])
    if orientation == 0 and (conf is None or conf < RETRY_CONFIDENCE) and _has_ink(picture):
        turn = _osd_rotation(picture, timeout, job.number)
        if turn:
            turned = preprocess.rotate_quarter(picture, turn)
            words2, text2, pdf2 = _recognise(turned, languages, timeout, job.number)
            conf2 = _mean([w.conf for w in words2])
            if conf2 is not None and (conf is None or conf2 > conf):
                picture, orientation, words, text, pdf, conf = turned, turn, words2, text2, pdf2, conf2
    run_steps = list(prepared.steps) + ([f"rotate{orientation}"] if orientation else [])
    page = Page(number=job.number, text=text, source="ocr", confidence=None if conf is None else round(conf, 1),
                words=words, steps=run_steps, width=picture.width, height=picture.height)
    low = (conf is not None and conf < LOW_CONFIDENCE) or (conf is None and _has_ink(picture))
    return OcrPage(page=page, pdf=pdf, thumbnail=preprocess.thumbnail_png(picture), low_confidence=low,
                   orientation=orientation, skew=prepared.stats.skew, steps_enabled=frozenset(steps))


def _recognise(image: Image.Image, languages: str, timeout: float, number: int) -> tuple[list[Word], str, bytes]:
    """One Tesseract run producing TSV and a one-page PDF."""
    import pytesseract

    # pytesseract would save an Image without its dpi, and Tesseract's layout analysis then guesses
    # wrong (whole table rows were lost): write the file ourselves, with the resolution.
    fd, name = tempfile.mkstemp(prefix="docmgr-ocr-", suffix=".png")
    os.close(fd)
    try:
        dpi = image.info.get("dpi", (preprocess.TARGET_DPI, preprocess.TARGET_DPI))
        image.save(name, format="PNG", dpi=(round(dpi[0]), round(dpi[1])), compress_level=1)  # a scratch file
        pdf, tsv = pytesseract.run_and_get_multiple_output(name, extensions=["pdf", "tsv"], lang=languages,
                                                           timeout=timeout)
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise TimeoutError(f"page {number}: OCR ran out of time") from exc
        raise RejectedInput(f"page {number}: tesseract failed ({_short(exc)})") from exc
    except pytesseract.TesseractError as exc:
        raise RejectedInput(f"page {number}: tesseract failed ({_short(exc)})") from exc
    finally:
        os.unlink(name)
    words, text = parse_tsv(tsv)
    return words, text, pdf


def parse_tsv(tsv: str) -> tuple[list[Word], str]:
    """Words (NFC, with boxes and confidences) and the page text (lines, blank line between blocks)."""
    words: list[Word] = []
    lines: list[str] = []
    current: list[str] = []
    key: Optional[tuple[str, str, str]] = None
    block: Optional[str] = None
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


def _osd_rotation(image: Image.Image, timeout: float, number: int) -> int:
    """Degrees to turn the page clockwise according to Tesseract's OSD (0 when unsure or it fails)."""
    import pytesseract

    try:
        dpi = round(image.info.get("dpi", (preprocess.TARGET_DPI,))[0])
        osd = pytesseract.image_to_osd(image, config=f"--psm 0 --dpi {dpi}", timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return 0
    rotate = re.search(r"Rotate:\s*(\d+)", osd)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", osd)
    if not rotate or not confidence or float(confidence.group(1)) < OSD_MIN_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def _has_ink(image: Image.Image) -> bool:
    small = image.convert("L").resize((max(1, image.width // 8), max(1, image.height // 8)), Image.Resampling.BOX)
    hist = small.histogram()
    return sum(hist[:160]) > 0.002 * small.width * small.height


def _mean(values: list[float]) -> Optional[float]:
    return sum(values) / len(values) if values else None


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


__all__ = ["OcrJob", "OcrPage", "check_tesseract", "load_page", "ocr_pages", "parse_tsv", "shutdown_pool"]
