"""Reads of the debate: the threaded contributions, amendments with their differences, speakers."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch

from icor.conferences.models import Conference, Motion
from icor.debate.diff import Segment
from icor.debate.models import (
    Amendment,
    AmendmentTranslation,
    AmendmentTranslationRevision,
    Contribution,
    Speaker,
    SpeakersList,
    SpeakerState,
)


@dataclass(frozen=True)
class ThreadNode:
    contribution: Contribution
    replies: list[ThreadNode]


def thread(motion: Motion) -> list[ThreadNode]:
    """All contributions of a motion as a tree, oldest first, in two queries' worth of rows."""
    contributions = list(Contribution.objects.filter(motion=motion).select_related("organization"))
    children: dict[int | None, list[Contribution]] = defaultdict(list)
    for contribution in contributions:
        children[contribution.parent_id].append(contribution)

    def build(parent_id: int | None) -> list[ThreadNode]:
        return [ThreadNode(c, build(c.pk)) for c in children[parent_id]]

    return build(None)


def positions(motion: Motion) -> list[tuple[str, str, int]]:
    """The latest stated position of each organization in the debate (S14: positions per organization)."""
    latest: dict[int, Contribution] = {}
    for contribution in Contribution.objects.filter(motion=motion).select_related("organization"):
        latest[contribution.organization_id] = contribution
    counts = Counter(c.stance for c in latest.values())
    return [(c.organization.short_name, c.get_stance_display(), counts[c.stance]) for c in latest.values()]


@dataclass(frozen=True)
class AmendmentView:
    amendment: Amendment
    segments: list[Segment]
    removed: int
    added: int
    current: bool
    translations: list[AmendmentTranslation] = field(default_factory=list)


def amendments(motion: Motion) -> list[AmendmentView]:
    latest = motion.versions.order_by("-number").values_list("pk", flat=True).first()
    views = []
    for amendment in (
        Amendment.objects.filter(motion=motion)
        .select_related("base", "organization", "resulting_version")
        .prefetch_related(
            Prefetch(
                "translations",
                queryset=AmendmentTranslation.objects.select_related("organization").prefetch_related(
                    Prefetch(
                        "revisions",
                        queryset=AmendmentTranslationRevision.objects.select_related("organization"),
                    )
                ),
            )
        )
    ):
        segments = [Segment(operation, text) for operation, text in amendment.diff]
        translations = list(amendment.translations.all())
        views.append(
            AmendmentView(
                amendment,
                segments,
                amendment.words_removed,
                amendment.words_added,
                amendment.base_id == latest,
                translations,
            )
        )
    return views


@dataclass(frozen=True)
class SpeakersView:
    closed: bool
    speaking: Speaker | None
    waiting: list[Speaker]
    done: list[Speaker]


def speakers(conference: Conference) -> SpeakersView:
    entries = list(
        Speaker.objects.filter(speakers_list__conference=conference).select_related(
            "organization", "speakers_list"
        )
    )
    closed = SpeakersList.objects.filter(conference=conference).values_list("closed", flat=True).first()
    return SpeakersView(
        closed=bool(closed),
        speaking=next((e for e in entries if e.state == SpeakerState.SPEAKING), None),
        waiting=[e for e in entries if e.state == SpeakerState.WAITING],
        done=[e for e in entries if e.state == SpeakerState.DONE][-10:],
    )
