"""Abstract models the apps share."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TextRevision(models.Model):
    """An earlier text of a translation, kept when it is provided again; the app adds its texts,
    the translation it belongs to (`translation`, related name `revisions`) and who provided it."""

    provided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    provided_at = models.DateTimeField(help_text="when this text was provided")
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["translation", "-provided_at", "-pk"]

    def __str__(self) -> str:
        return f"{getattr(self, 'translation', '')} of {self.provided_at:%Y-%m-%d %H:%M}"
