from django.db import models
from django.utils.translation import gettext_lazy as _

from icor.core.models import TextRevision, Translation

# The Founding Resolution as adopted is quoted in English; that text is the authoritative one.
ORIGINAL_LANGUAGE = "en"


class Document(models.Model):
    """A fundamental document of the coordination, e.g. the Founding Resolution."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    adopted_by = models.CharField(max_length=200)
    adopted_on = models.DateField()

    def __str__(self) -> str:
        return self.title


class Clause(models.Model):
    """One paragraph or sentence with a stable anchor, so decisions can link and quote it."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="clauses")
    position = models.PositiveIntegerField()
    section_anchor = models.SlugField(max_length=60)
    section_title = models.CharField(max_length=200)
    anchor = models.SlugField(max_length=60)
    text = models.TextField()
    list_item = models.BooleanField(default=False)
    rule = models.CharField(
        max_length=8, blank=True, help_text="The statute rule (S1 to S15) this clause grounds."
    )

    class Meta:
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "anchor"], name="one_anchor_per_document"),
            models.UniqueConstraint(fields=["document", "position"], name="one_position_per_document"),
        ]

    def __str__(self) -> str:
        return f"{self.document.slug}#{self.anchor}"

    def get_absolute_url(self) -> str:
        return f"/resolution/#{self.anchor}"


class ClauseTranslation(Translation):
    """A clause in another language: marked as a translation; the original English text stays authoritative."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="translations")
    text = models.TextField(_("text"))
    section_title = models.CharField(_("section title"), max_length=200, blank=True)
    # Empty for a translation the coordinating committee provides.
    organization = models.ForeignKey(
        "registry.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provided by"),
    )

    class Meta:
        ordering = ["clause", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["clause", "language"], name="one_clause_translation_per_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.clause} [{self.language}]"


class ClauseTranslationRevision(TextRevision):
    """An earlier text of a clause's translation, kept when the translation is changed."""

    translation = models.ForeignKey(ClauseTranslation, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField(_("text"))
    section_title = models.CharField(_("section title"), max_length=200, blank=True)
    # Empty for a text the coordinating committee provided.
    organization = models.ForeignKey(
        "registry.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provided by"),
    )
