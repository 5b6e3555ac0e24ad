from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from icor.audit.backup import BackupError, backup, default_output


class Command(BaseCommand):
    help = "Write a complete backup of the database (SQLite: online copy; PostgreSQL: pg_dump)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="file to write (default: var/backups/icor-<time>.*)")
        parser.add_argument(
            "--method",
            choices=["auto", "native", "json"],
            default="auto",
            help="native copy (sqlite backup / pg_dump) or a portable JSON dump; auto picks native when possible",
        )

    def handle(self, *args: object, output: Path | None, method: str, **options: object) -> None:
        try:
            result = backup(output or default_output(), method=method)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            gettext("Backup written to %(path)s (%(method)s).")
            % {"path": result.path, "method": result.method}
        )
