"""The continents the registry groups member organizations by, stored by their English name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Continent(models.TextChoices):
    AFRICA = "Africa", _("Africa")
    ASIA = "Asia", _("Asia")
    EUROPE = "Europe", _("Europe")
    LATIN_AMERICA = "Latin America", _("Latin America")
    NORTH_AMERICA = "North America", _("North America")
    OCEANIA = "Oceania", _("Oceania")
