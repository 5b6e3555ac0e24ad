"""Abstract models the apps share."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from icor.core.languages import TEXT_LANGUAGES


class ProvidedText(models.Model):
    """A text an account provided; the app adds the organization it was provided for."""

    provided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True


class Translation(ProvidedText):
    """A text in another language beside its authoritative original; one per original and language."""

    language = models.CharField(_("language"), max_length=12, choices=TEXT_LANGUAGES)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class TextRevision(ProvidedText):
    """An earlier text of a translation, kept when it is provided again; the app adds its texts,
    the translation it belongs to (`translation`, related name `revisions`) and who provided it."""

    provided_at = models.DateTimeField(help_text="when this text was provided")
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["translation", "-provided_at", "-pk"]

    def __str__(self) -> str:
        return f"{getattr(self, 'translation', '')} of {self.provided_at:%Y-%m-%d %H:%M}"
