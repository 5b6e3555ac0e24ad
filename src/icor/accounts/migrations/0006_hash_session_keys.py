"""Sessions opened before their keys were hashed stay open: each row is re-keyed by the hash."""

from django.db import migrations

from icor.accounts.sessions import STORED_KEY_LENGTH, stored_key


def hash_session_keys(apps, schema_editor):  # type: ignore[no-untyped-def]
    Session = apps.get_model("sessions", "Session")
    for key in Session.objects.values_list("session_key", flat=True):
        if len(key) != STORED_KEY_LENGTH:  # Django's keys are 32 characters long
            Session.objects.filter(session_key=key).update(session_key=stored_key(key))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_suspension_cause_and_lifting"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(hash_session_keys, migrations.RunPython.noop)]
