from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "icor.privacy"
    label = "privacy"

    def ready(self) -> None:
        # The sections every installation has; other apps register theirs in their own ready().
        from icor.privacy import sections

        sections.register_builtin_sections()
