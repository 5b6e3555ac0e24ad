"""Where a project or an activity is open: worldwide, one continent, or a region (S9)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from icor.registry.models import Continent, Organization


class Level(models.TextChoices):
    WORLDWIDE = "worldwide", _("Worldwide")
    CONTINENT = "continent", _("Continental")
    REGION = "region", _("Regional")


class Scope(models.Model):
    """Abstract: the level of cooperation and, for restricted levels, who may take part."""

    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.WORLDWIDE)
    continent = models.CharField(_("continent"), max_length=20, choices=Continent.choices, blank=True)
    region_name = models.CharField(_("name of the region"), max_length=120, blank=True)
    region_countries = CountryField(_("countries of the region"), multiple=True, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                name="%(class)s_level_names_its_area",
                condition=(
                    Q(level="worldwide", continent="", region_countries="")
                    | (Q(level="continent", region_countries="") & ~Q(continent=""))
                    | (Q(level="region", continent="") & ~Q(region_countries="") & ~Q(region_name=""))
                ),
            ),
        ]

    @property
    def area(self) -> str:
        if self.level == Level.CONTINENT:
            return str(self.get_continent_display())  # type: ignore[attr-defined]
        if self.level == Level.REGION:
            return self.region_name
        return gettext("worldwide")

    def refusal_for(self, organization: Organization) -> str:
        """Why this organization cannot take part at this level; empty when it can."""
        if self.level == Level.CONTINENT and organization.continent != self.continent:
            return gettext(
                "This is a continental project for %(continent)s; %(organization)s is a member on "
                "%(own)s, so it cannot take part (S9: cooperation on the continental level)."
            ) % {
                "continent": self.get_continent_display(),  # type: ignore[attr-defined]
                "organization": organization.short_name,
                "own": organization.get_continent_display(),  # type: ignore[attr-defined]
            }
        codes = {str(country.code) for country in self.region_countries}  # type: ignore[attr-defined]
        if self.level == Level.REGION and str(organization.country.code) not in codes:
            return gettext(
                "This is a regional project for %(region)s (%(countries)s); %(organization)s works in "
                "%(country)s, outside the region (S9: cooperation on the regional level)."
            ) % {
                "region": self.region_name,
                "countries": ", ".join(sorted(codes)),
                "organization": organization.short_name,
                "country": organization.country.name,
            }
        return ""


def check_level(level: str, continent: str, region_name: str, countries: list[str]) -> None:
    """Refuse a level that does not name its area, with the reason."""
    if level not in Level.values:
        raise ValidationError(gettext("Unknown level %(level)r.") % {"level": level})
    if level == Level.CONTINENT and continent not in Continent.values:
        raise ValidationError(gettext("A continental project names its continent."))
    if level == Level.REGION and (not countries or not region_name.strip()):
        raise ValidationError(gettext("A regional project names its region and the countries in it."))
