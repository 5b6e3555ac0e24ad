"""The sections of an organization's data held by the foundation apps (registry, accounts, audit)."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from icor.accounts.models import User
from icor.audit.models import AuditEvent
from icor.privacy.account_records import erase_account_records, export_account_records
from icor.privacy.registry import register_eraser, register_exporter
from icor.registry.models import Organization

# Stored instead of a name once an account is erased: says what happened, names nobody.
ERASED_LABEL = "Erased account"


def export_organization_record(organization: Organization) -> dict[str, Any]:
    return {
        "id": organization.pk,
        "name": organization.name,
        "abbreviation": organization.abbreviation,
        "english_name": organization.english_name,
        "country": str(organization.country.code),
        "continent": organization.continent,
        "slug": organization.slug,
    }


def export_memberships(organization: Organization) -> list[dict[str, Any]]:
    return [
        {
            "since_year": period.since_year,
            "admitted_on": period.admitted_on,
            "decision_reference": period.decision_reference,
            "left_on": period.left_on,
            "exit_note": period.exit_note,
        }
        for period in organization.memberships.order_by("pk")
    ]


def export_applications(organization: Organization) -> list[dict[str, Any]]:
    return [
        {
            "id": application.pk,
            "name": application.name,
            "abbreviation": application.abbreviation,
            "english_name": application.english_name,
            "country": str(application.country.code),
            "contact": application.contact,
            "statement": application.statement,
            "submitted_at": application.submitted_at,
            "status": application.status,
            "decided_on": application.decided_on,
            "decision_reference": application.decision_reference,
        }
        for application in organization.applications.order_by("pk")
    ]


def export_accounts(organization: Organization) -> list[dict[str, Any]]:
    """Every account of the organization; password hashes and MFA secrets never leave the server."""
    two_factor = set(
        Authenticator.objects.filter(
            user__organization=organization, type=Authenticator.Type.TOTP
        ).values_list("user_id", flat=True)
    )
    return [
        {
            "id": account.pk,
            "username": account.username,
            "public_name": account.public_name,
            "first_name": account.first_name,
            "last_name": account.last_name,
            "email": account.email,
            "role": account.role,
            "is_active": account.is_active,
            "date_joined": account.date_joined,
            "last_login": account.last_login,
            "two_factor": account.pk in two_factor,
        }
        for account in User.objects.filter(organization=organization).order_by("pk")
    ]


def export_audit_events(organization: Organization) -> list[dict[str, Any]]:
    return [
        {
            "sequence": entry.sequence,
            "occurred_at": entry.occurred_at,
            "event": entry.event,
            "actor_role": entry.actor_role,
            "subject": entry.subject,
            "data": entry.data,
            "hash": entry.hash,
        }
        for entry in AuditEvent.objects.filter(actor_organization_id=organization.pk).order_by("sequence")
    ]


def erase_accounts(organization: Organization) -> dict[str, int]:
    """Names, e-mails and pseudonyms go; the account row stays so that what it did stays attributed
    to its organization. It can never log in again."""
    accounts = list(User.objects.select_for_update().filter(organization=organization))
    for account in accounts:
        account.username = f"erased-{account.pk}"
        account.first_name = ""
        account.last_name = ""
        account.email = ""
        account.public_name = ERASED_LABEL
        account.is_active = False
        account.is_staff = False
        account.is_superuser = False
        account.last_login = None
        account.set_unusable_password()
        account.save()
    ids = [account.pk for account in accounts]
    addresses, _ = EmailAddress.objects.filter(user_id__in=ids).delete()
    authenticators, _ = Authenticator.objects.filter(user_id__in=ids).delete()
    return {"accounts": len(ids), "email_addresses": addresses, "authenticators": authenticators}


def erase_application_contacts(organization: Organization) -> dict[str, int]:
    """The contact an applicant gave is personal; the application and its decision stay."""
    changed = organization.applications.exclude(contact="").update(contact="")
    return {"application_contacts": changed}


def register_builtin_sections() -> None:
    register_exporter("organization", export_organization_record)
    register_exporter("account_records", export_account_records)
    register_eraser("account_records", erase_account_records)
    register_exporter("memberships", export_memberships)
    register_exporter("applications", export_applications)
    register_exporter("accounts", export_accounts)
    register_exporter("audit_events", export_audit_events)
    register_eraser("accounts", erase_accounts)
    register_eraser("applications", erase_application_contacts)
