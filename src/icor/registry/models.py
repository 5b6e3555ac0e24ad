from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from icor.core.collation import fold
from icor.core.continents import Continent

SEARCHED_FIELDS = frozenset({"name", "english_name", "abbreviation"})


def searchable(*names: str) -> str:
    return fold(" | ".join(names))


class Organization(models.Model):
    """A member organization (or former member, or admitted applicant): the subject of S1."""

    name = models.CharField(_("name in the original language"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    english_name = models.CharField(_("English name"), max_length=200)
    country = CountryField(_("country"))
    continent = models.CharField(_("continent"), max_length=20, choices=Continent.choices)
    slug = models.SlugField(max_length=80, unique=True)
    # Names folded for search (icor.core.collation.fold): case- and accent-insensitive on every database.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["continent", "country", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="one_organization_per_name_and_country"),
        ]

    def __str__(self) -> str:
        return f"{self.abbreviation} ({self.name})" if self.abbreviation else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = searchable(self.name, self.english_name, self.abbreviation)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and SEARCHED_FIELDS & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    @property
    def short_name(self) -> str:
        return self.abbreviation or self.english_name

    @property
    def member_since(self) -> int | None:
        """Year of joining of the current period, else of the latest one (uses prefetched rows)."""
        periods = list(self.memberships.all())
        current = [period for period in periods if period.left_on is None] or periods
        return current[-1].since_year if current else None


class Membership(models.Model):
    """One period of membership. History stays: a member that leaves keeps its closed period."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    since_year = models.PositiveSmallIntegerField(_("member since (year)"), null=True, blank=True)
    admitted_on = models.DateField(_("admitted on"), null=True, blank=True)
    decision_reference = models.CharField(_("decision reference"), max_length=200, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    exit_note = models.CharField(_("note on leaving"), max_length=300, blank=True)

    class Meta:
        ordering = ["organization", "since_year", "admitted_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(left_on__isnull=True),
                name="one_open_membership_per_organization",
            ),
            models.CheckConstraint(
                name="member_since_is_a_plausible_year",
                condition=Q(since_year__isnull=True) | Q(since_year__gte=2010, since_year__lte=2100),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} since {self.since_year or '?'}"

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ADMITTED = "admitted", _("Admitted")
    REFUSED = "refused", _("Refused")


class Application(models.Model):
    """An application for membership under the open-door policy (S12)."""

    name = models.CharField(_("name of the organization"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    english_name = models.CharField(_("English name"), max_length=200, blank=True)
    country = CountryField(_("country"))
    contact = models.CharField(
        _("contact"),
        max_length=200,
        help_text=_("How the committee can reach you (an address you choose, e.g. an encrypted mail)."),
    )
    statement = models.TextField(_("statement"))
    affirms_basis = models.BooleanField(_("affirms the basis of the Founding Resolution"))
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.PENDING
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_reference = models.CharField(max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="applications"
    )

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(name="application_affirms_basis", condition=Q(affirms_basis=True)),
        ]

    def __str__(self) -> str:
        return self.name
