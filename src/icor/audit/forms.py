from django import forms
from django.utils.translation import gettext_lazy as _

from icor.audit.presentation import event_label


class EventFilterForm(forms.Form):
    event = forms.ChoiceField(label=_("Event type"), required=False)

    def __init__(self, *args: object, event_types: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["event"].choices = [  # type: ignore[attr-defined]
            ("", _("All events")),
            *((name, event_label(name)) for name in event_types),
        ]  # type: ignore[attr-defined]
