from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Forums"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from forums import signals  # noqa: F401  (connects the receivers)
        from forums.access import sync_every_forum

        post_migrate.connect(sync_every_forum, sender=self, dispatch_uid="forums.sync_every_forum")
