"""Every write to the registry. Each function runs in one transaction and records an audit event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext
from rules import has_perm

from icor.accounts.models import Role, User
from icor.accounts.services import IssuedInvitation, close_accounts_of, issue_invitation
from icor.audit.services import record_event
from icor.registry.continents import continent_of
from icor.registry.models import Application, ApplicationStatus, Membership, Organization
from icor.registry.records import MemberRecord, read_member_file

SEED_FILE = Path(__file__).resolve().parent / "data" / "members.csv"


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def import_members(text: str, *, file_format: str, actor: object | None = None) -> ImportSummary:
    """Check the whole file first, then apply it in one transaction; an identical file changes nothing."""
    records = read_member_file(text, file_format=file_format)
    created = updated = unchanged = 0
    with transaction.atomic():
        for record in records:
            outcome = _apply_record(record)
            created += outcome == "created"
            updated += outcome == "updated"
            unchanged += outcome == "unchanged"
        summary = ImportSummary(created, updated, unchanged)
        if summary.changed:
            record_event(
                "registry.imported",
                actor=actor,
                subject="registry",
                data={"created": created, "updated": updated, "unchanged": unchanged},
            )
    return summary


def load_seed_registry() -> ImportSummary:
    return import_members(SEED_FILE.read_text(encoding="utf-8"), file_format="csv")


def _apply_record(record: MemberRecord) -> str:
    organization = Organization.objects.filter(name=record.name, country=record.country_code).first()
    outcome = "unchanged"
    if organization is None:
        organization = Organization.objects.create(
            name=record.name,
            country=record.country_code,
            abbreviation=record.abbreviation,
            english_name=record.english_name,
            continent=record.continent,
            slug=_free_slug(record),
        )
        outcome = "created"
    else:
        fields = {
            "abbreviation": record.abbreviation,
            "english_name": record.english_name,
            "continent": record.continent,
        }
        changed = [field for field, value in fields.items() if getattr(organization, field) != value]
        if changed:
            for field in changed:
                setattr(organization, field, fields[field])
            organization.save(update_fields=changed)
            outcome = "updated"
    if _apply_membership(organization, record) and outcome == "unchanged":
        outcome = "updated"
    return outcome


def _apply_membership(organization: Organization, record: MemberRecord) -> bool:
    """Bring the latest membership period in line with the record; True when something changed."""
    latest = organization.memberships.order_by("-pk").first()
    if latest is None:
        Membership.objects.create(
            organization=organization, since_year=record.member_since, left_on=record.left_on
        )
        return True
    wanted = {"since_year": record.member_since, "left_on": record.left_on}
    changed = [field for field, value in wanted.items() if getattr(latest, field) != value]
    for field in changed:
        setattr(latest, field, wanted[field])
    if changed:
        latest.save(update_fields=changed)
    return bool(changed)


def _free_slug(record: MemberRecord) -> str:
    base = (
        slugify(f"{record.country_code}-{record.abbreviation or record.english_name}")[:70] or "organization"
    )
    slug, number = base, 2
    while Organization.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def submit_application(
    *,
    name: str,
    country: str,
    contact: str,
    statement: str,
    affirms_basis: bool,
    abbreviation: str = "",
    english_name: str = "",
) -> Application:
    """The open door (S12): anyone may apply, affirming the basis of the Founding Resolution."""
    if not affirms_basis:
        raise ValidationError(gettext("An application must affirm the basis of the Founding Resolution."))
    with transaction.atomic():
        application = Application.objects.create(
            name=name.strip(),
            abbreviation=abbreviation.strip(),
            english_name=english_name.strip() or name.strip(),
            country=country,
            contact=contact.strip(),
            statement=statement.strip(),
            affirms_basis=True,
        )
        record_event(
            "registry.application_submitted",
            subject=f"application:{application.pk}",
            data={"country": country},
        )
    return application


def _require_committee(actor: object) -> None:
    if not has_perm("registry.decide_admission", actor):
        raise PermissionDenied(gettext("Only the coordinating committee records decisions on applications."))


def admit_application(
    application: Application,
    *,
    actor: object,
    decided_on: date,
    decision_reference: str,
    continent: str | None = None,
) -> Organization:
    """Record the conference's decision to admit an applicant: it becomes a member from that date.

    The continent follows from the country (one table, `registry.continents`); a continent given
    that contradicts it is refused rather than recorded.
    """
    _require_committee(actor)
    derived = continent_of(str(application.country))
    if derived is None:
        raise ValidationError(
            gettext("No continent is known for the country %(country)s; correct the application's country.")
            % {"country": application.country.name}
        )
    if continent is not None and continent != derived.value:
        raise ValidationError(
            gettext("%(country)s is in %(continent)s, not %(given)s: the continent follows from the country.")
            % {"country": application.country.name, "continent": derived.label, "given": continent}
        )
    continent = derived.value
    if not decision_reference.strip():
        raise ValidationError(
            gettext("Name the decision that admitted the organization (e.g. the conference resolution).")
        )
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.PENDING:
            raise ValidationError(gettext("This application has already been decided."))
        organization = Organization.objects.filter(name=application.name, country=application.country).first()
        if organization is None:
            record = MemberRecord(
                continent=continent,
                country_code=str(application.country),
                country="",
                name=application.name,
                abbreviation=application.abbreviation,
                english_name=application.english_name or application.name,
                member_since=decided_on.year,
                status="member",
                left_on=None,
            )
            organization = Organization.objects.create(
                name=application.name,
                abbreviation=application.abbreviation,
                english_name=record.english_name,
                country=application.country,
                continent=continent,
                slug=_free_slug(record),
            )
        elif organization.memberships.filter(left_on__isnull=True).exists():
            raise ValidationError(gettext("This organization is already a member."))
        Membership.objects.create(
            organization=organization,
            since_year=decided_on.year,
            admitted_on=decided_on,
            decision_reference=decision_reference.strip(),
        )
        application.status = ApplicationStatus.ADMITTED
        application.decided_on = decided_on
        application.decision_reference = decision_reference.strip()
        application.decided_by = actor  # type: ignore[assignment]
        application.organization = organization
        application.save()
        record_event(
            "registry.admitted",
            actor=actor,
            organization_id=organization.pk,
            subject=f"organization:{organization.pk}",
            data={"decided_on": decided_on, "decision_reference": decision_reference.strip()},
        )
    return organization


def invite_first_officer(*, actor: User, organization: Organization, email: str = "") -> IssuedInvitation:
    """The committee opens the door for a member organization that has no officer yet (S11)."""
    if not has_perm("registry.invite_first_officer", actor):
        raise PermissionDenied(
            gettext("Only the coordinating committee invites an organization's first officer.")
        )
    with transaction.atomic():
        organization = Organization.objects.select_for_update().get(pk=organization.pk)
        if not Membership.objects.filter(organization=organization, left_on__isnull=True).exists():
            raise ValidationError(
                gettext("%(name)s is not a current member.") % {"name": organization.short_name}
            )
        if organization.accounts.filter(role=Role.OFFICER, is_active=True).exists():
            raise PermissionDenied(
                gettext(
                    "%(name)s has its own officers: only they invite further accounts of their "
                    "organization (S11)."
                )
                % {"name": organization.short_name}
            )
        return issue_invitation(actor=actor, role=Role.OFFICER, email=email, organization=organization)


def admit_with_first_officer(
    application: Application,
    *,
    actor: User,
    decided_on: date,
    decision_reference: str,
    continent: str | None = None,
    email: str = "",
) -> tuple[Organization, IssuedInvitation]:
    """Admission and the invitation of the new member's first officer, in one step (S12)."""
    with transaction.atomic():
        organization = admit_application(
            application,
            actor=actor,
            decided_on=decided_on,
            decision_reference=decision_reference,
            continent=continent,
        )
        issued = invite_first_officer(actor=actor, organization=organization, email=email or "")
    return organization, issued


def refuse_application(
    application: Application, *, actor: object, decided_on: date, decision_reference: str
) -> None:
    _require_committee(actor)
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.PENDING:
            raise ValidationError(gettext("This application has already been decided."))
        application.status = ApplicationStatus.REFUSED
        application.decided_on = decided_on
        application.decision_reference = decision_reference.strip()
        application.decided_by = actor  # type: ignore[assignment]
        application.save()
        record_event(
            "registry.refused",
            actor=actor,
            subject=f"application:{application.pk}",
            data={"decided_on": decided_on, "decision_reference": decision_reference.strip()},
        )


def record_exit(organization: Organization, *, actor: object, left_on: date, note: str = "") -> Membership:
    """A member leaves: its own officer declares it, or the committee records it. History stays."""
    if not has_perm("registry.record_exit", actor, organization):
        raise PermissionDenied(
            gettext("Only the organization's own officers or the coordinating committee can record its exit.")
        )
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(organization=organization, left_on__isnull=True)
            .first()
        )
        if membership is None:
            raise ValidationError(gettext("This organization is not a current member."))
        if membership.since_year and left_on.year < membership.since_year:
            raise ValidationError(gettext("The exit date lies before the membership began."))
        membership.left_on = left_on
        membership.exit_note = note.strip()
        membership.save(update_fields=["left_on", "exit_note"])
        closed = close_accounts_of(organization_id=organization.pk, actor=None, left_on=left_on)
        record_event(
            "registry.left",
            actor=actor,
            organization_id=organization.pk,
            subject=f"organization:{organization.pk}",
            data={"left_on": left_on, "accounts_closed": closed},
        )
    return membership
