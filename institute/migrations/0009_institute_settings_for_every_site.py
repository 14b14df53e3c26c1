from django.db import migrations


def create_settings(apps, schema_editor):
    """Every site has its settings before its first visitor, whose page view would otherwise write them
    (and so replace the page cache's content version)."""
    InstituteSettings = apps.get_model("institute.InstituteSettings")
    for site in apps.get_model("wagtailcore.Site").objects.all():
        InstituteSettings.objects.get_or_create(site=site)


class Migration(migrations.Migration):
    dependencies = [("institute", "0008_form_email")]

    operations = [migrations.RunPython(create_settings, migrations.RunPython.noop)]
