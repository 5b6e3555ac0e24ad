"""The calendar as iCalendar (RFC 5545): escaping, all-day dates, CRLF and folding at 75 octets."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from icor.accounts.models import User
from icor.projects.ical import escape_text, fold
from icor.projects.services.activities import create_activity


def test_text_values_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_are_folded_without_splitting_characters() -> None:
    line = "SUMMARY:" + "Kobanê " * 30
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line


def test_a_short_line_is_not_folded() -> None:
    assert fold("VERSION:2.0") == "VERSION:2.0"


@pytest.mark.django_db
def test_the_calendar_export_lists_each_activity(client: Client, committee: User) -> None:
    create_activity(
        actor=committee,
        title="Day of action; against war, fascism",
        starts_on=date(2026, 9, 1),
        ends_on=date(2026, 9, 3),
        description="Line one\nLine two",
    )
    response = client.get("/projects/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    unfolded = body.replace("\r\n ", "")
    assert "SUMMARY:Day of action\\; against war\\, fascism\r\n" in unfolded
    assert "DTSTART;VALUE=DATE:20260901\r\n" in unfolded
    assert "DTEND;VALUE=DATE:20260904\r\n" in unfolded  # exclusive end: the day after the last day
    assert "DESCRIPTION:Line one\\nLine two\r\n" in unfolded
    assert "URL:http://testserver/projects/activities/" in unfolded
