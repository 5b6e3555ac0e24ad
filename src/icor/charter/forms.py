from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from icor.charter.models import Clause
from icor.core.languages import TEXT_LANGUAGES


class ResolutionTranslationForm(forms.Form):
    """One field per clause and per section title; empty fields leave the clause as it was."""

    language = forms.ChoiceField(label=_("Language of the translation"), choices=TEXT_LANGUAGES)

    def __init__(self, *args: Any, clauses: list[Clause], existing: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.clauses = clauses
        seen_sections: set[str] = set()
        for clause in clauses:
            if clause.section_anchor not in seen_sections:
                seen_sections.add(clause.section_anchor)
                self.fields[f"section-{clause.section_anchor}"] = forms.CharField(
                    label=clause.section_title, required=False, max_length=200
                )
            self.fields[f"clause-{clause.anchor}"] = forms.CharField(
                label=clause.text,
                required=False,
                initial=existing.get(clause.anchor, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def texts(self) -> dict[str, str]:
        return {
            clause.anchor: self.cleaned_data.get(f"clause-{clause.anchor}") or "" for clause in self.clauses
        }

    def section_titles(self) -> dict[str, str]:
        prefix = "section-"
        return {
            name[len(prefix) :]: value or ""
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix)
        }
