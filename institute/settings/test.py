"""The test suite: `make test`."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-key-not-secret"  # noqa: S105  # nosec B105
# PBKDF2 costs about half a second per hash on a small CI machine.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Uploads and renditions made by tests go to a throwaway folder, never the developer's media.
MEDIA_ROOT = tempfile.mkdtemp(prefix="institute-test-media-")
# Browser tests load images from the live server.
SERVE_MEDIA = True
# Static files straight from the apps, as Django's own server does: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test starts with an empty cache, whatever CACHE_URL the shell has.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Django's client.login() authenticates without a request, which django-axes refuses; the sign-in
# tests (tests/institute/test_sign_in.py) turn it on.
AXES_ENABLED = False
