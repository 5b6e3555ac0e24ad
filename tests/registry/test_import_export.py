"""`icor members import|export`: all-or-nothing, line-numbered errors, idempotent."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from icor.audit.models import AuditEvent
from icor.registry.models import Membership, Organization
from icor.registry.records import RegistryFileError, read_member_file
from icor.registry.services import SEED_FILE, load_seed_registry
from tests.factories import make_organization

pytestmark = pytest.mark.django_db

HEADER = "continent,country_code,country,name,abbreviation,english_name,member_since,status\n"


def export(file_format: str = "csv") -> str:
    out = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out):
        call_command("members", "export", "--format", file_format)
    return out.getvalue()


def run_import(path: Path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("members", "import", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_seed_registry_loads_every_member() -> None:
    summary = load_seed_registry()
    assert summary.created == 63
    assert Organization.objects.count() == 63
    assert Membership.objects.filter(left_on__isnull=True).count() == 63


def test_loading_the_seed_twice_changes_nothing() -> None:
    load_seed_registry()
    events = AuditEvent.objects.count()
    summary = load_seed_registry()
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 63)
    assert AuditEvent.objects.count() == events


def test_export_has_the_documented_columns_and_statuses() -> None:
    load_seed_registry()
    rows = list(csv.DictReader(io.StringIO(export())))
    assert list(rows[0])[:8] == HEADER.strip().split(",")
    assert len(rows) == 63
    assert {row["status"] for row in rows} == {"member"}
    portugal = next(row for row in rows if row["abbreviation"] == "UMLP")
    assert portugal["member_since"] == "2020"
    assert next(row for row in rows if row["abbreviation"] == "SPB")["member_since"] == ""


def test_json_export_round_trips(tmp_path: Path) -> None:
    load_seed_registry()
    data = json.loads(export("json"))
    assert len(data["organizations"]) == 63
    path = tmp_path / "members.json"
    path.write_text(export("json"), encoding="utf-8")
    output, _ = run_import(path)
    assert "0 created, 0 updated, 63 unchanged" in output


def test_reimporting_an_export_changes_nothing(tmp_path: Path) -> None:
    load_seed_registry()
    path = tmp_path / "members.csv"
    path.write_text(export(), encoding="utf-8")
    before = list(Membership.objects.values_list("pk", "since_year", "left_on"))
    output, _ = run_import(path)
    assert "0 created, 0 updated, 63 unchanged" in output
    assert list(Membership.objects.values_list("pk", "since_year", "left_on")) == before


def test_a_bad_file_is_refused_whole_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER
        + "Europe,DE,Germany,Good Organization,GO,Good Organization,2012,member\n"
        + "Atlantis,DE,Germany,Second,,Second,2012,member\n"
        + "Europe,XX,Nowhere,Third,,Third,1999,member\n"
        + "Europe,FR,France,Fourth[3],,Fourth,2012,maybe\n"
        + "Europe,DE,Germany,Good Organization,GO,Good Organization,2012,member\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as refusal:
        run_import(path)
    assert refusal.value.returncode == 2
    assert Organization.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_each_bad_line_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER
        + "Europe,DE,Germany,Good Organization,GO,Good Organization,2012,member\n"
        + "Atlantis,DE,Germany,Second,,Second,2012,member\n"
        + "Europe,XX,Nowhere,Third,,Third,1999,member\n"
        + "Europe,FR,France,Fourth[3],,Fourth,2012,maybe\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("members", "import", str(path), stderr=err)
    report = err.getvalue()
    assert "line 3: unknown continent “Atlantis”" in report
    assert "line 4: unknown ISO 3166 country code “XX”" in report
    assert "line 4: member_since 1999 lies outside" in report
    assert "line 5: name holds a footnote mark ([3])" in report
    assert "line 5: status must be one of member, former" in report
    assert "line 2" not in report


def test_problems_are_reported_in_the_language_asked_for(
    tmp_path: Path,
    catalog_entries,  # type: ignore[no-untyped-def]
) -> None:
    catalog_entries(
        "de",
        {
            "line %(line)s: %(reason)s": "Zeile %(line)s: %(reason)s",
            "unknown continent “%(continent)s” (one of: %(known)s)": "unbekannter Kontinent „%(continent)s“",
            "%(column)s is empty": "%(column)s ist leer",
        },
    )
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER
        + "Atlantis,DE,Germany,Second,,Second,2012,member\n"
        + "Europe,DE,Germany,,,Third,2012,member\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("members", "import", str(path), "--lang", "de", stderr=err)
    report = err.getvalue()
    assert "Zeile 2: unbekannter Kontinent „Atlantis“" in report
    assert "Zeile 3: name ist leer" in report
    assert "line" not in report


def test_an_unknown_report_language_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "good.csv"
    path.write_text(HEADER, encoding="utf-8")
    with pytest.raises(CommandError, match="unknown language xx"):
        call_command("members", "import", str(path), "--lang", "xx")


def test_a_bad_file_leaves_existing_data_untouched(tmp_path: Path) -> None:
    load_seed_registry()
    before = export()
    path = tmp_path / "bad.csv"
    good = "Europe,DE,Germany,Brand New,BN,Brand New,2024,member\n"
    path.write_text(HEADER + good + "Europe,DE,Germany,,,,2024,member\n", encoding="utf-8")
    with pytest.raises(CommandError):
        run_import(path)
    assert export() == before


def test_duplicate_rows_in_one_file_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    row = "Europe,DE,Germany,Twice,,Twice,2012,member\n"
    path.write_text(HEADER + row + row, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("members", "import", str(path), stderr=err)
    assert "line 3: duplicate of line 2" in err.getvalue()


def test_a_missing_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("continent,name\nEurope,X\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("members", "import", str(path), stderr=err)
    assert "line 1: header lacks column(s): country_code" in err.getvalue()


def test_malformed_json_reports_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"organizations": [\n  {"name": "x",}\n]}', encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("members", "import", str(path), stderr=err)
    assert "line 2: not valid JSON" in err.getvalue()


def test_json_errors_name_the_line_of_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    entries = [
        {
            "continent": "Europe",
            "country_code": "DE",
            "country": "Germany",
            "name": "A",
            "english_name": "A",
            "member_since": 2012,
            "status": "member",
        },
        {
            "continent": "Europe",
            "country_code": "DE",
            "country": "Germany",
            "name": "",
            "english_name": "B",
            "member_since": 2012,
            "status": "member",
        },
    ]
    path.write_text(json.dumps({"organizations": entries}, indent=2), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("members", "import", str(path), stderr=err)
    assert "line 12: name is empty" in err.getvalue()


def test_import_updates_changed_rows_and_records_an_audit_event(tmp_path: Path) -> None:
    load_seed_registry()
    text = SEED_FILE.read_text(encoding="utf-8").replace(
        ",UMLP,Portuguese Marxist-Leninist Union,2020,",
        ",UMLP,Portuguese Marxist-Leninist Union,2021,",
    )
    path = tmp_path / "changed.csv"
    path.write_text(text, encoding="utf-8")
    output, _ = run_import(path)
    assert "0 created, 1 updated, 62 unchanged" in output
    assert Membership.objects.get(organization__abbreviation="UMLP").since_year == 2021
    assert AuditEvent.objects.filter(event="registry.imported").count() == 2


def test_former_members_need_a_date_of_leaving(tmp_path: Path) -> None:
    path = tmp_path / "former.csv"
    path.write_text(
        "continent,country_code,country,name,abbreviation,english_name,member_since,status,left_on\n"
        "Europe,DE,Germany,Left,,Left,2012,former,\n"
        "Europe,DE,Germany,Left Properly,,Left Properly,2012,former,2019-05-01\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("members", "import", str(path), stderr=err)
    assert "line 2: a former member needs left_on" in err.getvalue()
    assert "line 3" not in err.getvalue()


FORMULAS = [
    '=HYPERLINK("http://example.org")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "'=already quoted",
    "''-twice quoted",
]


@pytest.mark.parametrize("name", FORMULAS)
def test_a_name_a_spreadsheet_would_run_is_exported_as_text_and_imported_intact(name: str) -> None:
    """OWASP's rule: the exported cell starts with an apostrophe; the import takes it off again."""
    make_organization(name=name, country="DE")
    exported = export("csv")
    [row] = list(csv.DictReader(io.StringIO(exported)))
    assert row["name"] == "'" + name
    public = Client().get("/api/registry/organizations.csv").content.decode()
    [public_row] = list(csv.DictReader(io.StringIO(public)))
    assert public_row["name"] == "'" + name
    assert read_member_file(exported, file_format="csv")[0].name == name


def test_a_plain_name_is_exported_unchanged() -> None:
    make_organization(name="Partido Comunista", country="PE")
    [row] = list(csv.DictReader(io.StringIO(export("csv"))))
    assert row["name"] == "Partido Comunista"


def test_a_nul_character_in_a_registry_file_is_refused_with_its_line() -> None:
    text = HEADER.rstrip("\n") + "\neurope,DE,Germany,A\x00B,,A B,2015,member\n"
    with pytest.raises(RegistryFileError, match="NUL"):
        read_member_file(text, file_format="csv")
