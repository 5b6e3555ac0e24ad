from django.db import models
from django.utils.translation import gettext_lazy as _


class LiveEvent(models.Model):
    """One published event, kept a few minutes for the polling transport (SQLite).

    The PostgreSQL and Redis transports never write here.
    """

    channel = models.CharField(_("channel"), max_length=64)
    event = models.CharField(_("event"), max_length=32)
    data = models.JSONField(_("data"), default=dict)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("live event")
        verbose_name_plural = _("live events")

    def __str__(self) -> str:
        return f"{self.channel}:{self.event}#{self.pk}"
