"""One table from country to continent, used by admission, import and the country pickers."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django_countries import countries

from icor.accounts.models import User
from icor.registry import services
from icor.registry.continents import CONTINENT_OF, continent_of, country_choices
from icor.registry.forms import ApplicationForm
from icor.registry.models import Continent

MEMBERS = Path(__file__).resolve().parents[2] / "src" / "icor" / "registry" / "data" / "members.csv"


def test_every_country_of_the_seed_table_lands_on_its_continent() -> None:
    with MEMBERS.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 63
    for row in rows:
        assert continent_of(row["country_code"]) == Continent(row["continent"]), row["name"]


def test_the_table_knows_only_real_codes_and_leaves_out_uninhabited_territories() -> None:
    codes = dict(countries)
    assert set(CONTINENT_OF) <= set(codes)
    for uninhabited in ("AQ", "BV", "HM", "GS", "TF", "UM"):
        assert continent_of(uninhabited) is None
    assert continent_of("BO") is Continent.LATIN_AMERICA
    assert continent_of("tr") is Continent.EUROPE


@pytest.mark.django_db
def test_admission_derives_the_continent_from_the_country(committee: User) -> None:
    application = services.submit_application(
        name="Partido Nuevo",
        country="BO",
        contact="secure@example.org",
        statement="We affirm the basis.",
        affirms_basis=True,
    )
    with pytest.raises(ValidationError, match="Latin America"):
        services.admit_application(
            application,
            actor=committee,
            decided_on=date(2025, 3, 1),
            decision_reference="WC",
            continent="Africa",
        )
    organization = services.admit_application(
        application, actor=committee, decided_on=date(2025, 3, 1), decision_reference="WC 2025"
    )
    assert organization.continent == Continent.LATIN_AMERICA


@pytest.mark.django_db
def test_the_pickers_offer_member_countries_first_and_no_antarctica() -> None:
    from icor.registry.services import load_seed_registry

    load_seed_registry()
    (first_label, first), (_, rest) = country_choices()  # type: ignore[misc]
    assert str(first_label) == "Countries of member organizations"
    assert "DE" in dict(first) and "BO" not in dict(first) and "BO" in dict(rest)  # type: ignore[arg-type]
    offered = {code for _, group in country_choices() for code, _name in group}  # type: ignore[attr-defined]
    assert "AQ" not in offered and "BV" not in offered
    html = str(ApplicationForm()["country"])
    assert 'value="AQ"' not in html and html.index('value="DE"') < html.index('value="BO"')
