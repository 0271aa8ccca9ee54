"""GUI responsiveness benchmark: how long the event loop stalls while scans are ingested, and cold start.

1. Cold start: a fresh ``python`` process opens docmgr's main window on an empty library and reports
   when the window is shown; next to it, in the same run, a bare PySide6 window (QWidget) the same way.
   Both are wall time from process launch to the shown window, median of ``--starts`` runs.
2. Event-loop gaps: a 10-ms QTimer ticks in the window while ``--pages`` scanned pages (image-only
   PDFs of 5 pages, rendered with tests/fixtures/builders.py) are ingested with OCR through the same
   import the user triggers; the longest gap between ticks and the 99th percentile, next to the same
   timer on the idle window in the same run.

Run (on a display or offscreen): ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_latency.py``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

_SHOWN = """
import sys, time
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication(sys.argv[:1])
if sys.argv[2] == "bare":
    from PySide6.QtWidgets import QWidget
    w = QWidget(); w.setWindowTitle("bare"); w.resize(1300, 820)
else:
    from docmgr.app import build_window
    w = build_window(sys.argv[3]); w.resize(1300, 820)
w.show()
def done():
    print(f"{time.time() - t0:.4f}", flush=True); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def cold_start(kind: str, library: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _SHOWN, repr(time.time()), kind, str(library)],
                         capture_output=True, text=True, env=env, timeout=120, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def scanned_inputs(folder: Path, pages: int) -> list[Path]:
    from tests.fixtures import builders

    files = []
    per_file = 5
    for f in range(0, pages, per_file):
        images = [builders.render_lines([
            "ỦY BAN NHÂN DÂN PHƯỜNG NINH KIỀU",
            f"Số: {100 + f + i}/GM-UBND",
            "GIẤY MỜI",
            f"Kính mời ông Trần Văn Bình (hồ sơ {f + i}) dự họp tại trụ sở.",
            "Thời gian: 8 giờ 00, ngày 05 tháng 01 năm 2026.",
        ], size=34) for i in range(min(per_file, pages - f))]
        files.append(builders.image_pdf(folder / f"giay-moi-{f:03d}.pdf", images))
    return files


def tick_gaps(app: object, seconds: float | None, until: object = None) -> list[float]:
    """Gaps (ms) between 10-ms ticks while the loop runs ``seconds`` or until ``until()`` is true."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    stamps: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: stamps.append(clock.nsecsElapsed()))
    loop = QEventLoop()
    timer.start()
    check = QTimer()
    check.setInterval(50)
    check.timeout.connect(lambda: loop.quit() if (until and until()) or
                          (seconds is not None and clock.elapsed() > seconds * 1000) else None)
    check.start()
    loop.exec()
    timer.stop()
    check.stop()
    return [(b - a) / 1e6 for a, b in zip(stamps, stamps[1:])]


def _done(window: object) -> bool:
    return getattr(window, "warm_done", False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="docmgr-gui-bench-"))

    bare = statistics.median(cold_start("bare", tmp / "lib0") for _ in range(args.starts))
    app_start = statistics.median(cold_start("app", tmp / "lib0") for _ in range(args.starts))
    print(f"cold start to a shown window (median of {args.starts}): bare PySide6 {bare:.2f} s, "
          f"docmgr {app_start:.2f} s (x{app_start / bare:.1f})")

    from PySide6.QtWidgets import QApplication

    from docmgr.app import build_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    inputs = tmp / "in"
    inputs.mkdir()
    files = scanned_inputs(inputs, args.pages)
    window = build_window(str(tmp / "lib1"))
    assert window is not None
    window.resize(1300, 820)
    window.show()
    window.warm_up()  # what docmgr.app.main does 0.3 s after showing the window
    warm_gaps = tick_gaps(app, None, until=lambda: _done(window))
    idle = tick_gaps(app, 3.0)
    started = time.perf_counter()
    task = window.import_paths(files)
    assert task is not None
    busy = tick_gaps(app, None, until=lambda: window.task is None)
    took = time.perf_counter() - started
    filed = len(window.library.catalog.all_ids())

    def p99(gaps: list[float]) -> float:
        return sorted(gaps)[int(0.99 * (len(gaps) - 1))]

    print(f"warm-up after start (imports, models; off the GUI thread): longest gap {max(warm_gaps):.1f} ms")
    print(f"idle window: longest gap {max(idle):.1f} ms, p99 {p99(idle):.1f} ms ({len(idle)} ticks)")
    print(f"ingesting {args.pages} scanned pages ({len(files)} PDFs, {filed} filed, {took:.1f} s): "
          f"longest gap {max(busy):.1f} ms, p99 {p99(busy):.1f} ms ({len(busy)} ticks)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
