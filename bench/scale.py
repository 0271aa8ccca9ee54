"""How docmgr holds up after years of use: a generated library of ``--docs`` documents (2k / 20k /
100k; see bench/scale_library.py), every row of issue #16 measured in one run.

Rows (wall time; peak memory of the largest process where it matters):
- desktop app, cold start to the shown window (fresh process; median of ``--starts``), next to a
  bare PySide6 window in the same run;
- the document list: the navigator's "Tất cả văn bản" (the model switching to the view) and a sort by
  each column, in-process on the real Qt model (offscreen);
- ``list --json``: time to the first line and to the last;
- ``check --quick`` (catalog, files present, index) and ``check`` (with every checksum);
- ``search`` CLI, median and max over a few queries, on Whoosh and, with ``--tantivy``, on a tantivy
  copy of the index;
- ``reindex`` on Whoosh: wall time and peak memory;
- ``ingest`` of ``--ingest`` more generated documents into the large library: documents per second,
  the longest pause between two filed documents, peak memory.

Generated libraries live outside the repository (``--work``, default a temporary folder) and are
reused when the folder already holds one of the asked size.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/scale.py --docs 20000``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DOCMGR = [sys.executable, "-m", "docmgr"]
QUERIES = ("quyết định đất đai", "ke hoach cai cach hanh chinh", "\"ủy ban nhân dân\"", "hộ tịch", "giao thong")


def run_timed(cmd: Sequence[str], *, first_line: bool = False, env: Optional[dict] = None) -> dict:
    """Run a command; wall time, time to its first stdout line, the longest gap between stdout lines,
    and its peak RSS (MB; POSIX only)."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=dict(os.environ, **(env or {})))
    assert proc.stdout is not None
    first: Optional[float] = None
    last = start
    gap = 0.0
    lines = 0
    for _line in proc.stdout:
        now = time.perf_counter()
        first = first if first is not None else now - start
        if lines:
            gap = max(gap, now - last)
        last = now
        lines += 1
    peak_mb = None
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        peak_mb = usage.ru_maxrss / 1024
    else:
        proc.wait()
    return {"wall": time.perf_counter() - start, "first": first, "gap": gap, "lines": lines,
            "peak_mb": peak_mb, "rc": proc.returncode}


def cold_start(kind: str, library: Path) -> float:
    """Process launch to the shown window (``kind`` "bare": a plain PySide6 window), as bench/gui_latency.py."""
    from gui_latency import cold_start as measure

    return measure(kind, library)


def list_model_times(library: Path) -> dict:
    """In-process: the model switching views and sorting, on the real Qt model."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from docmgr.core.library import Library
    from docmgr.gui.models.documents import COLUMNS, DocumentsModel

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    lib = Library(library)
    model = DocumentsModel(lib, "review")
    out: dict[str, float] = {}
    t = time.perf_counter()
    model.set_view("all")
    model.data(model.index(0, 0))
    out["view all"] = time.perf_counter() - t
    for col, (key, _label) in enumerate(COLUMNS):
        t = time.perf_counter()
        model.sort(col, Qt.SortOrder.AscendingOrder)
        model.data(model.index(0, 0))
        out[f"sort {key}"] = time.perf_counter() - t
    return out


def ensure_library(work: Path, docs: int, scanned_share: float) -> Path:
    from scale_library import generate

    lib = work / f"lib-{docs}"
    marker = lib / ".generated"
    if marker.exists():
        return lib
    if lib.exists():
        shutil.rmtree(lib)
    t = time.perf_counter()
    generate(lib, docs, scanned_share=scanned_share)
    marker.write_text(str(docs))
    print(f"generated {docs} documents in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return lib


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "docmgr-scale")
    ap.add_argument("--scanned-share", type=float, default=0.3)
    ap.add_argument("--starts", type=int, default=3)
    ap.add_argument("--ingest", type=int, default=2000, help="documents ingested into the large library (0: skip)")
    ap.add_argument("--skip-reindex", action="store_true")
    ap.add_argument("--tantivy", action="store_true", help="also measure search on a tantivy copy")
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    lib = ensure_library(a.work, a.docs, a.scanned_share)
    results: dict[str, object] = {"docs": a.docs}
    base = [*DOCMGR, "--library", str(lib)]

    if not a.skip_reindex:
        r = run_timed([*base, "reindex"])
        results["reindex whoosh"] = {"wall": round(r["wall"], 1), "peak_mb": r["peak_mb"]}
        print(f"reindex (whoosh): {r['wall']:.1f} s, peak {r['peak_mb']:.0f} MB", flush=True)

    bare = statistics.median(cold_start("bare", lib) for _ in range(a.starts))
    app = statistics.median(cold_start("app", lib) for _ in range(a.starts))
    results["cold start"] = {"docmgr": round(app, 2), "bare": round(bare, 2)}
    print(f"desktop app, time to window: {app:.2f} s (bare PySide6 {bare:.2f} s)", flush=True)

    times = list_model_times(lib)
    results["list model"] = {k: round(v, 3) for k, v in times.items()}
    sorts = {k: v for k, v in times.items() if k.startswith("sort")}
    print(f"navigator 'Tất cả văn bản': {times['view all']:.3f} s; sort by a column: max {max(sorts.values()):.3f} s "
          f"({max(sorts, key=sorts.__getitem__)})", flush=True)

    r = run_timed([*base, "list", "--json"])
    results["list --json"] = {"first": round(r["first"] or 0, 3), "wall": round(r["wall"], 2), "peak_mb": r["peak_mb"]}
    print(f"list --json: first line {r['first']:.3f} s, all {r['lines']} in {r['wall']:.2f} s, "
          f"peak {r['peak_mb']:.0f} MB", flush=True)

    for mode in (["check", "--quick"], ["check"]):
        r = run_timed([*base, *mode])
        results[" ".join(mode)] = {"wall": round(r["wall"], 2), "rc": r["rc"]}
        print(f"{' '.join(mode)}: {r['wall']:.2f} s (exit {r['rc']})", flush=True)

    def search_times(library: Path) -> list[float]:
        return [run_timed([*DOCMGR, "--library", str(library), "search", q, "--json"])["wall"] for q in QUERIES]

    s = search_times(lib)
    results["search whoosh"] = {"median": round(statistics.median(s), 3), "max": round(max(s), 3)}
    print(f"search CLI (whoosh): median {statistics.median(s):.2f} s, max {max(s):.2f} s", flush=True)
    if a.tantivy:
        tlib = a.work / f"lib-{a.docs}-tantivy"
        if not (tlib / ".generated").exists():
            shutil.rmtree(tlib, ignore_errors=True)
            shutil.copytree(lib, tlib, ignore=shutil.ignore_patterns("index*"))
            settings = tlib / "settings.json"
            data = json.loads(settings.read_text(encoding="utf-8")) if settings.exists() else {}
            data["search_engine"] = "tantivy"
            settings.write_text(json.dumps(data), encoding="utf-8")
            run_timed([*DOCMGR, "--library", str(tlib), "reindex"])
        s = search_times(tlib)
        results["search tantivy"] = {"median": round(statistics.median(s), 3), "max": round(max(s), 3)}
        print(f"search CLI (tantivy): median {statistics.median(s):.2f} s, max {max(s):.2f} s", flush=True)

    if a.ingest:
        from scale_library import write_folder

        folder = Path(tempfile.mkdtemp(prefix="in-", dir=a.work))  # new documents each run
        write_folder(folder, a.ingest, seed=int(time.time()))
        r = run_timed([*base, "ingest", str(folder), "--json"])
        results["ingest"] = {"docs_per_s": round(r["lines"] / r["wall"], 1), "longest_pause": round(r["gap"], 2),
                             "peak_mb": r["peak_mb"], "docs": r["lines"]}
        print(f"ingest of {r['lines']} documents into the {a.docs} library: {r['lines'] / r['wall']:.1f} docs/s, "
              f"longest pause {r['gap']:.2f} s, peak {r['peak_mb']:.0f} MB", flush=True)
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
