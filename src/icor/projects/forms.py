"""Thin forms: they parse input; the services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from icor.core import bounds
from icor.core.collation import by_country_and_name
from icor.core.fields import IdsChoiceField
from icor.projects.models import Kind, Level, ProjectStatus
from icor.registry.continents import country_choices
from icor.registry.models import Continent, Organization


class DateInput(forms.DateInput):
    input_type = "date"


class ScopeFields(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices, initial=Level.WORLDWIDE)
    continent = forms.ChoiceField(
        label=_("Continent (continental level)"), choices=[("", "—"), *Continent.choices], required=False
    )
    region_name = forms.CharField(
        label=_("Name of the region (regional level)"), max_length=120, required=False
    )
    region_countries = forms.MultipleChoiceField(
        label=_("Countries of the region (regional level)"), choices=country_choices, required=False
    )


class ProjectEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=bounds.MAX_DESCRIPTION,
    )
    starts_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Starts on"), widget=DateInput, required=False
    )
    ends_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Ends on"), widget=DateInput, required=False
    )


class ProjectForm(ScopeFields, ProjectEditForm):
    """A new project: what an edit may change, and what is fixed once it is launched."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, initial=Kind.MAIN_TASK)
    launching_decision = forms.CharField(
        label=_("Launching decision"),
        max_length=200,
        required=False,
        help_text=_(
            "The conference decision that launched the project, e.g. “World Conference 2025, resolution 7”."
        ),
    )
    recruits_volunteers = forms.BooleanField(label=_("Recruits volunteers (brigade)"), required=False)
    coordinators = IdsChoiceField(
        label=_("Coordinating organizations"),
        queryset=Organization.objects.filter(memberships__left_on__isnull=True).distinct(),
        required=False,
        help_text=_(
            "The coordinating committee names them; an officer's project is coordinated by its own organization."
        ),
    )

    field_order = [
        "title",
        "description",
        "kind",
        "starts_on",
        "ends_on",
        "level",
        "continent",
        "region_name",
    ]

    def __init__(self, *args: Any, committee: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not committee:
            del self.fields["coordinators"]
            return
        field = self.fields["coordinators"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        # Shown by country and name in the reader's alphabetical order; the queryset still validates.
        members = sorted(field.queryset or [], key=by_country_and_name)
        field.choices = [(organization.pk, str(organization)) for organization in members]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ProjectStatus.choices)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=bounds.MAX_DESCRIPTION,
    )
    due_on = forms.DateField(validators=bounds.DAY_VALIDATORS, label=_("Due on"), widget=DateInput)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000
    )


class ActivityEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(validators=bounds.DAY_VALIDATORS, label=_("First day"), widget=DateInput)
    ends_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS,
        label=_("Last day (if several days)"),
        widget=DateInput,
        required=False,
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=bounds.MAX_DESCRIPTION,
    )


class ActivityForm(ScopeFields, ActivityEditForm):
    field_order = ["title", "starts_on", "ends_on", "description", "level", "continent", "region_name"]


class ParticipationForm(forms.Form):
    what = forms.CharField(label=_("What your organization did"), max_length=300)
    city = forms.CharField(label=_("City"), max_length=120)
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=lambda: [("", "—"), *country_choices()],
        help_text=_("Leave empty for your own country."),
    )
    people = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=bounds.MAX_PEOPLE)


class VolunteerForm(forms.Form):
    pseudonym = forms.CharField(label=_("Pseudonym"), max_length=80)
    skills = forms.CharField(label=_("Skills (comma-separated)"), max_length=300)
    languages = forms.CharField(label=_("Languages (comma-separated)"), max_length=200, required=False)
    available_from = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Available from"), widget=DateInput
    )
    available_until = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Available until"), widget=DateInput
    )
    also_from = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Second period: from"), widget=DateInput, required=False
    )
    also_until = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Second period: until"), widget=DateInput, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("also_from")) != bool(data.get("also_until")):
            self.add_error("also_until", _("Give both dates of the second period, or neither."))
        return data

    def periods(self) -> list[tuple[Any, Any]]:
        data = self.cleaned_data
        periods = [(data["available_from"], data["available_until"])]
        if data.get("also_from") and data.get("also_until"):
            periods.append((data["also_from"], data["also_until"]))
        return periods


class NeedForm(forms.Form):
    skill = forms.CharField(label=_("Skill"), max_length=80)
    count = forms.IntegerField(
        label=_("Number of volunteers"), min_value=1, max_value=bounds.MAX_VOLUNTEERS_NEEDED
    )
    starts_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("From the week of"), widget=DateInput
    )
    ends_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Until the week of"), widget=DateInput
    )


class AssignmentForm(forms.Form):
    volunteer = forms.ChoiceField(label=_("Volunteer"))
    starts_on = forms.DateField(validators=bounds.DAY_VALIDATORS, label=_("On site from"), widget=DateInput)
    ends_on = forms.DateField(validators=bounds.DAY_VALIDATORS, label=_("On site until"), widget=DateInput)

    def __init__(self, *args: Any, volunteers: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["volunteer"].choices = [(str(pk), label) for pk, label in volunteers]  # type: ignore[attr-defined]


class VolunteerEditForm(forms.Form):
    skills = forms.CharField(label=_("Skills (comma-separated)"), max_length=300)
    languages = forms.CharField(label=_("Languages (comma-separated)"), max_length=200, required=False)


class NeedEditForm(forms.Form):
    count = forms.IntegerField(
        label=_("Number of volunteers"), min_value=1, max_value=bounds.MAX_VOLUNTEERS_NEEDED
    )
    starts_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("From the week of"), widget=DateInput
    )
    ends_on = forms.DateField(
        validators=bounds.DAY_VALIDATORS, label=_("Until the week of"), widget=DateInput
    )
