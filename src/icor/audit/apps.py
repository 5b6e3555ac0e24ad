from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "icor.audit"
    label = "audit"
