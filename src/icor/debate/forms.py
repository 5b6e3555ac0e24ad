from django import forms
from django.utils.translation import gettext_lazy as _

from icor.core import bounds
from icor.core.languages import TEXT_LANGUAGES
from icor.debate.models import Stance


class ContributionForm(forms.Form):
    stance = forms.ChoiceField(
        label=_("Your organization's position"), choices=Stance.choices, initial=Stance.COMMENT
    )
    text = forms.CharField(
        label=_("Contribution"), widget=forms.Textarea(attrs={"rows": 4}), max_length=bounds.MAX_CONTRIBUTION
    )
    parent = forms.IntegerField(
        required=False, min_value=1, max_value=bounds.MAX_ID, widget=forms.HiddenInput
    )


class AmendmentTranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"), choices=TEXT_LANGUAGES)
    proposed_text = forms.CharField(
        label=_("Proposed text, translated"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20_000
    )
    rationale = forms.CharField(
        label=_("Rationale, translated"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=20_000,
    )


class AmendmentForm(forms.Form):
    proposed_text = forms.CharField(
        label=_("Proposed text (the whole text as it should read)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=bounds.MAX_MOTION_TEXT,
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=bounds.MAX_RATIONALE,
    )


class DecisionNoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=bounds.MAX_DECISION_NOTE)
