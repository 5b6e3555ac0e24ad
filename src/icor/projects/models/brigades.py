"""International brigades of a single project: volunteers, their availability, needs, assignments (S15)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from icor.projects.models.projects import Project
from icor.registry.models import Organization


class Volunteer(models.Model):
    """A volunteer offered to a project by their own organization; known only by a pseudonym."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="volunteers")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="volunteers")
    pseudonym = models.CharField(_("pseudonym"), max_length=80)
    # Normalised to lower case, comma-separated: "bricklayer, electrician".
    skills = models.CharField(_("skills"), max_length=300)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    registered_at = models.DateTimeField(auto_now_add=True)
    # Withdrawn by its organization, not deleted: past assignments stay in the plan's history.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["organization", "pseudonym"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organization", "pseudonym"],
                name="one_pseudonym_per_organization_and_project",
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def skill_list(self) -> list[str]:
        return [skill for skill in (part.strip() for part in self.skills.split(",")) if skill]

    @property
    def language_list(self) -> list[str]:
        return [language for language in (part.strip() for part in self.languages.split(",")) if language]


class Availability(models.Model):
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="availabilities")
    starts_on = models.DateField(_("available from"))
    ends_on = models.DateField(_("available until"))

    class Meta:
        ordering = ["volunteer", "starts_on"]
        verbose_name_plural = "availabilities"
        constraints = [
            models.CheckConstraint(
                name="availability_ends_after_it_begins", condition=Q(ends_on__gte=F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.starts_on} to {self.ends_on}"


class Need(models.Model):
    """How many volunteers with one skill the coordinators need in a range of weeks."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="needs")
    skill = models.CharField(_("skill"), max_length=80)
    count = models.PositiveSmallIntegerField(_("number of volunteers"))
    starts_on = models.DateField(_("from the week of"))
    ends_on = models.DateField(_("until the week of"))
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["project", "starts_on", "skill"]
        constraints = [
            models.CheckConstraint(
                name="need_ends_after_it_begins", condition=Q(ends_on__gte=F("starts_on"))
            ),
            models.CheckConstraint(name="need_asks_for_someone", condition=Q(count__gte=1)),
        ]

    def __str__(self) -> str:
        return f"{self.skill} x {self.count}"


class Assignment(models.Model):
    """A volunteer on site for a period, set by the project's coordinators."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="assignments")
    starts_on = models.DateField(_("on site from"))
    ends_on = models.DateField(_("on site until"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["volunteer", "starts_on"]
        constraints = [
            models.CheckConstraint(
                name="assignment_ends_after_it_begins", condition=Q(ends_on__gte=F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.starts_on} to {self.ends_on}"
