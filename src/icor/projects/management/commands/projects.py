from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from icor.projects.services.notifications import send_reminders


class Command(BaseCommand):
    help = "Joint projects: reminders for accepted tasks coming due."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        remind = actions.add_parser(
            "remind",
            help="notify organizations of accepted tasks due within N days (or overdue), once per task",
        )
        remind.add_argument("--days", type=int, default=7, help="look ahead this many days (default 7)")

    def handle(self, *args: object, action: str, **options: object) -> None:
        days = options["days"]
        assert isinstance(days, int)
        if days < 0:
            raise CommandError(gettext("--days must be 0 or more"), returncode=2)
        summary = send_reminders(days=days)
        self.stdout.write(
            gettext("reminders: %(notifications)s notification(s), %(emails)s e-mail(s)")
            % {"notifications": summary.notifications, "emails": summary.emails}
        )
