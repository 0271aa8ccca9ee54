"""Plain data objects of the catalog (no Qt, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

STATUSES = ("inbox", "needs-review", "confirmed", "trashed")
TEXT_SOURCES = ("text-layer", "ocr", "mixed", "plain")
PAGE_SOURCES = ("text-layer", "ocr", "plain")


@dataclass(frozen=True)
class Word:
    """One recognised word with its box in the page image's pixels and its OCR confidence (0-100)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float

    def to_list(self) -> list[Any]:
        return [self.text, self.left, self.top, self.width, self.height, round(self.conf, 1)]

    @classmethod
    def from_list(cls, row: list[Any]) -> "Word":
        return cls(str(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4]), float(row[5]))


@dataclass
class Page:
    """The text of one page and how it was obtained.

    Attributes:
        number: 1-based page number.
        source: "text-layer", "ocr" or "plain".
        confidence: mean OCR word confidence 0-100 (None when not OCR'd).
        words: OCR word boxes (empty for text-layer and plain pages).
        steps: preprocessing steps that ran before OCR ("deskew", "upscale", ...).
        width, height: size in pixels of the image the word boxes refer to.
    """

    number: int
    text: str
    source: str
    confidence: Optional[float] = None
    words: list[Word] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    width: Optional[int] = None
    height: Optional[int] = None


@dataclass
class FieldValue:
    """An extracted or edited field: value (str or list of str), confidence 0-1, whether a person set it,
    and where on the document it was read (``{"page": 1-based, "line": first, "last": last}``, line
    indices of the page text's lines; None when unknown or edited)."""

    value: Any
    confidence: float = 1.0
    edited: bool = False
    source: Optional[dict[str, int]] = None


@dataclass
class Document:
    """A filed document as the catalog knows it (pages are loaded separately)."""

    id: int
    sha256: str
    filename: str
    size: int
    mime: str
    suffix: str
    added: str
    status: str
    trashed: bool
    text_source: str
    page_count: int
    source_path: str = ""
    type_code: Optional[str] = None
    confidence: Optional[float] = None
    field_of_work: Optional[str] = None
    classification: dict[str, Any] = field(default_factory=dict)
    notes: str = ""
    fields: dict[str, FieldValue] = field(default_factory=dict)
    normative: bool = False  # a legal normative document (văn bản QPPL); the type stays its form

    @property
    def display_status(self) -> str:
        """The status as the CLI and GUI show it: "trashed" wins over the working status."""
        return "trashed" if self.trashed else self.status


@dataclass(frozen=True)
class Rejection:
    """A file that could not be filed, with its one-line reason and where its copy was quarantined."""

    id: int
    path: str
    filename: str
    reason: str
    at: str
    quarantined: Optional[str]
