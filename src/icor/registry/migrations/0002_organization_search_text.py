from django.db import migrations, models

from icor.core.collation import fold


def fill_search_text(apps, schema_editor):
    Organization = apps.get_model("registry", "Organization")
    for organization in Organization.objects.all():
        organization.search_text = fold(
            " | ".join([organization.name, organization.english_name, organization.abbreviation])
        )
        organization.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
