import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext

from icor.core.languages import site_language
from icor.registry.records import RegistryFileError, write_member_file
from icor.registry.selectors import export_records
from icor.registry.services import import_members


class Command(BaseCommand):
    help = "Import or export the member registry (CSV or JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        importing = actions.add_parser("import", help="check a whole file, then apply it (all or nothing)")
        importing.add_argument("file", type=Path)
        importing.add_argument("--format", choices=["csv", "json"], help="default: from the file's suffix")
        importing.add_argument("--lang", default="en", help="language of the problems reported, e.g. de")
        exporting = actions.add_parser("export", help="write the registry to standard output")
        exporting.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args: object, action: str, **options: object) -> None:
        if action == "export":
            sys.stdout.write(write_member_file(export_records(), file_format=str(options["format"])))
            return
        with translation.override(site_language(str(options["lang"]))):
            self._import(options["file"], options["format"])

    def _import(self, path: object, chosen_format: object) -> None:
        assert isinstance(path, Path)
        file_format = str(chosen_format or ("json" if path.suffix.lower() == ".json" else "csv"))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(
                gettext("cannot read %(path)s: %(error)s") % {"path": path, "error": error}, returncode=2
            ) from None
        try:
            summary = import_members(text, file_format=file_format)
        except RegistryFileError as error:
            for problem in error.errors:
                self.stderr.write(f"{path}: {problem}")
            raise CommandError(
                gettext("refused: %(count)s problem(s); nothing was changed") % {"count": len(error.errors)},
                returncode=2,
            ) from None
        self.stdout.write(
            gettext("imported %(path)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged")
            % {
                "path": path,
                "created": summary.created,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
            }
        )
