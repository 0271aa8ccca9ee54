"""Leaders' statistics over a generated 10,000-document / 10,000-dossier library: docmgr's `stats` figures
(services.stats.compute) timed beside the raw SQLite GROUP BY they stand on, in the same run.

The issuers are the real ones of `../shared/data/vn-official-docs-dev/labels.jsonl` (read from there).
Usage: .venv/bin/python bench/stats.py [--docs N] [--dossiers N] [--runs R]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
LABELS = ROOT.parent.parent / "shared" / "data" / "vn-official-docs-dev" / "labels.jsonl"


def issuers() -> list[str]:
    path = LABELS if LABELS.exists() else Path("/work/shared/data/vn-official-docs-dev/labels.jsonl")
    found = sorted({json.loads(line).get("issuer") or "" for line in path.read_text(encoding="utf-8").splitlines()})
    return [i for i in found if i] or ["UBND"]


def _gui_draw(library: object, result: dict, runs: int) -> "tuple[float, float] | None":
    """Median times to draw the statistics screen's charts from computed figures, and to render the same
    figure with matplotlib's plain Agg canvas (no Qt): None without Qt."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication

        from docmgr.gui.archive.stats import StatsPanel
    except ImportError:
        return None
    app = QApplication.instance() or QApplication([])
    panel = StatsPanel(library, print)  # type: ignore[arg-type]
    panel.resize(1250, 720)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    times, raw = [], []
    for _ in range(runs):
        t = time.perf_counter()
        panel.draw(result)
        panel.canvas.grab()  # rendered, not only laid out
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        FigureCanvasAgg(panel.figure).draw()  # the same figure, matplotlib alone
        raw.append(time.perf_counter() - t)
    app.processEvents()
    return statistics.median(times), statistics.median(raw)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--dossiers", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    from docmgr.services.library import open_library
    from docmgr.services.stats import compute, rows
    from tests.fixtures.archive_library import fill

    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library")
        names = issuers()
        t = time.perf_counter()
        fill(library, a.docs, a.dossiers, names)
        print(f"generated {a.docs} documents, {a.dossiers} dossiers, {len(names)} real issuers in "
              f"{time.perf_counter() - t:.1f} s")
        conn = library.catalog.connection()
        ours, raw = [], []
        for _ in range(a.runs):
            t = time.perf_counter()
            result = compute(library, date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 12, 1))
            rows(result)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            conn.execute("SELECT f.value, substr(d.added, 1, 7), COUNT(*) FROM documents d JOIN fields f ON "
                         "f.doc_id = d.id AND f.key = 'issuer' GROUP BY 1, 2").fetchall()
            conn.execute("SELECT procedure, substr(received, 1, 7), COUNT(*) FROM dossiers GROUP BY 1, 2").fetchall()
            raw.append(time.perf_counter() - t)
        m_ours, m_raw = statistics.median(ours), statistics.median(raw)
        s = result["dossier_summary"]
        print(f"stats (docmgr):      median {m_ours * 1000:.1f} ms over {a.runs} runs (target < 1000 ms)")
        print(f"raw GROUP BY (2 q.): median {m_raw * 1000:.1f} ms; ratio {m_ours / m_raw:.1f}x")
        drawn = _gui_draw(library, result, a.runs)
        if drawn is not None:
            draw, agg = drawn
            print(f"charts (StatsPanel.draw + paint, offscreen Qt): median {draw * 1000:.1f} ms; the same figure "
                  f"on matplotlib's Agg canvas alone {agg * 1000:.1f} ms; ratio {draw / agg:.1f}x")
            print(f"figures + charts: {(m_ours + draw) * 1000:.1f} ms (target < 1000 ms)")
        print(f"check: {result['documents_total']} documents, {s['received']} dossiers received, "
              f"{s['resolved']} resolved, on-time rate {s['on_time_rate']}, {s['overdue_now']} overdue now")


if __name__ == "__main__":
    main()
