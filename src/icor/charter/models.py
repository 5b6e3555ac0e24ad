from django.db import models


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
