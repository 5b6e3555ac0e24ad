"""Translations of motions: any delegation may add one; the original text stays the authoritative one."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext

from icor.accounts.models import Role
from icor.audit.services import record_event
from icor.conferences.models import Motion, MotionTranslation, MotionTranslationRevision
from icor.conferences.services._common import require_not_closed
from icor.conferences.transitions import MotionState
from icor.core import bounds
from icor.core.languages import TEXT_LANGUAGE_CODES


def translate_motion(
    *, motion: Motion, actor: Any, language: str, title: str, text: str
) -> MotionTranslation:
    """Add (or bring up to date) the translation of a motion into `language`, for the actor's own organization.

    The translation records the version of the original it was made from, so that it is shown as
    outdated once the motion's text changes. Providing a translation again replaces the earlier one,
    whose text is kept as a revision.
    """
    organization = getattr(actor, "organization", None)
    if getattr(actor, "role", None) not in (Role.OFFICER, Role.DELEGATE) or organization is None:
        # S11: a translation is provided by a delegation, in its own organization's name.
        raise PermissionDenied(gettext("Only the accounts of a member organization provide translations."))
    require_not_closed(motion.conference)
    if motion.state == MotionState.DRAFT:
        raise ValidationError(gettext("A draft is not circulated yet; translate it once it is submitted."))
    if language not in TEXT_LANGUAGE_CODES:
        raise ValidationError(gettext("Unknown language “%(language)s”.") % {"language": language})
    if language == motion.language:
        raise ValidationError(gettext("The original text is written in this language already."))
    title, text = title.strip(), text.strip()
    if not title or not text:
        raise ValidationError(gettext("A translation needs a title and a text."))
    if len(text) > bounds.MAX_TRANSLATION or len(title) > 200:
        raise ValidationError(gettext("The translation is too long."))
    with transaction.atomic():
        locked = Motion.objects.select_for_update().get(pk=motion.pk)
        current = locked.versions.order_by("-number").values_list("number", flat=True).first() or 1
        earlier = MotionTranslation.objects.filter(motion=locked, language=language).first()
        if earlier is not None and (earlier.title, earlier.text) != (title, text):
            # The text it replaces stays readable, with who provided it and when.
            MotionTranslationRevision.objects.create(
                translation=earlier,
                title=earlier.title,
                text=earlier.text,
                version=earlier.version,
                organization_id=earlier.organization_id,
                provided_by_id=earlier.provided_by_id,
                provided_at=earlier.updated_at,
            )
        translation, created = MotionTranslation.objects.update_or_create(
            motion=locked,
            language=language,
            defaults={
                "title": title,
                "text": text,
                "version": current,
                "organization": organization,
                "provided_by": actor,
            },
        )
        record_event(
            "motion.translated",
            actor=actor,
            organization_id=organization.pk,
            subject=f"motion:{motion.pk}",
            data={"language": language, "version": current, "replaced": not created},
        )
    return translation
