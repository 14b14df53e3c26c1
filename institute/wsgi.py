"""WSGI entry point: Django's development server (`make run`), or a WSGI server if one is preferred.

Production settings unless DJANGO_SETTINGS_MODULE says otherwise.
"""

import os

import django

from institute.handlers import InstituteWSGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "institute.settings.production")
django.setup(set_prefix=False)

application = InstituteWSGIHandler()
