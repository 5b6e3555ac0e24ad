"""The benchmark's conference, built through the same services the site uses.

N member organizations (imported as a registry file), one officer account each who is its
delegation's voting delegate and checks it in, a World conference in session, one
current-affairs motion in discussion and an open named ballot. Sessions are written straight
into the session table (as a login would) so that the burst measures casting, not logging in.
"""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.mfa.models import Authenticator
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

from icor.accounts.models import Role, User
from icor.accounts.sessions import SessionStore, stored_key
from icor.conferences import services as conferences
from icor.conferences.models import Ballot, Conference, Delegation, Motion
from icor.registry.models import Organization
from icor.registry.records import COLUMNS
from icor.registry.services import import_members

LOGIN_BACKEND = "icor.accounts.backends.ModelBackend"


@dataclass(frozen=True)
class Voter:
    delegation_id: int
    session_key: str


@dataclass(frozen=True)
class Scene:
    size: int
    conference: Conference
    ballot: Ballot
    chair: User
    submitter: User
    voters: list[Voter]


def login_sessions(users: list[User]) -> list[str]:
    """One logged-in session per account, as django.contrib.auth.login would store it."""
    expires = timezone.now() + timedelta(hours=8)
    store = SessionStore()
    keys, rows = [], []
    for user in users:
        key = secrets.token_hex(16)
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: LOGIN_BACKEND,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(
            Session(session_key=stored_key(key), session_data=store.encode(data), expire_date=expires)
        )
        keys.append(key)
    Session.objects.bulk_create(rows, batch_size=1000)
    return keys


def member_organizations(size: int, tag: str) -> list[Organization]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    names = [f"Benchmark {tag} Organization {number:05d}" for number in range(size)]
    for name in names:
        writer.writerow(["Europe", "DE", "Germany", name, "", name, 2020, "member", ""])
    import_members(out.getvalue(), file_format="csv")
    by_name = {org.name: org for org in Organization.objects.filter(name__in=names)}
    return [by_name[name] for name in names]


def accounts_of(organizations: list[Organization], tag: str, role: str) -> list[User]:
    """One account of `role` per organization, in the organizations' order."""
    accounts = []
    for number, organization in enumerate(organizations):
        user = User(username=f"bench-{tag}-{role}-{number:05d}", role=role, organization=organization)
        user.set_unusable_password()
        accounts.append(user)
    User.objects.bulk_create(accounts, batch_size=1000)
    return list(User.objects.filter(username__startswith=f"bench-{tag}-{role}-").order_by("username"))


def reader_session() -> str:
    """A logged-in delegate of a seed organization, to read the pages with the seed registry."""
    reader = User(
        username=f"bench-reader-{secrets.token_hex(3)}",
        role=Role.DELEGATE,
        organization=Organization.objects.first(),
    )
    reader.set_unusable_password()
    reader.save()
    return login_sessions([reader])[0]


def committee_account(tag: str) -> User:
    chair = User(username=f"bench-{tag}-chair", role=Role.COMMITTEE)
    chair.set_unusable_password()
    chair.save()
    return chair


def chair_session(scene: Scene) -> str:
    """The chair's session, with the TOTP authenticator the committee needs to use the site, and
    a ballot open for the console to show (the burst's ballot is closed by then)."""
    Authenticator.objects.get_or_create(
        user=scene.chair, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "bench-not-used"}}
    )
    organization = Organization.objects.get(accounts=scene.submitter)
    open_current_affairs_ballot(scene.conference, scene.chair, scene.submitter, organization, "console")
    return login_sessions([scene.chair])[0]


def prepare(size: int) -> Scene:
    tag = f"{size}-{secrets.token_hex(3)}"
    chair = committee_account(tag)
    organizations = member_organizations(size, tag)
    # The officer accredits the delegation; the delegate holds its vote. (Officers and the
    # committee must use two-factor login on the site; delegates vote with their session.)
    officers = accounts_of(organizations, tag, Role.OFFICER)
    delegates = accounts_of(organizations, tag, Role.DELEGATE)
    today = timezone.localdate()
    conference = conferences.create_conference(
        actor=chair,
        kind="world",
        title=f"Benchmark conference {tag}",
        starts_on=today,
        ends_on=today + timedelta(days=1),
        online=True,
    )
    conference = conferences.advance_conference(conference=conference, actor=chair)
    delegations: list[Delegation] = []
    for officer, delegate, organization in zip(officers, delegates, organizations, strict=True):
        delegation = conferences.accredit_delegation(
            conference=conference,
            organization=organization,
            actor=officer,
            delegates=[delegate],
            voting_delegate=delegate,
        )
        conferences.check_in(delegation=delegation, actor=delegate)
        delegations.append(delegation)
    ballot = open_current_affairs_ballot(conference, chair, delegates[0], organizations[0], "burst")
    voters = [
        Voter(delegation_id=delegation.pk, session_key=key)
        for delegation, key in zip(delegations, login_sessions(delegates), strict=True)
    ]
    return Scene(size, conference, ballot, chair, delegates[0], voters)


def open_current_affairs_ballot(
    conference: Conference, chair: User, submitter: User, organization: Organization, title: str
) -> Ballot:
    item = conferences.add_agenda_item(conference=conference, actor=chair, title=f"Benchmark {title}")
    motion: Motion = conferences.create_motion(
        agenda_item=item,
        organization=organization,
        actor=submitter,
        kind="current-affairs",
        title=f"Benchmark motion ({title})",
        text="A resolution on current affairs, decided by simple majority (S5).",
        submit=True,
    )
    motion = conferences.move_motion(motion=motion, actor=chair, target="in_discussion")
    return conferences.open_ballot(motion=motion, actor=chair)
