"""The agenda and the motions on it: submission, co-sponsors, steps of the transition table."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from icor.audit.services import record_event
from icor.conferences.models import AgendaItem, Conference, CoSponsorship, Motion, MotionVersion
from icor.conferences.services._common import (
    notify,
    refusal,
    require_acts_for,
    require_admitted,
    require_chair,
    require_not_closed,
    require_officer_of,
)
from icor.conferences.transitions import (
    FINAL_STATES,
    MotionState,
    Mover,
    TransitionRefused,
    check_conclusion_allowed,
    mover_of,
)
from icor.core import bounds
from icor.core.languages import TEXT_LANGUAGE_CODES
from icor.core.refusals import WRONG_STATE
from icor.registry.models import Organization
from icor.statute import Kind


def add_agenda_item(*, conference: Conference, actor: Any, title: str) -> AgendaItem:
    require_chair(actor)
    require_not_closed(conference)
    if not title.strip():
        raise ValidationError(gettext("An agenda item needs a title."))
    with transaction.atomic():
        Conference.objects.select_for_update().get(pk=conference.pk)
        last = AgendaItem.objects.filter(conference=conference).aggregate(last=Max("position"))["last"] or 0
        item = AgendaItem.objects.create(conference=conference, position=last + 1, title=title.strip())
        record_event(
            "conference.agenda_item_added",
            actor=actor,
            subject=f"conference:{conference.pk}",
            data={"position": item.position, "title": item.title},
        )
    return item


def create_motion(
    *,
    agenda_item: AgendaItem,
    organization: Organization,
    actor: Any,
    kind: str,
    title: str,
    text: str,
    submit: bool = False,
    language: str = "en",
) -> Motion:
    """A motion is drafted for the submitter's own organization (S11), in the language it is written in."""
    require_acts_for(
        actor,
        organization.pk,
        gettext("Only accounts of the organization itself can submit a motion in its name (S11)."),
    )
    conference = agenda_item.conference
    require_not_closed(conference)
    require_admitted(conference, organization)
    if kind not in {k.value for k in Kind}:
        raise ValidationError(gettext("Unknown kind of question “%(kind)s”.") % {"kind": kind})
    if not title.strip() or not text.strip():
        raise ValidationError(gettext("A motion needs a title and a text."))
    if language not in TEXT_LANGUAGE_CODES:
        raise ValidationError(gettext("Unknown language “%(language)s”.") % {"language": language})
    bounds.check_text(gettext("Title"), title, limit=200)
    bounds.check_text(gettext("Text"), text, limit=bounds.MAX_MOTION_TEXT)
    with transaction.atomic():
        motion = Motion.objects.create(
            agenda_item=agenda_item,
            organization=organization,
            kind=kind,
            language=language,
            title=title.strip(),
            text=text.strip(),
        )
        record_event(
            "motion.created",
            actor=actor,
            organization_id=organization.pk,
            subject=f"motion:{motion.pk}",
            data={"conference": conference.pk, "kind": kind, "title": motion.title},
        )
        if submit:
            motion = submit_motion(motion=motion, actor=actor)
    return motion


def submit_motion(*, motion: Motion, actor: Any) -> Motion:
    require_acts_for(
        actor,
        motion.organization_id,
        gettext("Only accounts of the organization itself can submit its motion (S11)."),
    )
    with transaction.atomic():
        motion = _locked(motion)
        _step(motion, MotionState.SUBMITTED)
        motion.submitted_at = timezone.now()
        motion.save(update_fields=["state", "submitted_at"])
        MotionVersion.objects.create(motion=motion, number=1, title=motion.title, text=motion.text)
        record_event(
            "motion.submitted",
            actor=actor,
            organization_id=motion.organization_id,
            subject=f"motion:{motion.pk}",
        )
        notify(motion.conference.pk, "motion", {"motion": motion.pk, "state": motion.state})
    return motion


def cosponsor_motion(*, motion: Motion, organization: Organization, actor: Any) -> CoSponsorship:
    """An organization joins a motion itself, by its own officer (S11)."""
    require_officer_of(
        actor,
        organization.pk,
        gettext("Only an officer of the organization itself can co-sponsor a motion in its name (S11)."),
    )
    require_admitted(motion.conference, organization)
    if organization.pk == motion.organization_id:
        raise ValidationError(gettext("The submitting organization does not co-sponsor its own motion."))
    if motion.state == MotionState.DRAFT or motion.state in FINAL_STATES:
        raise ValidationError(
            gettext("A motion that is %(state)s cannot be co-sponsored.")
            % {"state": motion.get_state_display()},
            code=WRONG_STATE,
        )
    with transaction.atomic():
        sponsorship, created = CoSponsorship.objects.get_or_create(motion=motion, organization=organization)
        if not created:
            raise ValidationError(
                gettext("%(organization)s co-sponsors this motion already.")
                % {"organization": organization.short_name},
                code=WRONG_STATE,
            )
        record_event(
            "motion.cosponsored", actor=actor, organization_id=organization.pk, subject=f"motion:{motion.pk}"
        )
    return sponsorship


def move_motion(*, motion: Motion, actor: Any, target: str) -> Motion:
    """A step of the transition table taken by hand: by the submitter or by the chair."""
    try:
        mover = mover_of(motion.state, target)
    except TransitionRefused as error:
        raise refusal(error) from None
    if mover is Mover.PROCEDURE:
        raise ValidationError(
            gettext("This step is taken by opening or closing a consensus round or a ballot, not by hand."),
            code=WRONG_STATE,
        )
    if mover is Mover.CHAIR:
        require_chair(actor)
    else:
        require_acts_for(
            actor,
            motion.organization_id,
            gettext("Only accounts of the organization itself can withdraw or submit its motion (S11)."),
        )
    if target == MotionState.SUBMITTED:
        return submit_motion(motion=motion, actor=actor)
    with transaction.atomic():
        motion = _locked(motion)
        source = motion.state
        _step(motion, MotionState(target))
        if target in FINAL_STATES:
            motion.decided_at = timezone.now()
        motion.save(update_fields=["state", "decided_at"])
        record_event(
            f"motion.{target}",
            actor=actor,
            organization_id=motion.organization_id if mover is Mover.SUBMITTER else None,
            subject=f"motion:{motion.pk}",
            data={"from": source, "to": target},
        )
        notify(motion.conference.pk, "motion", {"motion": motion.pk, "state": motion.state})
    return motion


def conclude_discussion(*, motion: Motion, actor: Any) -> Motion:
    """The chair records that the extensive discussion of a founding-document motion is concluded (S4)."""
    require_chair(actor)
    try:
        check_conclusion_allowed(motion.kind)
    except TransitionRefused as error:
        raise refusal(error) from None
    with transaction.atomic():
        motion = _locked(motion)
        if motion.state != MotionState.IN_DISCUSSION:
            raise ValidationError(
                gettext(
                    "The discussion can be concluded only while the motion is in discussion; it is %(state)s."
                )
                % {"state": motion.get_state_display()},
                code=WRONG_STATE,
            )
        if motion.discussion_concluded:
            raise ValidationError(
                gettext("The discussion of this motion is concluded already."), code=WRONG_STATE
            )
        motion.discussion_concluded = True
        motion.discussion_concluded_at = timezone.now()
        motion.discussion_concluded_by = actor
        motion.save(
            update_fields=["discussion_concluded", "discussion_concluded_at", "discussion_concluded_by"]
        )
        record_event("motion.discussion_concluded", actor=actor, subject=f"motion:{motion.pk}")
        notify(motion.conference.pk, "motion", {"motion": motion.pk, "discussion_concluded": True})
    return motion


def _locked(motion: Motion) -> Motion:
    return (
        Motion.objects.select_for_update(of=("self",))
        .select_related("agenda_item__conference")
        .get(pk=motion.pk)
    )


def _step(motion: Motion, target: MotionState) -> None:
    try:
        mover_of(motion.state, target)
    except TransitionRefused as error:
        raise refusal(error) from None
    motion.state = target.value
