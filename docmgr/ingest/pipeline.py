"""The ingest pipeline as a list of small steps over one :class:`IngestContext`.

Each step has a ``name``, ``applies(ctx)`` and ``run(ctx)``; :func:`run_steps` runs those that apply,
checking for cancel and the per-file deadline between steps. :class:`StopPipeline` ends the chain early
(for example on a duplicate) without being an error. The services layer adds its own steps
(duplicate check, classification, filing) around :data:`READ_STEPS`.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Protocol, Sequence

from docmgr.core.errors import RejectedInput
from docmgr.core.models import Page
from docmgr.core.progress import CancelToken
from docmgr.core.settings import Settings
from docmgr.core.text import nfc
from docmgr.ingest.sniff import Sniffed, sniff


class StopPipeline(Exception):
    """Ends the chain early; the context already says what happened."""


@dataclass
class IngestContext:
    """Everything known about one input while it moves through the steps.

    Attributes:
        source: the input path, as given.
        settings: the library's settings (limits, OCR languages).
        password: for encrypted PDFs.
        cancel: cancel flag with the per-file deadline.
        on_page: called with (done, total) pages, for progress.
        ocr_layers: the text layers of pages sent to OCR that may still beat it (a scanner's own OCR
            layer), by page number: the better reading of each is kept.
        scratch: a folder for temporary files (the library's tmp/; None: the system's).
        ocr_ahead: set when the OCR of ``ocr_jobs`` was already submitted (a batch reads ahead): called
            with (cancel, on_page), it waits for the pages, in order.
    """

    source: Path
    settings: Settings
    password: Optional[str] = None
    cancel: CancelToken = field(default_factory=CancelToken)
    on_page: Optional[Callable[[int, int], None]] = None
    size: int = 0
    sha256: str = ""
    sniffed: Optional[Sniffed] = None
    pages: list[Page] = field(default_factory=list)
    ocr_jobs: list[Any] = field(default_factory=list)
    ocr_results: list[Any] = field(default_factory=list)
    ocr_reasons: dict[int, str] = field(default_factory=dict)
    ocr_layers: dict[int, str] = field(default_factory=dict)
    text_source: str = ""
    pages_range: Optional[tuple[int, int]] = None
    scratch: Optional[Path] = None
    ocr_ahead: Optional[Callable[[CancelToken, Optional[Callable[[int, int], None]]], list[Any]]] = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        return nfc(self.source.name)


class Step(Protocol):
    name: str

    def applies(self, ctx: IngestContext) -> bool: ...

    def run(self, ctx: IngestContext) -> None: ...


def run_steps(steps: Sequence[Step], ctx: IngestContext) -> None:
    """Run the steps that apply, in order; stop quietly on :class:`StopPipeline`."""
    for step in steps:
        ctx.cancel.check()
        if step.applies(ctx):
            try:
                step.run(ctx)
            except StopPipeline:
                return


class _Always:
    def applies(self, ctx: IngestContext) -> bool:
        return True


class ReadCheck(_Always):
    """The path is a readable, non-empty regular file."""

    name = "read"

    def run(self, ctx: IngestContext) -> None:
        try:
            stat = ctx.source.stat()
        except FileNotFoundError as exc:
            raise RejectedInput("no such file") from exc
        except OSError as exc:
            raise RejectedInput(f"cannot read the file ({exc.strerror or exc})") from exc
        if not ctx.source.is_file():
            raise RejectedInput("not a regular file")
        if not os.access(ctx.source, os.R_OK):
            raise RejectedInput("cannot read the file (permission denied)")
        ctx.size = stat.st_size
        if ctx.size == 0:
            raise RejectedInput("empty file (0 bytes)")


class Hash(_Always):
    """sha256 of the bytes: the document's identity and the key of its stored original."""

    name = "hash"

    def run(self, ctx: IngestContext) -> None:
        h = hashlib.sha256()
        try:
            with ctx.source.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
        except OSError as exc:
            raise RejectedInput(f"cannot read the file ({exc.strerror or exc})") from exc
        ctx.sha256 = h.hexdigest()


class Sniff(_Always):
    """What the file is, from its content."""

    name = "sniff"

    def run(self, ctx: IngestContext) -> None:
        try:
            ctx.sniffed = sniff(ctx.source)
        except OSError as exc:
            raise RejectedInput(f"cannot read the file ({exc.strerror or exc})") from exc


class ExtractText(_Always):
    """Pages from the text layer (PDF), the text itself (txt, docx, other office files through their
    PDF rendition, kept in ``extra["rendition"]``), or OCR jobs (scans, images)."""

    name = "extract"

    def run(self, ctx: IngestContext) -> None:
        from docmgr.ingest.ocr import OcrJob

        assert ctx.sniffed is not None
        kind, s = ctx.sniffed.kind, ctx.settings
        if kind == "text":
            from docmgr.ingest.office import read_text_file

            ctx.pages = [Page(1, read_text_file(ctx.source), "plain")]
        elif kind == "docx":
            from docmgr.ingest.office import read_docx

            ctx.pages = [Page(1, read_docx(ctx.source), "plain")]
        elif kind == "office":
            from docmgr.ingest.libreoffice import convert_to_pdf, rendition_pages
            from docmgr.ingest.sniff import OFFICE_FORMATS

            suffix = ctx.sniffed.suffix
            pdf = convert_to_pdf(ctx.source, suffix, OFFICE_FORMATS[suffix][1], scratch=ctx.scratch,
                                 cancel=ctx.cancel)
            ctx.extra["rendition"] = pdf
            ctx.pages = [Page(i, text, "plain") for i, text in enumerate(rendition_pages(pdf), start=1)]
        elif kind == "image":
            from docmgr.ingest.images import frame_count

            n = frame_count(ctx.source, max_megapixels=s.max_megapixels, max_pages=s.max_pages)
            ctx.ocr_jobs = [OcrJob(str(ctx.source), "image", i, i + 1) for i in range(n)]
        elif kind == "pdf":
            from docmgr.ingest.pdftext import read_pdf

            for page in read_pdf(ctx.source, password=ctx.password, max_pages=s.max_pages,
                                 max_page_area_m2=s.max_page_area_m2, max_megapixels=s.max_megapixels,
                                 cancel=ctx.cancel, on_page=ctx.on_page, pages_range=ctx.pages_range):
                if page.text is not None:
                    ctx.pages.append(Page(page.number, page.text, "text-layer"))
                else:
                    ctx.ocr_reasons[page.number] = page.ocr_reason
                    if page.layer is not None:
                        ctx.ocr_layers[page.number] = page.layer
                    ctx.ocr_jobs.append(OcrJob(str(ctx.source), "pdf", page.number - 1, page.number,
                                               ctx.password))


class Ocr:
    """Recognise the pages that had no usable text (or collect them, when a batch submitted them ahead)."""

    name = "ocr"

    def applies(self, ctx: IngestContext) -> bool:
        return bool(ctx.ocr_jobs)

    def run(self, ctx: IngestContext) -> None:
        from docmgr.ingest.ocr import ocr_pages

        if ctx.ocr_ahead is not None:
            results = ctx.ocr_ahead(ctx.cancel, ctx.on_page)
        else:
            results = ocr_pages(ctx.ocr_jobs, languages=ctx.settings.ocr_languages, cancel=ctx.cancel,
                                progress=ctx.on_page)
        kept: list[Page] = []
        if ctx.ocr_layers:   # a scanner's layer stays where OCR read the page worse
            from docmgr.ingest.quality import layer_wins

            layers = ctx.ocr_layers
            won = {r.page.number for r in results if r.page.number in layers
                   and layer_wins(layers[r.page.number], r.page.text)}
            kept = [Page(n, layers[n], "text-layer") for n in sorted(won)]
            results = [r for r in results if r.page.number not in won]
        ctx.ocr_results = results
        ctx.pages = sorted([*ctx.pages, *(r.page for r in results), *kept], key=lambda p: p.number)


class TextSource(_Always):
    """Summarise where the document's text came from: text-layer, ocr, mixed or plain."""

    name = "text-source"

    def run(self, ctx: IngestContext) -> None:
        sources = {p.source for p in ctx.pages}
        ctx.text_source = sources.pop() if len(sources) == 1 else ("mixed" if sources else "plain")


READ_STEPS: list[Step] = [ReadCheck(), Sniff(), Hash()]
EXTRACT_STEPS: list[Step] = [ExtractText(), Ocr(), TextSource()]
