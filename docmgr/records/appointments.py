"""Return appointments: a date and a time slot, spread over the day's slots so the counter is not crowded.

The result can be handed back from ``ready`` on: the start of the due day for limits in working days,
the due moment for limits in hours, and a short lead after receipt for on-the-spot procedures. The
appointment takes, among that day's slots not before ``ready`` and below capacity, the least booked
one (the earliest on a tie) — or, for results made on the spot or within hours, the earliest slot
with room; when the day is full it moves to the next working day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Callable, Mapping, Sequence

from docmgr.records.calendar import Calendar, TimeLimit

MAX_DAYS_AHEAD = 60


def ready_at(calendar: Calendar, received: datetime, due: datetime, limit: TimeLimit, lead_minutes: int) -> datetime:
    """When the result can first be handed back."""
    if limit.unit == "on_the_spot":
        start = received + timedelta(minutes=lead_minutes)
        day = calendar.counted_receipt_day(received)
        return start if start.date() == day else datetime.combine(day, time(0), received.tzinfo)
    if limit.unit == "hours" or not float(limit.value).is_integer():
        return due
    return datetime.combine(due.date(), time(0), due.tzinfo)


def choose_slot(calendar: Calendar, ready: datetime, slots: Sequence[time], capacity: int,
                booked: Callable[[date], Mapping[str, int]], *, spread: bool = True) -> tuple[date, str]:
    """The appointment (date, "HH:MM") for a result ready at ``ready``: the least booked usable slot
    (``spread``), or the earliest one with room (results made while the applicant waits)."""
    day = ready.date()
    if not calendar.is_working_day(day):
        day = calendar.next_working_day(day)
    for _ in range(MAX_DAYS_AHEAD):
        counts = booked(day)
        usable = [s for s in slots if day > ready.date() or s >= ready.time()]
        free = [(counts.get(s.strftime("%H:%M"), 0), s) for s in usable
                if counts.get(s.strftime("%H:%M"), 0) < capacity]
        if free:
            _, best = min(free) if spread else min(free, key=lambda f: f[1])
            return day, best.strftime("%H:%M")
        day = calendar.next_working_day(day)
    return day, slots[0].strftime("%H:%M")  # every slot booked for two months: overbook the first
