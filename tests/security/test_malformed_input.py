"""Malformed registry files and form posts are refused with a message; nothing changes, nothing crashes."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icor.audit.models import AuditEvent
from icor.registry.models import Application, Membership, Organization
from icor.registry.records import COLUMNS, RegistryFileError, read_member_file
from icor.registry.services import import_members

FAST = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
cells = st.text(max_size=30)
some_columns = st.lists(st.sampled_from([*COLUMNS, "extra", "", "Name"]), min_size=0, max_size=12)


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    header = draw(st.one_of(st.just(COLUMNS), some_columns))
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=len(header) + 2), max_size=5))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


@st.composite
def json_files(draw: st.DrawFn) -> str:
    items = draw(
        st.lists(
            st.one_of(
                json_values,
                st.dictionaries(st.sampled_from(COLUMNS), st.one_of(cells, json_values), max_size=9),
            ),
            max_size=4,
        )
    )
    wrapped = draw(st.booleans())
    return json.dumps({"organizations": items} if wrapped else items, indent=draw(st.sampled_from([None, 1])))


random_text = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300).map(lambda raw: raw.decode("utf-8", errors="replace")),
)
any_file = st.one_of(random_text, csv_files(), json_files())


@FAST
@given(text=any_file, file_format=st.sampled_from(["csv", "json"]))
def test_reading_a_registry_file_raises_only_a_registry_file_error(text: str, file_format: str) -> None:
    try:
        records = read_member_file(text, file_format=file_format)
    except RegistryFileError as error:
        assert error.errors, "a refusal lists at least one problem"
        assert all(problem.line >= 1 and problem.reason for problem in error.errors)
    else:
        assert records


def snapshot() -> tuple[list[object], list[object], int]:
    return (
        list(Organization.objects.order_by("pk").values()),
        list(Membership.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )


@pytest.mark.django_db
@FAST
@given(text=any_file, file_format=st.sampled_from(["csv", "json"]))
def test_a_refused_import_changes_nothing(text: str, file_format: str) -> None:
    before = snapshot()
    try:
        import_members(text, file_format=file_format)
    except RegistryFileError:
        assert snapshot() == before
    else:
        # Hypothesis rarely writes a valid file; if it does, the import is a proper one and is undone here.
        Organization.objects.all().delete()
        AuditEvent.objects.all().delete()


APPLICATION_FIELDS = ["name", "abbreviation", "english_name", "country", "contact", "statement"]


@st.composite
def malformed_applications(draw: st.DrawFn) -> dict[str, str]:
    post = draw(
        st.dictionaries(
            st.sampled_from([*APPLICATION_FIELDS, "unknown", "csrfmiddlewaretoken"]), st.text(max_size=300)
        )
    )
    breakage = draw(st.sampled_from(["no affirmation", "unknown country", "too long", "missing name"]))
    if breakage == "no affirmation":
        post.pop("affirms_basis", None)
    else:
        post["affirms_basis"] = "on"
        if breakage == "unknown country":
            post["country"] = draw(
                st.text(max_size=5).filter(
                    lambda code: code.upper() not in {"DE", "FR", "PE"} or len(code) != 2
                )
            )
        elif breakage == "too long":
            post["statement"] = "x" * 5001
        else:
            post["name"] = draw(st.sampled_from(["", "   "]))
    return post


@pytest.mark.django_db
@settings(FAST, max_examples=30)
@given(post=malformed_applications())
def test_a_malformed_application_post_is_refused_without_a_row(post: dict[str, str]) -> None:
    response = Client().post("/registry/apply/", post)
    assert response.status_code == 200  # the form again
    if post:  # an empty post is treated as a first visit: the blank form, nothing to explain
        assert b"errorlist" in response.content
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_nul_character_in_a_page_url_is_refused_with_400(client: Client) -> None:
    """PostgreSQL cannot store NUL; without this refusal such input became a server error."""
    response = client.get("/registry/?q=a%00b")
    assert response.status_code == 400
    assert b"NUL character" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/registry/organizations?q=%00", "/api/registry/organizations/a%00b"])
def test_a_nul_character_in_an_api_url_is_invalid_input(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["code"] == "nul_character"
    assert "NUL character" in response.json()["detail"]


NUL_APPLICATION = {"name": "A\x00B", "country": "PE", "contact": "c", "statement": "s", "affirms_basis": "on"}


@pytest.mark.django_db
def test_a_nul_character_in_a_form_post_is_refused_and_nothing_is_created(client: Client) -> None:
    response = client.post(
        "/registry/apply/", urlencode(NUL_APPLICATION), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_nul_character_in_a_multipart_post_is_a_form_error(client: Client) -> None:
    """Multipart bodies may carry files and are not scanned; Django's form fields refuse NUL in text."""
    response = client.post("/registry/apply/", NUL_APPLICATION)
    assert response.status_code == 200
    assert b"Null characters are not allowed" in response.content
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_nul_character_in_a_json_body_is_refused(client: Client) -> None:
    response = client.post("/api/privacy/erase", {"confirm": "a\x00"}, content_type="application/json")
    assert response.status_code == 422
    assert "NUL character" in response.json()["detail"]
