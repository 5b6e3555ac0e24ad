"""International brigades (S15): volunteers offered by their own organization, needs, plan by week."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from icor.accounts.models import User
from icor.projects.models import Assignment, Need, Project, Volunteer
from icor.projects.selectors.brigades import brigade_plan
from icor.projects.services.brigades import assign_volunteer, register_volunteer, set_need
from icor.registry.models import Organization
from tests.factories import make_organization, make_project, make_user

pytestmark = pytest.mark.django_db

JUNE = (date(2015, 6, 1), date(2015, 6, 30))


def _register(
    project: Project, officer: User, pseudonym: str = "Rojhat", skills: str = "Bricklayer"
) -> Volunteer:
    assert officer.organization is not None
    return register_volunteer(
        project,
        actor=officer,
        organization=officer.organization,
        pseudonym=pseudonym,
        skills=skills,
        languages="Kurmancî, English",
        availability=[JUNE],
    )


def test_an_officer_registers_a_volunteer_of_its_own_organization(
    kobane: Project, other_officer: User
) -> None:
    volunteer = _register(kobane, other_officer, skills="Bricklayer,  electrician, bricklayer")
    assert volunteer.skill_list == ["bricklayer", "electrician"]
    assert volunteer.language_list == ["kurmancî", "english"]
    assert [(a.starts_on, a.ends_on) for a in volunteer.availabilities.all()] == [JUNE]


@pytest.mark.parametrize("actor_fixture", ["committee", "officer", "delegate"])
def test_nobody_registers_volunteers_for_another_organization(
    kobane: Project, actor_fixture: str, other_organization: Organization, request: pytest.FixtureRequest
) -> None:
    """S11: the coordinators and the committee included; delegates do not register people either."""
    with pytest.raises(PermissionDenied):
        register_volunteer(
            kobane,
            actor=request.getfixturevalue(actor_fixture),
            organization=other_organization,
            pseudonym="X",
            skills="nurse",
            availability=[JUNE],
        )
    assert not Volunteer.objects.exists()


def test_only_projects_that_recruit_take_volunteers(other_officer: User) -> None:
    with pytest.raises(ValidationError, match="does not recruit"):
        _register(make_project(), other_officer)


def test_coordinators_set_needs_in_whole_weeks(kobane: Project, officer: User, other_officer: User) -> None:
    need = set_need(
        kobane,
        actor=officer,
        skill="Bricklayer",
        count=6,
        starts_on=date(2015, 6, 3),
        ends_on=date(2015, 7, 29),
    )
    assert (need.skill, need.starts_on, need.ends_on) == ("bricklayer", date(2015, 6, 1), date(2015, 8, 2))
    with pytest.raises(PermissionDenied):
        set_need(kobane, actor=other_officer, skill="nurse", count=1, starts_on=JUNE[0], ends_on=JUNE[1])
    assert Need.objects.count() == 1


def test_coordinators_assign_within_the_offered_period(
    kobane: Project, officer: User, other_officer: User
) -> None:
    volunteer = _register(kobane, other_officer)
    assignment = assign_volunteer(
        volunteer, actor=officer, starts_on=date(2015, 6, 1), ends_on=date(2015, 6, 14)
    )
    assert assignment.volunteer == volunteer
    with pytest.raises(ValidationError, match="did not offer"):
        assign_volunteer(volunteer, actor=officer, starts_on=date(2015, 6, 20), ends_on=date(2015, 7, 10))
    with pytest.raises(ValidationError, match="already assigned"):
        assign_volunteer(volunteer, actor=officer, starts_on=date(2015, 6, 10), ends_on=date(2015, 6, 20))
    assert Assignment.objects.count() == 1


def test_only_the_coordinators_assign_volunteers(
    kobane: Project, other_officer: User, committee: User
) -> None:
    volunteer = _register(kobane, other_officer)
    for actor in (other_officer, committee):
        with pytest.raises(PermissionDenied):
            assign_volunteer(volunteer, actor=actor, starts_on=JUNE[0], ends_on=date(2015, 6, 7))


def test_an_assignment_stays_inside_the_project(kobane: Project, officer: User, other_officer: User) -> None:
    volunteer = register_volunteer(
        kobane,
        actor=other_officer,
        organization=other_officer.organization,  # type: ignore[arg-type]
        pseudonym="Early",
        skills="nurse",
        availability=[(date(2015, 5, 1), date(2015, 6, 30))],
    )
    with pytest.raises(ValidationError, match="outside the project"):
        assign_volunteer(volunteer, actor=officer, starts_on=date(2015, 5, 20), ends_on=date(2015, 6, 5))


def test_the_plan_shows_each_week_who_is_on_site_unmet_needs_and_countries(
    kobane: Project, officer: User
) -> None:
    """The Kobanê example: six bricklayers from June to July; volunteers from several countries."""
    set_need(
        kobane,
        actor=officer,
        skill="bricklayer",
        count=6,
        starts_on=date(2015, 6, 1),
        ends_on=date(2015, 7, 31),
    )
    turkish = make_organization(country="TR")
    spanish = make_organization(country="ES")
    first = _register(kobane, make_user("officer", turkish), "Deniz", "bricklayer")
    second = _register(kobane, make_user("officer", spanish), "Lucía", "bricklayer, nurse")
    assign_volunteer(first, actor=officer, starts_on=date(2015, 6, 1), ends_on=date(2015, 6, 14))
    assign_volunteer(second, actor=officer, starts_on=date(2015, 6, 8), ends_on=date(2015, 6, 21))
    plan = brigade_plan(kobane, officer)
    assert plan.weeks[0].monday == date(2015, 6, 1)
    assert plan.weeks[-1].sunday == date(2015, 11, 1)
    first_week, second_week, third_week = plan.weeks[:3]
    assert (first_week.on_site, first_week.countries) == (1, ["TR"])
    assert (second_week.on_site, second_week.countries) == (2, ["ES", "TR"])
    assert {p.pseudonym for p in second_week.people} == {"Lucía", "Deniz"}
    assert [(n.skill, n.needed, n.present, n.missing) for n in second_week.unmet] == [("bricklayer", 6, 2, 4)]
    assert third_week.per_skill == {"bricklayer": 1, "nurse": 1}
    august = next(week for week in plan.weeks if week.monday == date(2015, 8, 3))
    assert (august.on_site, august.needs) == (0, [])
