"""``docmgr reindex [--json]``: rebuild the search index from the catalog with a progress bar."""

from __future__ import annotations

import argparse


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> argparse.ArgumentParser:
    p = sub.add_parser("reindex", help="rebuild the search index from the catalog",
                       description="Rebuild the search index from the catalog (the engine is the library's "
                                   "search_engine setting). Searches keep using the old index until the new one "
                                   "is complete.")
    p.add_argument("--json", action="store_true", help='print {"documents", "engine", "seconds"} on stdout')
    return p


def run(args: argparse.Namespace) -> int:
    import time

    from docmgr.cli.output import ProgressBar, emit_json
    from docmgr.services.indexing import reindex
    from docmgr.services.library import open_library

    library = open_library(args.library)
    bar = ProgressBar(unit="doc")
    t0 = time.perf_counter()
    try:
        n = reindex(library, progress=bar)
    finally:
        bar.close()
    seconds = round(time.perf_counter() - t0, 3)
    engine = library.settings.search_engine
    if args.json:
        emit_json({"documents": n, "engine": engine, "seconds": seconds})
    else:
        bar.write(f"docmgr: indexed {n} document(s) with {engine} in {seconds} s")
    return 0
