# ruff: noqa: RUF001 -- typographic apostrophes and Turkish letters are the translations under test
"""Every registry page, in each of the six translations: navigation, headings, country names, lang."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from icor.registry.models import Organization

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Expected:
    nav: tuple[str, ...]
    list_heading: str
    history_heading: str
    statistics_heading: str
    per_continent: str
    europe: str
    latin_america: str
    apply_heading: str
    statement_label: str
    send: str
    germany: str
    turkey: str
    count_of_three: str


EXPECTED = {
    "de": Expected(
        nav=("Mitglieder", "Statistik", "Gründungsresolution", "Aufnahmeantrag", "Anmelden"),
        list_heading="Mitgliedsorganisationen",
        history_heading="Verlauf der Mitgliedschaft",
        statistics_heading="Statistik",
        per_continent="Mitglieder pro Kontinent",
        europe="Europa",
        latin_america="Lateinamerika",
        apply_heading="Mitgliedschaft beantragen",
        statement_label="Erklärung",
        send="Antrag senden",
        germany="Deutschland",
        turkey="Türkei",
        count_of_three="3 Organisationen",
    ),
    "fr": Expected(
        nav=("Membres", "Statistiques", "Résolution de fondation", "Adhérer", "Se connecter"),
        list_heading="Organisations membres",
        history_heading="Historique de l’adhésion",
        statistics_heading="Statistiques",
        per_continent="Membres par continent",
        europe="Europe",
        latin_america="Amérique latine",
        apply_heading="Demander l’adhésion",
        statement_label="Déclaration",
        send="Envoyer la candidature",
        germany="Allemagne",
        turkey="Turquie",
        count_of_three="3 organisations",
    ),
    "es": Expected(
        nav=("Miembros", "Estadísticas", "Resolución de fundación", "Solicitar ingreso", "Iniciar sesión"),
        list_heading="Organizaciones miembro",
        history_heading="Historial de membresía",
        statistics_heading="Estadísticas",
        per_continent="Miembros por continente",
        europe="Europa",
        latin_america="América Latina",
        apply_heading="Solicitar el ingreso",
        statement_label="Declaración",
        send="Enviar la solicitud",
        germany="Alemania",
        turkey="Turquía",
        count_of_three="3 organizaciones",
    ),
    "pt": Expected(
        nav=("Membros", "Estatísticas", "Resolução de fundação", "Aderir", "Iniciar sessão"),
        list_heading="Organizações membros",
        history_heading="Histórico de adesão",
        statistics_heading="Estatísticas",
        per_continent="Membros por continente",
        europe="Europa",
        latin_america="América Latina",
        apply_heading="Candidatar-se à adesão",
        statement_label="Declaração",
        send="Enviar a candidatura",
        germany="Alemanha",
        turkey="Turquia",
        count_of_three="3 organizações",
    ),
    "ru": Expected(
        nav=("Члены", "Статистика", "Учредительная резолюция", "Вступить", "Войти"),
        list_heading="Организации-члены",
        history_heading="История членства",
        statistics_heading="Статистика",
        per_continent="Члены по континентам",
        europe="Европа",
        latin_america="Латинская Америка",
        apply_heading="Подать заявку на вступление",
        statement_label="Заявление",
        send="Отправить заявку",
        germany="Германия",
        turkey="Турция",
        count_of_three="3 организации",
    ),
    "tr": Expected(
        nav=("Üyeler", "İstatistikler", "Kuruluş Kararı", "Başvur", "Giriş yap"),
        list_heading="Üye örgütler",
        history_heading="Üyelik geçmişi",
        statistics_heading="İstatistikler",
        per_continent="Kıtalara göre üyeler",
        europe="Avrupa",
        latin_america="Latin Amerika",
        apply_heading="Üyelik başvurusu yap",
        statement_label="Beyan",
        send="Başvuruyu gönder",
        germany="Almanya",
        turkey="Türkiye",
        count_of_three="3 örgüt",
    ),
}
LANGUAGES = sorted(EXPECTED)


def render(client: Client, language: str, path: str) -> str:
    response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    for label in EXPECTED[language].nav:
        assert f">{label}</a></li>" in page, label
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_is_translated_with_country_and_continent_names(
    client: Client, members: list[Organization], language: str
) -> None:
    expected = EXPECTED[language]
    page = render(client, language, "/registry/")
    assert f"<h1>{expected.list_heading}</h1>" in page
    assert f'<p class="count">{expected.count_of_three}</p>' in page
    assert f"<td>{expected.germany}</td>" in page
    assert f"<td>{expected.turkey}</td>" in page
    assert f"<td>{expected.latin_america}</td>" in page
    assert "<td>Germany</td>" not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_detail_page_is_translated(client: Client, german_member: Organization, language: str) -> None:
    expected = EXPECTED[language]
    page = render(client, language, f"/registry/{german_member.slug}/")
    assert f"<h2>{expected.history_heading}</h2>" in page
    assert f"<dd>{expected.germany}</dd>" in page
    assert f"<dd>{expected.europe}</dd>" in page
    assert f"← {expected.list_heading}</a>" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_statistics_page_is_translated(
    client: Client, members: list[Organization], language: str
) -> None:
    expected = EXPECTED[language]
    page = render(client, language, "/registry/statistics/")
    assert f"<h1>{expected.statistics_heading}</h1>" in page
    assert f'<h2 id="continents">{expected.per_continent}</h2>' in page
    assert f">{expected.latin_america}</a></th>" in page
    assert f'src="/{language}/registry/map.svg"' in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_names_countries_in_the_reader_language(
    client: Client, members: list[Organization], language: str
) -> None:
    body = client.get(f"/{language}/registry/map.svg").content.decode()
    assert f"<title>{EXPECTED[language].germany}: 1</title>" in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_apply_page_is_translated(client: Client, language: str) -> None:
    expected = EXPECTED[language]
    page = render(client, language, "/registry/apply/")
    assert f"<h1>{expected.apply_heading}</h1>" in page
    assert f'<label for="id_statement">{expected.statement_label}' in page
    assert f'<button type="submit">{expected.send}</button>' in page
    assert f'<option value="DE">{expected.germany}</option>' in page


def test_english_stays_the_unprefixed_source_language(client: Client, members: list[Organization]) -> None:
    page = client.get("/registry/").content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Member organizations</h1>" in page
    assert "<td>Germany</td>" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_chart_coordinates_keep_a_decimal_point_in_every_language(
    client: Client, members: list[Organization], language: str
) -> None:
    """Localized numbers would write x="3,0" and break the SVG in languages with a decimal comma."""
    page = client.get(f"/{language}/registry/statistics/").content.decode()
    chart = page[page.index("<svg") : page.index("</svg>")]
    assert 'x="3.0"' in chart
    assert ',0"' not in chart
