"""Render the dossier screen on a small library to a PNG (run under Xvfb or offscreen):
``xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_dossiers.py docs``."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def main(out_dir: str) -> int:
    from PySide6.QtWidgets import QApplication

    from docmgr.gui.widgets.dossiers import DossierScreen
    from docmgr.services import dossiers as svc
    from docmgr.services.ingest import ingest_file
    from docmgr.services.library import open_library

    app = QApplication.instance() or QApplication(sys.argv)
    from docmgr.gui.i18n import install

    install(os.environ.get("DOCMGR_UI_LANGUAGE", "vi"))
    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library")
        decl = Path(tmp) / "to-khai.txt"
        decl.write_text("TỜ KHAI ĐĂNG KÝ KHAI SINH\nHọ tên: Nguyễn Thị Hồng Nhung\n", encoding="utf-8")
        doc = ingest_file(library, decl)
        now = datetime.now().replace(second=0, microsecond=0)
        people = [("KHAI-SINH", "Nguyễn Văn An", "092095001234", "0912345678",
                   "12 Nguyễn Trãi, P. An Hòa, Q. Ninh Kiều, TP Cần Thơ", now),
                  ("DAT-BIEN-DONG", "Trần Thị Bích", "", "0987654321", "Phường Cái Khế, Thành phố Cần Thơ",
                   now - timedelta(days=20)),
                  ("XN-HON-NHAN", "Lê Văn Cường", "", "0909000111", "", now - timedelta(days=2)),
                  ("PHAN-ANH", "Phạm Thị Dung", "", "0933444555", "", now - timedelta(days=1))]
        first = None
        for proc, name, idn, phone, addr, when in people:
            d = svc.new_dossier(library, proc, svc.ApplicantInput(name, idn, phone, addr), when)
            first = first or d["code"]
        svc.attach(library, first, [int(doc.id)])
        screen = DossierScreen(library)
        screen.resize(1500, 800)
        screen.show()
        screen.refresh()
        screen.table.selectRow(screen.codes().index(first))
        screen.finder.ask("sang tên sổ đỏ cần gì")
        deadline = time.monotonic() + 60
        while screen.finder.results.count() == 0 and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.05)
        for _ in range(20):
            app.processEvents()
        target = Path(out_dir) / "screenshot-dossiers.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        screen.grab().save(str(target), "PNG")
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs"))
