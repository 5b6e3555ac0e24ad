from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from icor.conferences.models.conference import Conference
from icor.conferences.transitions import MotionState
from icor.core.languages import TEXT_LANGUAGES
from icor.core.models import TextRevision, Translation
from icor.registry.models import Organization
from icor.statute import Kind

KIND_CHOICES = [
    (Kind.PRINCIPLED.value, _("Principled question (consensus only, S3)")),
    # xgettext:no-python-format
    (Kind.FOUNDING_DOCUMENT.value, _("Founding documents (80 % of the votes present, S4)")),
    (Kind.CURRENT_AFFAIRS.value, _("Current affairs (simple majority, S5)")),
]
STATE_CHOICES = [
    (MotionState.DRAFT.value, _("draft")),
    (MotionState.SUBMITTED.value, _("submitted")),
    (MotionState.IN_DISCUSSION.value, _("in discussion")),
    (MotionState.CONSENSUS_ROUND.value, _("consensus round")),
    (MotionState.BALLOT_OPEN.value, _("ballot open")),
    (MotionState.ADOPTED.value, _("adopted")),
    (MotionState.REJECTED.value, _("rejected")),
    (MotionState.WITHDRAWN.value, _("withdrawn")),
    (MotionState.DEFERRED.value, _("deferred")),
]


class AgendaItem(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["conference", "position"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "position"], name="one_agenda_item_per_position"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class Motion(models.Model):
    """A motion on an agenda item; `text` is its current text, its history is in MotionVersion."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="motions")
    kind = models.CharField(_("kind of question"), max_length=20, choices=KIND_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="motions", verbose_name=_("submitted by")
    )
    state = models.CharField(max_length=16, choices=STATE_CHOICES, default=MotionState.DRAFT.value)
    # The language of the original text, which stays the authoritative one beside any translation.
    language = models.CharField(
        _("language of the original"), max_length=12, choices=TEXT_LANGUAGES, default="en"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    discussion_concluded = models.BooleanField(default=False)
    discussion_concluded_at = models.DateTimeField(null=True, blank=True)
    discussion_concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["agenda_item__position", "pk"]
        constraints = [
            models.CheckConstraint(
                name="motion_kind_is_a_statute_kind", condition=Q(kind__in=[k.value for k in Kind])
            ),
            models.CheckConstraint(
                name="motion_state_is_known", condition=Q(state__in=[s.value for s in MotionState])
            ),
            models.CheckConstraint(
                name="concluded_discussion_has_a_time",
                condition=Q(discussion_concluded=False) | Q(discussion_concluded_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def conference(self) -> Conference:
        return self.agenda_item.conference


class MotionVersion(models.Model):
    """Numbered texts of a motion; version 1 is the text as submitted."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["motion", "number"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "number"], name="one_motion_version_per_number"),
        ]

    def __str__(self) -> str:
        return f"{self.motion} v{self.number}"


class MotionTranslation(Translation):
    """A translation of a motion by a delegation, made from one version of the original text."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    version = models.PositiveIntegerField(help_text="number of the motion version translated")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("provided by")
    )

    class Meta:
        ordering = ["motion", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["motion", "language"], name="one_motion_translation_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.motion} [{self.language}]"


class MotionTranslationRevision(TextRevision):
    """An earlier text of a translation, kept when a delegation provides the translation again."""

    translation = models.ForeignKey(MotionTranslation, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    version = models.PositiveIntegerField(help_text="number of the motion version translated")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("provided by")
    )


class CoSponsorship(models.Model):
    """An organization that joined a motion, by its own officer (S11)."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="cosponsors")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["motion", "organization"], name="one_cosponsorship_per_organization"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization.short_name} co-sponsors {self.motion}"
