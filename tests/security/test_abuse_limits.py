"""Abuse costs a refusal: passwords of few characters, and floods of anonymous applications."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client

from icor.registry.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


@pytest.mark.parametrize("password", ["aaaaaaaaaaaa", "abababababababab", "abcabcabcabc"])
def test_a_password_of_few_distinct_characters_is_refused(password: str) -> None:
    with pytest.raises(ValidationError, match="different characters"):
        validate_password(password)


def test_a_password_of_many_distinct_characters_is_accepted() -> None:
    validate_password("correct horse battery staple")


APPLICATION = {
    "name": "Partido Revolucionario",
    "country": "PE",
    "contact": "contact@example.org",
    "statement": "We affirm the basis of unity.",
    "affirms_basis": "on",
}


def test_a_flood_of_anonymous_applications_is_refused_after_five() -> None:
    client = Client()
    answers = [
        client.post("/registry/apply/", {**APPLICATION, "name": f"Party {n}"}).status_code for n in range(8)
    ]
    assert answers == [302] * 5 + [429] * 3
    assert Application.objects.count() == 5


def test_another_address_may_still_apply() -> None:
    for n in range(5):
        Client().post("/registry/apply/", {**APPLICATION, "name": f"Party {n}"})
    response = Client(REMOTE_ADDR="198.51.100.7").post("/registry/apply/", APPLICATION)
    assert response.status_code == 302
    assert Application.objects.count() == 6
