"""Due dates across 2025–2027: Tết, Hùng Kings, 30/4–1/5, 2/9, 24/11, compensation days, the 2026
swaps and the 15:00 cut-off. Every expected date below was counted by hand on a paper calendar."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from docmgr.records.calendar import Calendar, TimeLimit, load_calendar
from docmgr.records.resources import RecordsDataError

# (received, working days, due, what it exercises)
DUE_TABLE = [
    ("2025-01-24T09:00", 3, "2025-02-05", "Tết 2025: 27/1 compensation + 28/1–1/2"),
    ("2025-01-24T16:00", 1, "2025-02-04", "after the cut-off on the eve of Tết 2025"),
    ("2025-04-04T10:00", 1, "2025-04-08", "Hùng Kings Mon 7/4/2025"),
    ("2025-04-25T10:00", 1, "2025-04-26", "Sat 26/4/2025 worked (swap for Fri 2/5)"),
    ("2025-04-29T10:00", 2, "2025-05-06", "30/4, 1/5 and the swapped Fri 2/5/2025"),
    ("2025-08-29T14:59", 1, "2025-09-03", "2/9/2025 with Mon 1/9, before the cut-off"),
    ("2025-08-29T15:01", 1, "2025-09-04", "2/9/2025, one minute after the cut-off"),
    ("2025-12-31T10:00", 1, "2026-01-02", "New Year 2026"),
    ("2026-02-12T16:00", 3, "2026-02-25", "after the cut-off, then Tết 14–22/2/2026"),
    ("2026-02-13T09:00", 1, "2026-02-23", "Tết 2026: 14–22/2 off"),
    ("2026-02-09T09:00", 17, "2026-03-11", "17 working days (land) across Tết 2026"),
    ("2026-03-02T09:00", 3, "2026-03-05", "an ordinary week (the contract check)"),
    ("2026-03-02T15:00", 1, "2026-03-03", "received at 15:00 sharp is not after the cut-off"),
    ("2026-03-07T09:00", 1, "2026-03-09", "received on a Saturday (police desk): day 1 is Monday"),
    ("2026-04-24T10:00", 3, "2026-05-04", "Hùng Kings Sun 26/4 → Mon 27/4, then 30/4 and 1/5/2026"),
    ("2026-08-21T10:00", 1, "2026-08-22", "Sat 22/8/2026 is a working day"),
    ("2026-08-21T15:30", 1, "2026-08-24", "after the cut-off on Fri 21/8: counts from Sat 22/8"),
    ("2026-08-28T10:00", 1, "2026-09-03", "Mon 31/8 off (swap) and 1–2/9/2026"),
    ("2026-11-23T09:00", 1, "2026-11-25", "Ngày Văn hóa Việt Nam, Tue 24/11/2026"),
    ("2027-02-03T10:00", 2, "2027-02-12", "Tết 2027: 4–10/2 with weekend compensation"),
    ("2027-04-15T10:00", 1, "2027-04-19", "Hùng Kings Fri 16/4/2027"),
    ("2027-04-29T10:00", 1, "2027-05-04", "30/4 and 1/5/2027 (Sat) → Mon 3/5"),
    ("2027-09-01T10:00", 1, "2027-09-06", "2/9 and 3/9/2027"),
    ("2027-11-23T10:00", 2, "2027-11-26", "24/11/2027 (Wed)"),
]


@pytest.fixture(scope="module")
def cal() -> Calendar:
    return load_calendar()


@pytest.mark.parametrize("received,days,due,why", DUE_TABLE, ids=[row[3] for row in DUE_TABLE])
def test_due_table(cal: Calendar, received: str, days: int, due: str, why: str) -> None:
    assert cal.add_working_days(datetime.fromisoformat(received), days).isoformat() == due, why


def test_on_the_spot_is_the_day_it_counts_from(cal: Calendar) -> None:
    spot = TimeLimit(0, "on_the_spot")
    assert cal.due(datetime(2026, 3, 2, 10), spot).date() == date(2026, 3, 2)
    assert cal.due(datetime(2026, 3, 2, 16), spot).date() == date(2026, 3, 3)  # after the cut-off
    assert cal.due(datetime(2026, 2, 13, 16), spot).date() == date(2026, 2, 23)  # then Tết


@pytest.mark.parametrize("received,limit,due", [
    ("2026-03-02T10:00", TimeLimit(4, "hours"), "2026-03-02T16:00"),  # across the lunch break
    ("2026-08-21T16:00", TimeLimit(4, "hours"), "2026-08-22T11:30"),  # after cut-off, the working Saturday
    ("2026-04-29T14:00", TimeLimit(8, "hours"), "2026-05-04T14:30"),  # across 30/4, 1/5 and a weekend
    ("2026-03-02T08:00", TimeLimit(0.5, "working_days"), "2026-03-02T13:45"),  # half of a 7.5-hour day
])
def test_sub_day_limits_run_through_office_hours(cal: Calendar, received: str, limit: TimeLimit, due: str) -> None:
    assert cal.due(datetime.fromisoformat(received), limit) == datetime.fromisoformat(due)


def test_days_lists_holidays_and_swaps_with_names(cal: Calendar) -> None:
    days = {d.day.isoformat(): d for d in cal.special_days(2026)}
    assert days["2026-11-24"].kind == "off" and "Văn hóa" in days["2026-11-24"].name
    assert days["2026-08-22"].kind == "work"
    assert days["2026-08-31"].kind == "off"
    assert days["2026-02-14"].kind == "off" and days["2026-02-22"].kind == "off"
    assert days["2026-04-27"].kind == "off"  # Hùng Kings compensation
    assert all(d.day.year == 2026 for d in days.values())


def test_an_edited_calendar_file_changes_the_count(tmp_path: Path) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps({"cutoff": "16:30", "days_off": [{"date": "2026-03-03", "name": "bão"}],
                                "working_days": [{"date": "2026-03-07", "name": "làm bù"}]}), encoding="utf-8")
    cal = Calendar.load(path)
    assert cal.add_working_days(datetime(2026, 3, 2, 16, 0), 1) == date(2026, 3, 4)  # 16:00 is before 16:30
    assert cal.add_working_days(datetime(2026, 3, 6, 10), 1) == date(2026, 3, 7)


@pytest.mark.parametrize("content,message", [
    ('{"cutoff": "3pm"}', "cutoff must be a time HH:MM"),
    ('{"days_off": [{"date": "2026-13-01"}]}', "is not a date"),
    ('{"days_off": [{"date": "2026-03-03"}], "working_days": [{"date": "2026-03-03"}]}', "both a day off"),
    ('{"cutoff": ', "not valid JSON at line 1"),
])
def test_a_bad_calendar_file_is_named_with_its_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RecordsDataError) as err:
        Calendar.load(path)
    assert str(path) in str(err.value) and message in str(err.value)
