"""Offline full-text search with or without Vietnamese diacritics.

:mod:`analysis` turns text into index terms (documents and queries alike), :mod:`query` parses the
query language, :mod:`plan` turns the parsed query into an engine-neutral query, and the engines
(:mod:`whoosh_engine`, the default, and :mod:`tantivy_engine`) index and answer it. :mod:`store`
keeps the index versioned and swaps rebuilt generations in atomically.
"""

from docmgr.search.analysis import Views, analyse, exact_form, fast_fold, has_marks, words
from docmgr.search.engine import (ENGINES, SCHEMA_VERSION, Engine, Hit, IndexDoc, IndexUnusable, Results,
                                  create_engine)
from docmgr.search.plan import Highlight, can_relax, highlight, plan
from docmgr.search.query import And, DateRange, Not, Or, Phrase, Word, parse
from docmgr.search.snippets import best_page, snippet
from docmgr.search.store import IndexStore
from docmgr.search.suggest import did_you_mean

__all__ = [
    "ENGINES", "SCHEMA_VERSION", "And", "DateRange", "Engine", "Highlight", "Hit", "IndexDoc", "IndexStore",
    "IndexUnusable", "Not", "Or", "Phrase", "Results", "Views", "Word", "analyse", "best_page", "can_relax",
    "create_engine", "did_you_mean", "exact_form", "fast_fold", "has_marks", "highlight", "parse", "plan", "snippet", "words",
]
