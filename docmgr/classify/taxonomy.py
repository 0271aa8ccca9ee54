"""The document taxonomy: types, fields of work and triage labels, read from ``resources/taxonomy.json``.

The file is data, versioned and editable (see ``resources/README.md``). :meth:`Taxonomy.resolve`
turns what a user types after ``--type`` (a code or a Vietnamese name, any case, with or without
diacritics) into one type, and raises :class:`UsageError` listing the codes when a name is shared.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from docmgr.core.errors import UsageError
from docmgr.core.text import fold, nfc, normalize_tones

TAXONOMY_FILE = "taxonomy.json"
SUPPORTED_VERSION = 1
ENV_RESOURCES = "DOCMGR_RESOURCES"


def resources_dir() -> Path:
    """The folder holding taxonomy.json, the starter models and the translations: the package
    ``docmgr.resources`` (the checkout's top-level ``resources/``, installed inside the package), found
    with importlib.resources; ``DOCMGR_RESOURCES`` overrides it."""
    env = os.environ.get(ENV_RESOURCES)
    if env:
        return Path(env)
    from importlib.resources import files

    return Path(str(files("docmgr.resources")))


def key(text: str) -> str:
    """The comparison key of a name: NFC, one tone placement, folded, lower case, single spaces."""
    return re.sub(r"\s+", " ", fold(normalize_tones(nfc(text))).lower()).strip()


@dataclass(frozen=True)
class DocType:
    """One document type.

    Attributes:
        code: unique ASCII code (``QD``, ``ND``, ``TK-KS``…).
        name_vi / name_en: display names.
        category: ``administrative``, ``normative``, ``citizen`` (paperwork) or ``citizen-form`` (a
            citizen form template, recognised by :mod:`docmgr.classify.forms`).
        abbr: the abbreviation printed in the number's symbol (``QĐ``, ``QyĐ``), "" when none.
        headings: the title as printed in capitals at the head of the document.
        aliases: other names a user may type.
        field_of_work: the usual field of work, when the type implies one.
        unconfirmed: the entry rests on an unconfirmed [U] fact.
        form / form_basis: the form code as printed (``CT01``, ``Mẫu số 16``) and, for a bare number,
            the legal document that issued it (``28/2015/TT-BLĐTBXH``).
        subtitles: for a title shared by two forms, the words one of which must complete it.
        markers / marker_titles / min_markers: labelled blanks that tell the form when its title is
            blank or generic (``marker_titles``: the generic titles allowed, ``""`` for none).
    """

    code: str
    name_vi: str
    name_en: str
    category: str
    abbr: str = ""
    headings: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    field_of_work: Optional[str] = None
    unconfirmed: bool = False
    form: str = ""
    form_basis: str = ""
    subtitles: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()
    marker_titles: tuple[str, ...] = ()
    min_markers: int = 0


@dataclass(frozen=True)
class Label:
    """A value of a secondary label (field of work, triage)."""

    code: str
    name_vi: str
    name_en: str


@dataclass
class Taxonomy:
    """All types and labels, with lookups."""

    version: int
    types: dict[str, DocType]
    fields_of_work: dict[str, Label]
    triage: dict[str, Label]
    triage_types: tuple[str, ...] = ()
    retired: dict[str, str] = field(default_factory=dict)
    _by_abbr: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for t in self.types.values():
            if t.abbr:
                self._by_abbr.setdefault(t.abbr, []).append(t.code)

    def current(self, code: str) -> str:
        """The code in use for ``code`` (a retired code's successor, e.g. ``QD-QPPL`` → ``QD``)."""
        return self.retired.get(code, code)

    def is_normative_form(self, code: Optional[str]) -> bool:
        """A legal-document form (Luật, Nghị định, Thông tư…): normative whatever its number says."""
        t = self.types.get(code) if code else None
        return t is not None and t.category == "normative"

    def get(self, code: Optional[str]) -> Optional[DocType]:
        """The type with this code, or None."""
        return self.types.get(code) if code else None

    def name(self, code: Optional[str]) -> Optional[str]:
        """The Vietnamese name of a type code (the code itself when unknown, None for None)."""
        if code is None:
            return None
        t = self.types.get(code)
        return t.name_vi if t else code

    def by_abbr(self, abbr: str) -> list[str]:
        """Type codes whose printed abbreviation is exactly ``abbr`` (case matters: QĐ vs QyĐ)."""
        return list(self._by_abbr.get(abbr, []))

    def resolve(self, text: str) -> DocType:
        """The type a user means by ``text`` (code, name or alias; case- and diacritic-blind).

        Raises:
            UsageError: no type matches, or a name matches several types (the message lists their codes).
        """
        wanted = key(text)
        if not wanted:
            raise UsageError("empty document type")
        tiers = (
            [c for c in self.types if key(c) == wanted],
            [c for c, t in self.types.items() if key(t.name_vi) == wanted],
            [c for c, t in self.types.items()
             if wanted in {key(a) for a in t.aliases} | {key(t.name_en)} | ({key(t.abbr)} if t.abbr else set())],
        )
        for found in tiers:
            if len(found) == 1:
                return self.types[found[0]]
            if len(found) > 1:
                raise UsageError(f"document type {text!r} is ambiguous: use one of {', '.join(sorted(found))}")
        close = self.close_matches(text)
        hint = f"; did you mean {', '.join(f'{c} ({self.types[c].name_vi})' for c in close)}?" if close else ""
        raise UsageError(f"unknown document type {text!r}{hint} (`docmgr types` lists them all)")

    def close_matches(self, text: str, limit: int = 6) -> list[str]:
        """Codes of the types a mistyped or partial ``text`` most likely means: names, codes and
        aliases that begin with it or contain it as a word, then the nearest spellings."""
        import difflib

        wanted = key(text)
        names = {c: [key(c), key(t.name_vi), *(key(a) for a in t.aliases), *( [key(t.name_en)] if t.name_en else [])]
                 for c, t in self.types.items()}
        found = [c for c, ns in names.items() if any(n.startswith(wanted) for n in ns)]
        found += [c for c, ns in names.items() if c not in found and any(f" {wanted}" in f" {n}" for n in ns)]
        if len(found) < limit:
            flat = {n: c for c, ns in names.items() for n in ns}
            for n in difflib.get_close_matches(wanted, list(flat), n=limit, cutoff=0.6):
                if flat[n] not in found:
                    found.append(flat[n])
        return found[:limit]

    def resolve_field_of_work(self, text: str) -> str:
        """A field-of-work code from its code or Vietnamese name."""
        wanted = key(text)
        for c, lab in self.fields_of_work.items():
            if wanted in (key(c), key(lab.name_vi), key(lab.name_en)):
                return c
        return text.strip()


def load_taxonomy(path: Optional[Path] = None) -> Taxonomy:
    """Read the taxonomy (default: the shipped ``resources/taxonomy.json``), cached per path."""
    return _load(str(path or resources_dir() / TAXONOMY_FILE))


@lru_cache(maxsize=4)
def _load(path: str) -> Taxonomy:
    try:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: cannot read the taxonomy ({exc})") from exc
    version = int(raw.get("version", 0))
    if version > SUPPORTED_VERSION:
        raise UsageError(f"{path}: taxonomy version {version} is newer than this docmgr supports")
    types: dict[str, DocType] = {}
    seen: set[str] = set()
    for item in raw["types"]:
        code = str(item["code"])
        if not code.isascii() or key(code) in seen:
            raise UsageError(f"{path}: type code {code!r} is not ASCII or not unique")
        seen.add(key(code))
        types[code] = DocType(
            code=code, name_vi=nfc(item["name_vi"]), name_en=item.get("name_en", ""), category=item["category"],
            abbr=nfc(item.get("abbr", "")), headings=tuple(nfc(h) for h in item.get("headings", [])),
            aliases=tuple(nfc(a) for a in item.get("aliases", [])), field_of_work=item.get("field_of_work"),
            unconfirmed=item.get("status") == "U", form=nfc(item.get("form", "")),
            form_basis=nfc(item.get("form_basis", "")), subtitles=_texts(item, "subtitles"),
            markers=_texts(item, "markers"), marker_titles=_texts(item, "marker_titles"),
            min_markers=int(item.get("min_markers", 0)))
    fow = {f["code"]: Label(f["code"], nfc(f["name_vi"]), f.get("name_en", "")) for f in raw.get("fields_of_work", [])}
    tri = raw.get("triage", {})
    triage = {f["code"]: Label(f["code"], nfc(f["name_vi"]), f.get("name_en", "")) for f in tri.get("labels", [])}
    retired = {str(k): str(v) for k, v in dict((raw.get("retired") or {}).get("codes") or {}).items()}
    return Taxonomy(version, types, fow, triage, tuple(tri.get("applies_to", [])), retired)


def _texts(item: dict[str, Any], name: str) -> tuple[str, ...]:
    return tuple(nfc(x) for x in item.get(name, []))
