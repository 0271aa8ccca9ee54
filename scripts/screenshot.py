"""Render the main states of the app on a small library to PNGs for the README (run under Xvfb or
offscreen): intake in progress, review of a document, search with the hits highlighted.
``make screenshots`` runs ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py docs``."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
MAX_BYTES = 300_000


def _wait(app: Any, until: Callable[[], bool], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()


def _save(window: Any, target: Path) -> None:
    """Grab the window; PNG, re-encoded with a palette when too large."""
    window.grab().save(str(target), "PNG")
    if target.stat().st_size > MAX_BYTES:
        from PIL import Image

        with Image.open(target) as img:
            img.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE).save(target, optimize=True)
    print(f"{target} {target.stat().st_size // 1024} KB")


def _inputs(folder: Path) -> list[Path]:
    from tests.fixtures import builders

    builders.text_pdf(folder / "quyet-dinh-2820.pdf", [builders.DECISION])
    (folder / "giay-moi.txt").write_text("GIẤY MỜI\nSố: 45/GM-UBND\nKính mời ông Trần Văn Bình dự họp tại "
                                         "Ủy ban nhân dân phường Ninh Kiều.\n", encoding="utf-8")
    scans = []
    for i in range(3):
        page = builders.render_lines(["ỦY BAN NHÂN DÂN PHƯỜNG NINH KIỀU", f"Số: {12 + i}/TB-UBND", "THÔNG BÁO",
                                      "Về việc cấp giấy chứng nhận quyền sử dụng đất",
                                      f"cho hộ ông Lê Văn Tám, thửa đất số {40 + i}, tờ bản đồ số 7."], size=34)
        scans.append(builders.image_pdf(folder / f"thong-bao-{i}.pdf", [page]))
    (folder / "rong.pdf").write_bytes(b"")
    return sorted(folder.iterdir())


def main(out_dir: str) -> int:
    from PySide6.QtWidgets import QApplication

    from docmgr.app import build_window

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    inputs = tmp / "in"
    inputs.mkdir()
    files = _inputs(inputs)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build_window(str(tmp / "library"))
    assert window is not None
    window.resize(1380, 860)
    window.show()
    _wait(app, lambda: False, 0.3)

    # 1. intake in progress
    window.import_paths(files)
    _wait(app, lambda: window.progress.bar.value() >= 3 or window.task is None)
    _save(window, out / "screenshot-intake.png")
    _wait(app, lambda: window.task is None)

    # 2. review: the inbox with a decision selected
    window.navigator.select_view("review")
    rows = [window.model.row_at(r) for r in range(window.model.rowCount())]
    window.table.selectRow(next(i for i, r in enumerate(rows) if r and r.filename.startswith("quyet-dinh")))
    window.side_tabs.setCurrentWidget(window.metadata)
    _wait(app, lambda: False, 0.5)
    _save(window, out / "screenshot-review.png")

    # 3. search with highlights (when the window has a search bar)
    if hasattr(window, "search_bar"):
        window.search_bar.edit.setText("quyen su dung dat")
        _wait(app, lambda: window.search_bar.results.count() > 0, 30)
        window.search_bar.results.setCurrentRow(0)
        _wait(app, lambda: bool(window.viewer.hits), 10)
        _save(window, out / "screenshot-search.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
