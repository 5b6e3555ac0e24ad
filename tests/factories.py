"""Test data: organizations and accounts for each role."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from icor.accounts.models import Role, User
from icor.registry.models import Membership, Organization

_numbers = itertools.count(1)
PASSWORD = "a long test password 42"


def make_organization(
    *,
    name: str | None = None,
    country: str = "DE",
    continent: str = "Europe",
    since: int | None = 2010,
    member: bool = True,
) -> Organization:
    number = next(_numbers)
    organization = Organization.objects.create(
        name=name or f"Organization {number}",
        english_name=name or f"Organization {number}",
        abbreviation=f"O{number}",
        country=country,
        continent=continent,
        slug=f"test-organization-{number}",
    )
    Membership.objects.create(
        organization=organization, since_year=since, left_on=None if member else "2020-01-01"
    )
    return organization


def make_user(role: str = Role.OFFICER, organization: Organization | None = None, **extra: object) -> User:
    number = next(_numbers)
    if role in (Role.OFFICER, Role.DELEGATE) and organization is None:
        organization = make_organization()
    user = User(username=f"user{number}", role=role, organization=organization, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def with_totp(user: User) -> User:
    """Give an account an activated TOTP authenticator (officers and the committee need one to use the site)."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test-secret-not-used"}}
    )
    return user


def make_project(*, coordinators: list[Organization] | None = None, **fields: object):  # type: ignore[no-untyped-def]
    """A project of the projects app (S7 to S9); worldwide general main task unless told otherwise."""
    from icor.projects.models import Project, ProjectStatus

    fields.setdefault("title", f"Project {next(_numbers)}")
    fields.setdefault("status", ProjectStatus.ACTIVE)
    project = Project.objects.create(**fields)
    project.coordinators.set(coordinators or [make_organization()])
    return project


def make_conference(committee: User, **changes: object):  # type: ignore[no-untyped-def]
    """A World conference in session unless told otherwise."""
    from datetime import date

    from icor.conferences import services as conference_services

    data: dict[str, object] = {
        "kind": "world",
        "title": f"World Conference {next(_numbers)}",
        "starts_on": date(2026, 5, 1),
        "ends_on": date(2026, 5, 3),
        "place": "Somewhere",
    }
    in_session = changes.pop("in_session", True)
    data.update(changes)
    conference = conference_services.create_conference(actor=committee, **data)  # type: ignore[arg-type]
    if in_session:
        conference = conference_services.advance_conference(conference=conference, actor=committee)
    return conference


def make_delegation(conference, organization: Organization | None = None, *, check_in: bool = True):  # type: ignore[no-untyped-def]
    """A delegation with an officer as voting delegate; returns (delegation, voting delegate)."""
    from icor.conferences import services as conference_services

    organization = organization or make_organization()
    officer = make_user(Role.OFFICER, organization)
    delegation = conference_services.accredit_delegation(
        conference=conference,
        organization=organization,
        actor=officer,
        delegates=[officer],
        voting_delegate=officer,
    )
    if check_in:
        conference_services.check_in(delegation=delegation, actor=officer)
    return delegation, officer


@dataclass
class World:
    """A seeded world and a logged-in client per role: what fuzzing tests post against."""

    values: dict[str, object]
    clients: dict[str, object]
    accounts: dict[str, User]


def seeded_world() -> World:
    """A conference in session with a motion in discussion (with an amendment) and a motion under an
    open ballot, a planned conference, a project and a brigade (with a volunteer and a need)
    coordinated by `own`, an activity, a pending application and a pending invitation;
    built through the services."""
    from datetime import date

    from django.test import Client

    from icor.accounts import services as account_services
    from icor.conferences import services as conference_services
    from icor.debate import services as debate_services
    from icor.projects.models import Activity, Kind
    from icor.projects.services import brigades
    from icor.registry.models import Application

    committee = with_totp(make_user(Role.COMMITTEE))
    own = make_organization(name="Seeded Own", country="DE")
    officer = with_totp(make_user(Role.OFFICER, own))
    delegate = make_user(Role.DELEGATE, own)
    conference = make_conference(committee)
    planned = make_conference(committee, in_session=False)
    # The officer of `own` is its voting delegate, so the debate and ballot forms reach the services.
    delegation = conference_services.accredit_delegation(
        conference=conference, organization=own, actor=officer, delegates=[officer], voting_delegate=officer
    )
    conference_services.check_in(delegation=delegation, actor=officer)
    item = conference_services.add_agenda_item(conference=conference, actor=committee, title="Item")
    motion = conference_services.create_motion(
        agenda_item=item,
        organization=own,
        actor=officer,
        kind="current-affairs",
        title="T",
        text="Text.",
        submit=True,
    )
    conference_services.move_motion(motion=motion, actor=committee, target="in_discussion")
    amendment = debate_services.propose_amendment(motion=motion, actor=officer, proposed_text="Other text.")
    voted_motion = conference_services.create_motion(
        agenda_item=item,
        organization=own,
        actor=officer,
        kind="current-affairs",
        title="Voted",
        text="Voted text.",
        submit=True,
    )
    conference_services.move_motion(motion=voted_motion, actor=committee, target="in_discussion")
    ballot = conference_services.open_ballot(motion=voted_motion, actor=committee)
    project = make_project(coordinators=[own])
    brigade = make_project(
        coordinators=[own],
        kind=Kind.SINGLE,
        recruits_volunteers=True,
        starts_on="2027-01-01",
        ends_on="2027-06-30",
    )
    volunteer = brigades.register_volunteer(
        brigade,
        actor=officer,
        organization=own,
        pseudonym="Volunteer",
        skills="medicine",
        availability=[(date(2027, 1, 4), date(2027, 2, 28))],
    )
    need = brigades.set_need(
        brigade,
        actor=officer,
        skill="medicine",
        count=2,
        starts_on=date(2027, 1, 4),
        ends_on=date(2027, 1, 31),
    )
    activity = Activity.objects.create(title="May Day", starts_on="2027-05-01", ends_on="2027-05-01")
    application = Application.objects.create(
        name="Applicant", country="IT", contact="x", statement="We affirm.", affirms_basis=True
    )
    invitation = account_services.invite_member(actor=officer, role=Role.DELEGATE)
    accounts = {"committee": committee, "officer": officer, "delegate": delegate}
    clients: dict[str, object] = {"anonymous": Client()}
    for role, account in accounts.items():
        clients[role] = Client()
        clients[role].force_login(account)  # type: ignore[attr-defined]
    values: dict[str, object] = {
        "conference": conference.pk,
        "planned": planned.pk,
        "motion": motion.pk,
        "project": project.pk,
        "brigade": brigade.pk,
        "activity": activity.pk,
        "application": application.pk,
        "org": own.slug,
        "amendment": amendment.pk,
        "ballot": ballot.pk,
        "volunteer": volunteer.pk,
        "need": need.pk,
        "token": invitation.token,
        "delegate": delegate.pk,
    }
    return World(values, clients, accounts)
