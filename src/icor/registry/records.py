"""Reading and checking registry files (CSV or JSON) before anything is written.

A file is taken whole or not at all: every row is checked first and every problem
is reported with its line number.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext
from django_countries import countries

from icor.registry.continents import CONTINENT_OF
from icor.registry.models import Continent

COLUMNS = [
    "continent",
    "country_code",
    "country",
    "name",
    "abbreviation",
    "english_name",
    "member_since",
    "status",
    "left_on",
]
REQUIRED_COLUMNS = [
    "continent",
    "country_code",
    "country",
    "name",
    "english_name",
    "member_since",
    "status",
]
STATUSES = ("member", "former")
FOOTNOTE = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class MemberRecord:
    continent: str
    country_code: str
    country: str
    name: str
    abbreviation: str
    english_name: str
    member_since: int | None
    status: str
    left_on: date | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.country_code)


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return gettext("line %(line)s: %(reason)s") % {"line": self.line, "reason": self.reason}


class RegistryFileError(ValueError):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


def read_member_file(text: str, *, file_format: str) -> list[MemberRecord]:
    """Parse and check a whole file; raise RegistryFileError listing every bad line."""
    rows = _rows_from_json(text) if file_format == "json" else _rows_from_csv(text)
    records: list[MemberRecord] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        problems, record = _check_row(row)
        if record is not None and record.key in seen:
            problems.append(
                gettext("duplicate of line %(line)s (same name and country)") % {"line": seen[record.key]}
            )
        if problems:
            errors.extend(RowError(line, problem) for problem in problems)
        elif record is not None:
            seen[record.key] = line
            records.append(record)
    if errors:
        raise RegistryFileError(errors)
    if not records:
        raise RegistryFileError([RowError(1, gettext("the file holds no organization"))])
    return records


# OWASP's rule against formula injection: a spreadsheet runs a cell that starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    """The cell as a spreadsheet shows it without running it: a leading apostrophe before a formula.

    A cell that already starts with apostrophes before such a character gets one more, so that
    `restored` gives back exactly what was written.
    """
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def restored(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def _rows_from_csv(text: str) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = reader.fieldnames or []
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise RegistryFileError(
            [RowError(1, gettext("header lacks column(s): %(columns)s") % {"columns": ", ".join(missing)})]
        )
    rows = []
    for row in reader:
        if None in row:
            rows.append((reader.line_num, {"__extra__": "x"}))
            continue
        rows.append((reader.line_num, {key: restored(value or "") for key, value in row.items()}))
    return rows


def _rows_from_json(text: str) -> list[tuple[int, dict[str, str]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RegistryFileError(
            [RowError(error.lineno, gettext("not valid JSON: %(error)s") % {"error": error.msg})]
        ) from None
    if isinstance(data, dict):
        data = data.get("organizations")
    if not isinstance(data, list):
        raise RegistryFileError([RowError(1, gettext("expected a list of organizations"))])
    lines = _json_item_lines(text, len(data))
    rows: list[tuple[int, dict[str, str]]] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            rows.append((lines[index], {"__not_an_object__": "x"}))
            continue
        rows.append(
            (
                lines[index],
                {key: "" if value is None else str(value) for key, value in item.items()},
            )
        )
    return rows


def _json_item_lines(text: str, count: int) -> list[int]:
    """The line on which each top-level item of a JSON list starts (for error messages)."""
    decoder = json.JSONDecoder()
    start = text.index("[", text.index("organizations") if text.lstrip().startswith("{") else 0) + 1
    lines = []
    position = start
    for _ in range(count):
        while text[position] in " \t\r\n,":
            position += 1
        lines.append(text.count("\n", 0, position) + 1)
        _, position = decoder.raw_decode(text, position)
    return lines


def _check_row(row: dict[str, str]) -> tuple[list[str], MemberRecord | None]:
    if "__extra__" in row:
        return [gettext("more cells than columns in the header")], None
    if "__not_an_object__" in row:
        return [gettext("expected an object with the registry columns")], None
    problems: list[str] = []
    value = {column: row.get(column, "") for column in COLUMNS}
    for column, text in value.items():
        if text != text.strip():
            problems.append(gettext("%(column)s has leading or trailing spaces") % {"column": column})
        if "\x00" in text:
            problems.append(
                gettext("%(column)s holds a NUL character, which no field accepts") % {"column": column}
            )
        if footnote := FOOTNOTE.search(text):
            problems.append(
                gettext("%(column)s holds a footnote mark (%(mark)s)")
                % {"column": column, "mark": footnote.group()}
            )
    for column in ("continent", "country_code", "country", "name", "english_name", "status"):
        if not value[column].strip():
            problems.append(gettext("%(column)s is empty") % {"column": column})
    if value["continent"] and value["continent"] not in Continent.values:
        problems.append(
            gettext("unknown continent “%(continent)s” (one of: %(known)s)")
            % {"continent": value["continent"], "known": ", ".join(Continent.values)}
        )
    code = value["country_code"].strip().upper()
    if value["country_code"] and code not in dict(countries):
        problems.append(gettext("unknown ISO 3166 country code “%(code)s”") % {"code": value["country_code"]})
    elif (
        value["continent"] in Continent.values
        and CONTINENT_OF.get(code, value["continent"]) != value["continent"]
    ):
        problems.append(
            gettext(
                "%(code)s lies in %(continent)s, not in %(given)s (the continent follows from the country)"
            )
            % {
                "code": value["country_code"],
                "continent": CONTINENT_OF[code].value,
                "given": value["continent"],
            }
        )
    member_since = _year(value["member_since"], problems)
    if value["status"] and value["status"] not in STATUSES:
        problems.append(
            gettext("status must be one of %(known)s, not “%(status)s”")
            % {"known": ", ".join(STATUSES), "status": value["status"]}
        )
    left_on = _date(value["left_on"], problems)
    if value["status"] == "former" and left_on is None:
        problems.append(gettext("a former member needs left_on (YYYY-MM-DD)"))
    if value["status"] == "member" and left_on is not None:
        problems.append(gettext("a current member cannot have left_on"))
    if left_on and member_since and left_on.year < member_since:
        problems.append(gettext("left_on lies before member_since"))
    for column, limit in (("name", 200), ("english_name", 200), ("abbreviation", 40)):
        if len(value[column]) > limit:
            problems.append(
                gettext("%(column)s is longer than %(limit)s characters") % {"column": column, "limit": limit}
            )
    if problems:
        return problems, None
    return [], MemberRecord(
        continent=value["continent"],
        country_code=code,
        country=value["country"],
        name=value["name"],
        abbreviation=value["abbreviation"],
        english_name=value["english_name"],
        member_since=member_since,
        status=value["status"],
        left_on=left_on,
    )


def _year(text: str, problems: list[str]) -> int | None:
    if not text.strip():
        return None
    if not re.fullmatch(r"\d{4}", text.strip()):
        problems.append(
            gettext("member_since must be a year like 2010 or empty, not “%(text)s”") % {"text": text}
        )
        return None
    year = int(text)
    if not 2010 <= year <= date.today().year:
        problems.append(
            gettext("member_since %(year)s lies outside 2010 (founding) to this year") % {"year": year}
        )
        return None
    return year


def _date(text: str, problems: list[str]) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        problems.append(gettext("left_on must be a date YYYY-MM-DD, not “%(text)s”") % {"text": text})
        return None


def write_member_file(records: list[MemberRecord], *, file_format: str) -> str:
    rows = [
        {
            "continent": r.continent,
            "country_code": r.country_code,
            "country": r.country,
            "name": r.name,
            "abbreviation": r.abbreviation,
            "english_name": r.english_name,
            "member_since": "" if r.member_since is None else str(r.member_since),
            "status": r.status,
            "left_on": "" if r.left_on is None else r.left_on.isoformat(),
        }
        for r in records
    ]
    if file_format == "json":
        for row in rows:
            row["member_since"] = int(row["member_since"]) if row["member_since"] else None  # type: ignore[assignment]
            row["left_on"] = row["left_on"] or None  # type: ignore[assignment]
        return json.dumps({"organizations": rows}, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: neutralised(value) for column, value in row.items()} for row in rows)
    return buffer.getvalue()
