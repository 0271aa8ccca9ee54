"""One batch of inputs (:func:`docmgr.services.ingest.ingest_paths`): files prepared and read ahead
in the worker pool — text layers, then the OCR of the next scans — while they are filed one by one,
in order; the classifier models loading meanwhile; the search index catching up in few commits."""

from __future__ import annotations

import math
import threading
from collections import deque
from pathlib import Path
from typing import Callable, Optional

from docmgr.core.library import Library
from docmgr.core.progress import CancelToken, ProgressCallback, ProgressEvent
from docmgr.core.text import nfc
from docmgr.ingest.parallel import TextReader
from docmgr.services.classify import warm_up
from docmgr.services.index_catchup import IndexCatchUp
from docmgr.services.ingest import IngestResult, Prepared, finish, limit_of, prepare

READS_AHEAD = 4  # per worker: text-layer reads (a file, or 8 pages of a long PDF) queued ahead of filing
MAX_FILES_AHEAD = 16  # per worker: files prepared ahead (hashed, sniffed, submitted) at most
OCR_PAGES_AHEAD = 6  # per worker: pages of the next files queued for OCR while one file is filed
OCR_GROUP_PAGES = 3  # short documents recognised together, in one Tesseract run of this many pages


def ready(item: Prepared) -> bool:
    """Whether an item's text-layer reads and OCR runs are all done (filing it will not wait)."""
    return all(read.future.done() for read in [*item.reads, *(part.run for part in item.ocr or [])])


def room_ahead(ahead: deque[Prepared], workers: int) -> bool:
    """Whether to prepare one more file: a few files per worker always, more while their reads are
    few (short files), so that the workers keep reading while the filing side is busy (loading the
    models, committing the index)."""
    if not workers:
        return not ahead
    if len(ahead) < 2 * workers:
        return True
    return len(ahead) < MAX_FILES_AHEAD * workers and sum(len(i.reads) for i in ahead) < READS_AHEAD * workers


class Batch:
    """One :func:`ingest_paths` run: files prepared ahead of filing, the readers, the models loading,
    the index catch-ups."""

    def __init__(self, library: Library, files: list[Path], reader: Optional[TextReader], workers: int) -> None:
        self.library, self.files, self.reader = library, files, reader
        self.workers = workers if reader is not None else 0
        self.index = IndexCatchUp(library)
        self.warm: Optional[threading.Thread] = None
        self.ahead: deque[Prepared] = deque()
        self.queued = 0
        self.seen: set[str] = set()  # sha256 of the files whose reading was submitted
        self.current: Optional[Prepared] = None  # the file being filed
        self.caught_up = False  # the catch-up while the readers finish the last files was done

    def _next(self, password: Optional[str]) -> Prepared:
        """The next file to file, after preparing as many as the read-ahead allows."""
        while self.queued < len(self.files) and room_ahead(self.ahead, self.workers):
            item = prepare(self.library, self.files[self.queued], password, self.reader, self.seen)
            self.ahead.append(item)
            self.queued += 1
            if self.warm is None and (item.reads or item.layer):  # the models are needed soon: load them meanwhile
                self.warm = warm_up(self.library)
        self.submit_ocr(wait_first=True)
        item = self.current = self.ahead.popleft()
        if self.queued == len(self.files) and self.index.pending and not self.caught_up and not ready(item):
            # the readers have the last files: index what is filed while they finish them, so that
            # the catch-up left for the end is small
            self.index.start()
            self.caught_up = True
        return item

    def submit_ocr(self, wait_first: bool = False) -> None:
        """Queue the OCR of the files ahead, in order, as soon as their text layers are read: a few
        pages per worker beyond the file being filed (any number for the next file, when nothing else
        is queued). Short documents are grouped into one Tesseract run of :data:`OCR_GROUP_PAGES`
        pages (fewer for the last files); a group not yet full waits for more files while the workers
        are busy.
        ``wait_first``: wait for the next file's text layer (it is filed next anyway)."""
        if self.reader is None:
            return
        reader, queued, group = self.reader, 0, []
        size = OCR_GROUP_PAGES
        if self.queued == len(self.files):  # the last files: smaller runs, so that the workers finish together
            left = sum(len(i.layer.ocr_jobs) for i in self.ahead if i.ocr is None and i.layer is not None)
            runs = self.workers * math.ceil(left / (self.workers * OCR_GROUP_PAGES))  # a multiple of the workers
            size = max(1, math.ceil(left / max(1, runs)))
        for k, item in enumerate(self.ahead):
            if item.ocr is None and item.reads and item.layer is None and item.layer_error is None:
                if not (reader.ready(item.reads) or (wait_first and k == 0)):
                    break  # in input order
                try:
                    item.layer = reader.results(item.reads)
                except Exception as exc:  # raised when this file's turn comes
                    item.layer_error = exc
                    continue
            if item.layer is None or not item.layer.ocr_jobs:
                continue
            pages = len(item.layer.ocr_jobs)
            if item.ocr is None:
                if queued and queued + pages > OCR_PAGES_AHEAD * self.workers:
                    break
                if pages < OCR_GROUP_PAGES:
                    group.append(item)
                    if sum(len(i.layer.ocr_jobs) for i in group if i.layer) >= size:
                        self._submit_group(group)
                else:
                    self._submit_group(group)
                    self._submit_group([item])
            queued += pages
        items = [*self.ahead, *([self.current] if self.current is not None else [])]
        busy = len({id(part.run) for item in items for part in item.ocr or [] if not part.run.future.done()})
        if group and (busy < self.workers or (wait_first and group[0] is self.ahead[0])):
            self._submit_group(group)

    def _submit_group(self, group: list[Prepared]) -> None:
        if group and self.reader is not None:
            documents = [item.layer.ocr_jobs if item.layer else [] for item in group]
            for item, parts in zip(group, self.reader.submit_ocr(documents, self.library.settings.ocr_languages,
                                                                 limit_of(self.library)), strict=True):
                item.ocr = parts
            group.clear()

    def run(self, password: Optional[str], doc_type: Optional[str], progress: ProgressCallback,
            cancel: CancelToken, on_result: Optional[Callable[[IngestResult], None]]) -> list[IngestResult]:
        results: list[IngestResult] = []
        total = len(self.files)
        for i, path in enumerate(self.files):
            cancel.check()
            item = self._next(password)
            name = nfc(path.name)
            progress(ProgressEvent(i, total, name, "reading"))

            def on_page(done: int, pages: int, _i: int = i, _name: str = name) -> None:
                progress(ProgressEvent(_i, total, f"{_name} ({done}/{pages})", "reading"))

            result = finish(self.library, item, cancel, self.reader, on_page, doc_type, index=False,
                             while_waiting=self.submit_ocr)
            if result.status == "filed":
                self.index.filed()
            results.append(result)
            if on_result:
                on_result(result)
            progress(ProgressEvent(i + 1, total, name, "done"))
        self.index.flush()
        return results

    def close(self) -> None:
        """Stop the readers; wait for the models' loading (never leave a thread importing scikit-learn
        behind at exit) and for a running index catch-up."""
        if self.reader is not None:
            self.reader.close()
        if self.warm is not None:
            self.warm.join()
        self.index.wait()  # never leave an index writer behind
