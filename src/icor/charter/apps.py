from django.apps import AppConfig


class CharterConfig(AppConfig):
    name = "icor.charter"
    label = "charter"
