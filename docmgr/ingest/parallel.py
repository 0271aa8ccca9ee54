"""Reading text layers in worker processes.

pdfplumber is pure Python: one core reads about 9 born-digital pages a second here. A batch therefore
reads its files' text layers in a spawn-safe process pool (one worker per core, a few files ahead of
the one being filed), which also makes the per-file time limit hard — a worker stuck on a
pathological page is killed — and keeps a crash inside a PDF library to one rejected file.

The same pool recognises the scanned pages of the batch (:meth:`TextReader.submit_ocr`): the OCR of
the next documents is queued as soon as their text layers are read, so with a folder of single-page
scans every core works while the current document is being filed; short documents share a Tesseract
run (its models load once per run), and a shared run that fails is run again document by document.
"""

from __future__ import annotations

import concurrent.futures as cf
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from docmgr.core.errors import Cancelled, RejectedInput
from docmgr.core.models import Page
from docmgr.core.progress import CancelToken
from docmgr.core.settings import Settings
from docmgr.ingest.pipeline import ExtractText, IngestContext
from docmgr.ingest.sniff import Sniffed
from docmgr.ingest.workers import kill_pool, spawn_pool

GRACE = 5.0  # seconds past the file's limit before its worker is killed
CHUNK_PAGES = 8  # a longer PDF is read by several workers, this many pages each
POLL = 0.05  # seconds between looks at cancel (and at the files ahead) while waiting for OCR


@dataclass
class TextLayer:
    """What reading a file's text layer found: pages with text, and the pages still to OCR."""

    pages: list[Page] = field(default_factory=list)
    ocr_jobs: list[Any] = field(default_factory=list)
    ocr_reasons: dict[int, str] = field(default_factory=dict)
    ocr_layers: dict[int, str] = field(default_factory=dict)


def read_text_layer(source: str, settings: Settings, password: Optional[str], sniffed: Sniffed,
                    seconds: Optional[float], pages_range: Optional[tuple[int, int]] = None) -> TextLayer:
    """Run the extract step on one file, or on a range of its PDF pages (in a worker process)."""
    ctx = IngestContext(Path(source), settings, password,
                        cancel=CancelToken(None if seconds is None else time.monotonic() + seconds))
    ctx.sniffed = sniffed
    ctx.pages_range = pages_range
    ExtractText().run(ctx)
    return TextLayer(ctx.pages, ctx.ocr_jobs, ctx.ocr_reasons, ctx.ocr_layers)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


@dataclass
class PendingRead:
    """A submitted task (a text-layer read or an OCR run): its function and arguments (to resubmit
    after a pool restart) and its future."""

    args: tuple[Any, ...]
    future: "cf.Future[Any]"
    generation: int
    fn: Callable[..., Any] = read_text_layer
    failed: bool = False  # an OCR run shared by several documents failed: each runs its pages alone


@dataclass
class OcrPart:
    """One document's pages inside an OCR run: ``run.args[0][start:stop]``."""

    run: PendingRead
    start: int
    stop: int

    @property
    def shared(self) -> bool:
        """Whether other documents' pages are in the same run."""
        return self.stop - self.start < len(self.run.args[0])


class TextReader:
    """A pool of text-layer readers, which also recognises the batch's scanned pages.

    A killed or broken pool is replaced; tasks that were pending in it are resubmitted. A task whose
    pool broke is run once more alone, so only the file that crashes the worker twice is rejected.

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

    def _submit(self, args: tuple[Any, ...], fn: Callable[..., Any] = read_text_layer) -> PendingRead:
        return PendingRead(args, self._future(fn, args), self._generation, fn)

    def _future(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> "cf.Future[Any]":
        """Submit to the pool; a pool found broken (a worker died since the last look) is replaced first."""
        try:
            return self._executor().submit(fn, *args)
        except (cf.process.BrokenProcessPool, OSError, RuntimeError):  # OSError: it broke while we spawned
            self._replace()
            return self._executor().submit(fn, *args)

    def submit_ocr(self, documents: Sequence[Sequence[Any]], languages: str,
                   seconds: Optional[float]) -> list[list[OcrPart]]:
        """Queue the OCR of one document's pages (:class:`docmgr.ingest.ocr.OcrJob`), in Tesseract runs
        spread over the workers, or of several short documents in one run (Tesseract loads its models
        once per run). ``seconds`` bounds each run. Returns each document's parts, in page order."""
        from docmgr.ingest.ocr import ocr_batch, split_batches
        from docmgr.ingest.preprocess import DEFAULT_STEPS

        timeout = 0 if seconds is None else max(1.0, seconds)
        if len(documents) == 1:
            jobs = documents[0]
            runs = [self._submit(([jobs[i] for i in batch], languages, timeout, DEFAULT_STEPS), ocr_batch)
                    for batch in split_batches(len(jobs), self.workers)]
            return [[OcrPart(run, 0, len(run.args[0])) for run in runs]]
        run = self._submit(([job for jobs in documents for job in jobs], languages, timeout, DEFAULT_STEPS),
                           ocr_batch)
        parts, start = [], 0
        for jobs in documents:
            parts.append([OcrPart(run, start, start + len(jobs))])
            start += len(jobs)
        return parts

    def ocr_results(self, parts: list[OcrPart], cancel: CancelToken,
                    progress: Optional[Callable[[int, int], None]] = None,
                    while_waiting: Optional[Callable[[], None]] = None) -> list[Any]:
        """Wait for a document's OCR; its pages (:class:`docmgr.ingest.ocr.OcrPage`) in page order.

        Args:
            parts: the document's parts from :meth:`submit_ocr`.
            cancel: looked at every :data:`POLL` seconds (the user's cancel, the file's deadline).
            progress: called with (pages done, total) as runs finish.
            while_waiting: called every :data:`POLL` seconds (the batch queues more work meanwhile).

        Raises:
            RejectedInput: "page N: ..." (a page that cannot be read, or crashes the worker twice).
            Cancelled, TimeoutError: from ``cancel`` or Tesseract's time limit (a stuck worker is killed).
        """
        total = sum(part.stop - part.start for part in parts)
        pages: list[Any] = []
        for part in parts:
            pages += self._ocr_part(part, cancel, while_waiting)
            if progress is not None:
                progress(len(pages), total)
        return pages

    def _ocr_part(self, part: OcrPart, cancel: CancelToken,
                  while_waiting: Optional[Callable[[], None]]) -> list[Any]:
        run = part.run
        if part.shared and run.failed:  # another document of the run failed it: this one runs on its own
            own = self._submit((run.args[0][part.start:part.stop], *run.args[1:]), run.fn)
            return self._ocr_part(OcrPart(own, 0, part.stop - part.start), cancel, while_waiting)
        if run.generation != self._generation:  # its pool was replaced before it ran: run it again
            run.future = self._future(run.fn, run.args)
            run.generation = self._generation
        try:
            return _wait(run.future, cancel, while_waiting)[part.start:part.stop]
        except cf.process.BrokenProcessPool:
            self._replace()
            if part.shared:
                run.failed = True
                return self._ocr_part(part, cancel, while_waiting)
        except (TimeoutError, Cancelled):
            if not run.future.done():
                if not cancel.cancelled:
                    self._replace()  # past the file's deadline: kill the worker still on it
                raise  # (on a cancel, close() lets the running pages finish: no scratch files left behind)
            if not part.shared or cancel.cancelled:
                raise
            run.failed = True  # the shared run ran out of Tesseract's time: each document alone
            return self._ocr_part(part, cancel, while_waiting)
        except Exception:
            if not part.shared:
                raise
            run.failed = True  # one document's page failed the shared run: each document alone
            return self._ocr_part(part, cancel, while_waiting)
        alone = spawn_pool(1)  # a run that crashed its worker: once more, alone
        try:
            return _wait(alone.submit(run.fn, *run.args), cancel, while_waiting)[part.start:part.stop]
        except cf.process.BrokenProcessPool as exc:
            raise RejectedInput(f"page {run.args[0][part.start].number}: the OCR worker crashed") from exc
        finally:
            kill_pool(alone)

    def ready(self, reads: list[PendingRead]) -> bool:
        """Whether :meth:`results` will not wait: all done, none of them in a pool since replaced."""
        return all(read.future.done() and read.generation == self._generation for read in reads)

    def results(self, reads: list[PendingRead]) -> TextLayer:
        """Wait for all of a file's reads and join them in page order."""
        layer = TextLayer()
        for read in reads:
            part = self.result(read)
            layer.pages.extend(part.pages)
            layer.ocr_jobs.extend(part.ocr_jobs)
            layer.ocr_reasons.update(part.ocr_reasons)
            layer.ocr_layers.update(part.ocr_layers)
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


def _wait(future: "cf.Future[Any]", cancel: CancelToken, while_waiting: Optional[Callable[[], None]]) -> Any:
    """The future's result, looking at ``cancel`` (and calling ``while_waiting``) every :data:`POLL` s."""
    while not cf.wait([future], timeout=POLL).done:
        cancel.check()
        if while_waiting is not None:
            while_waiting()
    return future.result()


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
