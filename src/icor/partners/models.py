from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    ORGANIZATION = "organization", _("Organization")
    ALLIANCE = "alliance", _("Alliance")


class Partner(models.Model):
    """A progressive internationalist organization or alliance the ICOR works with; not a member (S13)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=PartnerKind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founded (year)"), null=True, blank=True)
    founding_planned = models.BooleanField(_("founding still planned"), default=False)
    founding_note = models.CharField(_("on its founding"), max_length=200, blank=True)
    projects = models.ManyToManyField(
        "projects.Project", related_name="partners", blank=True, verbose_name=_("cooperates on")
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        return self.abbreviation or self.name
