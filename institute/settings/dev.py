"""Local development: `make run`."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, env_list

DEBUG = True
# `make run HOST=0.0.0.0` is reached by this machine's address on the network, whatever it is.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["*"])
# Development only: a fixed key so sessions survive restarts; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "django-insecure-development-key-not-for-production"  # noqa: S105
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
SHOW_DEMONSTRATION_NOTE = env_bool("SHOW_DEMONSTRATION_NOTE", True)
# Static files straight from the apps, as Django's own server does: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
