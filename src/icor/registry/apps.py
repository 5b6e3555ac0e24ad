from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "icor.registry"
    label = "registry"

    def ready(self) -> None:
        # Audit events keep the acting organization's id; the log page shows its name.
        from icor.audit.presentation import register_organization_names
        from icor.registry.selectors import short_names

        register_organization_names(short_names)
