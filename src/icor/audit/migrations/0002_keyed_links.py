"""Links become keyed with the audit key of the data directory: the existing chain is keyed anew."""

from django.db import migrations, models


def key_existing_links(apps, schema_editor):  # type: ignore[no-untyped-def]
    from icor.audit.chain import GENESIS_HASH, link_hash
    from icor.audit.keys import audit_link_key, key_id

    AuditEvent = apps.get_model("audit", "AuditEvent")
    ChainHead = apps.get_model("audit", "ChainHead")
    if not AuditEvent.objects.exists():
        return
    key = audit_link_key()
    previous = GENESIS_HASH
    links = list(AuditEvent.objects.order_by("sequence"))
    # Unique hashes: clear them first so that the new ones never collide with old ones mid-way.
    for link in links:
        link.hash = f"rekeying-{link.sequence}"
        link.save(update_fields=["hash"])
    for link in links:
        link.key_id = key_id(key)
        link.previous_hash = previous
        link.hash = link_hash(
            key=key,
            key_id=link.key_id,
            sequence=link.sequence,
            occurred_at=link.occurred_at,
            event=link.event,
            actor_role=link.actor_role,
            actor_organization_id=link.actor_organization_id,
            subject=link.subject,
            data=link.data,
            previous_hash=previous,
        )
        link.save(update_fields=["key_id", "previous_hash", "hash"])
        previous = link.hash
    ChainHead.objects.update_or_create(pk=1, defaults={"sequence": links[-1].sequence, "hash": previous})


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(blank=True, help_text="which audit key made the key check", max_length=16),
        ),
        migrations.RunPython(key_existing_links, migrations.RunPython.noop),
    ]
