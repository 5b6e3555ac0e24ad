"""Integrity tests for the hand-transcribed ICOR member table.

``src/icor/registry/data/members.csv`` is a manual transcription of the table
"Member organizations" in ``seeds/001_*.txt`` (an encyclopedia article). The
source text lost its cell boundaries, so every row was read and typed by hand;
no parser is involved. These tests pin the shape and the content of that file.

Interpretation choices made during transcription
------------------------------------------------
* Rows whose continent/country cell is empty inherit it from the row above.
* ``english_name``: where the table gives no English translation (the name is
  already English), ``english_name`` repeats ``name``. Affected: Egypt RCP,
  Kenya CPK, Morocco MMLPL, South Africa CPSA (ML), Afghanistan MLOA,
  Bangladesh SPB, both India rows, Indonesia INDOREV, Nepal NCP (Mashal),
  Nepal PPRF, Pakistan APTUF, Sri Lanka NDMLP, Russia UMU, United States ROL,
  Australia CPA M-L. Cyprus "Union of Cypriots" gives an identical English
  translation explicitly.
* Footnote marks are dropped: Brazil "(PDT)[17]", Portugal "2020[16]",
  Australia "2019[18]".
* Congo -> ``CD``: the Organisation Révolutionnaire du Congo works in the
  Democratic Republic of the Congo (not the Republic of the Congo, ``CG``);
  the ``country`` column keeps the table's short name "Congo".
* Ivory Coast -> ``CI``, Czech Republic -> ``CZ`` (also for the
  "Czechoslovakia" organizations listed under it), Bosnia and Herzegovina ->
  ``BA``, Russia -> ``RU``, Turkey -> ``TR`` (also for the Bolşevik Parti (Kuzey
  Kürdistan-Türkiye) and Suryoye Gawonoye d(U+00B4)Bethnahrin rows listed
  under it), United States -> ``US``.
* Panama: the table's "Partido Comunista (Marxista-Leninista) de Panamá,
  PC/ML" repeats the abbreviation inside the name cell; ``name`` is
  "Partido Comunista (Marxista-Leninista) de Panamá", abbreviation "PC/ML".
* United States: the table's name cell reads 'Revolutionary Organization of
  Labor (former known as "Ray O. Light")'. The parenthetical is an editorial
  note about a former name, not part of the name, so ``name`` is
  "Revolutionary Organization of Labor". The CSV has no notes column, so the
  former name is not kept in the file.
* Belarus: "Gruppa Kommunistov-Revoliutsionerov »Krasny Klin«" has no
  abbreviation cell; »Krasny Klin« is read as part of the name (its
  translation 'Red Wedge' is part of the English name), so abbreviation is
  empty.
* Belgium ARLAC: the stray spaces and the no-break space after "ARLAC" are
  removed.
* Spelling, diacritics, dashes (hyphen vs. en dash) and quotation marks are
  kept exactly as the table has them, including its inconsistencies
  (e.g. "Proletarien" without accent, "Bloque Democratico Popular", the
  en dash U+2013 in "Marxist-Leninist" for Australia, the acute accent U+00B4
  (not an apostrophe) in the SGB name, and the mixed quotes U+2018/U+0027 around
  'Red Wedge'). Tests spell such characters as escapes.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest
from django_countries.data import COUNTRIES

CSV_PATH = Path(__file__).resolve().parents[2] / "src/icor/registry/data/members.csv"

HEADER = [
    "continent",
    "country_code",
    "country",
    "name",
    "abbreviation",
    "english_name",
    "member_since",
    "status",
]
REQUIRED = ["continent", "country_code", "country", "name", "english_name", "status"]
CONTINENTS = {
    "Africa",
    "Asia",
    "Europe",
    "Latin America",
    "North America",
    "Oceania",
}
EXPECTED_PER_CONTINENT = {
    "Africa": 9,
    "Asia": 10,
    "Europe": 28,
    "Latin America": 14,
    "North America": 1,
    "Oceania": 1,
}
EXPECTED_TOTAL = 63
EXPECTED_FOUNDING_MEMBERS = 31  # member_since == 2010
FOOTNOTE = re.compile(r"\[\d+\]")

Row = dict[str, str]


def _read() -> tuple[list[str], list[Row]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [dict(zip(header, values, strict=True)) for values in reader]
    return header, rows


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return _read()[1]


def _one(rows: list[Row], **match: str) -> Row:
    found = [r for r in rows if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


def test_header_is_exact() -> None:
    header, _ = _read()
    assert header == HEADER


def test_file_is_utf8_without_bom() -> None:
    raw = CSV_PATH.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")


def test_required_fields_present(rows: list[Row]) -> None:
    for row in rows:
        for field in REQUIRED:
            assert row[field], (field, row)


def test_status_is_member(rows: list[Row]) -> None:
    assert {r["status"] for r in rows} == {"member"}


def test_continent_allowed(rows: list[Row]) -> None:
    assert {r["continent"] for r in rows} <= CONTINENTS


def test_country_code_is_iso_alpha2(rows: list[Row]) -> None:
    for row in rows:
        code = row["country_code"]
        assert re.fullmatch(r"[A-Z]{2}", code), row
        assert code in COUNTRIES, row


def test_member_since_is_empty_or_plausible_year(rows: list[Row]) -> None:
    for row in rows:
        value = row["member_since"]
        if value:
            assert re.fullmatch(r"\d{4}", value), row
            assert 2010 <= int(value) <= 2026, row


def test_values_are_clean(rows: list[Row]) -> None:
    for row in rows:
        for field, value in row.items():
            assert not FOOTNOTE.search(value), (field, row)
            assert value == value.strip(), (field, row)
            assert "  " not in value, (field, row)
            assert not re.search(r"[\t\r\n\u00a0\u200b]", value), (field, row)


def test_counts_per_continent(rows: list[Row]) -> None:
    assert dict(Counter(r["continent"] for r in rows)) == EXPECTED_PER_CONTINENT
    assert sum(EXPECTED_PER_CONTINENT.values()) == EXPECTED_TOTAL


def test_total_count(rows: list[Row]) -> None:
    assert len(rows) == EXPECTED_TOTAL


def test_rows_grouped_by_continent_in_table_order(rows: list[Row]) -> None:
    order = [r["continent"] for r in rows]
    blocks = [c for i, c in enumerate(order) if i == 0 or order[i - 1] != c]
    assert blocks == list(EXPECTED_PER_CONTINENT)


def test_organizations_are_unique(rows: list[Row]) -> None:
    keys = Counter((r["name"], r["country_code"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []


def test_abbreviations_are_not_unique(rows: list[Row]) -> None:
    abbreviations = Counter(r["abbreviation"] for r in rows if r["abbreviation"])
    assert abbreviations["UC"] == 2
    uc = {(r["country_code"], r["name"]) for r in rows if r["abbreviation"] == "UC"}
    assert uc == {("FR", "Unité Communiste"), ("VE", "Unión Comunera")}


def test_each_country_in_one_continent_and_one_code(rows: list[Row]) -> None:
    continent_of: dict[str, set[str]] = {}
    code_of: dict[str, set[str]] = {}
    name_of: dict[str, set[str]] = {}
    for r in rows:
        continent_of.setdefault(r["country"], set()).add(r["continent"])
        code_of.setdefault(r["country"], set()).add(r["country_code"])
        name_of.setdefault(r["country_code"], set()).add(r["country"])
    assert all(len(v) == 1 for v in continent_of.values()), continent_of
    assert all(len(v) == 1 for v in code_of.values()), code_of
    assert all(len(v) == 1 for v in name_of.values()), name_of


def test_founding_members_count(rows: list[Row]) -> None:
    founding = [r for r in rows if r["member_since"] == "2010"]
    assert len(founding) == EXPECTED_FOUNDING_MEMBERS


def test_rows_without_year(rows: list[Row]) -> None:
    no_year = {r["abbreviation"] for r in rows if not r["member_since"]}
    assert no_year == {"SPB", "PPRF", "PR", "KGS", "Symp.PFLP", "SGB", "OAPCM", "BDP"}


def test_spot_portugal(rows: list[Row]) -> None:
    row = _one(rows, abbreviation="UMLP")
    assert row["country_code"] == "PT"
    assert row["name"] == "União Marxista-Leninista Portuguesa"
    assert row["member_since"] == "2020"


def test_spot_australia(rows: list[Row]) -> None:
    row = _one(rows, country_code="AU")
    assert row["continent"] == "Oceania"
    assert row["name"] == "Communist Party of Australia (Marxist\u2013Leninist)"
    assert row["abbreviation"] == "CPA M-L"
    assert row["member_since"] == "2019"


def test_spot_brazil(rows: list[Row]) -> None:
    row = _one(rows, country_code="BR")
    assert row["name"] == "Ação Popular Revolucionária (PDT)"
    assert row["abbreviation"] == "APR (PDT)"
    assert row["member_since"] == "2023"


def test_spot_iran(rows: list[Row]) -> None:
    row = _one(rows, country_code="IR")
    assert row["name"] == "Hezb-e Ranjbaran Iran"
    assert row["abbreviation"] == "Ranjbaran"
    assert row["english_name"] == "Toilers' Party of Iran"


def test_spot_bangladesh(rows: list[Row]) -> None:
    row = _one(rows, country_code="BD")
    assert row["member_since"] == ""
    assert row["english_name"] == row["name"] == "Socialist Party of Bangladesh"


def test_spot_belgium(rows: list[Row]) -> None:
    row = _one(rows, country_code="BE")
    assert row["abbreviation"] == "ARLAC"
    assert row["english_name"] == "Association of Latin American and Caribbean Refugees"
    assert row["member_since"] == "2023"


def test_spot_congo_is_drc(rows: list[Row]) -> None:
    row = _one(rows, abbreviation="ORC")
    assert row["country"] == "Congo"
    assert row["country_code"] == "CD"


def test_spot_panama_and_united_states(rows: list[Row]) -> None:
    panama = _one(rows, country_code="PA")
    assert panama["name"] == "Partido Comunista (Marxista-Leninista) de Panamá"
    assert panama["abbreviation"] == "PC/ML"
    us = _one(rows, country_code="US")
    assert us["name"] == us["english_name"] == "Revolutionary Organization of Labor"
    assert us["abbreviation"] == "ROL"


def test_spot_turkey_and_cyprus(rows: list[Row]) -> None:
    sgb = _one(rows, abbreviation="SGB")
    assert sgb["country_code"] == "TR"
    assert sgb["name"] == "Suryoye Gawonoye d\u00b4Bethnahrin"
    assert sgb["english_name"] == "Communist Aramaeans of Mesopotamia"
    assert len([r for r in rows if r["country_code"] == "TR"]) == 5
    cyprus = _one(rows, country_code="CY")
    assert cyprus["name"] == cyprus["english_name"] == "Union of Cypriots"
    assert cyprus["abbreviation"] == "UoC"
