from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from icor.accounts.forms import InvitationForm
from icor.accounts.models import Role, User
from icor.conferences.models import AgendaItem, Choice, Conference, ConferenceKind, ConferenceStatus, Position
from icor.conferences.models.motion import KIND_CHOICES
from icor.core import bounds
from icor.core.fields import IdChoiceField, IdsChoiceField
from icor.core.languages import TEXT_LANGUAGES
from icor.partners.models import Partner
from icor.registry.continents import country_choices
from icor.registry.models import Continent, Organization


class ConferenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ConferenceKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online = forms.BooleanField(label=_("Held online"), required=False)
    continent = forms.ChoiceField(
        label=_("Continent (continental conference)"),
        choices=[("", "—"), *Continent.choices],
        required=False,
    )
    region_name = forms.CharField(
        label=_("Name of the region (regional conference)"), max_length=120, required=False
    )
    region_countries = forms.MultipleChoiceField(
        label=_("Countries of the region (regional conference)"),
        choices=country_choices,
        required=False,
    )
    quorum = forms.IntegerField(
        label=_("Quorum (delegations present)"),
        min_value=1,
        max_value=bounds.MAX_QUORUM,
        required=False,
        help_text=_("Empty: no quorum. The Founding Resolution sets none."),
    )
    votes_per_delegation = forms.IntegerField(
        label=_("Votes per delegation"), min_value=1, max_value=bounds.MAX_VOTES_PER_DELEGATION, initial=1
    )


class AccountChoice(IdChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.shown_name)  # delegates are known by their public name


class AccountsChoice(IdsChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.shown_name)


class AccreditationForm(forms.Form):
    delegates = AccountsChoice(
        label=_("Delegates"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    voting_delegate = AccountChoice(
        label=_("Voting delegate"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Holds the organization's vote; the other delegates observe."),
    )

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        accounts = User.objects.filter(
            organization=organization, role__in=[Role.OFFICER, Role.DELEGATE], is_active=True
        )
        for name in ("delegates", "voting_delegate"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = accounts


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=200)


class MotionForm(forms.Form):
    agenda_item = IdChoiceField(label=_("Agenda item"), queryset=AgendaItem.objects.none())
    kind = forms.ChoiceField(label=_("Kind of question"), choices=KIND_CHOICES)
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}), max_length=bounds.MAX_MOTION_TEXT
    )
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=TEXT_LANGUAGES,
        initial="en",
        required=False,
        help_text=_("The text as written stays the authoritative one; delegations can add translations."),
    )
    submit = forms.BooleanField(label=_("Submit now (otherwise keep as draft)"), required=False, initial=True)

    def __init__(self, *args: Any, conference: Conference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agenda_item"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = conference.agenda.all()


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"), choices=TEXT_LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), max_length=bounds.MAX_TRANSLATION
    )


class PositionForm(forms.Form):
    position = forms.ChoiceField(
        label=_("Position of your delegation"), choices=Position.choices, widget=forms.RadioSelect
    )
    statement = forms.CharField(
        label=_("Reservation or reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=bounds.MAX_STATEMENT,
        help_text=_("Required when you stand aside or object (S2)."),
    )


class BallotForm(forms.Form):
    secret = forms.BooleanField(label=_("Secret ballot"), required=False)
    allow_changes = forms.BooleanField(
        label=_("Delegations may change their vote while it is open"), required=False
    )
    minimum_minutes = forms.IntegerField(
        label=_("Minimum open time (minutes)"), min_value=0, max_value=bounds.MAX_BALLOT_MINUTES, initial=0
    )
    closes_in_minutes = forms.IntegerField(
        label=_("Close automatically after (minutes)"),
        min_value=1,
        max_value=bounds.MAX_BALLOT_MINUTES,
        required=False,
    )


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your delegation's vote"), choices=Choice.choices, widget=forms.RadioSelect
    )
    receipt = forms.CharField(
        label=_("Receipt code (only to change a secret vote)"), max_length=40, required=False
    )


class ReceiptForm(forms.Form):
    code = forms.CharField(label=_("Your receipt code"), max_length=40)


class ObserverInvitationForm(InvitationForm):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=Partner.objects.all())
    conference = forms.ModelChoiceField(
        label=_("Conference"), queryset=Conference.objects.exclude(status=ConferenceStatus.CLOSED)
    )
