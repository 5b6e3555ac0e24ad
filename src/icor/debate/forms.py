from django import forms
from django.utils.translation import gettext_lazy as _

from icor.debate.models import Stance


class ContributionForm(forms.Form):
    stance = forms.ChoiceField(
        label=_("Your organization's position"), choices=Stance.choices, initial=Stance.COMMENT
    )
    text = forms.CharField(
        label=_("Contribution"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class AmendmentForm(forms.Form):
    proposed_text = forms.CharField(
        label=_("Proposed text (the whole text as it should read)"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
    )
    rationale = forms.CharField(
        label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=20_000
    )


class DecisionNoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=300)
