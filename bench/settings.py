"""Production settings plus the floor view: `make serve SETTINGS=bench.settings`."""

from institute.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
