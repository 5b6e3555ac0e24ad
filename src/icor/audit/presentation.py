"""The audit log in words: event types, roles and the recorded data named, never shown as codes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from icor.core.continents import Continent
from icor.core.roles import Role

EVENT_LABELS: Mapping[str, Promise] = {
    "ballot.cast": _("Vote cast"),
    "ballot.changes_allowed": _("Ballot: changing votes allowed"),
    "ballot.closed": _("Ballot closed"),
    "ballot.opened": _("Ballot opened"),
    "conference.agenda_item_added": _("Agenda item added"),
    "conference.checked_in": _("Delegation checked in"),
    "conference.checked_out": _("Delegation checked out"),
    "conference.created": _("Conference created"),
    "conference.opened": _("Conference opened"),
    "conference.closed": _("Conference closed"),
    "conference.delegation_accredited": _("Delegation accredited"),
    "conference.delegation_changed": _("Delegation changed"),
    "conference.guest_invited": _("Guest invited"),
    "consensus.closed": _("Consensus round closed"),
    "consensus.opened": _("Consensus round opened"),
    "consensus.position": _("Position stated in a consensus round"),
    "debate.amendment_proposed": _("Amendment proposed"),
    "debate.amendment_translated": _("Amendment translated"),
    "debate.contribution": _("Contribution to a debate"),
    "motion.cosponsored": _("Motion co-sponsored"),
    "motion.created": _("Motion created"),
    "motion.translated": _("Motion translated"),
    "charter.translated": _("Founding Resolution translated"),
    "motion.submitted": _("Motion submitted"),
    "motion.discussion_concluded": _("Discussion concluded"),
    "motion.in_discussion": _("Motion put to discussion"),
    "motion.withdrawn": _("Motion withdrawn"),
    "motion.deferred": _("Motion deferred"),
    "motion.draft": _("Motion returned to draft"),
    "motion.submitted_again": _("Motion submitted again"),
    "partner.recorded": _("Partner recorded"),
    "partners.loaded": _("Partners loaded"),
    "partners.project_linked": _("Partner linked to a project"),
    "partners.project_unlinked": _("Partner unlinked from a project"),
    "privacy.erased": _("Personal data erased"),
    "privacy.exported": _("Organization data exported"),
    "projects.activity_created": _("Activity created"),
    "projects.created": _("Project created"),
    "projects.need_set": _("Brigade need set"),
    "projects.participation_reported": _("Participation reported"),
    "projects.status_changed": _("Project status changed"),
    "projects.support_declared": _("Support declared"),
    "projects.support_withdrawn": _("Support withdrawn"),
    "projects.task_created": _("Task created"),
    "projects.volunteer_assigned": _("Volunteer assigned"),
    "projects.volunteer_registered": _("Volunteer offered"),
    "registry.admitted": _("Organization admitted"),
    "registry.application_submitted": _("Application submitted"),
    "registry.imported": _("Registry loaded"),
    "registry.left": _("Exit recorded"),
    "registry.refused": _("Application refused"),
}
KEY_LABELS: Mapping[str, Promise] = {
    "motion": _("motion"),
    "motion_state": _("state of the motion"),
    "outcome": _("outcome"),
    "kind": _("kind"),
    "title": _("title"),
    "choice": _("choice"),
    "position": _("position"),
    "stance": _("position"),
    "changed": _("changed"),
    "present": _("present"),
    "secret": _("secret ballot"),
    "allow_changes": _("votes may be changed"),
    "closes_at": _("closes at"),
    "votes_per_delegation": _("votes per delegation"),
    "reservations": _("reservations"),
    "objections": _("objections"),
    "round": _("round"),
    "delegation": _("delegation"),
    "delegates": _("delegates"),
    "has_voting_delegate": _("has a voting delegate"),
    "quorum": _("quorum"),
    "contribution": _("contribution"),
    "reply_to": _("in reply to"),
    "project": _("project"),
    "due_on": _("due on"),
    "created": _("created"),
    "amendment": _("amendment"),
    "organization": _("organization"),
    # The same word labels the state a change left and the first day of a brigade period.
    "from": pgettext_lazy("audit log: the state a change left, or the first day of a period", "from"),
    "country": _("country"),
    "continent": _("continent"),
    "city": _("city"),
    "people": _("people"),
    "what": _("what"),
    "activity": _("activity"),
    "language": _("language"),
    "version": _("version"),
    "replaced": _("replaces an earlier translation"),
    "periods": _("periods"),
    "volunteer": _("volunteer"),
    "skill": _("skill"),
    "count": _("count"),
    "starts_on": _("starts on"),
    "ends_on": _("ends on"),
    "status": _("status"),
    "conference": _("conference"),
    "to": pgettext_lazy("audit log: the state a change led to", "to"),
}
# Keys whose values are codes of some choice; their labels, from every list of choices that can appear.
CODED_KEYS = frozenset(
    {"from", "to", "state", "motion_state", "status", "level", "choice", "position", "stance"}
)
# Filled by the apps in their AppConfig.ready(): the log is kept below them and knows none of them.
CODE_LABELS: dict[str, Any] = {}
# Key -> text of a value of that key, or None when the value is not of the kind the app wrote.
ValueText = Callable[[Any], "str | None"]
_value_texts: dict[str, ValueText] = {}
OrganizationNames = Callable[[set[int]], dict[int, str]]
_organization_names: list[OrganizationNames] = []


def register_code_labels(choices: Iterable[tuple[str, Any]]) -> None:
    """Codes an app writes under one of CODED_KEYS (states, positions, kinds), with their labels."""
    CODE_LABELS.update(dict(choices))


def register_value_text(key: str, text: ValueText) -> None:
    """How the values an app writes under `key` read on the log page (e.g. a conference's outcome)."""
    known = _value_texts.get(key)
    if known is not None and known is not text:
        raise ValueError(f"The values of {key!r} have their text already.")
    _value_texts[key] = text


def register_organization_names(names: OrganizationNames) -> None:
    """Where the log page finds the names of the acting organizations it keeps by id."""
    if names not in _organization_names:
        _organization_names.append(names)


def organization_names(ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for names in _organization_names:
        found.update(names(ids))
    return found


def event_label(event: str) -> str:
    label = EVENT_LABELS.get(event)
    if label is not None:
        return str(label)
    # An event without a name of its own yet: its words, without the dots and underscores of the code.
    return event.replace(".", ": ").replace("_", " ")


def role_label(role: str) -> str:
    return str(dict(Role.choices).get(role, role))


def _statements(value: list[Any]) -> str:
    parts = []
    for item in value:
        if isinstance(item, Mapping):
            name = item.get("organization_name") or item.get("organization") or ""
            parts.append(f"{name}: {item.get('text', '')}".strip(": "))
        else:
            parts.append(str(item))
    return "; ".join(parts) or "—"


def value_text(key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    text = _value_texts.get(key)
    if text is not None:
        written = text(value)
        if written is not None:
            return written
    if key == "country" and isinstance(value, str):
        return str(countries.name(value)) or value
    if key == "continent" and isinstance(value, str):
        return str(dict(Continent.choices).get(value, value))
    if isinstance(value, str) and key in CODED_KEYS:
        return str(CODE_LABELS.get(value, value))
    if isinstance(value, list):
        return _statements(value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key_label(k)}: {value_text(k, v)}" for k, v in sorted(value.items()))
    return str(value)


def key_label(key: str) -> str:
    return str(KEY_LABELS.get(key, key.replace("_", " ")))


def details(data: object) -> list[tuple[str, str]]:
    if not isinstance(data, Mapping):
        return [("", value_text("", data))]
    return [(key_label(key), value_text(key, value)) for key, value in sorted(data.items())]
