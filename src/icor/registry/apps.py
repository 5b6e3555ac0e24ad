from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "icor.registry"
    label = "registry"
