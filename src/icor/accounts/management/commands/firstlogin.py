import os
import secrets

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from icor.accounts.models import Role, User

FIRST_ACCOUNT = "committee"


class Command(BaseCommand):
    help = "Print the first login (a coordinating-committee account) until it has been used once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="issue a new password even after first use")
        # `make run` serves on $(HOST):$(PORT) and passes the same to this command.
        parser.add_argument(
            "--host", default=os.environ.get("HOST", "127.0.0.1"), help="where icor serve listens (env HOST)"
        )
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", "8000")), help="its port (env PORT)"
        )

    def handle(self, *args: object, reset: bool, host: str, port: int, **options: object) -> None:
        account = User.objects.filter(username=FIRST_ACCOUNT).first()
        if account is not None and account.last_login is not None and not reset:
            self.stdout.write(
                gettext(
                    "The first account “%(account)s” is in use; icor firstlogin --reset issues a new password."
                )
                % {"account": FIRST_ACCOUNT}
            )
            return
        password = secrets.token_urlsafe(12)
        if account is None:
            account = User(username=FIRST_ACCOUNT, role=Role.COMMITTEE, public_name="Coordinating committee")
        account.set_password(password)
        account.save()
        self.stdout.write(
            "\n"
            + gettext("First login: %(url)s") % {"url": f"http://{host}:{port}/accounts/login/"}
            + "\n  "
            + gettext("user:     %(account)s") % {"account": FIRST_ACCOUNT}
            + "\n  "
            + gettext("password: %(password)s") % {"password": password}
            + "\n"
            + gettext("Change the password after logging in; a new one is issued at each start until then.")
            + "\n"
        )
