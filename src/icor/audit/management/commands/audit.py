from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from icor.audit.checkpoints import MANUAL_CHECKPOINT, write_checkpoint
from icor.audit.services import RecordVerification, verify_record


class Command(BaseCommand):
    help = (
        "Work with the audit record: `icor audit verify` checks every link, the signed checkpoints "
        "and the stored decisions; `icor audit checkpoint` signs the current head into the data directory."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        commands.add_parser("verify", help="check the record; exit 1 at the first problem")
        commands.add_parser("checkpoint", help="write a signed checkpoint of the chain head")

    def handle(self, *args: object, action: str, **options: object) -> None:
        if action == "verify":
            self._verify()
        elif action == "checkpoint":
            checkpoint = write_checkpoint(MANUAL_CHECKPOINT)
            self.stdout.write(
                gettext("Checkpoint written: link #%(sequence)s, %(hash)s…, signed by key %(key)s…")
                % {
                    "sequence": checkpoint.sequence,
                    "hash": checkpoint.hash[:16],
                    "key": checkpoint.public_key[:16],
                }
            )

    def _verify(self) -> None:
        result = verify_record()
        for line in report(result):
            self.stdout.write(line)
        if not result.ok:
            # CommandError exits with status 1 and prints the message on standard error.
            raise CommandError(first_problem(result))


def report(result: RecordVerification) -> list[str]:
    """What was checked, in plain words."""
    chain = result.chain
    lines = [
        gettext("Links: %(checked)s checked (order, previous link, key check).") % {"checked": chain.checked}
    ]
    lines.append(
        gettext("Checkpoints: %(count)s signed checkpoint(s) compared with the chain.")
        % {"count": chain.checkpoints}
    )
    lines.extend(check.summary for check in result.decisions)
    lines.extend(gettext("Not possible here: %(what)s.") % {"what": what} for what in chain.impossible)
    if result.ok:
        lines.append(
            gettext("The audit chain is intact: %(checked)s link(s) verified.") % {"checked": chain.checked}
        )
    return lines


def first_problem(result: RecordVerification) -> str:
    chain = result.chain
    if not chain.ok:
        if chain.broken_at is not None:
            return gettext(
                "The audit chain is broken at link #%(broken_at)s: %(reason)s "
                "(%(checked)s link(s) before it are intact)."
            ) % {"broken_at": chain.broken_at, "reason": chain.reason, "checked": chain.checked}
        return gettext(
            "The audit chain is broken: %(reason)s (%(checked)s link(s) before it are intact)."
        ) % {
            "reason": chain.reason,
            "checked": chain.checked,
        }
    return next(check.mismatch for check in result.decisions if check.problem)
