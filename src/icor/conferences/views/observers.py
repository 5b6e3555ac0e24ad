"""The committee's page of partner observers: invitations to a conference, and their accounts (S13)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from rules import has_perm

from icor.accounts.confirmations import END_OBSERVER
from icor.accounts.models import Invitation, Role, User
from icor.accounts.views import show_invitation
from icor.conferences.forms import ObserverInvitationForm
from icor.conferences.scope import names_no_conference
from icor.conferences.services.observers import invite_observer


@names_no_conference
@login_required
def observers(request: HttpRequest) -> HttpResponse:
    """The committee invites partner observers to a conference and ends their accounts (S13)."""
    committee = request.user
    if not isinstance(committee, User) or not has_perm("accounts.manage_observers", committee):
        raise PermissionDenied(_("Only the coordinating committee can do this."))
    form = ObserverInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = invite_observer(
                actor=committee,
                partner=form.cleaned_data["partner"],
                conference=form.cleaned_data["conference"],
                email=form.cleaned_data["email"],
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, str(error) if isinstance(error, PermissionDenied) else error)
        else:
            return show_invitation(request, issued)
    context = {
        "form": form,
        "accounts": User.objects.filter(role=Role.OBSERVER)
        .select_related("partner")
        .order_by("-is_active", "pk"),
        "invitations": [
            i for i in Invitation.objects.filter(role=Role.OBSERVER).select_related("partner") if i.is_pending
        ],
        "ending": END_OBSERVER,
    }
    return render(request, "conferences/observers.html", context)
