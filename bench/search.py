"""Search benchmark: both engines in the same run.

1. Speed: build time, index size, p50/p95 query latency (in-process: parse + plan + engine search with
   facets, the relaxed retry included) on generated ~3 KB Vietnamese documents. Their text is made of
   sentences from a bigram chain trained on ``vn-legal-doctype/train.jsonl`` and ``vn-citizen-forms``,
   plus a document number, a date and a 12-digit ID.
2. Relevance: two known-item tests on ``train.jsonl`` (3,516 excerpts, title + one article), each typed
   with and without diacritics. *titles*: the query is the first words of a title in lower case; the
   relevant items are the excerpts of that title. *questions*: a natural-language question built from
   a window of one article (see :func:`question_items`), like the legal questions of the target.
   Recall@10 and MRR for docmgr on both engines, next to Whoosh's default set-up (StandardAnalyzer,
   MultifieldParser over title and content: paperless-ngx's old one), its words grouped with AND (the
   parser's default) and with OR. Long questions are also timed in the speed part (``p95_question_ms``).
3. Real legal questions (``--legal-tests``, first): the articles of ``vn-legal-qa-dev`` (18 laws) as
   documents, and its 100 dev statements asked in the three forms questions come in (``bench/legal_qa.py``:
   true/false, multiple choice with and without options, naming the law and article), with and without
   diacritics; Recall@10, MRR and the share ranked first, next to Whoosh's default set-up.
   ``--misses N`` prints up to N questions per set not answered first (docmgr on Whoosh).

Usage:  .venv/bin/python bench/search.py [--sizes 10000,100000] [--whoosh-max 10000] [--queries 200] [--questions 50]
                                         [--engines whoosh,tantivy] [--legal-tests statements,asked,choice,naming,naming-all]
                                         [--misses N]
                                         [--relevance-queries 500] [--skip-speed] [--skip-relevance]
                                         [--cli-docs 100000 --cli-engine tantivy]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from docmgr.core.errors import UsageError  # noqa: E402
from docmgr.core.text import fold, nfc  # noqa: E402
from docmgr.search import IndexDoc, create_engine, parse  # noqa: E402
from docmgr.services.search import execute  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")
TRAIN = DATA / "vn-legal-doctype" / "train.jsonl"
FORMS = DATA / "vn-citizen-forms" / "all_blank"
LEGAL_QA = DATA / "vn-legal-qa-dev"
LEGAL_TESTS = "statements,asked,choice,naming,naming-all"
WORD = re.compile(r"\w+|[.,;:]", re.UNICODE)


def corpus_texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in TRAIN.open(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FORMS.glob("*.txt"))]
    return [nfc(t) for t in texts]


def sentence_pool(texts: list[str], n: int, rng: random.Random) -> list[str]:
    """``n`` sentences from a bigram chain over the corpus (the vocabulary and its word order)."""
    chain: dict[str, list[str]] = {}
    starts: list[str] = []
    for text in texts:
        toks = WORD.findall(text.replace(" none ", " . "))
        for a, b in zip(toks, toks[1:]):
            chain.setdefault(a, []).append(b)
        starts.extend(t for t in toks[:1] if t.isalpha())
    pool = []
    for _ in range(n):
        word = rng.choice(starts)
        out = [word]
        for _ in range(rng.randint(8, 30)):
            nxt = chain.get(word)
            if not nxt:
                break
            word = rng.choice(nxt)
            out.append(word)
        pool.append(re.sub(r" ([.,;:])", r"\1", " ".join(out)).strip(" .,;:") + ".")
    return pool


def generate_docs(n: int, pool: list[str], rng: random.Random) -> list[IndexDoc]:
    docs = []
    for i in range(1, n + 1):
        parts: list[str] = []
        size = 0
        while size < 3000:
            s = rng.choice(pool)
            parts.append(s)
            size += len(s) + 1
        number = f"{rng.randint(1, 9999)}/{rng.choice(['QĐ-UBND', 'TB-UBND', 'CV-VP', 'NQ-HĐND'])}"
        year = rng.randint(2015, 2026)
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        head = f"Số: {number}. Ngày {day:02d}/{month:02d}/{year}. CCCD {rng.randint(10**11, 10**12 - 1)}."
        text = head + " " + " ".join(parts)
        docs.append(IndexDoc(id=i, pages=[(1, text[:1600]), (2, text[1600:])], title=parts[0][:80],
                             type_code=rng.choice(["QD", "TB", "CV", "NQ", "DON", "GCN"]), number=number,
                             filename=f"doc{i}.pdf", issued=f"{year}-{month:02d}-{day:02d}"))
    return docs


def make_queries(pool: list[str], docs: list[IndexDoc], n: int, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, query): words with marks, the same folded, a phrase, an identifier."""
    out = []
    for i in range(n):
        words = WORD.findall(rng.choice(pool))
        words = [w for w in words if w.isalpha()]
        start = rng.randrange(max(1, len(words) - 3))
        q = " ".join(words[start:start + rng.randint(1, 3)]).lower() or "đất"
        kind = ("marked", "folded", "phrase", "identifier")[i % 4]
        if kind == "folded":
            q = fold(q)
        elif kind == "phrase":
            q = f'"{q}"'
        elif kind == "identifier":
            q = rng.choice(docs).number
        out.append((kind, q))
    return out


def make_questions(pool: list[str], n: int, rng: random.Random) -> list[str]:
    """Long questions (6–12 words of a sentence, a question head and tail), half of them folded."""
    out = []
    for i in range(n):
        words = [w for w in WORD.findall(rng.choice(pool)) if w.isalpha()]
        start = rng.randrange(max(1, len(words) - 6))
        core = " ".join(words[start:start + rng.randint(6, 12)]).lower()
        q = " ".join(x for x in (rng.choice(QUESTION_HEADS), core, rng.choice(QUESTION_TAILS)) if x)
        out.append(fold(q) if i % 2 else q)
    return out


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench_speed(engine_name: str, docs: list[IndexDoc], queries: list[tuple[str, str]], root: Path,
                questions: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    path = root / f"{engine_name}-{len(docs)}"
    engine = create_engine(engine_name, path, create=True)
    t0 = time.perf_counter()
    for start in range(0, len(docs), 1000):
        engine.write(docs[start:start + 1000], [])
    build = time.perf_counter() - t0
    engine.close()
    engine = create_engine(engine_name, path, create=False)
    nodes = [(kind, parse(q)) for kind, q in queries]
    for _, node in nodes[:20]:  # warm up
        execute(engine, node, 20, "relevance")
    times: dict[str, list[float]] = {}
    for kind, node in nodes:
        t = time.perf_counter()
        execute(engine, node, 20, "relevance")
        times.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
    every = [x for v in times.values() for x in v]
    for q in questions:  # reported on their own, not in p50/p95 (the mix above is the target's)
        node = parse(q)
        t = time.perf_counter()
        execute(engine, node, 20, "relevance")
        times.setdefault("question", []).append((time.perf_counter() - t) * 1000)
    engine.close()
    row = {"engine": engine_name, "docs": len(docs), "build_s": round(build, 1),
           "docs_per_s": round(len(docs) / build), "index_mb": round(folder_size(path) / 1e6, 1),
           "p50_ms": round(percentile(every, 50), 2), "p95_ms": round(percentile(every, 95), 2)}
    for kind, vals in times.items():
        row[f"p95_{kind}_ms"] = round(percentile(vals, 95), 2)
    shutil.rmtree(path, ignore_errors=True)
    return row


# -- relevance -------------------------------------------------------------------------------------
def split_title(text: str) -> tuple[str, str]:
    title, sep, body = text.partition(" none ")
    if not sep:
        m = re.search(r"\bĐiều \d", text)
        title, body = (text[:m.start()], text[m.start():]) if m else (text[:120], text)
    return title.strip(), body.strip()


def known_items(rng: random.Random, n: int) -> tuple[list[tuple[str, str]], list[tuple[str, set[int]]]]:
    records = [split_title(nfc(json.loads(line)["text"])) for line in TRAIN.open(encoding="utf-8")]
    by_title: dict[str, set[int]] = {}
    for i, (title, _) in enumerate(records, 1):
        by_title.setdefault(title.lower(), set()).add(i)
    titles = sorted(t for t in by_title if len(t.split()) >= 3)
    rng.shuffle(titles)
    items = []
    for title in titles[:n]:
        words = re.sub(r'[()\[\]":]', " ", title).split()  # typed, not pasted: no brackets, quotes, colons
        items.append((" ".join(words[:8]), by_title[title]))
    return records, items


QUESTION_HEADS = ("", "", "cho hỏi", "xin hỏi", "tôi muốn biết", "theo quy định thì")
QUESTION_TAILS = ("như thế nào", "có được không", "là gì", "bao gồm những gì", "được quy định ra sao",
                  "thì sao", "không", "khi nào", "ở đâu", "ai có thẩm quyền")
_ARTICLE = re.compile(r"Điều \d+[a-z]?\.?\s*")
_NUMBER = re.compile(r"^\d+$")


def _clean_words(text: str) -> list[str]:
    return [w for w in re.sub(r'[()\[\]":;,.]', " ", text).split() if re.search(r"\w", w)]


def question_items(records: list[tuple[str, str]], rng: random.Random,
                   n: int) -> list[tuple[str, set[int]]]:
    """Question-style known items: a question built from a window of one article's text.

    A window of 6–12 words of the article starting at one of its sentences or clauses (the ``Điều N.``
    heading dropped) loses one word (not one of its first two),
    a number becomes "bao nhiêu", and a question head and tail are added ("cho hỏi … như thế nào").
    Relevant = every excerpt holding the window; windows found in more than 3 excerpts (boilerplate
    such as "có hiệu lực thi hành kể từ ngày ký") are skipped.
    """
    bodies = [" ".join(_clean_words(body)).lower() for _, body in records]
    order = list(range(len(records)))
    rng.shuffle(order)
    items: list[tuple[str, set[int]]] = []
    for i in order:
        if len(items) >= n:
            break
        body = records[i][1]
        m = _ARTICLE.search(body)
        article = body[m.end():] if m else body
        starts = [0] + [len(_clean_words(article[:k.end()])) for k in re.finditer(r"[.;:]\s+(?=\w)", article)]
        words = _clean_words(article)
        size = rng.randint(6, 12)
        starts = [k for k in starts if k + size <= len(words) and k < 60]
        if not starts:
            continue
        start = rng.choice(starts)
        window = words[start:start + size]
        needle = " ".join(window).lower()
        relevant = {j + 1 for j, b in enumerate(bodies) if needle in b}
        relevant.add(i + 1)
        if len(relevant) > 3:
            continue
        kept = list(window)
        kept.pop(rng.randrange(2, len(kept)))
        kept = ["bao nhiêu" if _NUMBER.match(w) else w for w in kept]
        head, tail = rng.choice(QUESTION_HEADS), rng.choice(QUESTION_TAILS)
        items.append((" ".join(x for x in (head, " ".join(kept).lower(), tail) if x), relevant))
    return items


def score(ranked: list[list[int]], items: list[tuple[str, set[int]]]) -> tuple[float, float, float]:
    """Recall@10, MRR (over the top 10) and the share ranked first."""
    recall = mrr = first = 0.0
    for hits, (_, relevant) in zip(ranked, items):
        rank = next((i for i, h in enumerate(hits[:10], 1) if h in relevant), None)
        if rank:
            recall += 1
            mrr += 1 / rank
            first += rank == 1
    return round(recall / len(items), 3), round(mrr / len(items), 3), round(first / len(items), 3)


def docmgr_ranker(engine_name: str, records: list[tuple[str, str]], root: Path) -> Callable[[str], list[int]]:
    engine = create_engine(engine_name, root / f"rel-{engine_name}", create=True)
    engine.write([IndexDoc(id=i, pages=[(1, body)], title=title) for i, (title, body) in enumerate(records, 1)], [])

    def rank(q: str) -> list[int]:
        try:
            results, _ = execute(engine, parse(q), 10, "relevance")
        except UsageError as exc:  # counted as found nothing
            print(f"# {engine_name}: {exc}: {q[:80]!r}", file=sys.stderr)
            return []
        return [h.id for h in results.hits]
    return rank


def whoosh_default_rankers(records: list[tuple[str, str]], root: Path) -> dict[str, Callable[[str], list[int]]]:
    """Whoosh's default set-up, its parser grouping words with AND (its default) and with OR."""
    from whoosh import fields, index
    from whoosh.qparser import MultifieldParser, OrGroup

    schema = fields.Schema(id=fields.ID(stored=True), title=fields.TEXT(), content=fields.TEXT())
    path = root / "rel-whoosh-default"
    path.mkdir(parents=True)
    ix = index.create_in(str(path), schema)
    w = ix.writer()
    for i, (title, body) in enumerate(records, 1):
        w.add_document(id=str(i), title=title, content=body)
    w.commit()
    searcher = ix.searcher()
    parsers = {"AND": MultifieldParser(["title", "content"], schema),
               "OR": MultifieldParser(["title", "content"], schema, group=OrGroup)}

    def ranker(parser: Any) -> Callable[[str], list[int]]:
        return lambda q: [int(h["id"]) for h in searcher.search(parser.parse(q), limit=10)]
    return {f"whoosh-default (StandardAnalyzer, {k})": ranker(p) for k, p in parsers.items()}


def bench_relevance(n: int, root: Path, rng: random.Random, tests: str = "titles,questions") -> list[dict[str, Any]]:
    records, items = known_items(rng, n)
    questions = question_items(records, random.Random(rng.random()), n)
    sets = {"titles": items, "questions": questions}
    rankers = {**whoosh_default_rankers(records, root),
               "docmgr whoosh": docmgr_ranker("whoosh", records, root),
               "docmgr tantivy": docmgr_ranker("tantivy", records, root)}
    rows = []
    for test in tests.split(","):
        queries = sets[test]
        for name, rank in rankers.items():
            marked = score([rank(q) for q, _ in queries], queries)[:2]
            folded = score([rank(fold(q)) for q, _ in queries], queries)[:2]
            rows.append({"test": test, "system": name, "queries": len(queries), "recall10_marked": marked[0],
                         "mrr_marked": marked[1], "recall10_folded": folded[0], "mrr_folded": folded[1]})
    return rows


def bench_legal(root: Path, seed: int, tests: str, misses: int = 0) -> Iterator[dict[str, Any]]:
    """The real legal questions (``bench/legal_qa.py``) over the articles of ``vn-legal-qa-dev``."""
    from legal_qa import question_sets

    records, sets = question_sets(LEGAL_QA, seed)
    rankers = {**whoosh_default_rankers(records, root / "legal"),
               "docmgr whoosh": docmgr_ranker("whoosh", records, root / "legal"),
               "docmgr tantivy": docmgr_ranker("tantivy", records, root / "legal")}
    for test in tests.split(","):
        queries = sets[test]
        for name, rank in rankers.items():
            row: dict[str, Any] = {"test": f"legal {test}", "system": name, "queries": len(queries)}
            for typed, form in (("marked", lambda q: q), ("folded", fold)):
                ranked = [rank(form(q)) for q, _ in queries]
                row[f"recall10_{typed}"], row[f"mrr_{typed}"], row[f"first_{typed}"] = score(ranked, queries)
                if misses and name.startswith("docmgr whoosh"):
                    _print_misses(test, typed, ranked, queries, records, misses)
            yield row


def _print_misses(test: str, typed: str, ranked: list[list[int]], items: list[tuple[str, set[int]]],
                  records: list[tuple[str, str]], limit: int) -> None:
    shown = 0
    for hits, (q, relevant) in zip(ranked, items):
        rank = next((i for i, h in enumerate(hits[:10], 1) if h in relevant), None)
        if rank == 1 or shown >= limit:
            continue
        shown += 1
        want = ", ".join(f"{records[r - 1][0]} {records[r - 1][1][:40]}" for r in sorted(relevant))
        top = f"{records[hits[0] - 1][0]} {records[hits[0] - 1][1][:40]}" if hits else "-"
        print(f"# miss {test}/{typed} rank {rank or '>10'}: {q[:160]!r}\n#   want {want}\n#   got  {top}",
              file=sys.stderr)


def bench_cli(n: int, pool: list[str], rng: random.Random, root: Path, engine: str) -> dict[str, Any]:
    """Wall time of ``docmgr search --json`` (a fresh process each time) on a library of ``n`` documents."""
    import subprocess

    from docmgr.core.catalog import now_iso
    from docmgr.core.models import Document, FieldValue, Page
    from docmgr.services.indexing import reindex
    from docmgr.services.library import open_library

    library = open_library(root / f"cli-{engine}-{n}")
    library.settings.search_engine = engine
    library.save_settings()
    docs = generate_docs(n, pool, rng)
    t0 = time.perf_counter()
    with library.write_lock(), library.catalog.transaction() as tx:
        for d in docs:
            row = Document(id=0, sha256=f"{d.id:064x}", filename=d.filename, size=3000, mime="application/pdf",
                           suffix=".pdf", added=now_iso(), status="inbox", trashed=False, text_source="text-layer",
                           page_count=len(d.pages), type_code=d.type_code,
                           fields={"number": FieldValue(d.number), "issued": FieldValue(d.issued)})
            library.catalog.insert_document(tx, row, [Page(num, text, "text-layer") for num, text in d.pages])
    filed = time.perf_counter() - t0
    t0 = time.perf_counter()
    reindex(library)
    indexed = time.perf_counter() - t0
    exe = str(Path(sys.executable).with_name("docmgr"))
    walls = []
    for q in ["giay chung nhan", "quyền sử dụng đất", docs[n // 2].number, '"uy ban nhan dan"', "khai sinh date:2020"]:
        t = time.perf_counter()
        subprocess.run([exe, "--library", str(library.root), "search", "--json", q], check=True,
                       capture_output=True)
        walls.append(time.perf_counter() - t)
    return {"cli_engine": engine, "docs": n, "catalog_s": round(filed, 1), "reindex_s": round(indexed, 1),
            "search_wall_s_max": round(max(walls), 3), "search_wall_s_median": round(statistics.median(walls), 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--whoosh-max", type=int, default=10000, help="largest size Whoosh is built at")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--questions", type=int, default=50, help="long questions timed apart (p95_question_ms)")
    ap.add_argument("--relevance-queries", type=int, default=500)
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-relevance", action="store_true")
    ap.add_argument("--relevance-tests", default="titles,questions", help="titles, questions or both")
    ap.add_argument("--legal-tests", default=LEGAL_TESTS,
                    help="real legal question sets (bench/legal_qa.py); empty to skip")
    ap.add_argument("--misses", type=int, default=0, help="print up to N legal questions not ranked first")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--engines", default="whoosh,tantivy", help="engines timed in the speed part")
    ap.add_argument("--cli-docs", type=int, default=0, help="also time `docmgr search` on a library this large")
    ap.add_argument("--cli-engine", default="tantivy")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    root = Path(tempfile.mkdtemp(prefix="docmgr-bench-"))
    try:
        if args.legal_tests:
            for row in bench_legal(root, args.seed, args.legal_tests, args.misses):
                print(json.dumps(row, ensure_ascii=False), flush=True)
        if not args.skip_relevance:
            for row in bench_relevance(args.relevance_queries, root, random.Random(args.seed),
                                       args.relevance_tests):
                print(json.dumps(row, ensure_ascii=False), flush=True)
        if not args.skip_speed:
            pool = sentence_pool(corpus_texts(), 20000, rng)
            sizes = [int(s) for s in args.sizes.split(",")]
            all_docs = generate_docs(max(sizes), pool, rng)
            for size in sizes:
                docs = all_docs[:size]
                queries = make_queries(pool, docs, args.queries, random.Random(args.seed + size))
                questions = make_questions(pool, args.questions, random.Random(args.seed + size + 1))
                for engine in args.engines.split(","):
                    if engine == "whoosh" and size > args.whoosh_max:
                        print(json.dumps({"engine": engine, "docs": size, "skipped": f"> --whoosh-max {args.whoosh_max}"}))
                        continue
                    print(json.dumps(bench_speed(engine, docs, queries, root, questions)), flush=True)
        if args.cli_docs:
            pool = sentence_pool(corpus_texts(), 20000, rng)
            print(json.dumps(bench_cli(args.cli_docs, pool, rng, root, args.cli_engine)), flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
