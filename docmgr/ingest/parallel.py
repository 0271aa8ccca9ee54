"""Reading text layers in worker processes.

pdfplumber is pure Python: one core reads about 9 born-digital pages a second here. A batch therefore
reads its files' text layers in a spawn-safe process pool (one worker per core, a few files ahead of
the one being filed), which also makes the per-file time limit hard — a worker stuck on a
pathological page is killed — and keeps a crash inside a PDF library to one rejected file.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from docmgr.core.errors import RejectedInput
from docmgr.core.models import Page
from docmgr.core.progress import CancelToken
from docmgr.core.settings import Settings
from docmgr.ingest.pipeline import ExtractText, IngestContext
from docmgr.ingest.sniff import Sniffed
from docmgr.ingest.workers import kill_pool, spawn_pool

GRACE = 5.0  # seconds past the file's limit before its worker is killed
CHUNK_PAGES = 8  # a longer PDF is read by several workers, this many pages each


@dataclass
class TextLayer:
    """What reading a file's text layer found: pages with text, and the pages still to OCR."""

    pages: list[Page] = field(default_factory=list)
    ocr_jobs: list[Any] = field(default_factory=list)
    ocr_reasons: dict[int, str] = field(default_factory=dict)


def read_text_layer(source: str, settings: Settings, password: Optional[str], sniffed: Sniffed,
                    seconds: Optional[float], pages_range: Optional[tuple[int, int]] = None) -> TextLayer:
    """Run the extract step on one file, or on a range of its PDF pages (in a worker process)."""
    ctx = IngestContext(Path(source), settings, password,
                        cancel=CancelToken(None if seconds is None else time.monotonic() + seconds))
    ctx.sniffed = sniffed
    ctx.pages_range = pages_range
    ExtractText().run(ctx)
    return TextLayer(ctx.pages, ctx.ocr_jobs, ctx.ocr_reasons)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


@dataclass
class PendingRead:
    """A submitted read: its arguments (to resubmit after a pool restart) and its future."""

    args: tuple[Any, ...]
    future: "cf.Future[TextLayer]"
    generation: int


class TextReader:
    """A pool of text-layer readers.

    A killed or broken pool is replaced; reads that were pending in it are resubmitted. A read whose
    pool broke is run once more alone, so only the file that crashes the reader twice is rejected.

    Args:
        workers: number of worker processes.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Optional[cf.ProcessPoolExecutor] = None
        self._generation = 0

    def _executor(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = spawn_pool(self.workers)
        return self._pool

    def submit(self, source: Path, settings: Settings, password: Optional[str], sniffed: Sniffed,
               seconds: Optional[float]) -> list[PendingRead]:
        """Queue a file; a long PDF is split into ranges of :data:`CHUNK_PAGES` pages."""
        ranges: list[Optional[tuple[int, int]]] = [None]
        if sniffed.kind == "pdf":
            count = _pdf_page_count(source, password)
            if count > CHUNK_PAGES:
                ranges = [(a, min(a + CHUNK_PAGES, count)) for a in range(0, count, CHUNK_PAGES)]
        return [self._submit((str(source), settings, password, sniffed, seconds, r)) for r in ranges]

    def _submit(self, args: tuple[Any, ...]) -> PendingRead:
        return PendingRead(args, self._executor().submit(read_text_layer, *args), self._generation)

    def results(self, reads: list[PendingRead]) -> TextLayer:
        """Wait for all of a file's reads and join them in page order."""
        layer = TextLayer()
        for read in reads:
            part = self.result(read)
            layer.pages.extend(part.pages)
            layer.ocr_jobs.extend(part.ocr_jobs)
            layer.ocr_reasons.update(part.ocr_reasons)
        return layer

    def result(self, read: PendingRead) -> TextLayer:
        """Wait for a file's text layer.

        Raises:
            RejectedInput: the reader crashed on this file (twice).
            TimeoutError: the file took longer than its limit (its worker is killed).
        """
        if read.generation != self._generation:  # its pool was replaced before it ran
            read = self._submit(read.args)
        seconds = read.args[4]
        try:
            return read.future.result(timeout=None if seconds is None else seconds + GRACE)
        except cf.TimeoutError:
            self._replace()
            raise TimeoutError() from None
        except cf.process.BrokenProcessPool:
            self._replace()
        alone = spawn_pool(1)
        try:
            return alone.submit(read_text_layer, *read.args).result(
                timeout=None if seconds is None else seconds + GRACE)
        except cf.TimeoutError:
            raise TimeoutError() from None
        except cf.process.BrokenProcessPool as exc:
            raise RejectedInput("the PDF reader crashed on this file") from exc
        finally:
            kill_pool(alone)

    def _replace(self) -> None:
        pool, self._pool = self._pool, None
        self._generation += 1
        if pool is not None:
            kill_pool(pool)

    def close(self) -> None:
        """Stop the workers (pending reads are dropped)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _pdf_page_count(source: Path, password: Optional[str]) -> int:
    """Page count from pypdfium2 (instant); 0 when the file does not open (the reader will say why)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(source), password=password)
    except Exception:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()
