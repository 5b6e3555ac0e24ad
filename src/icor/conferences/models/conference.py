from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from icor.registry.models import Continent, Organization


class ConferenceKind(models.TextChoices):
    WORLD = "world", _("World conference")
    CONTINENTAL = "continental", _("Continental conference")
    REGIONAL = "regional", _("Regional conference")


class ConferenceStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_SESSION = "in_session", _("In session")
    CLOSED = "closed", _("Closed")


class Conference(models.Model):
    """A World, continental or regional conference (S9), run by the coordinating committee."""

    kind = models.CharField(_("kind"), max_length=12, choices=ConferenceKind.choices)
    continent = models.CharField(_("continent"), max_length=20, choices=Continent.choices, blank=True)
    region_name = models.CharField(_("name of the region"), max_length=120, blank=True)
    region_countries = CountryField(_("member countries of the region"), multiple=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("held online"), default=False)
    status = models.CharField(
        max_length=12, choices=ConferenceStatus.choices, default=ConferenceStatus.PLANNED
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        null=True,
        blank=True,
        help_text=_("Delegations that must be present to decide. Empty: no quorum (the statute sets none)."),
    )
    votes_per_delegation = models.PositiveSmallIntegerField(
        _("votes per delegation"),
        default=1,
        help_text=_("Each member organization has one vote unless the conference decides otherwise."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                name="conference_ends_after_it_starts", condition=Q(ends_on__gte=F("starts_on"))
            ),
            models.CheckConstraint(name="conference_has_a_place", condition=Q(online=True) | ~Q(place="")),
            models.CheckConstraint(
                name="continental_conference_names_its_continent",
                condition=~Q(kind="continental") | ~Q(continent=""),
            ),
            models.CheckConstraint(
                name="regional_conference_names_its_countries",
                condition=~Q(kind="regional") | ~Q(region_countries=""),
            ),
            models.CheckConstraint(
                name="at_least_one_vote_per_delegation", condition=Q(votes_per_delegation__gte=1)
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def admits(self, organization: Organization) -> bool:
        """Continental and regional conferences are restricted to members of that continent or region."""
        if self.kind == ConferenceKind.CONTINENTAL:
            return organization.continent == self.continent
        if self.kind == ConferenceKind.REGIONAL:
            return str(organization.country.code) in {str(c.code) for c in self.region_countries}
        return True

    @property
    def scope(self) -> str:
        if self.kind == ConferenceKind.CONTINENTAL:
            return str(self.get_continent_display())
        if self.kind == ConferenceKind.REGIONAL:
            names = ", ".join(str(c.name) for c in self.region_countries)
            return f"{self.region_name} ({names})" if self.region_name else names
        return str(_("worldwide"))


class Delegation(models.Model):
    """One organization's delegation to one conference, accredited by its own officer (S11)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="delegations")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="delegations")
    accredited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization__continent", "organization__country", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "organization"], name="one_delegation_per_organization"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization.short_name} @ {self.conference}"


class Delegate(models.Model):
    """An account of the organization in its delegation; one of them holds the vote."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="delegates")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seats")
    is_voting = models.BooleanField(_("voting delegate"), default=False)

    class Meta:
        ordering = ["-is_voting", "user__public_name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "user"], name="one_seat_per_delegate"),
            models.UniqueConstraint(
                fields=["delegation"], condition=Q(is_voting=True), name="one_voting_delegate_per_delegation"
            ),
        ]

    def __str__(self) -> str:
        return self.user.shown_name


class Guest(models.Model):
    """A partner observer invited by the committee; never votes (S13)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="guests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conference", "user"], name="one_invitation_per_guest")
        ]

    def __str__(self) -> str:
        return self.user.shown_name


class Attendance(models.Model):
    """One stay of a delegation: checked in, and later checked out."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="attendance")
    checked_in_at = models.DateTimeField()
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    checked_out_at = models.DateTimeField(null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["checked_in_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(checked_out_at__isnull=True),
                name="one_open_attendance_per_delegation",
            ),
            models.CheckConstraint(
                name="checked_out_after_checked_in",
                condition=Q(checked_out_at__isnull=True) | Q(checked_out_at__gte=F("checked_in_at")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.delegation} {self.checked_in_at:%H:%M}"
