"""Settings shared by every environment. Values that differ per deployment come from the environment."""

import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def cache_config(url):
    """Django cache settings for CACHE_URL/REDIS_URL. Without either, a folder on this machine, which
    every process sees: per-process memory would give each web worker its own rate-limit counts."""
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR") or BASE_DIR / ".cache",
            # Room for every page of a large site: the folder is culled when it holds more entries.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            # Reads miss and writes are dropped while Redis is down, so pages come from the database.
            "BACKEND": "institute.cache.ResilientRedisCache",
            "LOCATION": url,
            # A Redis that stops answering costs a request at most this many seconds, not a hang.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    raise ImproperlyConfigured(f"CACHE_URL must be a redis://, rediss:// or unix:// URL, not {url!r}")


def s3_media_storage(bucket):
    """The storage keeping uploads in an S3-compatible bucket (django-storages), and the MEDIA_URL its
    images are read from by browsers: AWS_S3_CUSTOM_DOMAIN (a CDN or the bucket's public domain), else
    the bucket as a path on the provider's AWS_S3_ENDPOINT_URL, else the bucket's own domain on AWS.
    Every file's URL is built from that address and is the only other one pages may load images from."""
    endpoint = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    region = os.environ.get("AWS_S3_REGION_NAME") or None
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        media_url = f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN'].strip('/')}/"
    elif endpoint:
        media_url = f"{endpoint.rstrip('/')}/{bucket}/"
    else:
        media_url = f"https://{bucket}.s3.{region}.amazonaws.com/" if region else f"https://{bucket}.s3.amazonaws.com/"
    scheme, address = media_url.rstrip("/").split("://", 1)
    options = {
        "bucket_name": bucket,
        "region_name": region,
        "endpoint_url": endpoint,
        # Unset, boto3 finds credentials itself (an instance role, ~/.aws/credentials).
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "url_protocol": f"{scheme}:",
        "custom_domain": address,
        # Objects are private, documents included: the site reads them with its credentials. Only images/ and
        # original_images/ are public, by the bucket policy the operator sets (docs/deploy.md).
        "default_acl": None,
        # Image URLs are plain, never signed: a signed URL expires (after an hour by default) while a cached
        # page, a search engine or a browser still holds it, and the image would break. Documents need no
        # URL into the bucket at all: the site serves them itself (WAGTAILDOCS_SERVE_METHOD).
        "querystring_auth": False,
        # A second upload named photo.jpg gets a name of its own, as on disk, instead of replacing the first.
        "file_overwrite": False,
        # The site downloads a document from the bucket before sending it on: into a temporary file above
        # 1 MiB, so that many downloads of a large PDF at once do not fill a worker's memory.
        "max_memory_size": 1024 * 1024,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}, media_url


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "institute",
    "forums",
    "research",
    "events",
    "news",
    # Translations, kept in step with their English page in the admin. Its locales app replaces
    # wagtail.locales (listing both gives duplicate app labels).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.forms",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "institute.sign_in",
]

MIDDLEWARE = [
    "institute.middleware.PermissionsPolicyMiddleware",
    "institute.middleware.StreamFilesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Around the page cache, so that a page from the cache is a 304 too when the browser has it.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before anything that reads the session or the user: a page from the cache needs neither.
    "institute.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL alone (/cy/… is Welsh), never from the browser or a cookie: the
    # page cache keys pages by URL.
    "institute.middleware.LanguageFromPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Wagtail's reports are for staff, and its page chooser shows others only what the public sees: forum
    # leads would see other forums' drafts there.
    "forums.admin_scope.StaffOnlyReportsMiddleware",
    "forums.admin_scope.ShownPagesOnlyChooserMiddleware",
    # wagtail-localize lets anyone with its permission translate any page: a lead translates only their forum's.
    "forums.admin_scope.TranslationRightsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the middleware that sets headers and the user, before anything reads the form.
    "institute.middleware.BadRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "institute.urls"
WSGI_APPLICATION = "institute.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "institute.context_processors.site_chrome",
            ],
        },
    },
]

# Form widgets and field groups may be overridden in templates/, like every other template.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets pages be read while something writes; a write waits up to 30 s for
    # another to finish instead of failing after 5; IMMEDIATE takes the write lock at the start of a
    # transaction, so two writers queue rather than one failing when it upgrades a read lock.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_config(os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL"))}

# One line in every page's footer saying that the people, events and figures are illustrative: for the demo
# content (`manage.py load_demo_content`), on in development, off unless asked for anywhere else.
SHOW_DEMONSTRATION_NOTE = env_bool("SHOW_DEMONSTRATION_NOTE", False)

# Anonymous visitors' pages come from the shared cache, never stale (institute/page_cache.py).
# PAGE_CACHE=false turns it off, to measure what rendering costs.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/documents/", "/media/", "/static/", "/healthz/", "/_util/")
# How long a CDN in front may keep a public page. Publishing purges the page itself from the CDN (below);
# the other pages that list it show the change within this time.
CDN_CACHE_SECONDS = int(os.environ.get("CDN_CACHE_SECONDS", "60"))


def frontend_cache_config(environ):
    """The CDNs or caching proxies whose copy of a page publishing purges (wagtail.contrib.frontend_cache)."""
    backends = {}
    if environ.get("FRONTEND_CACHE_PURGE_URL"):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": environ["FRONTEND_CACHE_PURGE_URL"],
        }
    if environ.get("CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": environ.get("CLOUDFLARE_API_TOKEN", ""),
            "ZONEID": environ["CLOUDFLARE_ZONE_ID"],
        }
    if environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_config(os.environ)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# English pages keep their addresses; Welsh ones are under /cy/ (institute/urls.py).
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# Django serves uploads only where no web server in front does (development, `make serve`, tests).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# With AWS_STORAGE_BUCKET_NAME set, uploads (images, renditions, documents) are kept in that bucket and
# MEDIA_URL is its public address: MEDIA_ROOT, SERVE_MEDIA and /media/ no longer matter.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"], MEDIA_URL = s3_media_storage(os.environ["AWS_STORAGE_BUCKET_NAME"])
# Documents are always sent by the site, after institute/document_privacy.py's check, whatever the storage:
# left unset, Wagtail would redirect downloads to the bucket once files have no local path.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Django limits a request's fields (DATA_UPLOAD_MAX_MEMORY_SIZE, room for a long page's StreamField)
# but not its files. The image and document forms refuse a file over its limit with a form error; a
# whole upload request over MAX_UPLOAD_REQUEST_SIZE (one file at the limit and the fields) gets a 400
# before it is parsed (institute.uploads.RequestSizeLimitHandler). Under ASGI the server has read the
# body by then, so the web server in front should cap request bodies at the same size.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
MAX_UPLOAD_REQUEST_SIZE = max(WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE) + DATA_UPLOAD_MAX_MEMORY_SIZE
FILE_UPLOAD_HANDLERS = [
    "institute.uploads.RequestSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# All frames of an animation together (institute.media_forms.ImageForm counts them).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "institute.media_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "institute.media_forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]

# Every e-mail is handed to the task worker, which delivers it through EMAIL_DELIVERY_BACKEND: no
# request waits for the mail server (institute/queued_email.py).
EMAIL_BACKEND = "institute.queued_email.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "The Productivity Institute <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Seconds an SMTP connection may wait for the server; without it, a server that never answers blocks for ever.
EMAIL_TIMEOUT = 10

# Each network address may send each form this many times in this many seconds; more is a form error.
FORM_SUBMISSIONS_PER_ADDRESS = 5
FORM_SUBMISSIONS_PERIOD = 10 * 60
# Newsletter sign-ups (news/newsletter.py): each one e-mails the address given, so each e-mail address
# and each network address may sign up this many times in NEWSLETTER_SIGN_UP_PERIOD seconds.
NEWSLETTER_SIGN_UPS_PER_EMAIL = 3
NEWSLETTER_SIGN_UPS_PER_IP = 10
NEWSLETTER_SIGN_UP_PERIOD = 60 * 60
# How long the link in a confirmation e-mail works; after that, the visitor signs up again.
NEWSLETTER_CONFIRMATION_PERIOD = timedelta(days=7)
# Forum leads may e-mail form submissions only to and from addresses at these domains or their subdomains;
# staff may use any address (institute/form_page_admin.py). By default the institute's own domain, and
# that of DEFAULT_FROM_EMAIL, the address the site already sends from.
FORM_EMAIL_DOMAINS = env_list(
    "FORM_EMAIL_DOMAINS", ["productivity.ac.uk", parseaddr(DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]]
)

# Background work (e-mail, and Wagtail's search and reference index updates) goes to a queue in the
# database that `manage.py db_worker` runs, so no request waits for it. Development and tests run
# tasks as they are enqueued.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The periodic check of live pages' external links (institute/link_check.py), off unless turned on:
# it makes requests to other sites. Per run: at most LINK_CHECK_BATCH links, LINK_CHECK_TIMEOUT seconds
# for each request, at least LINK_CHECK_HOST_INTERVAL seconds between two requests to one host.
LINK_CHECK_ENABLED = env_bool("LINK_CHECK_ENABLED", False)
LINK_CHECK_BATCH = 100
LINK_CHECK_TIMEOUT = 5
LINK_CHECK_HOST_INTERVAL = 1

WAGTAIL_SITE_NAME = "The Productivity Institute"
# Editors enter event times in UK time whatever their admin profile says; the site shows UK time too.
WAGTAIL_USER_TIME_ZONES = ["Europe/London"]
# The admin's date pickers write dates in UK order, which the en-gb forms read back.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation goes live when its translator publishes it, not when its English page does.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The admin would otherwise load avatars from gravatar.com; the site serves everything itself.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Signing in. Everyone signs in on the admin's login page, private pages included; its form asks for
# a two-factor code when the account has turned that on (institute/sign_in/).
WAGTAILADMIN_USER_LOGIN_FORM = "institute.sign_in.forms.LoginForm"
WAGTAIL_FRONTEND_LOGIN_URL = "wagtailadmin_login"
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# django-axes refuses sign-in after AXES_FAILURE_LIMIT failed attempts for one account (from any
# address) or from one address (for any account), until AXES_COOLOFF_TIME has passed without another.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "institute.sign_in.views.lockout_response"
AXES_CLIENT_IP_CALLABLE = "institute.client_address.client_ip"
# Failed attempts are kept until their cool-off ends; a log of every successful sign-in, with its
# address, would only grow and nobody reads it here.
AXES_DISABLE_ACCESS_LOG = True
# Its start-up banner would be printed by every manage.py command.
AXES_VERBOSE = False
# How many reverse proxies of ours stand in front of the site and append the address they were reached
# from to X-Forwarded-For. 0 (the default): the header is ignored, since any visitor can send it, and
# attempts are counted against the address the connection comes from. Behind a proxy that would be the
# proxy's own, the same for every visitor: set it to 1 for one proxy (nginx, a load balancer).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Public pages load nothing from other hosts. Only videos an editor embeds, and only after the
# visitor asks to play them, are framed from the two privacy-enhanced players.
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin relies on inline scripts and styles, so it is left to Wagtail's own defences.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Uploaded images come from the bucket (or its CDN) when MEDIA_URL is one.
        "img-src": [SELF, "data:", *([] if MEDIA_URL.startswith("/") else [MEDIA_URL])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}

# Browser features pages may use: only the video players' own, and only in their frames.
VIDEO_PLAYERS = ('"https://www.youtube-nocookie.com"', '"https://player.vimeo.com"')
PERMISSIONS_POLICY = {
    "accelerometer": (),
    "autoplay": ("self", *VIDEO_PLAYERS),
    "camera": (),
    "encrypted-media": ("self", *VIDEO_PLAYERS),
    "fullscreen": ("self", *VIDEO_PLAYERS),
    "geolocation": (),
    "gyroscope": (),
    "magnetometer": (),
    "microphone": (),
    "payment": (),
    "picture-in-picture": ("self", *VIDEO_PLAYERS),
    "usb": (),
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "institute.views.csrf_failure"

# Who hears about server errors: "Name <address>, …". The e-mail goes through the task queue.
ADMINS = [parseaddr(admin) for admin in env_list("ADMINS", [])]
MANAGERS = [parseaddr(manager) for manager in env_list("MANAGERS", [])] or ADMINS

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# The Wagtail editor's live preview shows the site in a same-origin frame, so not DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_traceback_for_client_errors": {"()": "institute.error_reporting.NoTracebackForClientErrors"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_traceback_for_client_errors"]},
        "mail_admins": {
            "class": "institute.error_reporting.SafeAdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default handlers, whose error e-mail would keep the failing request waiting.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # A bad Host header or an oversized form is the client's doing, and bots send them all day:
        # a line in the log, not an e-mail to ADMINS.
        "django.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Each background task and page save logs at INFO; only problems are worth a line.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
