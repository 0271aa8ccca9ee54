"""A batch of single-page scans: the next documents' OCR is queued in the batch's one pool before the
current one is filed; short documents share a Tesseract run and still get their own pages; a bad scan
in a shared run, a killed worker or the per-file limit costs only the file concerned."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from docmgr.core.progress import ProgressEvent
from docmgr.ingest.parallel import TextReader
from docmgr.services import ingest as ingest_svc
from docmgr.services.documents import show
from docmgr.services.ingest import ingest_paths
from tests.fixtures.builders import render_lines, save_image, truncated

pytestmark = pytest.mark.tesseract


def _scans(folder: Path, n: int) -> list[Path]:
    return [save_image(render_lines(["GIẤY BIÊN NHẬN HỒ SƠ", f"Mã số {7100 + i}"], size=44, width=1200),
                       folder / f"scan-{i}.png") for i in range(n)]


def _text(library: Any, doc_id: int) -> str:
    return "\n".join(p["text"] for p in show(library, doc_id)["pages"])


def _record(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """What the pool is given (each submit_ocr call: its documents' file names) and each filing, in order."""
    events: list[tuple[str, Any]] = []
    submit, file = TextReader.submit_ocr, ingest_svc._file

    def submitting(self: TextReader, documents: Any, *args: Any) -> Any:
        events.append(("ocr", [Path(jobs[0].path).name for jobs in documents]))
        return submit(self, documents, *args)

    def filing(library: Any, ctx: Any, *args: Any, **kwargs: Any) -> Any:
        events.append(("file", ctx.source.name))
        return file(library, ctx, *args, **kwargs)

    monkeypatch.setattr(TextReader, "submit_ocr", submitting)
    monkeypatch.setattr(ingest_svc, "_file", filing)
    return events


def _submitted(events: list[tuple[str, Any]], name: str) -> int:
    return next(k for k, (kind, what) in enumerate(events) if kind == "ocr" and name in what)


def test_the_next_scans_ocr_is_in_the_pool_before_the_first_is_filed(library: Any, inputs: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    events = _record(monkeypatch)
    seen: list[ProgressEvent] = []
    results = ingest_paths(library, _scans(inputs, 3), workers=2, progress=seen.append)
    assert [r.status for r in results] == ["filed"] * 3, [r.error for r in results]
    assert _submitted(events, "scan-1.png") < events.index(("file", "scan-0.png"))
    assert _submitted(events, "scan-2.png") < events.index(("file", "scan-0.png"))
    assert [e for e in events if e[0] == "file"] == [("file", f"scan-{i}.png") for i in range(3)]  # input order
    assert any(len(what) > 1 for kind, what in events if kind == "ocr")  # short documents share a run
    for i, result in enumerate(results):  # ... and each still gets its own page
        assert (result.text_source, result.pages) == ("ocr", 1)
        assert f"{7100 + i}" in _text(library, result.id)
        assert all(f"{7100 + j}" not in _text(library, result.id) for j in range(3) if j != i)
    assert {e.item for e in seen if "(1/1)" in e.item} == {f"scan-{i}.png (1/1)" for i in range(3)}  # per page


def test_a_bad_scan_in_a_shared_run_rejects_only_itself(library: Any, inputs: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    events = _record(monkeypatch)
    good = _scans(inputs, 2)
    bad = truncated(save_image(render_lines(["HỎNG"] * 8, size=44, width=1200), inputs / "whole.png"),
                    inputs / "bad.png", 0.5)
    first, broken, last = ingest_paths(library, [good[0], bad, good[1]], workers=2)
    assert any({"scan-0.png", "bad.png"} <= set(what) for kind, what in events if kind == "ocr")
    assert (first.status, last.status) == ("filed", "filed")
    assert "7100" in _text(library, first.id) and "7101" in _text(library, last.id)
    assert broken.status == "rejected" and "page 1" in broken.error and "\n" not in broken.error


def test_a_worker_killed_mid_batch_loses_no_document(library: Any, inputs: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker dies under the first OCR run; the next run is submitted to the pool it broke."""
    submit = TextReader.submit_ocr
    killed: list[int] = []

    def submit_then_kill(self: TextReader, *args: Any) -> Any:
        parts = submit(self, *args)
        if not killed:
            pool = self._executor()
            process = next(iter(pool._processes.values()))  # type: ignore[attr-defined]
            process.kill()
            process.join()
            killed.append(process.pid)
            deadline = time.monotonic() + 10
            while not pool._broken and time.monotonic() < deadline:  # type: ignore[attr-defined]
                time.sleep(0.01)
        return parts

    monkeypatch.setattr(TextReader, "submit_ocr", submit_then_kill)
    results = ingest_paths(library, _scans(inputs, 4), workers=2)
    assert killed and [r.status for r in results] == ["filed"] * 4, [r.error for r in results]
    assert [f"{7100 + i}" in _text(library, r.id) for i, r in enumerate(results)] == [True] * 4


def test_the_per_file_limit_holds_for_scans_queued_ahead(library: Any, inputs: Path) -> None:
    library.settings.file_time_limit = 0.05
    results = ingest_paths(library, _scans(inputs, 2), workers=2)
    assert all(r.status == "rejected" and "per-file limit (0.05 s)" in (r.error or "") for r in results)
    assert library.catalog.all_ids() == []


def test_a_copy_later_in_the_batch_never_reaches_the_pool(library: Any, inputs: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    events = _record(monkeypatch)
    first = _scans(inputs, 1)[0]
    copy = inputs / "copy.png"
    copy.write_bytes(first.read_bytes())
    filed, duplicate = ingest_paths(library, [first, copy], workers=2)
    assert (filed.status, duplicate.status, duplicate.id) == ("filed", "duplicate", filed.id)
    assert [what for kind, what in events if kind == "ocr"] == [["scan-0.png"]]
