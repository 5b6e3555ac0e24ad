"""The Kobanê brigade entered and planned end to end in the browser (S15, issue 5).

The coordinating committee creates the single project; the coordinating organization's officer
sets the needs; officers of three member organizations from different countries each offer their
own volunteers (S11); the coordinator assigns them; the plan shows week by week who is on site,
the unmet needs and the countries represented, and an officer of an organization that neither
coordinates nor offered anyone sees counts only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Locator, Page, expect

from icor.accounts.models import Role, User
from icor.projects.models import Assignment, Need, Project, Volunteer
from icor.registry.models import Organization
from tests.browser.conftest import PHONE
from tests.browser.test_phone import FITS_THE_SCREEN
from tests.factories import make_user, with_totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "International Brigades: reconstruction of Kobanê"


@dataclass(frozen=True)
class Offer:
    """A volunteer as their own organization's officer types them into the form."""

    pseudonym: str
    skills: str
    languages: str
    available: tuple[str, str]
    also: tuple[str, str] | None = None


# Offered by MLKP (Turkey), GML/RM (Netherlands) and MLGS (Switzerland).
OFFERS = {
    "MLKP": [
        Offer("Rojda", "Bricklayer", "Kurmancî, Turkish", ("2015-06-01", "2015-07-15")),
        Offer("Baran", "bricklayer, Electrician", "Kurmancî, Turkish, English", ("2015-06-01", "2015-08-31")),
    ],
    "GML/RM": [Offer("Anouk", "Medical staff", "Dutch, English", ("2015-06-08", "2015-07-05"))],
    "MLGS": [
        Offer(
            "Luca",
            "Electrician",
            "German, Italian",
            ("2015-07-06", "2015-07-31"),
            also=("2015-08-01", "2015-08-30"),
        )
    ],
}
# (volunteer as the coordinator's list names them, on site from, until)
ASSIGNMENTS = [
    ("Rojda (MLKP: bricklayer)", "2015-06-01", "2015-06-28"),
    ("Anouk (GML/RM: medical staff)", "2015-06-08", "2015-07-05"),
    ("Baran (MLKP: bricklayer, electrician)", "2015-07-01", "2015-08-31"),
    ("Luca (MLGS: electrician)", "2015-07-06", "2015-07-31"),
]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def officer_of(abbreviation: str) -> User:
    return with_totp(make_user(Role.OFFICER, Organization.objects.get(abbreviation=abbreviation)))


def week(page: Page, monday: str) -> Locator:
    return page.locator(f"#week-{monday}")


def fill_dates(form: Locator, first: tuple[str, str], labels: tuple[str, str]) -> None:
    form.get_by_label(labels[0]).fill(first[0])
    form.get_by_label(labels[1]).fill(first[1])


def test_the_kobane_brigade_is_entered_and_planned_end_to_end(
    registry: None,
    open_page: Callable[..., Page],
    log_in: Callable[[Page, User], Page],
    problems: list[str],
    screenshot: Callable[..., None],
) -> None:
    committee = with_totp(make_user(Role.COMMITTEE))
    coordinator = officer_of("MLPD")
    offering = {abbreviation: officer_of(abbreviation) for abbreviation in OFFERS}
    outsider = officer_of("CPA M-L")

    # The committee plans the single project, worldwide, coordinated by the MLPD (S9).
    page = log_in(open_page(), committee)
    page.goto("/projects/new/")
    form = page.locator("#project-form")
    form.get_by_label("Title").fill(TITLE)
    form.get_by_label("Kind").select_option(label="Single project for a limited time")
    form.get_by_label("Starts on").fill("2015-06-01")
    form.get_by_label("Ends on").fill("2015-10-31")
    form.get_by_label(re.compile(r"^Level")).select_option(label="Worldwide")
    form.get_by_label("Recruits volunteers (brigade)").check()
    form.get_by_label("Coordinating organizations").select_option(
        label="MLPD (Marxistisch-Leninistische Partei Deutschlands)"
    )
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    page.get_by_role("link", name="Brigade: volunteers and plan").click()
    expect(page).to_have_url(re.compile(r"/projects/\d+/brigade/$"))
    brigade_path = urlparse(page.url).path
    project = Project.objects.get(title=TITLE)
    assert (project.level, str(project.starts_on), str(project.ends_on)) == (
        "worldwide",
        "2015-06-01",
        "2015-10-31",
    )
    assert list(project.coordinators.values_list("abbreviation", flat=True)) == ["MLPD"]

    # The coordinator sets the needs, per skill and weeks.
    page = log_in(open_page(), coordinator)
    page.goto(brigade_path)
    for skill, count, weeks in [
        ("Bricklayer", "6", ("2015-06-01", "2015-06-30")),
        ("Electrician", "2", ("2015-07-01", "2015-08-31")),
        ("Medical staff", "3", ("2015-06-01", "2015-07-31")),
    ]:
        form = page.locator("#need-form")
        form.get_by_label("Skill").fill(skill)
        form.get_by_label("Number of volunteers").fill(count)
        fill_dates(form, weeks, ("From the week of", "Until the week of"))
        form.get_by_role("button", name="Set need").click()
        expect(page.get_by_role("status")).to_have_text("The need is recorded.")
    assert sorted(Need.objects.values_list("skill", "count")) == [
        ("bricklayer", 6),
        ("electrician", 2),
        ("medical staff", 3),
    ]

    # Each organization's officer offers its own volunteers (S11).
    for abbreviation, offers in OFFERS.items():
        page = log_in(open_page(), offering[abbreviation])
        page.goto(brigade_path)
        expect(page.locator("#need-form")).to_have_count(0)
        for offer in offers:
            form = page.locator("#volunteer-form")
            form.get_by_label("Pseudonym").fill(offer.pseudonym)
            form.get_by_label("Skills (comma-separated)").fill(offer.skills)
            form.get_by_label("Languages (comma-separated)").fill(offer.languages)
            fill_dates(form, offer.available, ("Available from", "Available until"))
            if offer.also:
                fill_dates(form, offer.also, ("Second period: from", "Second period: until"))
            if offer.pseudonym == "Rojda":
                form.evaluate(
                    "form => { form.scrollIntoView({block: 'center'}); document.activeElement.blur(); }"
                )
                screenshot(page, "brigade-volunteer-form.png")
            form.get_by_role("button", name="Register volunteer").click()
            expect(page.get_by_role("status")).to_have_text("The volunteer is registered.")
        # The organization sees its own volunteers, and no one else's.
        own = page.locator("#volunteer-table tbody tr")
        expect(own).to_have_count(len(offers))
        for offer in offers:
            expect(own.filter(has_text=offer.pseudonym)).to_contain_text(abbreviation)
    assert Volunteer.objects.count() == 4
    assert Volunteer.objects.get(pseudonym="Luca").availabilities.count() == 2

    # The coordinator sees every volunteer offered and assigns them within the periods offered.
    page = log_in(open_page(), coordinator)
    page.goto(brigade_path)
    expect(page.locator("#volunteer-table tbody tr")).to_have_count(4)
    for volunteer, starts_on, ends_on in ASSIGNMENTS:
        form = page.locator("#assignment-form")
        form.get_by_label("Volunteer").select_option(label=volunteer)
        fill_dates(form, (starts_on, ends_on), ("On site from", "On site until"))
        form.get_by_role("button", name="Assign").click()
        expect(page.get_by_role("status")).to_have_text("The volunteer is assigned.")
    assert Assignment.objects.count() == 4

    # A period the organization did not offer is refused with the reason, and nothing changes.
    form = page.locator("#assignment-form")
    form.get_by_label("Volunteer").select_option(label="Anouk (GML/RM: medical staff)")
    fill_dates(form, ("2015-09-01", "2015-09-30"), ("On site from", "On site until"))
    form.get_by_role("button", name="Assign").click()
    expect(page.get_by_role("status")).to_have_text(
        "GML/RM did not offer this volunteer for the whole period."
    )
    assert Assignment.objects.count() == 4

    # The plan, week by week: who is on site, unmet needs, countries represented.
    expect(page.locator("#brigade-plan article.week")).to_have_count(22)
    june = week(page, "2015-06-08")
    expect(june.get_by_role("heading")).to_have_text("Week of June 8, 2015 to June 14, 2015")
    expect(june).to_contain_text("2 volunteers on site — countries: Netherlands, Türkiye")
    expect(june.locator("ul.on-site li")).to_have_text(
        ["Anouk (GML/RM, Netherlands) — medical staff", "Rojda (MLKP, Türkiye) — bricklayer"]
    )
    expect(june.locator("p.unmet")).to_have_text(
        ["bricklayer: 1 of 6 on site — 5 missing", "medical staff: 1 of 3 on site — 2 missing"]
    )
    turn_of_month = week(page, "2015-06-29")
    expect(turn_of_month.locator("ul.on-site li")).to_have_text(
        ["Anouk (GML/RM, Netherlands) — medical staff", "Baran (MLKP, Türkiye) — bricklayer, electrician"]
    )
    july = week(page, "2015-07-06")
    expect(july).to_contain_text("2 volunteers on site — countries: Switzerland, Türkiye")
    expect(july.locator("ul.on-site li")).to_have_text(
        ["Luca (MLGS, Switzerland) — electrician", "Baran (MLKP, Türkiye) — bricklayer, electrician"]
    )
    expect(july.locator("p.met")).to_have_text(["electrician: 2 of 2 on site"])
    expect(july.locator("p.unmet")).to_have_text(["medical staff: 0 of 3 on site — 3 missing"])
    august = week(page, "2015-08-03")
    expect(august).to_contain_text("1 volunteer on site — countries: Türkiye")
    expect(august.locator("p.unmet")).to_have_text(["electrician: 1 of 2 on site — 1 missing"])
    expect(week(page, "2015-10-26")).to_contain_text("0 volunteers on site")
    page.locator("#plan-heading").evaluate("heading => heading.scrollIntoView()")
    screenshot(page, "brigade-plan.png")

    # An officer of an organization that neither coordinates nor offered anyone sees counts only.
    page = log_in(open_page(), outsider)
    page.goto(brigade_path)
    june = week(page, "2015-06-08")
    expect(june).to_contain_text("2 volunteers on site — countries: Netherlands, Türkiye")
    expect(june.get_by_role("list", name="Per country").locator("li")).to_have_text(
        ["Netherlands: 1", "Türkiye: 1"]
    )
    expect(june.get_by_role("list", name="Per skill").locator("li")).to_have_text(
        ["bricklayer: 1", "medical staff: 1"]
    )
    expect(page.locator("ul.on-site")).to_have_count(0)
    expect(page.locator("#volunteer-table")).to_have_count(0)
    expect(page.locator("#assignment-form")).to_have_count(0)
    content = page.locator("main").inner_text()
    for pseudonym in ("Rojda", "Baran", "Anouk", "Luca"):
        assert pseudonym not in content

    # On a phone the coordinator's plan, volunteer table and forms fit the screen (one week per row).
    page = log_in(open_page(viewport=PHONE, is_mobile=True, has_touch=True), coordinator)
    page.goto(brigade_path)
    expect(page.locator("#volunteer-table tbody tr")).to_have_count(4)
    assert page.evaluate(FITS_THE_SCREEN)
    first, second = (week(page, monday).bounding_box() for monday in ("2015-06-01", "2015-06-08"))
    assert first is not None and second is not None and second["y"] > first["y"]
    assert problems == []
