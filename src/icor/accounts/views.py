"""Pages for accounts: one's own account and tokens, an organization's people, invitations."""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
from allauth.account.internal.flows.login import record_authentication
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from qrcode.image.svg import SvgPathImage
from rules import has_perm

from icor.accounts import login_lock, services
from icor.accounts.confirmations import END_OBSERVER
from icor.accounts.forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    MemberInvitationForm,
    PublicNameForm,
    SuspensionForm,
)
from icor.accounts.models import ApiToken, Invitation, Role, Suspension, User
from icor.core.confirmation import confirm_first


def _qr_data_uri(text: str) -> str:
    buffer = BytesIO()
    qrcode.make(text, image_factory=SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def show_invitation(request: HttpRequest, issued: services.IssuedInvitation) -> HttpResponse:
    """The link is shown once, in this answer only: it is never stored in clear, not even in the session."""
    link = request.build_absolute_uri(reverse("accounts:accept", args=[issued.token]))
    issued = services.mail_invitation(issued, link=link)
    if issued.mail_error:
        messages.error(
            request,
            _("The e-mail could not be sent (%(error)s). Hand the link over yourself.")
            % {"error": issued.mail_error},
        )
    elif issued.mailed:
        messages.success(
            request, _("The invitation was e-mailed to %(address)s.") % {"address": issued.invitation.email}
        )
    return render(
        request,
        "accounts/invitation_created.html",
        {"invitation": issued.invitation, "link": link, "qr": _qr_data_uri(link)},
    )


@login_required
def my_account(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = PublicNameForm(request.POST or None, initial={"public_name": user.public_name})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_public_name(actor=user, public_name=form.cleaned_data["public_name"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your public name is saved."))
            return redirect("accounts:me")
    return render(request, "accounts/me.html", {"form": form})


def _officer(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not has_perm("accounts.manage_own_accounts", user):
        raise PermissionDenied(_("Only an organization's own officers manage its accounts (S11)."))
    return user


@login_required
def people(request: HttpRequest) -> HttpResponse:
    """An officer's list of the own organization's accounts and pending invitations."""
    officer = _officer(request)
    organization = officer.organization
    form = MemberInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.invite_member(
                actor=officer, role=form.cleaned_data["role"], email=form.cleaned_data["email"]
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, str(error) if isinstance(error, PermissionDenied) else error)
        else:
            return show_invitation(request, issued)
    accounts = User.objects.filter(organization=organization).order_by("-is_active", "role", "pk")
    context = {
        "organization": organization,
        "accounts": accounts,
        "locked": {
            account.pk for account in accounts if account.is_active and login_lock.is_locked(account.pk)
        },
        "invitations": [i for i in Invitation.objects.filter(organization=organization) if i.is_pending],
        "form": form,
    }
    return render(request, "accounts/people.html", context)


@login_required
@require_POST
def remove_account(request: HttpRequest, pk: int) -> HttpResponse:
    officer = _officer(request)
    account = get_object_or_404(User, pk=pk, organization=officer.organization)
    try:
        services.revoke_account(actor=officer, account=account)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The account is removed; it can no longer log in."))
    return redirect("accounts:people")


@login_required
@require_POST
def revoke_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk)
    user = request.user
    assert isinstance(user, User)
    try:
        services.revoke_invitation(actor=user, invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation is revoked; its link no longer works."))
    if invitation.role == Role.OBSERVER:
        return redirect("conferences:observers")
    if invitation.organization is not None and has_perm("registry.invite_first_officer", user):
        return redirect("registry:detail", invitation.organization.slug)
    return redirect("accounts:people")


def _committee(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not has_perm("accounts.oversee_accounts", user):
        raise PermissionDenied(_("Only the coordinating committee can do this."))
    return user


@login_required
@require_POST
@confirm_first(END_OBSERVER)
def end_observer(request: HttpRequest, pk: int) -> HttpResponse:
    committee = _committee(request)
    account = get_object_or_404(User, pk=pk, role=Role.OBSERVER)
    try:
        services.end_observer(actor=committee, account=account)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The observer's account is ended."))
    return redirect("conferences:observers")


@login_required
def all_accounts(request: HttpRequest) -> HttpResponse:
    """The committee's list for suspensions: public names and bodies only, never login names."""
    _committee(request)
    accounts = User.objects.filter(is_active=True).select_related("organization", "partner")
    suspensions = Suspension.objects.filter(
        cause=Suspension.Cause.SUSPENDED, lifted_at__isnull=True, account__is_active=False
    ).select_related("account__organization", "account__partner")
    # The committee answers for the login locks of its own and the observers' accounts (S11).
    own = accounts.filter(organization__isnull=True, role__in=(Role.COMMITTEE, Role.OBSERVER))
    context = {
        "accounts": accounts.order_by("organization__slug", "role", "pk"),
        "locked": {account.pk for account in own if login_lock.is_locked(account.pk)},
        "suspensions": suspensions,
    }
    return render(request, "accounts/all.html", context)


@login_required
@require_POST
def lift_suspension(request: HttpRequest, pk: int) -> HttpResponse:
    committee = _committee(request)
    suspension = get_object_or_404(Suspension, pk=pk)
    form = SuspensionForm(request.POST)  # the same recorded reason as for suspending
    if not form.is_valid():
        messages.error(request, _("Give the reason for lifting the suspension; it is recorded."))
        return redirect("accounts:all")
    try:
        services.lift_suspension(actor=committee, suspension=suspension, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The suspension is lifted; the person can log in again."))
    return redirect("accounts:all")


@login_required
def suspend(request: HttpRequest, pk: int) -> HttpResponse:
    committee = _committee(request)
    account = get_object_or_404(User, pk=pk)
    form = SuspensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.suspend_account(actor=committee, account=account, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The account is suspended; the reason is recorded."))
            return redirect("accounts:suspend", pk=account.pk)
    return render(request, "accounts/suspend.html", {"account": account, "form": form})


@login_required
@require_POST
def lift_login_lock(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    account = get_object_or_404(User, pk=pk, is_active=True)
    try:
        services.lift_login_lock(actor=user, account=account)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The login lock is lifted; the person can log in again."))
    return redirect("accounts:all" if has_perm("accounts.oversee_accounts", user) else "accounts:people")


def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invited person chooses a login name, a public name and a password."""
    invitation = services.pending_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                token=token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
                public_name=form.cleaned_data["public_name"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="icor.accounts.backends.ModelBackend")
            # The password was set a moment ago: the two-factor setup need not ask for it again.
            record_authentication(
                request, user, method="password", username=user.username, reauthenticated=True
            )
            messages.success(request, _("Welcome. Your account is ready."))
            return redirect("accounts:me")
    return render(request, "accounts/accept.html", {"invitation": invitation, "form": form})


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = ApiTokenForm(request.POST or None)
    secret = ""
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.create_api_token(
                actor=user, label=form.cleaned_data["label"], days=form.cleaned_data["days"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            secret = issued.secret
            form = ApiTokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {"form": form, "secret": secret, "tokens": ApiToken.objects.filter(owner=user)},
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    token = get_object_or_404(ApiToken, pk=pk, owner=user)
    services.revoke_api_token(actor=user, token=token)
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:tokens")
