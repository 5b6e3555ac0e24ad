from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from icor.audit.backup import BackupError, restore
from icor.audit.services import verify_chain


class Command(BaseCommand):
    help = "Restore a backup made by `icor backup` into an empty database, then verify the audit chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a file written by `icor backup`")

    def handle(self, *args: object, file: Path, **options: object) -> None:
        try:
            method = restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        result = verify_chain()
        if not result.ok:
            raise CommandError(
                gettext(
                    "Restored (%(method)s), but the audit chain is broken at link #%(broken_at)s: %(reason)s."
                )
                % {"method": method, "broken_at": result.broken_at, "reason": result.reason}
            )
        self.stdout.write(
            gettext("Restored %(file)s (%(method)s); audit chain intact: %(checked)s link(s).")
            % {"file": file, "method": method, "checked": result.checked}
        )
