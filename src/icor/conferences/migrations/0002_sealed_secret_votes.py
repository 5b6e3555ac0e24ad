"""Secret votes are sealed while a ballot is open; after the count only shuffled receipts stay."""

import random
import uuid

import django.db.models.deletion
from django.db import migrations, models


def keep_only_receipts_of_closed_ballots(apps, schema_editor):  # type: ignore[no-untyped-def]
    SecretVote = apps.get_model("conferences", "SecretVote")
    CountedBallot = apps.get_model("conferences", "CountedBallot")
    if SecretVote.objects.filter(ballot__closed_at__isnull=True).exists():
        raise RuntimeError(
            "A secret ballot is open: close it with the previous version before upgrading, "
            "so that its choices are counted before they are sealed away."
        )
    receipts = list(SecretVote.objects.values_list("ballot_id", "receipt_hash"))
    random.SystemRandom().shuffle(receipts)
    SecretVote.objects.all().delete()
    CountedBallot.objects.bulk_create(
        CountedBallot(ballot_id=ballot_id, receipt_hash=receipt) for ballot_id, receipt in receipts
    )


class Migration(migrations.Migration):
    dependencies = [("conferences", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="CountedBallot",
            fields=[
                (
                    "id",
                    models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False),
                ),
                ("receipt_hash", models.CharField(max_length=64)),
                (
                    "ballot",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="counted_ballots",
                        to="conferences.ballot",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("ballot", "receipt_hash"), name="one_counted_ballot_per_receipt"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="secretvote",
            name="sealed",
            field=models.BinaryField(default=b""),
            preserve_default=False,
        ),
        migrations.RunPython(keep_only_receipts_of_closed_ballots, migrations.RunPython.noop),
        migrations.RemoveField(model_name="secretvote", name="choice"),
        migrations.AlterModelOptions(name="secretvote", options={}),
    ]
