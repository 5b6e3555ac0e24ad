"""A conference with decided motions, a debate, a brigade and an audit trail: the pages a delegation reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from icor.accounts.models import Role, User
from icor.charter.services import load_founding_resolution
from icor.conferences import services as conference_services
from icor.debate import services as debate_services
from icor.projects.models import Kind as ProjectKind
from icor.projects.services.activities import create_activity, report_participation
from icor.projects.services.brigades import assign_volunteer, register_volunteer, set_need
from tests.factories import make_conference, make_delegation, make_organization, make_project, make_user

JUNE = (date(2015, 6, 1), date(2015, 6, 28))


@dataclass
class Scenario:
    reader: User
    pages: dict[str, str]
    # An organization's officer (voting delegate, brigade coordinator) reads forms the committee does not.
    officer: User
    # What people wrote or named (organizations, titles, texts): it stays as written in every language.
    user_content: list[str] = field(default_factory=list)
    country_codes: list[str] = field(default_factory=list)


def build() -> Scenario:
    load_founding_resolution()
    committee = make_user(Role.COMMITTEE)
    conference = make_conference(committee, title="Third World Conference", place="Bremen")
    organizations = [
        make_organization(name="Komunistická strana Československa", country="CZ"),
        make_organization(name="Parti Communiste Révolutionnaire", country="CD", continent="Africa"),
        make_organization(name="Революционная рабочая партия", country="RU"),
    ]
    seats = [make_delegation(conference, organization) for organization in organizations]
    (czech, czech_voter), (congo, congo_voter), (_russia, russia_voter) = seats
    item = conference_services.add_agenda_item(conference=conference, actor=committee, title="Resolutions")

    def motion(kind: str, title: str, text: str):  # type: ignore[no-untyped-def]
        created = conference_services.create_motion(
            agenda_item=item,
            organization=czech.organization,
            actor=czech_voter,
            kind=kind,
            title=title,
            text=text,
            submit=True,
        )
        return conference_services.move_motion(motion=created, actor=committee, target="in_discussion")

    principled = motion("principled", "On internationalism", "Workers of all countries, unite.")
    rounds = conference_services.open_consensus_round(motion=principled, actor=committee)
    conference_services.state_position(
        consensus_round=rounds,
        actor=congo_voter,
        position="stand_aside",
        statement="Wording of the second line.",
    )
    conference_services.state_position(
        consensus_round=rounds, actor=russia_voter, position="object", statement="Too short."
    )
    conference_services.close_consensus_round(consensus_round=rounds, actor=committee)

    current = motion("current-affairs", "Solidarity with Kobanê", "The conference sends its greetings.")
    ballot = conference_services.open_ballot(motion=current, actor=committee)
    conference_services.cast_vote(ballot=ballot, actor=czech_voter, choice="yes")
    conference_services.cast_vote(ballot=ballot, actor=congo_voter, choice="abstain")
    conference_services.close_ballot(ballot=ballot, actor=committee)

    conference_services.translate_motion(
        motion=current,
        actor=russia_voter,
        language="ru",
        title="Поддержка Кобани",
        text="Конференция шлёт привет.",
    )
    debated = motion(
        "founding-document", "On the organizational principles", "The conference meets every four years."
    )
    debate_services.contribute(
        motion=debated, actor=congo_voter, text="We support this motion.", stance="support"
    )
    debate_services.propose_amendment(
        motion=debated,
        actor=russia_voter,
        proposed_text="The conference meets every three years.",
        rationale="More often.",
    )

    brigade = make_project(
        title="Reconstruction of Kobanê: a hospital",
        kind=ProjectKind.SINGLE,
        starts_on=date(2015, 6, 1),
        ends_on=date(2015, 10, 31),
        recruits_volunteers=True,
        coordinators=[czech.organization],
    )
    volunteer = register_volunteer(
        brigade,
        actor=congo_voter,
        organization=congo.organization,
        pseudonym="Rojhat",
        skills="bricklayer",
        languages="kurmancî",
        availability=[JUNE],
    )
    set_need(brigade, actor=czech_voter, skill="bricklayer", count=2, starts_on=JUNE[0], ends_on=JUNE[1])
    assign_volunteer(volunteer, actor=czech_voter, starts_on=JUNE[0], ends_on=JUNE[1])

    day_of_action = create_activity(actor=committee, title="Day of action", starts_on=date(2026, 5, 1))
    report_participation(
        day_of_action,
        actor=congo_voter,
        organization=congo.organization,
        what="A march",
        city="Kinshasa",
        people=120,
    )

    pages = {
        "conference": f"/conferences/{conference.pk}/",
        "motion": f"/conferences/motions/{current.pk}/",
        "consensus motion": f"/conferences/motions/{principled.pk}/",
        "ballot": f"/conferences/ballots/{ballot.pk}/",
        "debate": f"/debate/motions/{debated.pk}/",
        "project": f"/projects/{brigade.pk}/",
        "brigade plan": f"/projects/{brigade.pk}/brigade/",
        "audit log": "/audit/",
        "minutes": f"/conferences/{conference.pk}/minutes/",
        "conferences": "/conferences/",
        "chair": f"/conferences/{conference.pk}/chair/",
        "attendance": f"/conferences/{conference.pk}/attendance/",
        "new motion": f"/conferences/{conference.pk}/motions/new/",
        "speakers": f"/debate/conferences/{conference.pk}/speakers/",
        "projects": "/projects/",
        "calendar": "/projects/calendar/",
        "reliability": "/projects/reliability/",
        "notifications": "/projects/notifications/",
        "partners": "/partners/",
        "applications": "/registry/applications/",
        "activity": f"/projects/activities/{day_of_action.pk}/",
        "home": "/",
        "registry": "/registry/",
        "organization": f"/registry/{czech.organization.slug}/",
        "statistics": "/registry/statistics/",
        "apply": "/registry/apply/",
        "resolution": "/resolution/",
        "privacy": "/privacy/",
    }
    user_content = [
        "Founding Resolution of the ICOR",  # the name of the document, as adopted
        "ICOR",
        "Third World Conference",
        "Bremen",
        "Resolutions",
        *(o.name for o in organizations),
        *(o.short_name for o in organizations),
        "On internationalism",
        "Workers of all countries, unite.",
        "Wording of the second line.",
        "Too short.",
        "Solidarity with Kobanê",
        "The conference sends its greetings.",
        "On the organizational principles",
        "The conference meets every four years.",
        "The conference meets every three years.",
        "The conference meets every",  # the words the amendment keeps, shown apart in its difference
        "We support this motion.",
        "More often.",
        "Reconstruction of Kobanê: a hospital",
        "Поддержка Кобани",
        "Конференция шлёт привет.",
        "Rojhat",
        "Day of action",
        "A march",
        "Kinshasa",
        "bricklayer",
        "kurmancî",
        committee.username,
        czech_voter.username,
        congo_voter.username,
        russia_voter.username,
    ]
    return Scenario(
        reader=committee,
        officer=czech_voter,
        pages=pages,
        user_content=user_content,
        country_codes=["CZ", "CD", "RU"],
    )
