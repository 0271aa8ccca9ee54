"""A cancel ends the running Tesseract processes at once; one long OCR reports each page.

Real tesseract on a few small rendered pages; the process checks read /proc (Linux) and are
skipped elsewhere (the kill itself is ``Popen.kill``, which Windows has too).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from docmgr.core.errors import Cancelled
from docmgr.core.progress import CancelToken
from docmgr.ingest import ocr
from docmgr.ingest.ocr import OcrJob, ocr_pages
from tests.fixtures.builders import DECISION, render_lines

pytestmark = pytest.mark.tesseract


def _tiff(path: Path, pages: int, lines: int = 12) -> Path:
    frames = [render_lines(DECISION[k % 4: k % 4 + lines] * 2, size=34, width=2000, dpi=300) for k in range(pages)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(300, 300), compression="tiff_lzw")
    return path


def _tesseracts() -> list[int]:
    """Process ids of running tesseract processes that are this process's descendants."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                names[int(entry)] = Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")[0].decode()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents[int(entry)] = int(fields[1])

    def mine(pid: int) -> bool:
        while pid in parents and pid > 1:
            pid = parents[pid]
            if pid == os.getpid():
                return True
        return False

    return [pid for pid, name in names.items() if name.endswith("tesseract") and mine(pid)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to see the tesseract processes")
@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_kills_the_running_tesseract(tmp_path: Path, workers: int) -> None:
    path = _tiff(tmp_path / "long.tif", 4)
    jobs = [OcrJob(str(path), "image", i, i + 1) for i in range(4)]
    token = CancelToken()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            ocr_pages(jobs, cancel=token, workers=workers)
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    for _ in range(600):   # until Tesseract runs
        if _tesseracts():
            break
        time.sleep(0.05)
    assert _tesseracts(), "tesseract never started"
    token.cancel()
    thread.join(60)
    assert not thread.is_alive() and outcome and isinstance(outcome[0], Cancelled)
    for _ in range(40):    # the kill lands within a poll or two; a finished run would take seconds
        if not _tesseracts():
            break
        time.sleep(0.05)
    assert not _tesseracts(), "tesseract still running after the cancel"
    ocr.shutdown_pool()


def test_one_long_ocr_reports_each_page(tmp_path: Path) -> None:
    path = _tiff(tmp_path / "three.tif", 3, lines=3)
    seen: list[tuple[int, int]] = []
    pages = ocr_pages([OcrJob(str(path), "image", i, i + 1) for i in range(3)], workers=1,
                      progress=lambda done, total: seen.append((done, total)))
    assert [p.page.number for p in pages] == [1, 2, 3]
    assert [d for d, _ in seen] == [1, 2, 3] and {t for _, t in seen} == {3}


def test_pages_are_reported_from_the_worker_pool(tmp_path: Path) -> None:
    path = _tiff(tmp_path / "six.tif", 6, lines=3)
    seen: list[int] = []
    ocr_pages([OcrJob(str(path), "image", i, i + 1) for i in range(6)], workers=2,
              progress=lambda done, total: seen.append(done))
    assert seen == sorted(seen) and seen[-1] == 6
    assert len(seen) > 2, f"only whole runs were reported: {seen}"   # 2 runs of 3 pages
    ocr.shutdown_pool()


