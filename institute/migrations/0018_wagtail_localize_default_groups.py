from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def take_translation_rights_from_default_groups(apps, schema_editor):
    """wagtail-localize gives Wagtail's default groups the right to submit translations; like their other
    rights (migration 0010), it belongs to the site's own groups instead."""
    groups = apps.get_model("auth.Group").objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    permissions = apps.get_model("auth.Permission").objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    )
    for group in groups:
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("institute", "0017_welsh_locale"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(take_translation_rights_from_default_groups, migrations.RunPython.noop)]
