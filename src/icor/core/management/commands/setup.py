from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext

from icor.charter.services import load_founding_resolution
from icor.partners.services import load_partners
from icor.registry.services import load_seed_registry


class Command(BaseCommand):
    help = "Migrate the database and load the member registry and the Founding Resolution (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        call_command("migrate", interactive=False, verbosity=0)
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
