from django import forms
from django.utils.translation import gettext_lazy as _

from icor.accounts.models import Role
from icor.core import bounds

MEMBER_ROLES = [(Role.DELEGATE.value, Role.DELEGATE.label), (Role.OFFICER.value, Role.OFFICER.label)]


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Leave empty to hand the link over by your own secure channel."),
    )


class MemberInvitationForm(InvitationForm):
    role = forms.ChoiceField(label=_("Role"), choices=MEMBER_ROLES)


class AcceptInvitationForm(forms.Form):
    username = forms.CharField(
        label=_("Login name"),
        max_length=150,
        help_text=_("Only you and the platform see it; it need not be your real name."),
    )
    public_name = forms.CharField(
        label=_("Name shown to others"),
        max_length=80,
        required=False,
        help_text=_("A pseudonym is welcome; it is the only name other organizations see."),
    )
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class PublicNameForm(forms.Form):
    public_name = forms.CharField(
        label=_("Name shown to others"),
        max_length=80,
        required=False,
        help_text=_("Shown in debate, the list of speakers, attendance and minutes. A pseudonym is welcome."),
    )


class SuspensionForm(forms.Form):
    reason = forms.CharField(label=_("Reason (recorded)"), max_length=bounds.MAX_RECORDED_REASON)


class ApiTokenForm(forms.Form):
    label = forms.CharField(label=_("Label"), max_length=80)
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365, initial=30)
