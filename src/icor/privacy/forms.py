from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type the short name of your organization to confirm"),
        max_length=200,
        help_text=_("This cannot be undone."),
    )

    def __init__(self, *args: object, expected: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.expected = expected

    def clean_confirm(self) -> str:
        value: str = self.cleaned_data["confirm"].strip()
        if value != self.expected:
            raise forms.ValidationError(
                _("Type exactly %(name)s to confirm the erasure.") % {"name": self.expected}
            )
        return value
