"""ASGI entry point for `make serve` and production: gunicorn's asyncio worker reads each request
whole before Django sees it, so a slow client holds a socket, never a worker.
Production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "institute.settings.production")

application = get_asgi_application()
