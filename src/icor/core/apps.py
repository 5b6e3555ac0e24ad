from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "icor.core"
    label = "core"
