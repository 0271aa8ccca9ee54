"""Calendar use cases: due dates and the year's days off, over the library's calendar file."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from docmgr.core.errors import UsageError
from docmgr.core.library import Library
from docmgr.records.calendar import Calendar, TimeLimit, load_calendar


def calendar_for(library: Optional[Library]) -> Calendar:
    """The calendar of a library (its own ``records/calendar.json`` when present, else the shipped one)."""
    return load_calendar(library.root if library is not None else None)


def parse_moment(text: str) -> datetime:
    """A user's DATETIME (``2026-03-02T09:00``, ``2026-03-02 09:00``, ``2026-03-02``, with or without an offset),
    as local wall-clock time of the office.

    Raises:
        UsageError: not an ISO date or date-time.
    """
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"not a date-time: {text!r} (use YYYY-MM-DDTHH:MM)") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


def due_date(library: Optional[Library], received: datetime, limit: TimeLimit) -> datetime:
    """When a limit counted from ``received`` runs out (see :mod:`docmgr.records.calendar`)."""
    return calendar_for(library).due(received, limit)


def days_of_year(library: Optional[Library], year: int) -> list[dict[str, Any]]:
    """The year's days off and swapped working days, each ``{date, kind, name, source}``."""
    return [d.to_json() for d in calendar_for(library).special_days(year)]
