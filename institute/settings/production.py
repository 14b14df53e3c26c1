"""Production, and `make serve` locally (with HTTPS=false)."""

import sys

from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, env_bool

if not SECRET_KEY:
    sys.exit("SECRET_KEY is not set: production settings refuse to start without one.")

DEBUG = False
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Off only for a local production-like run over plain HTTP (`make serve`).
HTTPS = env_bool("HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
