from django.db import models


class AuditEvent(models.Model):
    """One link of the append-only, hash-chained record of decision-relevant events."""

    sequence = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField()
    event = models.CharField(max_length=64)
    actor_role = models.CharField(max_length=16, blank=True)
    actor_organization_id = models.BigIntegerField(null=True, blank=True)
    subject = models.CharField(max_length=120, blank=True)
    data = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    key_id = models.CharField(max_length=16, blank=True, help_text="which audit key made the key check")

    class Meta:
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.event} {self.subject}"


class ChainHead(models.Model):
    """A single row locked while appending, so that concurrent writers form one chain."""

    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"head #{self.sequence}"
