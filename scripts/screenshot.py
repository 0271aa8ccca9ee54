"""Render the main window on a small library to a PNG (run under Xvfb or offscreen):
``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py docs/screenshot-main.png``."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(target: str) -> int:
    from PySide6.QtWidgets import QApplication

    from docmgr.app import build_window
    from tests.fixtures import builders

    tmp = Path(tempfile.mkdtemp())
    inputs = tmp / "in"
    inputs.mkdir()
    builders.text_pdf(inputs / "quyet-dinh-2820.pdf", [builders.DECISION])
    (inputs / "giay-moi.txt").write_text("GIẤY MỜI\nSố: 45/GM-UBND\nKính mời ông Trần Văn Bình dự họp.\n",
                                         encoding="utf-8")
    (inputs / "rong.pdf").write_bytes(b"")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = build_window(str(tmp / "library"))
    assert window is not None
    window.resize(1380, 860)
    window.show()
    window.import_paths([inputs])
    deadline = time.monotonic() + 120
    while window.task is not None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    window.navigator.select_view("all")
    rows = [window.model.row_at(r) for r in range(window.model.rowCount())]
    window.table.selectRow(next(i for i, r in enumerate(rows) if r and r.filename.endswith(".pdf")))
    window.table.resizeRowsToContents()
    window.side_tabs.setCurrentWidget(window.metadata)
    for _ in range(20):
        app.processEvents()
    window.grab().save(target)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshot-main.png"))
