from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "icor.charter"
    label = "charter"

    def ready(self) -> None:
        # S11: an organization's export covers the translations it provided.
        from icor.charter.privacy import export_charter
        from icor.privacy.registry import register_exporter

        register_exporter("charter", export_charter)
