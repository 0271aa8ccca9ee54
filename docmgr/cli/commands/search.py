"""``docmgr search QUERY [--limit N] [--sort relevance|date] [--json]`` (see CLI.md).

Only argparse is imported at start-up; the services and the engine load inside :func:`run`.
"""

from __future__ import annotations

import argparse
import sys


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> argparse.ArgumentParser:
    p = sub.add_parser("search", help="full-text search, with or without diacritics",
                       description='Search the library. Words (all preferred), "phrases", prefix*, '
                                   "type: so: issuer: file: date:2025-01-01..2025-12-31 (or dd/mm/yyyy, "
                                   '"this year", "tháng trước"), AND OR NOT, -word.')
    p.add_argument("query", nargs="+", help="the query (several arguments are joined by spaces)")
    p.add_argument("--limit", type=_positive, default=20, help="hits to show (default 20)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance", help="order of the hits")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--unmasked", action="store_true", help="show personal ID numbers in snippets unmasked")
    return p


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.library import open_library
    from docmgr.services.search import search

    library = open_library(args.library)
    result = search(library, " ".join(args.query), limit=args.limit, sort=args.sort, unmasked=args.unmasked,
                    notice=lambda m: print(f"docmgr: {m}", file=sys.stderr, flush=True))
    if args.json:
        emit_json(result)
        return 0
    out = sys.stdout
    if result["suggestion"]:
        out.write(f"Did you mean: {result['suggestion']}\n")
    out.write(f"{result['total']} document(s)\n")
    for hit in result["hits"]:
        out.write(f"{hit['id']:>6}  {hit['title']}  [{hit['type'] or '-'}]  p.{hit['page']}  {hit['filename']}\n")
        if hit["snippet"]:
            out.write(f"        {hit['snippet']}\n")
    return 0
