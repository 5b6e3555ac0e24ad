"""An organization's export and erasure cover conferences, debate and projects too (S11).

One scene: two organizations at one World conference (a principled motion decided by consensus,
a named and a secret ballot, debate and list of speakers) and in one brigade project (supports,
tasks, a coordinated activity, volunteers, reminders). Each test exports or erases the first
organization and looks at what it got, what changed, and what stayed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Model

from icor.accounts.models import Role, User
from icor.audit.services import verify_chain
from icor.conferences import services as conference_services
from icor.conferences.models import (
    Attendance,
    Ballot,
    BallotParticipation,
    ConsensusPosition,
    ConsensusRound,
    Motion,
    SecretVote,
    Vote,
)
from icor.debate import services as debate_services
from icor.debate.models import Amendment, Contribution, Speaker
from icor.privacy import registry as privacy_registry
from icor.privacy.services import erase_personal_data, export_organization
from icor.projects.models import (
    Activity,
    Assignment,
    Availability,
    Kind,
    Need,
    Notification,
    Participation,
    Project,
    Support,
    Task,
    TaskEvent,
    Volunteer,
)
from icor.projects.services.activities import create_activity, report_participation
from icor.projects.services.brigades import assign_volunteer, register_volunteer, set_need
from icor.projects.services.notifications import send_reminders
from icor.projects.services.projects import declare_support
from icor.projects.services.tasks import accept_task, create_task, drop_task, report_progress
from icor.registry.models import Organization
from tests.factories import make_conference, make_delegation, make_project, make_user

pytestmark = pytest.mark.django_db

OWN_PSEUDONYM = "Comrade Lotus"
OWN_VOLUNTEER = "Rojhat"
OTHER_PSEUDONYM = "Comrade Heron"
OTHER_VOLUNTEER = "Heval"
OTHER_WORDS = "The other organization speaks here"
OTHER_CITY = "Lyon"
OTHER_PROGRESS = "The other organization printed leaflets"
JUNE = (date(2015, 6, 1), date(2015, 6, 30))
SECTIONS = ("conferences", "debate", "projects")


@dataclass
class Scene:
    own: Organization
    other: Organization
    own_officer: User
    other_officer: User
    own_motion: Motion
    principled_motion: Motion
    other_motion: Motion
    named_ballot: Ballot
    secret_ballot: Ballot
    consensus_round: ConsensusRound
    project: Project
    own_volunteer: Volunteer
    other_volunteer: Volunteer


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    # Several accounts per test; the production hasher (Argon2) is deliberately slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _named(user: User, public_name: str) -> User:
    user.public_name = public_name
    user.save(update_fields=["public_name"])
    return user


def _conference_part(
    committee: User, own: Organization, other: Organization
) -> tuple[User, User, Motion, Motion, Motion, Ballot, Ballot, ConsensusRound]:
    conference = make_conference(committee)
    _, own_officer = make_delegation(conference, own)
    _, other_officer = make_delegation(conference, other)
    own_officer, other_officer = _named(own_officer, OWN_PSEUDONYM), _named(other_officer, OTHER_PSEUDONYM)
    item = conference_services.add_agenda_item(conference=conference, actor=committee, title="Resolutions")

    def motion(officer: User, kind: str, title: str) -> Motion:
        assert officer.organization is not None
        drafted = conference_services.create_motion(
            agenda_item=item,
            organization=officer.organization,
            actor=officer,
            kind=kind,
            title=title,
            text=f"{title}: the conference declares it.",
            submit=True,
        )
        return conference_services.move_motion(motion=drafted, actor=committee, target="in_discussion")

    own_motion = motion(own_officer, "current-affairs", "On solidarity")
    principled = motion(own_officer, "principled", "On the basis of unity")
    other_motion = motion(other_officer, "current-affairs", "On the other's proposal")
    conference_services.cosponsor_motion(motion=other_motion, organization=own, actor=own_officer)

    debate_services.contribute(motion=own_motion, actor=own_officer, text="Our organization supports this.")
    debate_services.contribute(motion=own_motion, actor=other_officer, text=OTHER_WORDS)
    debate_services.propose_amendment(
        motion=own_motion, actor=own_officer, proposed_text="A sharper text.", rationale="Clearer."
    )
    debate_services.propose_amendment(motion=own_motion, actor=other_officer, proposed_text=OTHER_WORDS)
    debate_services.request_floor(conference=conference, actor=own_officer)
    debate_services.request_floor(conference=conference, actor=other_officer)
    debate_services.call_next_speaker(conference=conference, actor=committee)

    consensus_round = conference_services.open_consensus_round(motion=principled, actor=committee)
    conference_services.state_position(
        consensus_round=consensus_round, actor=own_officer, position="stand_aside", statement="A doubt."
    )
    conference_services.state_position(consensus_round=consensus_round, actor=other_officer, position="agree")
    consensus_round = conference_services.close_consensus_round(
        consensus_round=consensus_round, actor=committee
    )

    named = conference_services.open_ballot(motion=own_motion, actor=committee)
    conference_services.cast_vote(ballot=named, actor=own_officer, choice="yes")
    conference_services.cast_vote(ballot=named, actor=other_officer, choice="abstain")
    named = conference_services.close_ballot(ballot=named, actor=committee)
    secret = conference_services.open_ballot(motion=other_motion, actor=committee, secret=True)
    conference_services.cast_vote(ballot=secret, actor=own_officer, choice="no")
    conference_services.cast_vote(ballot=secret, actor=other_officer, choice="yes")
    secret = conference_services.close_ballot(ballot=secret, actor=committee)
    return own_officer, other_officer, own_motion, principled, other_motion, named, secret, consensus_round


def _projects_part(own_officer: User, other_officer: User) -> tuple[Project, Volunteer, Volunteer]:
    own, other = own_officer.organization, other_officer.organization
    assert own is not None and other is not None
    project = make_project(
        title="Reconstruction of Kobanê: a hospital",
        kind=Kind.SINGLE,
        starts_on=date(2015, 6, 1),
        ends_on=date(2015, 10, 31),
        recruits_volunteers=True,
        coordinators=[own],
    )
    declare_support(project, actor=own_officer, organization=own)
    declare_support(project, actor=other_officer, organization=other)
    own_task = create_task(project, actor=own_officer, title="Bring the bricks", due_on=date(2015, 6, 15))
    other_task = create_task(project, actor=own_officer, title="Bring the cement", due_on=date(2015, 6, 15))
    accept_task(own_task, actor=own_officer, organization=own)
    report_progress(own_task, actor=own_officer, organization=own, note="Half of the bricks are there.")
    accept_task(other_task, actor=other_officer, organization=other)
    report_progress(other_task, actor=other_officer, organization=other, note=OTHER_PROGRESS)
    day = create_activity(actor=own_officer, title="Day of solidarity", starts_on=date(2015, 6, 20))
    report_participation(day, actor=own_officer, organization=own, what="A rally", city="Essen", people=80)
    report_participation(
        day, actor=other_officer, organization=other, what="A rally", city=OTHER_CITY, people=40
    )
    volunteers = [
        register_volunteer(
            project,
            actor=officer,
            organization=organization,
            pseudonym=pseudonym,
            skills="Bricklayer, electrician",
            languages="Kurmancî, English",
            availability=[JUNE],
        )
        for officer, organization, pseudonym in (
            (own_officer, own, OWN_VOLUNTEER),
            (other_officer, other, OTHER_VOLUNTEER),
        )
    ]
    set_need(project, actor=own_officer, skill="bricklayer", count=2, starts_on=JUNE[0], ends_on=JUNE[1])
    for volunteer in volunteers:
        assign_volunteer(volunteer, actor=own_officer, starts_on=JUNE[0], ends_on=date(2015, 6, 14))
    send_reminders()  # both tasks are overdue: one notification per organization
    # No service addresses a single account yet; the model allows it, so erasure must cover it.
    Notification.objects.create(account=own_officer, text=f"For {OWN_PSEUDONYM} only")
    return project, volunteers[0], volunteers[1]


@pytest.fixture
def scene(committee: User, own_organization: Organization, other_organization: Organization) -> Scene:
    (own_officer, other_officer, own_motion, principled, other_motion, named, secret, consensus_round) = (
        _conference_part(committee, own_organization, other_organization)
    )
    project, own_volunteer, other_volunteer = _projects_part(own_officer, other_officer)
    return Scene(
        own_organization,
        other_organization,
        own_officer,
        other_officer,
        own_motion,
        principled,
        other_motion,
        named,
        secret,
        consensus_round,
        project,
        own_volunteer,
        other_volunteer,
    )


def _export(scene: Scene) -> dict[str, Any]:
    sections: dict[str, Any] = export_organization(scene.own, actor=scene.own_officer)["sections"]
    return sections


def _rows(model: type[Model], **lookup: Any) -> list[dict[str, Any]]:
    return list(model._default_manager.filter(**lookup).order_by("pk").values())


# Export


def test_the_export_has_a_section_for_conferences_debate_and_projects(scene: Scene) -> None:
    assert set(SECTIONS) <= set(_export(scene))


def test_the_conference_section_holds_the_delegation_motions_positions_and_named_votes(
    scene: Scene,
) -> None:
    conferences = _export(scene)["conferences"]
    [delegation] = conferences["delegations"]
    assert delegation["delegates"] == [
        {"account": scene.own_officer.pk, "shown_name": OWN_PSEUDONYM, "voting": True}
    ]
    assert len(delegation["attendance"]) == 1
    assert delegation["present_when_ballots_opened"] == [scene.named_ballot.pk, scene.secret_ballot.pk]
    motions = {motion["id"]: motion for motion in conferences["motions"]}
    assert set(motions) == {scene.own_motion.pk, scene.principled_motion.pk}
    assert [v["number"] for v in motions[scene.own_motion.pk]["versions"]] == [1]
    assert motions[scene.own_motion.pk]["ballots"][0]["outcome"] == scene.named_ballot.outcome
    assert [c["motion"] for c in conferences["cosponsorships"]] == [scene.other_motion.pk]
    assert [(p["position"], p["statement"]) for p in conferences["consensus_positions"]] == [
        ("stand_aside", "A doubt.")
    ]
    assert [(v["ballot"], v["choice"]) for v in conferences["named_votes"]] == [
        (scene.named_ballot.pk, "yes")
    ]


def test_a_secret_vote_is_exported_only_as_participation_and_the_export_says_why(scene: Scene) -> None:
    secret = _export(scene)["conferences"]["secret_ballots"]
    assert secret["participated"] == [{"motion": scene.other_motion.pk, "ballot": scene.secret_ballot.pk}]
    assert "cannot be attributed" in secret["note"]
    assert "choice" not in json.dumps(secret)


def test_the_debate_section_holds_its_contributions_amendments_and_speakers(scene: Scene) -> None:
    debate = _export(scene)["debate"]
    assert [(c["author_name"], c["text"]) for c in debate["contributions"]] == [
        (OWN_PSEUDONYM, "Our organization supports this.")
    ]
    assert [(a["number"], a["proposed_text"], a["base_version"]) for a in debate["amendments"]] == [
        (1, "A sharper text.", 1)
    ]
    assert [(s["shown_name"], s["state"]) for s in debate["speakers"]] == [(OWN_PSEUDONYM, "speaking")]


def test_the_projects_section_holds_supports_tasks_reports_volunteers_and_notifications(
    scene: Scene,
) -> None:
    projects = _export(scene)["projects"]
    assert [p["id"] for p in projects["coordinated_projects"]] == [scene.project.pk]
    assert [s["project"] for s in projects["supports"]] == [scene.project.pk]
    [task] = projects["tasks"]
    assert task["title"] == "Bring the bricks"
    assert [e["kind"] for e in task["events"]] == ["accepted", "progress"]
    assert [(p["city"], p["people"]) for p in projects["participation_reports"]] == [("Essen", 80)]
    assert [a["title"] for a in projects["proposed_activities"]] == ["Day of solidarity"]
    [volunteer] = projects["volunteers"]
    assert volunteer["pseudonym"] == OWN_VOLUNTEER
    assert volunteer["languages"] == ["kurmancî", "english"]
    assert volunteer["availability"] == [{"starts_on": "2015-06-01", "ends_on": "2015-06-30"}]
    assert volunteer["assignments"] == [{"starts_on": "2015-06-01", "ends_on": "2015-06-14"}]
    assert sorted(n["to_account"] is None for n in projects["notifications"]) == [False, True]


def test_a_dropped_task_stays_in_the_export_with_the_organizations_own_events(scene: Scene) -> None:
    task = Task.objects.get(organization=scene.own)
    drop_task(task, actor=scene.own_officer, organization=scene.own, reason="No truck.")
    [exported] = _export(scene)["projects"]["tasks"]
    assert (exported["state"], exported["held_by_your_organization"]) == ("open", False)
    assert [e["kind"] for e in exported["events"]] == ["accepted", "progress", "dropped"]


def test_no_section_holds_data_of_the_other_organization(scene: Scene) -> None:
    """S11: an export is the organization's own data and nothing of another's."""
    sections = _export(scene)
    text = json.dumps({name: sections[name] for name in SECTIONS}, ensure_ascii=False)
    for foreign in (
        OTHER_PSEUDONYM,
        OTHER_VOLUNTEER,
        OTHER_WORDS,
        OTHER_CITY,
        OTHER_PROGRESS,
        "Other Organization",
    ):
        assert foreign not in text
    assert scene.other_officer.pk not in {
        seat["account"] for d in sections["conferences"]["delegations"] for seat in d["delegates"]
    }


# Erasure


def test_erasure_puts_a_neutral_label_in_the_debate_and_unlinks_the_accounts(scene: Scene) -> None:
    erase_personal_data(scene.own, actor=scene.own_officer)
    label = f"Delegate of {scene.own.short_name}"
    assert set(Contribution.objects.filter(organization=scene.own).values_list("author_name", "author")) == {
        (label, None)
    }
    assert set(Amendment.objects.filter(organization=scene.own).values_list("author_name", "author")) == {
        (label, None)
    }
    assert set(Speaker.objects.filter(organization=scene.own).values_list("shown_name", "account")) == {
        (label, None)
    }
    # What was said stays.
    assert Contribution.objects.filter(text="Our organization supports this.").exists()


def test_erasure_replaces_pseudonym_and_languages_of_volunteers_and_keeps_skills_and_plan(
    scene: Scene,
) -> None:
    """S15: the plan (skills, availability, assignments) stays; who the person was goes."""
    erase_personal_data(scene.own, actor=scene.own_officer)
    volunteer = Volunteer.objects.get(pk=scene.own_volunteer.pk)
    assert volunteer.pseudonym == f"Volunteer {volunteer.pk} of {scene.own.short_name}"
    assert volunteer.languages == ""
    assert volunteer.skill_list == ["bricklayer", "electrician"]
    assert volunteer.registered_by is None
    assert Availability.objects.filter(volunteer=volunteer).count() == 1
    assert Assignment.objects.filter(volunteer=volunteer).count() == 1


def test_erasure_deletes_the_notifications_of_the_organization_and_its_accounts(scene: Scene) -> None:
    erase_personal_data(scene.own, actor=scene.own_officer)
    assert not Notification.objects.filter(organization=scene.own).exists()
    assert not Notification.objects.filter(account=scene.own_officer).exists()
    assert Notification.objects.filter(organization=scene.other).count() == 1


def test_erasure_unlinks_the_accounts_that_acted_and_keeps_what_they_did(scene: Scene) -> None:
    """S8: the reliability record is built from task events; they stay, without the person."""
    events_before = list(TaskEvent.objects.filter(organization=scene.own).values_list("kind", "note"))
    erase_personal_data(scene.own, actor=scene.own_officer)
    assert list(TaskEvent.objects.filter(organization=scene.own).values_list("kind", "note")) == events_before
    own_accounts = list(User.objects.filter(organization=scene.own).values_list("pk", flat=True))
    for model, field in (
        (Project, "created_by"),
        (Support, "declared_by"),
        (Task, "created_by"),
        (TaskEvent, "actor"),
        (Activity, "created_by"),
        (Participation, "reported_by"),
        (Volunteer, "registered_by"),
        (Need, "set_by"),
        (Assignment, "assigned_by"),
        (Attendance, "checked_in_by"),
    ):
        assert not model._default_manager.filter(**{f"{field}__in": own_accounts}).exists(), (model, field)
    assert Support.objects.filter(organization=scene.own, until__isnull=True).exists()
    assert Participation.objects.filter(organization=scene.own, city="Essen").exists()
    assert Attendance.objects.filter(delegation__organization=scene.own).count() == 1


def test_erasure_keeps_decisions_counted_ballots_results_and_the_audit_chain(scene: Scene) -> None:
    """S2, S5: positions, votes, secret ballots and stored outcomes are the record; they stay."""
    kept = {
        model: _rows(model)
        for model in (
            Motion,
            ConsensusRound,
            ConsensusPosition,
            Ballot,
            Vote,
            BallotParticipation,
            SecretVote,
        )
    }
    erase_personal_data(scene.own, actor=scene.own_officer)
    for model, rows in kept.items():
        assert _rows(model) == rows, model.__name__
    assert Ballot.objects.get(pk=scene.named_ballot.pk).outcome["outcome"] == "adopted"
    assert ConsensusRound.objects.get(pk=scene.consensus_round.pk).reservations[0]["text"] == "A doubt."
    assert verify_chain().ok
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "intact" in out.getvalue()


def test_erasure_counts_each_section_in_the_audit_event(scene: Scene) -> None:
    summary = erase_personal_data(scene.own, actor=scene.own_officer)
    assert summary["debate.contributions"] == 1
    assert summary["debate.amendments"] == 1
    assert summary["debate.speakers"] == 1
    assert summary["projects.volunteers"] == 1
    assert summary["projects.notifications"] == 2
    assert summary["conferences.attendance_links"] == 1


def test_erasure_leaves_the_other_organization_untouched(scene: Scene) -> None:
    """S11: one organization's erasure never reaches into another's data."""
    lookups: list[tuple[type[Model], dict[str, Any]]] = [
        (Contribution, {"organization": scene.other}),
        (Amendment, {"organization": scene.other}),
        (Speaker, {"organization": scene.other}),
        (Volunteer, {"organization": scene.other}),
        (Notification, {"organization": scene.other}),
        (Support, {"organization": scene.other}),
        (TaskEvent, {"organization": scene.other}),
        (Participation, {"organization": scene.other}),
        (Attendance, {"delegation__organization": scene.other}),
        (User, {"organization": scene.other}),
    ]
    before = [_rows(model, **lookup) for model, lookup in lookups]
    erase_personal_data(scene.own, actor=scene.own_officer)
    assert [_rows(model, **lookup) for model, lookup in lookups] == before


def test_the_export_after_erasure_holds_no_former_pseudonym(scene: Scene) -> None:
    erase_personal_data(scene.own, actor=scene.own_officer)
    # Every account of the organization is erased; the organization is issued a new officer account.
    document = export_organization(scene.own, actor=make_user(Role.OFFICER, scene.own))
    text = json.dumps(document, ensure_ascii=False)
    for former in (OWN_PSEUDONYM, OWN_VOLUNTEER, "kurmancî"):
        assert former not in text
    assert document["sections"]["debate"]["contributions"][0]["text"] == "Our organization supports this."


def test_a_failing_section_rolls_the_whole_erasure_back(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Everything in one transaction: no half-erased organization."""

    def refuse(organization: Organization) -> dict[str, int]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(privacy_registry, "_erasers", {**privacy_registry._erasers, "zz_failing": refuse})
    with pytest.raises(RuntimeError):
        erase_personal_data(scene.own, actor=scene.own_officer)
    assert Volunteer.objects.get(pk=scene.own_volunteer.pk).pseudonym == OWN_VOLUNTEER
    assert Contribution.objects.filter(organization=scene.own, author_name=OWN_PSEUDONYM).exists()
    assert Notification.objects.filter(organization=scene.own).exists()


def test_partners_hold_no_personal_data_of_an_organization_and_register_no_section() -> None:
    """Partners (S13) are organizations outside the ICOR; their observers belong to no member."""
    from icor.partners.models import Partner

    assert not any(
        field.is_relation and field.related_model in (Organization, User)
        for field in Partner._meta.get_fields()
        if not field.auto_created
    )
    assert "partners" not in privacy_registry.exporters()
