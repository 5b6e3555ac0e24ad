from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from icor.core import bounds
from icor.core.roles import Role


class Accounts(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra: Any
    ) -> "User":
        # The platform operator stands outside every organization and the committee.
        extra.setdefault("role", Role.OPERATOR)
        return super().create_superuser(username, email, password, **extra)


class User(AbstractUser):
    """A person acts for exactly one body: a member organization, the committee or a partner.

    Statute S1/S11: every action is taken for one organization by one of its own accounts.
    """

    role = models.CharField(max_length=16, choices=Role.choices, default=Role.DELEGATE)
    organization = models.ForeignKey(
        "registry.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
    )
    partner = models.ForeignKey(
        "partners.Partner", null=True, blank=True, on_delete=models.PROTECT, related_name="accounts"
    )
    public_name = models.CharField(
        _("name shown to others"),
        max_length=80,
        blank=True,
        help_text=_("A pseudonym is welcome; it is the only name other organizations see."),
    )

    objects: ClassVar[Accounts] = Accounts()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="member_roles_belong_to_an_organization",
                condition=(
                    Q(role__in=["officer", "delegate"], organization__isnull=False)
                    | Q(role__in=["committee", "observer", "operator"], organization__isnull=True)
                ),
            ),
        ]

    @property
    def shown_name(self) -> str:
        """What other organizations see: the chosen name, never the login name (it may be a real name)."""
        if self.public_name:
            return self.public_name
        # The role's label straight from its choice: `get_role_display` builds a dictionary of every
        # choice on each call, which the minutes of thousands of delegations feel.
        role = str(Role(self.role).label) if self.role in Role.values else self.role
        if self.organization_id is not None and self.organization is not None:
            return f"{role} ({self.organization.short_name})"
        return role

    @property
    def is_officer(self) -> bool:
        return self.role == Role.OFFICER

    @property
    def is_committee(self) -> bool:
        return self.role == Role.COMMITTEE

    @property
    def is_platform_operator(self) -> bool:
        """Whoever runs the server: the operator role, or a superuser made on the command line."""
        return self.role == Role.OPERATOR or self.is_superuser

    def acts_for(self, organization_id: int | None) -> bool:
        """True when this account may act in the name of that organization (S11)."""
        return (
            organization_id is not None
            and self.organization_id == organization_id
            and self.role in (Role.OFFICER, Role.DELEGATE)
        )


class Invitation(models.Model):
    """A single-use, expiring link that lets one person create one account.

    Only the SHA-256 of the token is stored: whoever reads the database cannot use a pending
    invitation. The raw token is shown once to the person who invited.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    role = models.CharField(max_length=16, choices=Role.choices)
    organization = models.ForeignKey(
        "registry.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    partner = models.ForeignKey(
        "partners.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    conference = models.ForeignKey(
        "conferences.Conference", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="invitation_names_its_body",
                condition=(
                    Q(role__in=["officer", "delegate"], organization__isnull=False, partner__isnull=True)
                    | Q(role="observer", organization__isnull=True, partner__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} invitation {self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class Suspension(models.Model):
    """Why an account was switched off, by whom and when; lifting it keeps the record."""

    class Cause(models.TextChoices):
        # Only the committee's own suspensions can be lifted by it: a removal is the organization's
        # decision (S11), an exit closes every account for good (S12), an ended observer is re-invited.
        SUSPENDED = "suspended", _("suspended by the committee")
        REMOVED = "removed", _("removed by the organization")
        ORGANIZATION_LEFT = "organization_left", _("the organization left")
        OBSERVER_ENDED = "observer_ended", _("observer account ended")

    account = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="suspensions")
    cause = models.CharField(max_length=20, choices=Cause.choices, default=Cause.SUSPENDED)
    reason = models.CharField(_("reason"), max_length=bounds.MAX_RECORDED_REASON)
    suspended_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    suspended_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lift_reason = models.CharField(_("reason for lifting"), max_length=bounds.MAX_RECORDED_REASON, blank=True)

    class Meta:
        ordering = ["-suspended_at"]

    def __str__(self) -> str:
        return f"suspension {self.pk}"


class ApiToken(models.Model):
    """A personal API token: acts with exactly its owner's rights until it expires or is revoked."""

    owner = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="api_tokens")
    label = models.CharField(_("label"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.label} ({self.prefix}…)"
