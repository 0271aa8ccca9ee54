"""OCR of scanned pages with Tesseract (through pytesseract), spread over a spawn-safe process pool.

One page = render (pypdfium2) or open (Pillow) -> :mod:`docmgr.ingest.preprocess` -> Tesseract
(:mod:`docmgr.ingest.tesseract`), which writes both TSV (words, boxes, confidences) and a PDF with an
invisible text layer. Pages go to Tesseract in batches (one run reads several pages, so its language
models load once per batch); a page nothing was done to is read straight from its file.
Orientation is only checked where a page is not upright: when a cheap profile test says the lines
run vertically, or when the first pass comes back with low confidence (then OSD decides whether to
turn the page and recognise it again).

A single page runs in this process; several pages go, batch by batch, to a pool of one worker per core
that is kept for the life of the process, so a folder of documents pays the pool start-up once. A batch
of files (``services.ingest``) instead submits :func:`ocr_batch` runs ahead to its own worker pool
(:class:`docmgr.ingest.parallel.TextReader`), so the OCR of the next documents overlaps the filing of
the current one.
"""

from __future__ import annotations

import atexit
import concurrent.futures as cf
import math
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from PIL import Image

from docmgr.core.errors import RejectedInput
from docmgr.core.models import Page
from docmgr.core.progress import CancelToken
from docmgr.core.scratch import scratch_folder
from docmgr.ingest import preprocess, tesseract
from docmgr.ingest.tesseract import check_tesseract, parse_tsv, short
from docmgr.ingest.workers import spawn_pool

LOW_CONFIDENCE = 50.0     # mean word confidence under which a page is flagged for review
RETRY_CONFIDENCE = 70.0   # first-pass confidence under which OSD is asked whether the page is turned
BATCH_MAX = 6               # pages per Tesseract run (models load once per run; cancel is seen between runs)
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


def ocr_pages(jobs: Sequence[OcrJob], *, languages: str = "vie+eng", cancel: Optional[CancelToken] = None,
              progress: Optional[Callable[[int, int], None]] = None,
              steps: frozenset[str] = preprocess.DEFAULT_STEPS, workers: Optional[int] = None) -> list[OcrPage]:
    """Recognise ``jobs`` and return their pages in job order.

    Args:
        jobs: the pages to recognise.
        languages: Tesseract languages ("vie+eng").
        cancel: checked between batches (at most :data:`BATCH_MAX` pages); its remaining time bounds each
            Tesseract run.
        progress: called with (pages done, total) as batches finish.
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
    results: list[OcrPage] = []
    if count <= 1:
        for batch in split_batches(total, 1):
            if cancel is not None:
                cancel.check()
            results += ocr_batch([jobs[i] for i in batch], languages, _timeout(cancel), steps)
            if progress is not None:
                progress(len(results), total)
        return results
    pool = _pool(count)
    futures = {pool.submit(ocr_batch, [jobs[i] for i in batch], languages, _timeout(cancel), steps): batch
               for batch in split_batches(total, count)}
    by_index: dict[int, OcrPage] = {}
    try:
        pending = set(futures)
        while pending:
            finished, pending = cf.wait(pending, timeout=0.2, return_when=cf.FIRST_COMPLETED)
            if cancel is not None:
                cancel.check()
            for future in finished:
                batch = futures[future]
                try:
                    by_index.update(zip(batch, future.result()))
                except cf.process.BrokenProcessPool as exc:
                    raise RejectedInput(f"page {jobs[batch[0]].number}: the OCR worker crashed") from exc
                if progress is not None:
                    progress(len(by_index), total)
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    return [by_index[i] for i in range(total)]


def split_batches(total: int, workers: int) -> list[range]:
    """Job indexes cut into runs of at most :data:`BATCH_MAX` pages, a multiple of ``workers`` of them
    (so the workers finish together), sized evenly."""
    if total <= 0:
        return []
    count = min(total, workers * math.ceil(total / (workers * BATCH_MAX)))
    bounds = [round(k * total / count) for k in range(count + 1)]
    return [range(bounds[k], bounds[k + 1]) for k in range(count)]


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
        raise RejectedInput(f"page {job.number}: unreadable image ({short(exc)})") from exc
    return page, None


def _render_pdf_page(job: OcrJob) -> tuple[Image.Image, float]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(job.path, password=job.password)
    except pdfium.PdfiumError as exc:
        raise RejectedInput(f"page {job.number}: cannot open the PDF ({short(exc)})") from exc
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
        raise RejectedInput(f"page {job.number}: cannot render the PDF page ({short(exc)})") from exc
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


def ocr_batch(jobs: Sequence[OcrJob], languages: str, timeout: float, steps: frozenset[str]) -> list[OcrPage]:
    """Load and prepare ``jobs``, recognise them in one Tesseract run (runs in a worker or in-process)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with scratch_folder("ocr-") as scratch:  # in the library's tmp/, not %TEMP% (see docmgr.core.scratch)
        staged = [_stage(job, timeout, steps, scratch) for job in jobs]
        found = tesseract.recognise([s.file for s in staged], [j.number for j in jobs], languages, timeout)
        return [_finish(s, r, languages, timeout, scratch) for s, r in zip(staged, found)]


@dataclass
class _Staged:
    """A page ready for Tesseract: the prepared picture and the file Tesseract reads."""

    job: OcrJob
    prepared: preprocess.Prepared
    orientation: int
    file: str
    steps_enabled: frozenset[str]


def _stage(job: OcrJob, timeout: float, steps: frozenset[str], scratch: Path) -> _Staged:
    """Load the page, turn it if it lies sideways, run the steps it needs, and name the file for Tesseract."""
    image, dpi = load_page(job)
    orientation = 0
    try:
        if preprocess.looks_sideways(image):   # lines run vertically: ask OSD before deskewing
            image = preprocess.to_grey(image) if image.mode not in ("1", "L") else image
            resolution = dpi or preprocess.image_dpi(image)
            image.info.setdefault("dpi", (resolution, resolution))
            orientation = tesseract.osd_rotation(image, resolution, timeout)
            if orientation:
                image = preprocess.rotate_quarter(image, orientation)
        prepared = preprocess.prepare(image, dpi=dpi, enabled=steps)
    except (OSError, ValueError) as exc:
        raise RejectedInput(f"page {job.number}: cannot prepare the image ({short(exc)})") from exc
    if not prepared.steps and not orientation and _readable_as_is(job):   # nothing changed: read the file itself
        return _Staged(job, prepared, 0, job.path, frozenset(steps))
    return _Staged(job, prepared, orientation, _scratch_png(prepared.image, scratch, job.number), frozenset(steps))


def _finish(staged: _Staged, found: tesseract.Recognised, languages: str, timeout: float,
            scratch: Path) -> OcrPage:
    """The page result; a page read with low confidence is asked to OSD and, if turned, read again."""
    picture, orientation, words, text, pdf = (staged.prepared.image, staged.orientation, found.words, found.text,
                                              found.pdf)
    number = staged.job.number
    conf = _mean([w.conf for w in words])
    if orientation == 0 and (conf is None or conf < RETRY_CONFIDENCE) and _has_ink(picture):
        turn = tesseract.osd_rotation(picture, staged.prepared.dpi, timeout)
        if turn:
            turned = preprocess.rotate_quarter(picture, turn)
            (again,) = tesseract.recognise([_scratch_png(turned, scratch, number)], [number], languages, timeout)
            conf2 = _mean([w.conf for w in again.words])
            if conf2 is not None and (conf is None or conf2 > conf):
                picture, orientation, words, text, pdf, conf = turned, turn, again.words, again.text, again.pdf, conf2
    run_steps = list(staged.prepared.steps) + ([f"rotate{orientation}"] if orientation else [])
    page = Page(number=number, text=text, source="ocr", confidence=None if conf is None else round(conf, 1),
                words=words, steps=run_steps, width=picture.width, height=picture.height)
    low = (conf is not None and conf < LOW_CONFIDENCE) or (conf is None and _has_ink(picture))
    return OcrPage(page=page, pdf=pdf, thumbnail=preprocess.thumbnail_png(picture), low_confidence=low,
                   orientation=orientation, skew=staged.prepared.stats.skew, steps_enabled=staged.steps_enabled)


def _scratch_png(image: Image.Image, scratch: Path, number: int) -> str:
    """Write ``image`` for Tesseract with its resolution (without it Tesseract's layout analysis guesses
    wrong and loses table rows)."""
    fd, name = tempfile.mkstemp(prefix=f"p{number}-", suffix=".png", dir=scratch)
    os.close(fd)
    dpi = image.info.get("dpi", (preprocess.TARGET_DPI, preprocess.TARGET_DPI))
    image.save(name, format="PNG", dpi=(round(dpi[0]), round(dpi[1])), compress_level=1)
    return name


def _readable_as_is(job: OcrJob) -> bool:
    """True when Tesseract can read the original image file itself and would see what docmgr sees:
    a single-frame PNG/TIFF/JPEG in 1-bit, grey or RGB, whose resolution is in the file."""
    if job.kind != "image" or job.index != 0 or (os.name == "nt" and not job.path.isascii()):
        return False   # Tesseract on Windows opens files through the ANSI code page
    try:
        with Image.open(job.path) as img:
            dpi = img.info.get("dpi") or (0, 0)
            return (img.format in ("PNG", "TIFF", "JPEG") and getattr(img, "n_frames", 1) == 1
                    and img.mode in ("1", "L", "RGB") and float(dpi[0]) >= 100 and float(dpi[0]) not in (72.0, 96.0)
                    and abs(float(dpi[0]) - float(dpi[1])) < 1)
    except (OSError, ValueError, TypeError, IndexError, Image.DecompressionBombError):
        return False


def _has_ink(image: Image.Image) -> bool:
    small = image.convert("L").resize((max(1, image.width // 8), max(1, image.height // 8)), Image.Resampling.BOX)
    hist = small.histogram()
    return sum(hist[:160]) > 0.002 * small.width * small.height


def _mean(values: list[float]) -> Optional[float]:
    return sum(values) / len(values) if values else None


__all__ = ["OcrJob", "OcrPage", "check_tesseract", "load_page", "ocr_batch", "ocr_pages", "parse_tsv",
           "shutdown_pool", "split_batches"]
