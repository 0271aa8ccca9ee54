"""Who is acting: the name recorded with every change (dossier history, audit trail, versions).

The OS user name by default, or ``DOCMGR_USER`` when set (a shared office PC, tests). The roles that
map a name to clerk / archivist / leader live in ``docmgr.records``; this is only the name.
"""

from __future__ import annotations

import getpass
import os

from docmgr.core.text import nfc


def current_actor() -> str:
    """The acting user's name, NFC; ``"unknown"`` when the OS cannot tell."""
    name = os.environ.get("DOCMGR_USER", "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError, ImportError):  # no passwd entry, no USERNAME on Windows
            name = ""
    return nfc(name) or "unknown"
