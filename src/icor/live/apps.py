from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "icor.live"
    label = "live"
    verbose_name = _("Live channel")
    default_auto_field = "django.db.models.BigAutoField"
