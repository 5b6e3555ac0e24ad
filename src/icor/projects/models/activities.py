"""Coordinated activities in a shared calendar and each organization's own participation (S10)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from icor.projects.models.scope import Scope
from icor.registry.models import Organization


class Activity(Scope):
    """A coordinated activity, e.g. a day of action, on one day or over several days."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    proposed_by = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposed_activities",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Withdrawn, not deleted: reports already made and the audit record keep their history.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name_plural = "activities"
        constraints = [
            *Scope.Meta.constraints,
            models.CheckConstraint(
                name="activity_ends_after_it_begins", condition=Q(ends_on__gte=F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Participation(models.Model):
    """What one organization reports about its own part in an activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participations")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="participations")
    what = models.CharField(_("what"), max_length=300)
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"), blank=True, help_text=_("Leave empty for your own country."))
    people = models.PositiveIntegerField(_("number of people"))
    reported_at = models.DateTimeField(auto_now_add=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["activity", "organization", "pk"]

    def __str__(self) -> str:
        return f"{self.organization} in {self.city}: {self.what}"

    @property
    def place_country(self) -> str:
        return str(self.country.code or self.organization.country.code)
