"""The calendar as iCalendar text (RFC 5545), written by hand: escaping, CRLF and line folding."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta

from icor.projects.models import Activity

MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on lines that start with a space.

    A line is cut between characters only, so a multi-byte UTF-8 character is never split.
    """
    parts: list[str] = []
    current, size, limit = "", 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _date(value: date) -> str:
    return value.isoformat().replace("-", "")  # strftime drops the leading zeros of years before 1000


def _day_after(value: date) -> date:
    # A row written before the bounds of icor.core.bounds may end on the last day of the calendar.
    return value if value == date.max else value + timedelta(days=1)


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(activity: Activity, *, url: str = "") -> list[str]:
    description = activity.description
    if activity.level != "worldwide":
        description = f"{activity.area}\n\n{description}".strip()
    lines = [
        "BEGIN:VEVENT",
        f"UID:icor-activity-{activity.pk}@icor",
        f"DTSTAMP:{_stamp(activity.created_at)}",
        f"DTSTART;VALUE=DATE:{_date(activity.starts_on)}",
        # The end of an all-day event is exclusive: the day after the last day.
        f"DTEND;VALUE=DATE:{_date(_day_after(activity.ends_on))}",
        f"SUMMARY:{escape_text(activity.title)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar_text(activities: Iterable[Activity], *, url_for: Callable[[Activity], str] | None = None) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ICOR//icor coordinated activities//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:ICOR",
    ]
    for activity in activities:
        lines.extend(event_lines(activity, url=url_for(activity) if url_for else ""))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
