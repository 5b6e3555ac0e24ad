from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from icor.conferences.models import Conference, Motion, MotionVersion
from icor.core import bounds
from icor.core.models import TextRevision, Translation
from icor.registry.models import Organization


class Stance(models.TextChoices):
    SUPPORT = "support", _("supports")
    RESERVATION = "reservation", _("has reservations")
    OPPOSE = "oppose", _("opposes")
    QUESTION = "question", _("asks")
    COMMENT = "comment", _("comments")


class Contribution(models.Model):
    """One contribution to the debate on a motion, in the name of an organization (S14)."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="contributions")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField(_("name shown"), max_length=80)
    stance = models.CharField(_("position"), max_length=12, choices=Stance.choices, default=Stance.COMMENT)
    text = models.TextField(_("contribution"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.organization.short_name} on {self.motion}"


class AmendmentState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ADOPTED = "adopted", _("adopted")
    REJECTED = "rejected", _("not taken up")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Amendment(models.Model):
    """A new text for a motion proposed by a delegation, shown as a difference to its base version."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="amendments")
    number = models.PositiveIntegerField()
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField(max_length=80)
    base = models.ForeignKey(MotionVersion, on_delete=models.PROTECT, related_name="amendments")
    proposed_text = models.TextField(_("proposed text"))
    rationale = models.TextField(_("rationale"), blank=True)
    state = models.CharField(max_length=10, choices=AmendmentState.choices, default=AmendmentState.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=bounds.MAX_DECISION_NOTE, blank=True)
    resulting_version = models.OneToOneField(
        MotionVersion, on_delete=models.PROTECT, null=True, blank=True, related_name="from_amendment"
    )
    # The difference to the base version, computed once when the amendment is proposed: both texts never change.
    diff = models.JSONField(
        default=list, help_text="segments [operation, text] turning the base into the proposal"
    )
    words_removed = models.PositiveIntegerField(default=0)
    words_added = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["motion", "number"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "number"], name="one_amendment_per_number"),
            models.CheckConstraint(
                name="adopted_amendment_has_a_version",
                condition=~Q(state="adopted") | Q(resulting_version__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"A{self.number} to {self.motion}"


class SpeakerState(models.TextChoices):
    WAITING = "waiting", _("waiting")
    SPEAKING = "speaking", _("speaking")
    DONE = "done", _("has spoken")
    WITHDRAWN = "withdrawn", _("withdrawn")


class SpeakersList(models.Model):
    """The list of speakers of a conference session; the chair opens, closes and calls it."""

    conference = models.OneToOneField(Conference, on_delete=models.CASCADE, related_name="speakers_list")
    closed = models.BooleanField(default=False)
    motion = models.ForeignKey(
        Motion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The motion under debate, if any."),
    )

    def __str__(self) -> str:
        return f"Speakers of {self.conference}"


class Speaker(models.Model):
    speakers_list = models.ForeignKey(SpeakersList, on_delete=models.CASCADE, related_name="entries")
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    shown_name = models.CharField(max_length=80)
    state = models.CharField(max_length=10, choices=SpeakerState.choices, default=SpeakerState.WAITING)
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["speakers_list", "account"],
                condition=Q(state__in=["waiting", "speaking"]),
                name="one_place_in_the_list_per_speaker",
            ),
            models.UniqueConstraint(
                fields=["speakers_list"], condition=Q(state="speaking"), name="one_speaker_at_a_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.shown_name} ({self.organization.short_name})"


class AmendmentTranslation(Translation):
    """An amendment in another language, by a delegation; the amendment as proposed stays authoritative."""

    amendment = models.ForeignKey(Amendment, on_delete=models.CASCADE, related_name="translations")
    proposed_text = models.TextField(_("proposed text"))
    rationale = models.TextField(_("rationale"), blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("provided by")
    )

    class Meta:
        ordering = ["amendment", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["amendment", "language"], name="one_amendment_translation_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"A{self.amendment.number} [{self.language}]"


class AmendmentTranslationRevision(TextRevision):
    """An earlier text of an amendment's translation, kept when a delegation provides it again."""

    translation = models.ForeignKey(AmendmentTranslation, on_delete=models.CASCADE, related_name="revisions")
    proposed_text = models.TextField(_("proposed text"))
    rationale = models.TextField(_("rationale"), blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("provided by")
    )
