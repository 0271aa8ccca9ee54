"""Working days, the cut-off and due dates of the one-stop office.

Public holidays come from python-holidays (Vietnam: Tết and Giỗ Tổ Hùng Vương from the lunar
calendar, 30/4, 1/5, 2/9 + one day, 24/11 from 2026, weekend compensation, the swaps it knows). The
government's yearly swaps that it does not know yet are kept in the editable ``calendar.json``
(extra days off, extra working Saturdays), with the cut-off and the office hours.

Counting rule (CLI.md): the day of receipt is not counted; day 1 is the next working day; a dossier
received after the cut-off (or on a day off) counts as received on the next working day. Sub-day
limits (hours, half-days) run through the office hours of working days. "On the spot" is due the
day the dossier counts as received.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from docmgr.records.resources import RecordsDataError, data_file, read_json

CALENDAR_FILE = "calendar.json"
UNITS = ("working_days", "hours", "on_the_spot")
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class TimeLimit:
    """A statutory time limit: ``value`` in ``unit`` (``working_days`` may be fractional: 0.5 = half a day)."""

    value: float
    unit: str

    def to_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit}

    def label_vi(self) -> str:
        """As printed on a receipt: ``03 ngày làm việc``, ``04 giờ làm việc``, ``Trong ngày``."""
        if self.unit == "on_the_spot":
            return "Giải quyết ngay trong ngày"
        v = self.value
        text = f"{int(v):02d}" if float(v).is_integer() else f"{v:g}".replace(".", ",")
        return f"{text} {'ngày làm việc' if self.unit == 'working_days' else 'giờ làm việc'}"


@dataclass(frozen=True)
class SpecialDay:
    """A day the calendar names: a day off (holiday, compensation, swap) or a swapped working day."""

    day: date
    kind: str  # "off" | "work"
    name: str
    source: str  # "holidays" (python-holidays) | the calendar file's path

    def to_json(self) -> dict[str, str]:
        return {"date": self.day.isoformat(), "kind": self.kind, "name": self.name, "source": self.source}


def _parse_hhmm(value: Any, path: Path, what: str) -> time:
    m = _HHMM.match(str(value)) if isinstance(value, str) else None
    if not m:
        raise RecordsDataError(f"{path}: {what} must be a time HH:MM, not {value!r}")
    return time(int(m.group(1)), int(m.group(2)))


def _parse_day(item: Any, path: Path, what: str) -> tuple[date, str]:
    if not isinstance(item, dict) or "date" not in item:
        raise RecordsDataError(f"{path}: each entry of {what} needs a \"date\" (YYYY-MM-DD) and a \"name\"")
    try:
        day = date.fromisoformat(str(item["date"]))
    except ValueError:
        raise RecordsDataError(f"{path}: {what}: {item['date']!r} is not a date YYYY-MM-DD") from None
    return day, str(item.get("name") or "")


@dataclass
class Calendar:
    """The office calendar.

    Args:
        days_off / working_days: the file's swaps, by date with their names.
        cutoff: receipts after this time count from the next working day.
        office_hours: (start, end) spans of a working day, for sub-day limits.
        source: the calendar file used (shown with the days it adds).
    """

    days_off: dict[date, str] = field(default_factory=dict)
    working_days: dict[date, str] = field(default_factory=dict)
    cutoff: time = time(15, 0)
    office_hours: tuple[tuple[time, time], ...] = ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))
    source: str = CALENDAR_FILE

    @classmethod
    def load(cls, path: Path) -> "Calendar":
        """Read and validate a calendar file (a clear :class:`RecordsDataError` naming the file)."""
        raw = read_json(path)
        if not isinstance(raw, dict):
            raise RecordsDataError(f"{path}: the calendar must be a JSON object")
        cal = cls(source=str(path))
        if "cutoff" in raw:
            cal.cutoff = _parse_hhmm(raw["cutoff"], path, "cutoff")
        if "office_hours" in raw:
            spans = raw["office_hours"]
            if not isinstance(spans, list) or not spans:
                raise RecordsDataError(f"{path}: office_hours must be a list of [\"HH:MM\", \"HH:MM\"] spans")
            parsed = []
            for span in spans:
                if not isinstance(span, list) or len(span) != 2:
                    raise RecordsDataError(f"{path}: office_hours: {span!r} is not a [start, end] pair")
                a, b = (_parse_hhmm(x, path, "office_hours") for x in span)
                if b <= a:
                    raise RecordsDataError(f"{path}: office_hours: {span!r} ends before it starts")
                parsed.append((a, b))
            cal.office_hours = tuple(sorted(parsed))
        for key, target in (("days_off", cal.days_off), ("working_days", cal.working_days)):
            items = raw.get(key, [])
            if not isinstance(items, list):
                raise RecordsDataError(f"{path}: {key} must be a list")
            for item in items:
                day, name = _parse_day(item, path, key)
                target[day] = name
        both = sorted(set(cal.days_off) & set(cal.working_days))
        if both:
            raise RecordsDataError(f"{path}: {both[0].isoformat()} is both a day off and a working day")
        return cal

    # -- which days count ---------------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        """Mon–Fri that is not a holiday or a swapped day off, or a swapped working Saturday/Sunday."""
        if day in self.working_days:
            return True
        if day in self.days_off:
            return False
        holidays, workdays = _vn_holidays(day.year)
        if day in workdays:
            return True
        return day.weekday() < 5 and day not in holidays

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def counted_receipt_day(self, received: datetime) -> date:
        """The day a receipt counts from: that day, or the next working day after the cut-off or on a day off."""
        day = received.date()
        if not self.is_working_day(day) or received.time() > self.cutoff:
            return self.next_working_day(day)
        return day

    # -- due dates ----------------------------------------------------------------------------
    def add_working_days(self, received: datetime, days: int) -> date:
        """The due date ``days`` working days after a receipt (the counting rule of CLI.md)."""
        if days < 0:
            raise ValueError("a time limit cannot be negative")
        day = received.date()
        if received.time() > self.cutoff and self.is_working_day(day):
            day = self.next_working_day(day)  # counts as received on the next working day
        if days == 0:
            return self.counted_receipt_day(received)
        for _ in range(days):
            day = self.next_working_day(day)
        return day

    def add_working_hours(self, received: datetime, hours: float) -> datetime:
        """The moment ``hours`` office hours after ``received`` (office hours of working days only)."""
        left = timedelta(hours=hours)
        moment = received
        if received.time() > self.cutoff:  # counts from the start of the next working day
            moment = datetime.combine(self.next_working_day(received.date()), time(0), received.tzinfo)
        while True:
            day = moment.date()
            if self.is_working_day(day):
                for start, end in self.office_hours:
                    a = datetime.combine(day, start, moment.tzinfo)
                    b = datetime.combine(day, end, moment.tzinfo)
                    if moment >= b:
                        continue
                    begin = max(moment, a)
                    if begin + left <= b:
                        return begin + left
                    left -= b - begin
                    moment = b
            moment = datetime.combine(day + timedelta(days=1), time(0), moment.tzinfo)

    def hours_per_day(self) -> float:
        return sum((datetime.combine(date.min, b) - datetime.combine(date.min, a)).seconds
                   for a, b in self.office_hours) / 3600

    def due(self, received: datetime, limit: TimeLimit) -> datetime:
        """The due moment of a limit: end of the office day for day limits, the exact time for hours."""
        if limit.unit == "on_the_spot":
            return self._end_of_day(self.counted_receipt_day(received), received)
        if limit.unit == "hours":
            return self.add_working_hours(received, limit.value)
        if limit.unit != "working_days":
            raise ValueError(f"unknown time-limit unit {limit.unit!r}")
        if float(limit.value).is_integer():
            return self._end_of_day(self.add_working_days(received, int(limit.value)), received)
        return self.add_working_hours(received, limit.value * self.hours_per_day())

    def _end_of_day(self, day: date, like: datetime) -> datetime:
        return datetime.combine(day, self.office_hours[-1][1], like.tzinfo)

    # -- listing ------------------------------------------------------------------------------
    def special_days(self, year: int) -> list[SpecialDay]:
        """The year's days off that fall on weekdays or are named, and its swapped working days, by date."""
        holidays, workdays = _vn_holidays(year)
        out: dict[date, SpecialDay] = {}
        for day, name in holidays.items():
            out[day] = SpecialDay(day, "off", name, "holidays")
        for day in workdays:
            out[day] = SpecialDay(day, "work", "Ngày làm việc bù (hoán đổi)", "holidays")
        for day, name in self.days_off.items():
            if day.year == year:
                out[day] = SpecialDay(day, "off", name or "Ngày nghỉ (hoán đổi)", self.source)
        for day, name in self.working_days.items():
            if day.year == year:
                out[day] = SpecialDay(day, "work", name or "Ngày làm việc bù", self.source)
        return [out[d] for d in sorted(out)]


@lru_cache(maxsize=32)
def _vn_holidays(year: int) -> tuple[dict[date, str], frozenset[date]]:
    """python-holidays' Vietnamese public holidays of ``year`` (Vietnamese names) and its swapped working days."""
    import holidays

    vn = holidays.country_holidays("VN", years=year, language="vi")
    days = {d: str(n) for d, n in vn.items() if d.year == year}
    work = frozenset(d for d in getattr(vn, "weekend_workdays", ()) if d.year == year)
    return days, work


def load_calendar(library_root: Optional[Path] = None) -> Calendar:
    """The calendar in use: the library's ``records/calendar.json`` when present, else the shipped one."""
    return Calendar.load(data_file(CALENDAR_FILE, library_root))
