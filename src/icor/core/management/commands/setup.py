from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from icor.accounts.mfa import encrypt_clear_secrets
from icor.audit.keys import data_dir, ensure_keys
from icor.charter.services import load_founding_resolution
from icor.partners.services import load_partners
from icor.registry.services import load_seed_registry


class Command(BaseCommand):
    help = (
        "Create the data directory's keys, migrate the database and load the member registry and the "
        "Founding Resolution (idempotent)."
    )

    def handle(self, *args: object, **options: object) -> None:
        # Keys first: the migrations key the audit chain with them. Never replaced once created.
        created = ensure_keys()
        self.stdout.write(
            f"data directory {data_dir()}: "
            + (f"keys created: {', '.join(created)}" if created else "keys present")
            + " (keep a copy of it apart from the backups)"
        )
        call_command("migrate", interactive=False, verbosity=0)
        if encrypted := encrypt_clear_secrets():
            self.stdout.write(f"two-factor secrets encrypted at rest: {encrypted}")
        call_command("collectstatic", interactive=False, verbosity=0)
        registry = load_seed_registry()
        clauses = load_founding_resolution()
        load_partners()
        self.stdout.write(
            gettext(
                "registry: %(created)s created, %(updated)s updated, %(unchanged)s unchanged; Founding Resolution: %(clauses)s clauses"
            )
            % {
                "created": registry.created,
                "updated": registry.updated,
                "unchanged": registry.unchanged,
                "clauses": clauses,
            }
        )
