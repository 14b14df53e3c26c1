from django.db import migrations


def add_welsh(apps, schema_editor):
    apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="cy")


class Migration(migrations.Migration):
    """The Welsh locale (settings.LANGUAGES): the English one, en-gb, exists since the first migration."""

    dependencies = [
        ("institute", "0016_newsletter_on_the_site"),
        ("wagtailcore", "0001_initial"),
    ]

    # Going back keeps the locale: Welsh pages may use it, and pages protect their locale.
    operations = [migrations.RunPython(add_welsh, migrations.RunPython.noop)]
