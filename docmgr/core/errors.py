"""Typed errors of the core.

Every error a user can meet is a :class:`DocmgrError` with a one-line message; the CLI prints it,
the GUI maps it to a message in one place. :class:`Cancelled` is not an error: it ends work the user
asked to stop.
"""

from __future__ import annotations


class DocmgrError(Exception):
    """Base class of the errors docmgr reports to the user."""


class UsageError(DocmgrError):
    """The request itself is wrong (unknown id, bad option value, bad query syntax)."""


class NotFound(UsageError):
    """No document with that id."""


class RejectedInput(DocmgrError):
    """An input file cannot be filed; ``cause`` says why in one line.

    Args:
        cause: a short, user-facing reason ("zero-byte file", "encrypted PDF: wrong or missing password").
    """

    def __init__(self, cause: str) -> None:
        super().__init__(cause)
        self.cause = cause


class LibraryError(DocmgrError):
    """The library folder or its catalog cannot be used (locked too long, newer schema, not writable)."""


class ToolMissing(DocmgrError):
    """An external tool (tesseract, a language pack) is not installed."""


class Cancelled(Exception):
    """The user cancelled; work stopped after finishing or rolling back the current item."""
