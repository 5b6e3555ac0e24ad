import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from icor.conferences import selectors, services
from icor.conferences.models import Ballot, Conference
from icor.conferences.outcome_text import result_label
from icor.conferences.pdf import MinutesUncoverable, render_minutes, render_pdf
from icor.core.languages import site_language


class Command(BaseCommand):
    help = "Conferences for operators: list them, close ballots that are due, print a ballot's result."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="conferences with their status and open ballots")
        actions.add_parser("close-due", help="close every ballot whose scheduled close time has passed")
        result = actions.add_parser("result", help="print the stored outcome of a ballot as JSON")
        result.add_argument("ballot_id", type=int)
        record = actions.add_parser("minutes", help="write a conference's minutes as PDF (or HTML)")
        record.add_argument("conference_id", type=int)
        record.add_argument("--lang", default="en", help="language of the minutes, e.g. de")
        record.add_argument("--html", action="store_true", help="the HTML body instead of the PDF")
        record.add_argument("--output", help="file to write; default: standard output")

    def handle(self, *args: object, action: str, **options: object) -> None:
        if action == "list":
            for conference in selectors.conferences():
                open_ballots = Ballot.objects.filter(
                    motion__agenda_item__conference=conference, closed_at__isnull=True
                ).count()
                # One line per conference, tab-separated for scripts; only the last column is words.
                self.stdout.write(
                    f"{conference.pk}\t{conference.status}\t{conference.kind}\t{conference.starts_on}\t"
                    f"{conference.title}\t" + gettext("open ballots: %(count)s") % {"count": open_ballots}
                )
        elif action == "close-due":
            closed = services.close_due_ballots()
            for ballot in closed:
                outcome = result_label((ballot.outcome or {}).get("outcome", "?"))
                self.stdout.write(
                    gettext("closed ballot %(ballot)s on motion %(motion_id)s: %(outcome)s")
                    % {"ballot": ballot.pk, "motion_id": ballot.motion_id, "outcome": outcome}
                )
            self.stdout.write(gettext("%(count)s ballot(s) closed") % {"count": len(closed)})
        elif action == "minutes":
            self._minutes(options)
        else:
            ballot_id = int(str(options["ballot_id"]))
            found = Ballot.objects.filter(pk=ballot_id).first()
            if found is None:
                raise CommandError(
                    gettext("no ballot %(ballot_id)s") % {"ballot_id": ballot_id}, returncode=2
                )
            ballot = services.close_if_due(ballot=found)
            if ballot.outcome is None:
                raise CommandError(
                    gettext("ballot %(ballot)s is still open; there is no result yet")
                    % {"ballot": ballot.pk},
                    returncode=1,
                )
            self.stdout.write(json.dumps(ballot.outcome, ensure_ascii=False, sort_keys=True))

    def _minutes(self, options: dict[str, object]) -> None:
        conference = Conference.objects.filter(pk=int(str(options["conference_id"]))).first()
        if conference is None:
            raise CommandError(
                gettext("no conference %(conference)s") % {"conference": options["conference_id"]},
                returncode=2,
            )
        language = site_language(str(options["lang"]))
        if options["html"]:
            document = render_minutes(conference, language).body.encode()
        else:
            try:
                document = render_pdf(conference, language)
            except MinutesUncoverable as refusal:
                raise CommandError(str(refusal), returncode=1) from None
        output = options.get("output")
        if output:
            with open(str(output), "wb") as file:
                file.write(document)
            self.stdout.write(f"minutes of conference {conference.pk} ({language}) written to {output}")
        else:
            sys.stdout.buffer.write(document)
