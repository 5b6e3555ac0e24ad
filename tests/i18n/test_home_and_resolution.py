# ruff: noqa: RUF001 -- Turkish letters are the translations under test
"""The home page and the chrome of the Founding Resolution page, translated; counts agree with their number."""

from __future__ import annotations

import pytest
from django.test import Client

from icor.charter.services import load_founding_resolution
from icor.registry.models import Organization
from tests.factories import make_organization

pytestmark = pytest.mark.django_db

HOME = {
    "de": (
        "Internationale Koordinierung revolutionärer Parteien und Organisationen",
        "Mitgliedsorganisationen",
        "Länder",
    ),
    "fr": (
        "Coordination internationale des partis et organisations révolutionnaires",
        "organisations membres",
        "pays",
    ),
    "es": (
        "Coordinación Internacional de Partidos y Organizaciones Revolucionarias",
        "organizaciones miembro",
        "países",
    ),
    "pt": (
        "Coordenação Internacional de Partidos e Organizações Revolucionárias",
        "organizações membros",
        "países",
    ),
    "ru": ("Международная координация революционных партий и организаций", "организации-члена", "страны"),
    "tr": ("Devrimci Parti ve Örgütlerin Uluslararası Koordinasyonu", "üye örgüt", "ülke"),
}


@pytest.mark.parametrize("language", sorted(HOME))
def test_the_home_page_is_translated(client: Client, members: list[Organization], language: str) -> None:
    title, member_organizations, countries = HOME[language]
    page = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in page
    assert f"<h1>{title}</h1>" in page
    assert f"<li><strong>3</strong> {member_organizations}</li>" in page
    assert f"<li><strong>3</strong> {countries}</li>" in page


@pytest.mark.parametrize(
    ("count", "expected"),
    [(1, "организация-член"), (2, "организации-члена"), (5, "организаций-членов")],
)
def test_russian_figures_agree_with_their_number(client: Client, count: int, expected: str) -> None:
    for _ in range(count):
        make_organization(country="DE")
    page = client.get("/ru/registry/statistics/").content.decode()
    assert f"<li><strong>{count}</strong> {expected}</li>" in page


@pytest.mark.parametrize(
    ("language", "sections", "clause_link"),
    [
        ("de", "Abschnitte", "Link zu dieser Bestimmung"),
        ("fr", "Sections", "Lien vers cette disposition"),
        ("es", "Secciones", "Enlace a esta disposición"),
        ("pt", "Secções", "Ligação para esta disposição"),
        ("ru", "Разделы", "Ссылка на это положение"),
        ("tr", "Bölümler", "Bu maddeye bağlantı"),
    ],
)
def test_the_founding_resolution_page_chrome_is_translated(
    client: Client, language: str, sections: str, clause_link: str
) -> None:
    load_founding_resolution()
    page = client.get(f"/{language}/resolution/").content.decode()
    assert f'<nav aria-label="{sections}" class="toc">' in page
    assert f'aria-label="{clause_link}"' in page
    assert 'id="organizational-principles-6"' in page
