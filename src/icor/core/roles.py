"""The roles a person holds on the platform (S11, S13): the vocabulary every app checks against."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OFFICER = "officer", _("Officer")
    DELEGATE = "delegate", _("Delegate")
    COMMITTEE = "committee", _("Coordinating committee")
    OBSERVER = "observer", _("Partner observer")
    OPERATOR = "operator", _("Platform operator")
