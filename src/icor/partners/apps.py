from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "icor.partners"
    label = "partners"
