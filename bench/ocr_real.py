"""OCR on real-shaped scans: docmgr next to raw Tesseract in the same run (``bench/real_pages.py``).

Sets (built in a scratch folder, real text from ``shared/data/vn-official-docs-dev``):

* ``grey``: N single-page PDFs (default 22), each an A4 page scanned 8-bit grey at 200 dpi, JPEG
  quality 60-80 inside the PDF, skew ±1.5°, sensor noise, a darker scanner edge, a seal and a
  signature (grey, as the scanner turned them);
* ``colour``: a few of the same pages scanned in colour (red seal over the signer's title, blue
  signature), JPEG inside a one-page PDF;
* ``bitonal``: one M-page document (default 29) scanned 1-bit at 200 dpi (CCITT G4 inside a PDF),
  skewed, the seal and the signature on the last page.

Raw = ``tesseract IMAGE stdout -l vie+eng`` on the very JPEGs (or the 1-bit pages as G4 TIFF), 2
processes, OMP_THREAD_LIMIT=1; ``raw clean`` = the same on the clean 300-dpi renders (the reference
the targets compare with). docmgr = ``ingest_paths`` of the PDFs into a fresh library (OCR,
classification, stored original, archive copy, thumbnails, catalog, index), 2 workers, text read
back from the catalog. Speed = raw seconds / docmgr seconds over the same pages (raw and docmgr
interleaved over ``--rounds``, medians). Word recall = multiset recall of the printed words (mean
over pages); CER = line-aligned (each reference line against the output stretch that matches it
best, edits over reference length; median over pages) — the two-column header and the table make
a reading-order CER meaningless; NFC, whitespace folded. CPU = seconds of this process and its
reaped children (the machine is shared: the CPU ratio is the steadier one).
Per-step time: the grey set's pages through ``ocr_batch`` one at a time in this process.
Cold CLI: ``docmgr --library NEW ingest ONE.pdf`` wall next to ``tesseract ONE.jpg stdout``;
``docmgr classify`` of the bitonal document.

Run: ``.venv/bin/python bench/ocr_real.py [--files 22] [--colour 6] [--bitonal-pages 29] [--rounds 1]``
(needs the bench and test extras: rapidfuzz, fpdf2).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import real_pages as rp  # noqa: E402

LANG = "vie+eng"
ROOT = Path(__file__).resolve().parents[1]
DOCMGR = [sys.executable, "-m", "docmgr"]   # this checkout's docmgr (the bench runs from its own tree)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def cer(ref: str, out: str) -> float:
    """Line-aligned CER: each reference line against the stretch of the output that matches it best
    (so that the order in which the two header columns or a table's cells are read does not count),
    edits summed over the reference length."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    text = norm(out)
    edits = total = 0
    for line in (norm(line) for line in ref.splitlines()):
        if not line:
            continue
        total += len(line)
        if not text:
            edits += len(line)
            continue
        found = fuzz.partial_ratio_alignment(line, text)
        edits += Levenshtein.distance(line, text[found.dest_start:found.dest_end]) if found else len(line)
    return edits / max(1, total)


def cpu() -> float:
    """CPU seconds of this process and its finished children (the reaped workers and Tesseracts)."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def recall(ref: str, out: str) -> float:
    want, got = Counter(norm(ref).split()), Counter(norm(out).split())
    return sum((want & got).values()) / max(1, sum(want.values()))


def raw_tesseract(paths: list[Path]) -> tuple[list[str], float]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(path: Path) -> str:
        done = subprocess.run(["tesseract", str(path), "stdout", "-l", LANG], capture_output=True, env=env, check=True)
        return done.stdout.decode("utf-8")

    start, used = time.perf_counter(), cpu()
    with ThreadPoolExecutor(2) as pool:
        texts = list(pool.map(one, paths))
    LAST_CPU[0] = cpu() - used
    return texts, time.perf_counter() - start


LAST_CPU = [0.0]


def run_docmgr(pdfs: list[Path], scratch: Path) -> tuple[list[list[str]], float, list[list[dict]]]:
    """ingest_paths into a fresh library; each file's page texts and marks, and the seconds it took."""
    from docmgr.core.library import Library
    from docmgr.ingest.ocr import shutdown_pool
    from docmgr.services.ingest import ingest_paths

    lib_dir = Path(tempfile.mkdtemp(prefix="lib-", dir=scratch))
    library = Library(lib_dir)
    start, used = time.perf_counter(), cpu()
    results = ingest_paths(library, [str(p) for p in pdfs], workers=2)
    took = time.perf_counter() - start
    shutdown_pool()   # its workers' CPU is counted once they are reaped
    LAST_CPU[0] = cpu() - used
    texts, marks = [], []
    for r in results:
        pages = library.catalog.pages(r.id) if r.id else []
        texts.append([p.text for p in pages])
        marks.append([{"page": p.number, "marks": [m.kind for m in getattr(p, "marks", [])]} for p in pages])
    return texts, took, marks


def build(scratch: Path, files: int, colour: int, bitonal_pages: int, seed: int) -> dict:
    rng = random.Random(seed)
    sources = rp.load_sources(files + 8, seed)
    sets: dict = {"grey": [], "colour": [], "bitonal": None}
    for n, src in enumerate(sources[:files]):
        page = rp.single_page(src, rng)
        clean = scratch / f"clean-{n:02}.png"
        page.image.save(clean, dpi=(300, 300))
        for kind in ("grey", "colour") if n < colour else ("grey",):
            data = rp.jpeg(rp.scan(page.image, rng, colour=kind == "colour"), rng.randint(60, 80))
            jpg, pdf = scratch / f"{kind}-{n:02}.jpg", scratch / f"{kind}-{n:02}.pdf"
            jpg.write_bytes(data)
            rp.jpeg_pdf(data, pdf)
            sets[kind].append({"pdf": pdf, "raw": jpg, "clean": clean, "truth": page.truth, "seal": page.seal,
                               "signature": page.signature})
    if bitonal_pages:
        doc = rp.multi_page(sources[files:], bitonal_pages, rng)
        scans = [rp.scan_bitonal(p.image, rng) for p in doc]
        pdf = scratch / "bitonal.pdf"
        scans[0].save(pdf, save_all=True, append_images=scans[1:], resolution=200)
        raws = []
        for k, img in enumerate(scans):
            raws.append(scratch / f"bitonal-{k + 1:02}.tif")
            img.save(raws[-1], dpi=(200, 200), compression="group4")
        sets["bitonal"] = {"pdf": pdf, "raw": raws, "truths": [p.truth for p in doc]}
    return sets


def score(truths: list[str], outputs: list[str]) -> tuple[float, float]:
    return (statistics.mean(recall(t, o) for t, o in zip(truths, outputs)),
            statistics.median(cer(t, o) for t, o in zip(truths, outputs)))


def compare(label: str, pdfs: list[Path], raws: list[Path], truths: list[str], scratch: Path, rounds: int,
            clean: list[Path] | None = None) -> list[list[dict]]:
    raw_s, doc_s, ratios, raw_cpu, doc_cpu = [], [], [], [], []
    raw_texts: list[str] = []
    doc_texts: list[str] = []
    marks: list[list[dict]] = []
    for r in range(rounds):
        for who in (("raw", "doc") if r % 2 == 0 else ("doc", "raw")):
            if who == "raw":
                raw_texts, t = raw_tesseract(raws)
                raw_s.append(t)
                raw_cpu.append(LAST_CPU[0])
            else:
                pages, t, marks = run_docmgr(pdfs, scratch)
                doc_texts = ["\n".join(p) for p in pages]
                doc_s.append(t)
                doc_cpu.append(LAST_CPU[0])
        ratios.append(raw_s[-1] / doc_s[-1])
    if len(pdfs) == 1 and len(truths) > 1:   # one multi-page document: page by page
        doc_texts = pages[0]
    rec_raw, cer_raw = score(truths, raw_texts)
    rec_doc, cer_doc = score(truths, doc_texts)
    line = (f"{label:9} pages {len(truths):3}  raw {statistics.median(raw_s):6.1f}s  docmgr "
            f"{statistics.median(doc_s):6.1f}s  speed {statistics.median(ratios):4.2f}x  cpu raw "
            f"{statistics.median(raw_cpu):5.1f}s docmgr {statistics.median(doc_cpu):5.1f}s "
            f"({statistics.median(raw_cpu) / max(1e-9, statistics.median(doc_cpu)):4.2f}x)  "
            f"recall raw {rec_raw:.3f} docmgr {rec_doc:.3f}  CER raw {cer_raw:.2%} docmgr {cer_doc:.2%}")
    if clean:
        clean_texts, t_clean = raw_tesseract(clean)
        rec_c, cer_c = score(truths, clean_texts)
        line += f"  | raw on clean 300 dpi: recall {rec_c:.3f} CER {cer_c:.2%} ({t_clean:.1f}s)"
    print(line, flush=True)
    return marks


def step_times(pdfs: list[Path], count: int) -> None:
    """Per-step seconds of the grey pages, one page at a time in this process (medians)."""
    from docmgr.ingest.ocr import OcrJob, ocr_batch
    from docmgr.ingest.preprocess import DEFAULT_STEPS

    times: dict[str, list[float]] = defaultdict(list)
    steps: Counter[str] = Counter()
    for n, pdf in enumerate(pdfs[:count]):
        (page,) = ocr_batch([OcrJob(str(pdf), "pdf", 0, 1)], LANG, 0, DEFAULT_STEPS)
        for key, value in getattr(page, "timings", {}).items():
            times[key].append(value)
        steps.update(page.page.steps)
    print(f"per-step seconds (median of {min(count, len(pdfs))} grey pages, in-process): "
          + ", ".join(f"{k} {statistics.median(v):.3f}" for k, v in times.items()))
    print(f"steps that ran: {dict(steps)}")


def cold_cli(pdf: Path, jpg: Path, scratch: Path, runs: int = 3) -> None:
    env = dict(os.environ, OMP_THREAD_LIMIT="1", PYTHONPATH=str(ROOT))
    doc, raw = [], []
    for k in range(runs):
        lib = scratch / f"cold-{k}"
        start = time.perf_counter()
        subprocess.run([*DOCMGR, "--library", str(lib), "ingest", str(pdf)], env=env, check=True,
                       capture_output=True, cwd=ROOT)
        doc.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run(["tesseract", str(jpg), "stdout", "-l", LANG], env=env, check=True, capture_output=True)
        raw.append(time.perf_counter() - start)
    print(f"cold CLI, one grey page: docmgr ingest {statistics.median(doc):.2f}s (runs {', '.join(f'{t:.2f}' for t in doc)})"
          f", raw tesseract {statistics.median(raw):.2f}s")


def cold_classify(pdf: Path, scratch: Path, pages: int) -> None:
    env = dict(os.environ, OMP_THREAD_LIMIT="1", PYTHONPATH=str(ROOT))
    lib = scratch / "classify-lib"
    start = time.perf_counter()
    done = subprocess.run([*DOCMGR, "--library", str(lib), "classify", "--json", str(pdf)], env=env,
                          capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - start
    print(f"docmgr classify of the {pages}-page bitonal scan: {took:.2f}s (exit {done.returncode}) "
          f"{done.stdout.strip()[:160]}")


def marks_found(sets: list[dict], marks: list[list[dict]]) -> None:
    seals = sum(any("seal" in page["marks"] for page in doc) for doc in marks)
    sigs = sum(any("signature" in page["marks"] for page in doc) for doc in marks)
    print(f"colour marks: seal found on {seals}/{len(sets)} pages, signature on {sigs}/{len(sets)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=22)
    parser.add_argument("--colour", type=int, default=6)
    parser.add_argument("--bitonal-pages", type=int, default=29)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--seed", type=int, default=30)
    parser.add_argument("--skip", default="", help="comma list of parts to skip: grey,colour,bitonal,steps,cli")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory(prefix="ocr-real-") as tmp:
        scratch = Path(tmp)
        start = time.perf_counter()
        sets = build(scratch, args.files, args.colour, args.bitonal_pages, args.seed)
        print(f"built in {time.perf_counter() - start:.0f}s", flush=True)
        grey, colour, bitonal = sets["grey"], sets["colour"], sets["bitonal"]
        if "grey" not in skip:
            compare("grey", [s["pdf"] for s in grey], [s["raw"] for s in grey], [s["truth"] for s in grey], scratch,
                    args.rounds, [s["clean"] for s in grey])
        if colour and "colour" not in skip:
            marks = compare("colour", [s["pdf"] for s in colour], [s["raw"] for s in colour],
                            [s["truth"] for s in colour], scratch, args.rounds, [s["clean"] for s in colour])
            marks_found(colour, marks)
        if bitonal and "bitonal" not in skip:
            compare("bitonal", [bitonal["pdf"]], bitonal["raw"], bitonal["truths"], scratch, args.rounds)
        if "steps" not in skip:
            step_times([s["pdf"] for s in grey], 6)
        if "cli" not in skip:
            cold_cli(grey[0]["pdf"], grey[0]["raw"], scratch)
            if bitonal:
                cold_classify(bitonal["pdf"], scratch, args.bitonal_pages)


if __name__ == "__main__":
    main()
