import secrets

from django.core.management.base import BaseCommand, CommandParser

from icor.accounts.models import Role, User

FIRST_ACCOUNT = "committee"


class Command(BaseCommand):
    help = "Print the first login (a coordinating-committee account) until it has been used once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="issue a new password even after first use")

    def handle(self, *args: object, reset: bool, **options: object) -> None:
        account = User.objects.filter(username=FIRST_ACCOUNT).first()
        if account is not None and account.last_login is not None and not reset:
            self.stdout.write(
                f"The first account '{FIRST_ACCOUNT}' is in use; `icor firstlogin --reset` issues a new password."
            )
            return
        password = secrets.token_urlsafe(12)
        if account is None:
            account = User(username=FIRST_ACCOUNT, role=Role.COMMITTEE, public_name="Coordinating committee")
        account.set_password(password)
        account.save()
        self.stdout.write(
            "\nFirst login: http://127.0.0.1:8000/accounts/login/\n"
            f"  user:     {FIRST_ACCOUNT}\n"
            f"  password: {password}\n"
            "Change the password after logging in; a new one is issued at each start until then.\n"
        )
