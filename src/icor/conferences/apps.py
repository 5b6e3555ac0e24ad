from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencesConfig(AppConfig):
    name = "icor.conferences"
    label = "conferences"
    verbose_name = _("Conferences")

    def ready(self) -> None:
        # S11: the organization's own export and erasure cover what this app holds about it.
        from icor.conferences.privacy import erase_conferences, export_conferences
        from icor.privacy.registry import register_eraser, register_exporter

        register_exporter("conferences", export_conferences)
        register_eraser("conferences", erase_conferences)

        # `icor audit verify` checks stored votes, positions and outcomes against the record.
        from icor.audit.services import register_record_check
        from icor.conferences.record import check_decisions, secret_ballots_lost_with_keys

        register_record_check(check_decisions)

        # `icor restore` without the data directory says which open ballots can no longer be counted.
        from icor.audit.restoring import register_lost_with_keys

        register_lost_with_keys(secret_ballots_lost_with_keys)

        # The audit log page names this app's codes and reads its outcomes.
        from icor.conferences.log_text import register_log_texts

        register_log_texts()

        # S13: an observer's accepted invitation makes the new account a guest of its conference.
        from icor.accounts.signals import invitation_accepted
        from icor.conferences.services.observers import admit_invited_guest

        invitation_accepted.connect(admit_invited_guest, dispatch_uid="conferences.admit_invited_guest")

        # S13: a conference's live channel belongs to the conference (the live app knows no conferences).
        from icor.conferences.scope import names_conference, of_channel
        from icor.live.views import stream

        names_conference(of_channel, keyword="channel")(stream)

        # Live ballot events carry the counts, so that browsers need not fetch them after each one.
        from icor.conferences.selectors import ballot_figures
        from icor.live.figures import register_figures

        register_figures("ballot", ballot_figures)
        register_figures("result", ballot_figures)
