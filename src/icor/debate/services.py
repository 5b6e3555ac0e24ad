"""Every write of the debate: contributions, amendments and the list of speakers (S14).

Contributions and amendments are made by accredited delegates for their own organization
(S11); the chair (the coordinating committee) adopts amendments and calls the speakers.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext
from rules import has_perm

from icor.audit.services import record_event
from icor.conferences.models import Conference, Motion, MotionVersion
from icor.conferences.services import notify, require_chair, require_not_closed, seat_of
from icor.conferences.transitions import MotionState
from icor.core import bounds
from icor.core.languages import TEXT_LANGUAGE_CODES
from icor.core.refusals import WRONG_STATE
from icor.debate.diff import changed_words, word_diff
from icor.debate.models import (
    Amendment,
    AmendmentState,
    AmendmentTranslation,
    AmendmentTranslationRevision,
    Contribution,
    Speaker,
    SpeakersList,
    SpeakerState,
    Stance,
)

# The debate runs from submission until the motion is decided or set aside.
OPEN_FOR_DEBATE = {MotionState.SUBMITTED, MotionState.IN_DISCUSSION, MotionState.CONSENSUS_ROUND}
# Amendments change the text, which is only possible before any decision procedure starts.
OPEN_FOR_AMENDMENT = {MotionState.SUBMITTED, MotionState.IN_DISCUSSION}


def _clean_text(text: str, *, empty: str, too_long: str, limit: int) -> str:
    """`empty` and `too_long` are whole translated sentences (a noun slotted in would not translate)."""
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(empty)
    if len(cleaned) > limit:
        raise ValidationError(too_long % {"maximum": limit})
    return cleaned


def contribute(
    *, motion: Motion, actor: Any, text: str, stance: str = Stance.COMMENT, parent: Contribution | None = None
) -> Contribution:
    """A delegate speaks for its own organization in the debate on a motion."""
    conference = motion.conference
    seat = seat_of(actor, conference)
    require_not_closed(conference)
    if motion.state not in OPEN_FOR_DEBATE:
        raise ValidationError(
            gettext("The motion is %(state)s; its debate is closed.") % {"state": motion.get_state_display()},
            code=WRONG_STATE,
        )
    if stance not in Stance.values:
        raise ValidationError(gettext("Unknown position “%(stance)s”.") % {"stance": stance})
    if parent is not None and parent.motion_id != motion.pk:
        raise ValidationError(
            gettext("A reply must belong to the same motion as the contribution it answers.")
        )
    body = _clean_text(
        text,
        empty=gettext("The contribution is empty."),
        too_long=gettext("The contribution is longer than %(maximum)s characters."),
        limit=bounds.MAX_CONTRIBUTION,
    )
    with transaction.atomic():
        contribution = Contribution.objects.create(
            motion=motion,
            parent=parent,
            organization=seat.delegation.organization,
            author=actor,
            author_name=actor.shown_name,
            stance=stance,
            text=body,
        )
        record_event(
            "debate.contribution",
            actor=actor,
            subject=f"motion:{motion.pk}",
            data={
                "contribution": contribution.pk,
                "stance": stance,
                "reply_to": parent.pk if parent else None,
            },
        )
    notify(conference.pk, "debate", {"motion": motion.pk})
    return contribution


def propose_amendment(*, motion: Motion, actor: Any, proposed_text: str, rationale: str = "") -> Amendment:
    """A delegation proposes a new text; the difference is shown against the current version."""
    conference = motion.conference
    seat = seat_of(actor, conference)
    require_not_closed(conference)
    if motion.state not in OPEN_FOR_AMENDMENT:
        raise ValidationError(
            gettext("The motion is %(state)s; amendments are possible only before a decision procedure.")
            % {"state": motion.get_state_display()},
            code=WRONG_STATE,
        )
    if motion.discussion_concluded:
        raise ValidationError(
            gettext("The chair has concluded the discussion; the text can no longer be amended."),
            code=WRONG_STATE,
        )
    text = _clean_text(
        proposed_text,
        empty=gettext("The proposed text is empty."),
        too_long=gettext("The proposed text is longer than %(maximum)s characters."),
        limit=bounds.MAX_MOTION_TEXT,
    )
    bounds.check_text(gettext("Rationale"), rationale.strip(), limit=bounds.MAX_RATIONALE)
    if text == motion.text:
        raise ValidationError(gettext("The proposed text is the same as the current text."))
    with transaction.atomic():
        locked = Motion.objects.select_for_update().get(pk=motion.pk)
        base = locked.versions.order_by("-number").first()
        if base is None:
            raise ValidationError(gettext("The motion has no submitted text to amend yet."), code=WRONG_STATE)
        number = (Amendment.objects.filter(motion=locked).aggregate(last=Max("number"))["last"] or 0) + 1
        segments = word_diff(base.text, text)
        removed, added = changed_words(segments)
        amendment = Amendment.objects.create(
            motion=locked,
            number=number,
            organization=seat.delegation.organization,
            author=actor,
            author_name=actor.shown_name,
            base=base,
            proposed_text=text,
            rationale=rationale.strip(),
            diff=[[segment.operation, segment.text] for segment in segments],
            words_removed=removed,
            words_added=added,
        )
        record_event(
            "debate.amendment_proposed",
            actor=actor,
            subject=f"motion:{motion.pk}",
            data={"amendment": number, "base_version": base.number},
        )
    notify(conference.pk, "debate", {"motion": motion.pk})
    return amendment


def withdraw_amendment(*, amendment: Amendment, actor: Any) -> Amendment:
    """Only the proposing organization withdraws its amendment (S11)."""
    if not getattr(actor, "acts_for", lambda _pk: False)(amendment.organization_id):
        raise PermissionDenied(
            gettext("Only the organization that proposed an amendment can withdraw it (S11).")
        )
    return _decide(amendment, actor=actor, state=AmendmentState.WITHDRAWN, note="")


def reject_amendment(*, amendment: Amendment, actor: Any, note: str = "") -> Amendment:
    """The chair records that the conference did not take the amendment up."""
    require_chair(actor)
    return _decide(amendment, actor=actor, state=AmendmentState.REJECTED, note=note)


def adopt_amendment(*, amendment: Amendment, actor: Any, note: str = "") -> Amendment:
    """The chair records that the conference took the amendment up: a new version of the motion."""
    require_chair(actor)
    return _decide(amendment, actor=actor, state=AmendmentState.ADOPTED, note=note)


def _decide(amendment: Amendment, *, actor: Any, state: str, note: str) -> Amendment:
    note = note.strip()
    bounds.check_text(gettext("Note"), note, limit=bounds.MAX_DECISION_NOTE)
    with transaction.atomic():
        motion = Motion.objects.select_for_update().get(pk=amendment.motion_id)
        amendment = Amendment.objects.select_for_update().get(pk=amendment.pk)
        require_not_closed(motion.conference)
        if amendment.state != AmendmentState.PROPOSED:
            raise ValidationError(
                gettext("Amendment A%(number)s is already %(state)s.")
                % {"number": amendment.number, "state": amendment.get_state_display()},
                code=WRONG_STATE,
            )
        if state == AmendmentState.ADOPTED:
            _apply(amendment, motion)
        amendment.state = state
        amendment.decided_at = timezone.now()
        amendment.decision_note = note
        amendment.save()
        record_event(
            f"debate.amendment_{state}",
            actor=actor,
            organization_id=amendment.organization_id if state == AmendmentState.WITHDRAWN else None,
            subject=f"motion:{motion.pk}",
            data={
                "amendment": amendment.number,
                "version": amendment.resulting_version.number if amendment.resulting_version else None,
            },
        )
    notify(motion.conference.pk, "debate", {"motion": motion.pk})
    return amendment


def _apply(amendment: Amendment, motion: Motion) -> None:
    if motion.state not in OPEN_FOR_AMENDMENT or motion.discussion_concluded:
        raise ValidationError(gettext("The text of this motion can no longer change."), code=WRONG_STATE)
    latest = motion.versions.order_by("-number").first()
    if latest is None or latest.pk != amendment.base_id:
        raise ValidationError(
            gettext(
                "The motion has changed since amendment A%(number)s was proposed (it amends version %(version)s); the proposer must propose it again on the current text."
            )
            % {"number": amendment.number, "version": amendment.base.number},
            code=WRONG_STATE,
        )
    version = MotionVersion.objects.create(
        motion=motion,
        number=latest.number + 1,
        title=motion.title,
        text=amendment.proposed_text,
        note=f"Amendment A{amendment.number} of {amendment.organization.short_name}"[:200],
    )
    motion.text = amendment.proposed_text
    motion.save(update_fields=["text"])
    amendment.resulting_version = version


def speakers_list_of(conference: Conference) -> SpeakersList:
    speakers, _ = SpeakersList.objects.get_or_create(conference=conference)
    return speakers


def request_floor(*, conference: Conference, actor: Any) -> Speaker:
    """A delegate puts their own name on the list of speakers."""
    seat = seat_of(actor, conference)
    require_not_closed(conference)
    speakers = speakers_list_of(conference)
    if speakers.closed:
        raise ValidationError(gettext("The chair has closed the list of speakers."), code=WRONG_STATE)
    try:
        with transaction.atomic():
            entry = Speaker.objects.create(
                speakers_list=speakers,
                organization=seat.delegation.organization,
                account=actor,
                shown_name=actor.shown_name,
            )
    except IntegrityError:
        raise ValidationError(gettext("You are already on the list of speakers."), code=WRONG_STATE) from None
    notify(
        conference.pk, "speakers", {"waiting": speakers.entries.filter(state=SpeakerState.WAITING).count()}
    )
    return entry


def withdraw_from_floor(*, entry: Speaker, actor: Any) -> Speaker:
    if not has_perm("debate.take_off_list", actor, entry):
        raise PermissionDenied(gettext("Only the speaker or the chair can take a name off the list."))
    return _end(entry, SpeakerState.WITHDRAWN)


def call_next_speaker(*, conference: Conference, actor: Any) -> Speaker | None:
    """The chair ends the current speech and gives the floor to the first one waiting."""
    require_chair(actor)
    speakers = speakers_list_of(conference)
    with transaction.atomic():
        for current in speakers.entries.select_for_update().filter(state=SpeakerState.SPEAKING):
            current.state, current.ended_at = SpeakerState.DONE, timezone.now()
            current.save(update_fields=["state", "ended_at"])
        following = speakers.entries.select_for_update().filter(state=SpeakerState.WAITING).first()
        if following is not None:
            following.state, following.started_at = SpeakerState.SPEAKING, timezone.now()
            following.save(update_fields=["state", "started_at"])
    notify(conference.pk, "speakers", {"speaking": following.pk if following else None})
    return following


def end_speech(*, entry: Speaker, actor: Any) -> Speaker:
    require_chair(actor)
    if entry.state != SpeakerState.SPEAKING:
        raise ValidationError(gettext("This speaker does not have the floor."), code=WRONG_STATE)
    return _end(entry, SpeakerState.DONE)


def _end(entry: Speaker, state: str) -> Speaker:
    with transaction.atomic():
        entry = Speaker.objects.select_for_update().get(pk=entry.pk)
        if entry.state not in (SpeakerState.WAITING, SpeakerState.SPEAKING):
            raise ValidationError(gettext("This entry of the list is already finished."), code=WRONG_STATE)
        entry.state, entry.ended_at = state, timezone.now()
        entry.save(update_fields=["state", "ended_at"])
    notify(entry.speakers_list.conference_id, "speakers", {"ended": entry.pk})
    return entry


def set_list_closed(
    *, conference: Conference, actor: Any, closed: bool, motion: Motion | None = None
) -> SpeakersList:
    """The chair closes the list (no new names) or opens it again, optionally for one motion."""
    require_chair(actor)
    if motion is not None and motion.conference.pk != conference.pk:
        raise ValidationError(gettext("That motion belongs to another conference."))
    speakers = speakers_list_of(conference)
    speakers.closed = closed
    if motion is not None:
        speakers.motion = motion
    speakers.save()
    notify(conference.pk, "speakers", {"closed": closed})
    return speakers


def translate_amendment(
    *, amendment: Amendment, actor: Any, language: str, proposed_text: str, rationale: str = ""
) -> AmendmentTranslation:
    """Any delegation adds (or renews) a translation of an amendment in its own organization's name (S11)."""
    if not has_perm("debate.translate_amendment", actor):
        raise PermissionDenied(gettext("Only the accounts of a member organization provide translations."))
    organization = actor.organization
    motion = amendment.motion
    require_not_closed(motion.conference)
    if language not in TEXT_LANGUAGE_CODES:
        raise ValidationError(gettext("Unknown language “%(language)s”.") % {"language": language})
    if language == motion.language:
        raise ValidationError(gettext("The original text is written in this language already."))
    text = _clean_text(
        proposed_text,
        empty=gettext("The proposed text is empty."),
        too_long=gettext("The proposed text is longer than %(maximum)s characters."),
        limit=bounds.MAX_MOTION_TEXT,
    )
    with transaction.atomic():
        earlier = (
            AmendmentTranslation.objects.select_for_update()
            .filter(amendment=amendment, language=language)
            .first()
        )
        if earlier is not None and (earlier.proposed_text, earlier.rationale) != (text, rationale.strip()):
            # The text it replaces stays readable, with who provided it and when.
            AmendmentTranslationRevision.objects.create(
                translation=earlier,
                proposed_text=earlier.proposed_text,
                rationale=earlier.rationale,
                organization_id=earlier.organization_id,
                provided_by_id=earlier.provided_by_id,
                provided_at=earlier.updated_at,
            )
        translation, created = AmendmentTranslation.objects.update_or_create(
            amendment=amendment,
            language=language,
            defaults={
                "proposed_text": text,
                "rationale": rationale.strip(),
                "organization": organization,
                "provided_by": actor,
            },
        )
        record_event(
            "debate.amendment_translated",
            actor=actor,
            organization_id=organization.pk,
            subject=f"amendment:{amendment.pk}",
            data={"language": language, "replaced": not created},
        )
    return translation
