from django import forms
from django.utils.translation import gettext_lazy as _


class EventFilterForm(forms.Form):
    event = forms.ChoiceField(label=_("Event type"), required=False)

    def __init__(self, *args: object, event_types: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["event"].choices = [("", _("All events")), *((name, name) for name in event_types)]  # type: ignore[attr-defined]
