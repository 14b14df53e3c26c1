"""ASGI entry point for `make serve` and production.

gunicorn's asyncio worker (`-k asgi`) reads each request whole before Django sees it, so a slow or
stalled client holds a socket, never a worker. Production settings unless DJANGO_SETTINGS_MODULE
says otherwise.
"""

import os

import django

from institute.handlers import InstituteASGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "institute.settings.production")
django.setup(set_prefix=False)

application = InstituteASGIHandler()
