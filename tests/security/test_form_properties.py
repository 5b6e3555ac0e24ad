"""Every HTML form, posted by an account allowed to use it, with Hypothesis-made values that
are wrong in at least one field (huge, negative, non-numeric, NUL, far dates, too long): the
answer is a refusal, never a server error, and the database does not change.

The forms are read from their classes, so a new field is fuzzed without touching this test;
a view with a form that is not in FORMS fails `test_every_form_view_is_fuzzed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.apps import apps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icor.accounts import forms as account_forms
from icor.conferences import forms as conference_forms
from icor.debate import forms as debate_forms
from icor.partners.views import PartnerForm
from icor.privacy.forms import ErasureForm
from icor.projects import forms as project_forms
from icor.registry import forms as registry_forms
from tests.factories import World, seeded_world

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HUGE = st.sampled_from([str(2**70), str(10**20), "9" * 40, "-" + str(2**63), "1e308"])
NEGATIVE = st.integers(max_value=-1).map(str)
NOT_A_NUMBER = st.sampled_from(["abc", "1.5", "NaN", "", " ", "0x10", "١٢"])
FAR_DAY = st.sampled_from(
    ["0001-01-01", "9999-12-31", "1900-01-01", "2999-12-31", "10000-01-01", "2027-02-30"]
)
NUL = st.text(max_size=20).map(lambda text: text + "\x00")
TOO_LONG = st.integers(min_value=20_001, max_value=60_000).map(lambda size: "x" * size)
ANY_TEXT = st.text(max_size=40)


def bad_value(field: forms.Field) -> st.SearchStrategy[str]:
    """Values no field of this kind accepts."""
    if isinstance(field, forms.IntegerField):
        return st.one_of(HUGE, NOT_A_NUMBER.filter(lambda v: v.strip() != ""), NEGATIVE)
    if isinstance(field, forms.DateField):
        return st.one_of(FAR_DAY, NOT_A_NUMBER.filter(bool), NUL)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return st.one_of(NUL, st.sampled_from(["no-such-choice", str(10**20), "abc"]))
    return st.one_of(NUL, TOO_LONG)


def any_value(field: forms.Field) -> st.SearchStrategy[str]:
    return st.one_of(bad_value(field), ANY_TEXT, st.integers().map(str))


@st.composite
def posts(draw: st.DrawFn, form_class: type[forms.Form]) -> dict[str, str]:
    """A post of the form's fields where at least one field holds a wrong value."""
    fields: dict[str, forms.Field] = dict(form_class.base_fields)  # type: ignore[attr-defined]
    # A checkbox takes any text as "checked": it cannot hold a wrong value.
    breakable = sorted(name for name, field in fields.items() if not isinstance(field, forms.BooleanField))
    broken = draw(st.sampled_from(breakable))
    post = {name: draw(any_value(field)) for name, field in fields.items() if draw(st.booleans())}
    post[broken] = draw(bad_value(fields[broken]))
    return post


@dataclass(frozen=True)
class FormPost:
    form: type[forms.Form]
    path: str  # placeholders are filled from the world
    role: str


FORMS = [
    FormPost(conference_forms.ConferenceForm, "/conferences/", "committee"),
    FormPost(conference_forms.AgendaItemForm, "/conferences/{conference}/agenda/", "committee"),
    FormPost(conference_forms.MotionForm, "/conferences/{conference}/motions/new/", "officer"),
    FormPost(conference_forms.BallotForm, "/conferences/motions/{motion}/open_ballot/", "committee"),
    FormPost(conference_forms.PositionForm, "/conferences/motions/{motion}/position/", "officer"),
    FormPost(conference_forms.AccreditationForm, "/conferences/{planned}/accreditation/", "officer"),
    FormPost(debate_forms.ContributionForm, "/debate/motions/{motion}/contribute/", "officer"),
    FormPost(debate_forms.AmendmentForm, "/debate/motions/{motion}/amend/", "officer"),
    FormPost(project_forms.ProjectForm, "/projects/new/", "committee"),
    FormPost(project_forms.TaskForm, "/projects/{project}/tasks/", "officer"),
    FormPost(project_forms.StatusForm, "/projects/{project}/status/", "officer"),
    FormPost(project_forms.ActivityForm, "/projects/calendar/new/", "officer"),
    FormPost(project_forms.ParticipationForm, "/projects/activities/{activity}/participation/", "officer"),
    FormPost(project_forms.VolunteerForm, "/projects/{brigade}/brigade/volunteers/", "officer"),
    FormPost(project_forms.NeedForm, "/projects/{brigade}/brigade/needs/", "officer"),
    FormPost(project_forms.AssignmentForm, "/projects/{brigade}/brigade/assignments/", "officer"),
    FormPost(registry_forms.ApplicationForm, "/registry/apply/", "anonymous"),
    FormPost(registry_forms.AdmissionForm, "/registry/applications/{application}/", "committee"),
    FormPost(registry_forms.ExitForm, "/registry/{org}/exit/", "officer"),
    FormPost(PartnerForm, "/partners/new/", "committee"),
    FormPost(ErasureForm, "/privacy/erase/", "officer"),
    FormPost(conference_forms.TranslationForm, "/conferences/motions/{motion}/translate/", "officer"),
    FormPost(conference_forms.VoteForm, "/conferences/ballots/{ballot}/vote/", "officer"),
    FormPost(conference_forms.ReceiptForm, "/conferences/ballots/{ballot}/", "officer"),
    FormPost(debate_forms.DecisionNoteForm, "/debate/amendments/{amendment}/withdraw/", "officer"),
    FormPost(debate_forms.AmendmentTranslationForm, "/debate/amendments/{amendment}/translate/", "officer"),
    FormPost(project_forms.ProjectEditForm, "/projects/{project}/edit/", "officer"),
    FormPost(project_forms.ActivityEditForm, "/projects/activities/{activity}/edit/", "committee"),
    FormPost(project_forms.VolunteerEditForm, "/projects/volunteers/{volunteer}/edit/", "officer"),
    FormPost(project_forms.NeedEditForm, "/projects/needs/{need}/edit/", "officer"),
    FormPost(account_forms.PublicNameForm, "/accounts/me/", "delegate"),
    FormPost(account_forms.ApiTokenForm, "/accounts/me/tokens/", "officer"),
    FormPost(account_forms.MemberInvitationForm, "/accounts/people/", "officer"),
    FormPost(account_forms.InvitationForm, "/registry/{org}/first-officer/", "committee"),
    FormPost(conference_forms.ObserverInvitationForm, "/conferences/observers/", "committee"),
    FormPost(account_forms.SuspensionForm, "/accounts/people/{delegate}/suspend/", "committee"),
    FormPost(account_forms.AcceptInvitationForm, "/accounts/invitation/{token}/", "anonymous"),
]
# Forms posted to several routes of one view are fuzzed on one of them.
SHARED = {"NoteForm"}


@pytest.fixture
def world(settings: Any) -> World:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return seeded_world()


def snapshot() -> dict[str, int]:
    """Rows of every model except the sessions and the throttle-free audit of logins."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in ("sessions",)
    }


@pytest.mark.parametrize("entry", FORMS, ids=lambda entry: entry.form.__name__)
def test_a_wrong_value_in_any_form_is_refused_and_changes_nothing(world: World, entry: FormPost) -> None:
    path = entry.path.format(**world.values)
    client = world.clients[entry.role]
    before = snapshot()

    @FUZZ
    @given(post=posts(entry.form))
    def check(post: dict[str, str]) -> None:
        response = client.post(path, post)
        assert response.status_code < 500, (path, post)
        assert snapshot() == before, (path, post)

    check()


FORM_IN_VIEW = re.compile(r"\b([A-Z]\w*Form)\(request\.POST")


def test_every_form_view_is_fuzzed() -> None:
    source = Path(__file__).resolve().parents[2] / "src" / "icor"
    used = {
        name
        for path in source.rglob("*.py")
        for name in FORM_IN_VIEW.findall(path.read_text(encoding="utf-8"))
    }
    fuzzed = {entry.form.__name__ for entry in FORMS}
    assert used - fuzzed - SHARED == set()


# One wrong field beside otherwise valid ones, where the random posts above rarely reach: the edit
# pages once saved far days and unbounded descriptions (an audit row and a changed record).
ONE_WRONG_FIELD = [
    ("officer", "/projects/{project}/edit/", {"title": "T", "starts_on": "9999-12-31"}),
    ("officer", "/projects/{project}/edit/", {"title": "T", "description": "x" * 20_001}),
    ("committee", "/projects/activities/{activity}/edit/", {"title": "T", "starts_on": "0001-01-01"}),
    (
        "committee",
        "/projects/activities/{activity}/edit/",
        {"title": "T", "starts_on": "2027-05-01", "description": "x" * 20_001},
    ),
    (
        "officer",
        "/projects/needs/{need}/edit/",
        {"count": "2", "starts_on": "2027-01-04", "ends_on": "9999-12-31"},
    ),
    (
        "officer",
        "/projects/needs/{need}/edit/",
        {"count": "2", "starts_on": "0001-01-01", "ends_on": "2027-01-31"},
    ),
    (
        "officer",
        "/conferences/motions/{motion}/translate/",
        {"language": "de", "title": "T", "text": "x" * 100_001},
    ),
]


@pytest.mark.parametrize(("role", "path", "post"), ONE_WRONG_FIELD, ids=lambda value: str(value)[:40])
def test_one_wrong_field_beside_valid_ones_is_refused(
    world: World, role: str, path: str, post: dict[str, str]
) -> None:
    before = snapshot()
    response = world.clients[role].post(path.format(**world.values), post)  # type: ignore[attr-defined]
    assert response.status_code < 500
    assert snapshot() == before
