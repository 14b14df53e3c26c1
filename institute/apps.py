from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InstituteConfig(AppConfig):
    name = "institute"
    verbose_name = "Institute"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from institute import page_cache
        from institute.access import update_staff_editors
        from institute.content_checks import health
        from institute.models import Person
        from institute.permissions import PersonPermissionPolicy

        register_permission_policy(Person, PersonPermissionPolicy(Person))
        page_cache.connect_signals()
        health.connect_signals()
        post_migrate.connect(update_staff_editors, sender=self, dispatch_uid="institute.update_staff_editors")
