"""A dossier's status workflow and its completeness against its procedure (pure functions, no storage).

received → in-progress → done → returned; needs-supplement from received or in-progress and back to
in-progress when the applicant completes the file; refused or withdrawn from any open status.
``returned``, ``refused`` and ``withdrawn`` are final.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from docmgr.core.errors import UsageError
from docmgr.records.procedures import Component, Procedure

STATUSES = ("received", "in-progress", "needs-supplement", "done", "returned", "refused", "withdrawn")
OPEN = ("received", "in-progress", "needs-supplement")
STATUS_VI = {"received": "Đã tiếp nhận", "in-progress": "Đang giải quyết", "needs-supplement": "Chờ bổ sung",
             "done": "Đã có kết quả", "returned": "Đã trả kết quả", "refused": "Từ chối", "withdrawn": "Rút hồ sơ"}
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("in-progress", "needs-supplement", "refused", "withdrawn"),
    "in-progress": ("needs-supplement", "done", "refused", "withdrawn"),
    "needs-supplement": ("in-progress", "refused", "withdrawn"),
    "done": ("returned",),
    "returned": (),
    "refused": (),
    "withdrawn": (),
}


class IllegalTransition(UsageError):
    """A status change the workflow does not allow (the CLI exits 2)."""


def check_transition(current: str, target: str) -> None:
    """Raise :class:`IllegalTransition` unless ``current`` → ``target`` is allowed."""
    if target not in STATUSES:
        raise UsageError(f"unknown status {target!r} (one of {', '.join(STATUSES)})")
    if target not in TRANSITIONS.get(current, ()):
        allowed = ", ".join(TRANSITIONS.get(current, ())) or "none: it is final"
        raise IllegalTransition(f"a dossier {current} cannot become {target} (allowed: {allowed})")


@dataclass(frozen=True)
class Attached:
    """A document in a dossier, in the slot it fills (None = not part of the procedure: extra)."""

    doc_id: int
    component: Optional[str]
    type_code: Optional[str]


def slot_for(procedure: Procedure, type_code: Optional[str], filled: Iterable[Optional[str]]) -> Optional[str]:
    """The component a document of ``type_code`` fills: the first empty one that takes the type, else the
    first that takes it at all (a second copy), else None (extra)."""
    if not type_code:
        return None
    taken = set(filled)
    fits = [c for c in procedure.components if type_code in c.types and c.filed]
    empty = [c for c in fits if c.code not in taken]
    chosen = (empty or fits or [None])[0]
    return chosen.code if chosen else None


def missing(procedure: Procedure, documents: Sequence[Attached]) -> list[Component]:
    """Required components that are filed (not only shown) and hold no document."""
    have = {d.component for d in documents}
    return [c for c in procedure.components if c.required and c.filed and c.code not in have]


def extra(documents: Sequence[Attached]) -> list[int]:
    """Ids of documents that fill no component."""
    return [d.doc_id for d in documents if d.component is None]
