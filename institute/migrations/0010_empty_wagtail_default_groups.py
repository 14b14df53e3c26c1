from django.db import migrations

# The groups Wagtail makes on its first migration, with rights over every page and collection. The
# site's own groups ("Staff editors", one per forum) replace them; members they still have keep their
# membership, but not the rights.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def empty_default_groups(apps, schema_editor):
    groups = apps.get_model("auth.Group").objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    apps.get_model("wagtailcore.GroupPagePermission").objects.filter(group__in=groups).delete()
    apps.get_model("wagtailcore.GroupCollectionPermission").objects.filter(group__in=groups).delete()
    for group in groups:
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("institute", "0009_institute_settings_for_every_site"),
        # The migrations that give the default groups their rights over pages, images and documents.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(empty_default_groups, migrations.RunPython.noop)]
