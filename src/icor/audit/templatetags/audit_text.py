"""Template filters that name audit events, roles and data in the reader's language."""

from __future__ import annotations

from django import template

from icor.audit import presentation

register = template.Library()


@register.filter
def event_label(event: str) -> str:
    return presentation.event_label(event)


@register.filter
def role_label(role: str) -> str:
    return presentation.role_label(role)


@register.filter
def details(data: object) -> list[tuple[str, str]]:
    return presentation.details(data)
