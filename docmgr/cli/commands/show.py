"""docmgr show ID — one document with its fields and page text."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("show", help="show one document", description="Show a document, its fields and its text.")
    p.add_argument("id", type=positive_int, metavar="ID")
    p.add_argument("--json", action="store_true", help="one JSON object")
    return p


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a document id: {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"not a document id: {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    from docmgr.cli.output import emit_json
    from docmgr.services.documents import show
    from docmgr.services.library import open_library

    data = show(open_library(args.library), args.id)
    if args.json:
        emit_json(data)
        return 0
    print(f"#{data['id']}  {data['filename']}  [{data['status']}]")
    print(f"type: {data['type'] or '—'}" + (f" ({data['confidence']:.0%})" if data["confidence"] else ""))
    for key, value in data["fields"].items():
        print(f"{key}: {', '.join(value) if isinstance(value, list) else value}")
    print(f"added: {data['added']}  size: {data['size']} bytes  sha256: {data['sha256']}")
    for page in data["pages"]:
        print(f"\n--- page {page['number']} ({page['source']}) ---")
        print(page["text"])
    return 0
