from django import forms
from django.utils.translation import gettext_lazy as _

from icor.core import bounds
from icor.registry.continents import country_choices
from icor.registry.models import Continent


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    continent = forms.ChoiceField(
        label=_("Continent"),
        required=False,
        choices=[("", _("All continents")), *Continent.choices],
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=lambda: [("", _("All countries")), *country_choices()]
    )
    year = forms.IntegerField(label=_("Member since"), required=False, min_value=2010, max_value=2100)
    former = forms.BooleanField(label=_("Include former members"), required=False)


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_("Name of the organization (original language)"), max_length=200)
    abbreviation = forms.CharField(label=_("Abbreviation"), max_length=40, required=False)
    english_name = forms.CharField(label=_("English name"), max_length=200, required=False)
    # Inhabited countries only, those of member organizations first (registry.continents).
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    contact = forms.CharField(
        label=_("Contact"),
        max_length=200,
        help_text=_("How the coordinating committee can reach you. Give only what is safe for you."),
    )
    statement = forms.CharField(
        label=_("Statement"), widget=forms.Textarea(attrs={"rows": 6}), max_length=5000
    )
    affirms_basis = forms.BooleanField(
        label=_("We affirm the ideological-political basis of the Founding Resolution of the ICOR."),
        required=True,
    )


class AdmissionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("admit", _("Admit")), ("refuse", _("Refuse"))]
    )
    decided_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS,
        label=_("Date of the decision"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    decision_reference = forms.CharField(label=_("Decision reference"), max_length=200)
    first_officer_email = forms.EmailField(
        label=_("E-mail of the first officer (optional)"),
        required=False,
        help_text=_(
            "On admission the page shows the first officer's invitation link once; it is also mailed here."
        ),
    )


class ExitForm(forms.Form):
    left_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS,
        label=_("Date of leaving"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
