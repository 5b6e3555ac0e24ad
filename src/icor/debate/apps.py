from django.apps import AppConfig


class DebateConfig(AppConfig):
    name = "icor.debate"
    label = "debate"

    def ready(self) -> None:
        # S11: the organization's own export and erasure cover what this app holds about it.
        from icor.debate.privacy import erase_debate, export_debate
        from icor.privacy.registry import register_eraser, register_exporter

        register_exporter("debate", export_debate)
        register_eraser("debate", erase_debate)

        # S13: a partner observer reaches the debate's API of a conference only with an invitation.
        from icor.conferences.scope import register_keywords
        from icor.debate.scope import BY_KEYWORD

        register_keywords(BY_KEYWORD)

        # The audit log page names the positions taken in a debate.
        from icor.audit.presentation import register_code_labels
        from icor.debate.models import Stance

        register_code_labels(Stance.choices)
