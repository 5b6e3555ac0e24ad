from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from icor.audit.services import verify_chain


class Command(BaseCommand):
    help = "Work with the audit chain: `icor audit verify` recomputes every link."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        commands.add_parser("verify", help="recompute the chain; exit 1 at the first broken link")

    def handle(self, *args: object, action: str, **options: object) -> None:
        if action == "verify":
            self._verify()

    def _verify(self) -> None:
        result = verify_chain()
        if not result.ok:
            # CommandError exits with status 1 and prints the message on standard error.
            raise CommandError(
                gettext(
                    "The audit chain is broken at link #%(broken_at)s: %(reason)s (%(checked)s link(s) before it are intact)."
                )
                % {"broken_at": result.broken_at, "reason": result.reason, "checked": result.checked}
            )
        self.stdout.write(
            gettext("The audit chain is intact: %(checked)s link(s) verified.") % {"checked": result.checked}
        )
