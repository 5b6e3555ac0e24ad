"""Projects, the support each organization declares for itself, tasks and their history (S7 to S9)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from icor.projects.models.scope import Scope
from icor.registry.models import Organization


class Kind(models.TextChoices):
    MAIN_TASK = "main_task", _("General main task")
    SINGLE = "single", _("Single project for a limited time")


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Project(Scope):
    """A joint project: general main task or single project planned for a limited time (S9)."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MAIN_TASK)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED
    )
    coordinators = models.ManyToManyField(
        Organization, related_name="coordinated_projects", verbose_name=_("coordinating organizations")
    )
    # The conference motion that launched the project, when it was decided on the platform; otherwise a
    # reference in words (e.g. "World Conference 2025, resolution 7").
    launching_motion = models.ForeignKey(
        "conferences.Motion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="launched_projects",
        verbose_name=_("launching decision (motion)"),
    )
    launching_decision = models.CharField(_("launching decision"), max_length=200, blank=True)
    recruits_volunteers = models.BooleanField(_("recruits volunteers (brigade)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            *Scope.Meta.constraints,
            models.CheckConstraint(
                name="single_project_has_start_and_end",
                condition=Q(kind="main_task")
                | Q(
                    kind="single", starts_on__isnull=False, ends_on__isnull=False, ends_on__gte=F("starts_on")
                ),
            ),
            models.CheckConstraint(
                name="only_single_projects_recruit_volunteers",
                condition=Q(recruits_volunteers=False) | Q(kind="single"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open_for_work(self) -> bool:
        return self.status in (ProjectStatus.PROPOSED, ProjectStatus.ACTIVE)


class Support(models.Model):
    """One period in which an organization supports a project; declared and withdrawn by itself (S7)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="supports")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="supports")
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["project", "organization", "since", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organization"],
                condition=Q(until__isnull=True),
                name="one_open_support_per_project_and_organization",
            ),
            models.CheckConstraint(
                name="support_ends_after_it_begins",
                condition=Q(until__isnull=True) | Q(until__gte=F("since")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} supports {self.project} since {self.since}"

    @property
    def is_open(self) -> bool:
        return self.until is None


class TaskState(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    DONE = "done", _("Done")


class Task(models.Model):
    """A task of a project. An organization accepts it for itself and is answerable for it (S8)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due on"))
    state = models.CharField(_("state"), max_length=10, choices=TaskState.choices, default=TaskState.OPEN)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("accepted by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="accepted_task_names_its_organization",
                condition=Q(state="open", organization__isnull=True)
                | Q(state__in=["accepted", "done"], organization__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class TaskEventKind(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    PROGRESS = "progress", _("reported progress")
    DONE = "done", _("marked done")
    DROPPED = "dropped", _("dropped")


class TaskEvent(models.Model):
    """The timeline of a task; the reliability record is derived from these rows alone."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="events")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="task_events")
    kind = models.CharField(max_length=10, choices=TaskEventKind.choices)
    note = models.TextField(_("note"), blank=True)
    occurred_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["task", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                name="a_dropped_task_gives_a_reason", condition=~Q(kind="dropped") | ~Q(note="")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task}: {self.kind} by {self.organization}"


class Notification(models.Model):
    """An in-platform message for one account or for all accounts of one organization."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    text = models.CharField(_("text"), max_length=400)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Makes a reminder idempotent: the same reminder is never created twice.
    key = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="notification_has_a_recipient",
                condition=Q(account__isnull=False) | Q(organization__isnull=False),
            ),
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="one_notification_per_key"),
        ]

    def __str__(self) -> str:
        return self.text
