from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from icor.audit.backup import BackupError, restore
from icor.audit.keys import data_dir
from icor.audit.management.commands.audit import first_problem, report
from icor.audit.restoring import check_after_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `icor backup` into an empty database, then verify the audit record "
        "with the data directory (ICOR_DATA_DIR), or say which checks are impossible without it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="a file written by `icor backup`")

    def handle(self, *args: object, file: Path, **options: object) -> None:
        try:
            method = restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        checked = check_after_restore()
        result = checked.verification
        if not result.ok:
            raise CommandError(
                gettext("Restored (%(method)s), but %(problem)s")
                % {"method": method, "problem": first_problem(result)}
            )
        if checked.with_data_directory:
            self.stdout.write(
                gettext(
                    "Restored %(file)s (%(method)s) with the data directory %(directory)s; "
                    "audit chain intact: %(checked)s link(s)."
                )
                % {"file": file, "method": method, "directory": data_dir(), "checked": result.chain.checked}
            )
        else:
            self.stdout.write(
                gettext(
                    "Restored %(file)s (%(method)s) WITHOUT the data directory that made it: new keys were "
                    "created in %(directory)s. The audit chain's order and linkage are intact "
                    "(%(checked)s link(s))."
                )
                % {"file": file, "method": method, "directory": data_dir(), "checked": result.chain.checked}
            )
            for what in checked.impossible:
                self.stdout.write(
                    gettext("Not possible without the old data directory: %(what)s.") % {"what": what}
                )
        for line in report(result):
            self.stdout.write(line)
