from django.apps import AppConfig


class DebateConfig(AppConfig):
    name = "icor.debate"
    label = "debate"
