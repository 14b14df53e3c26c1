from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from institute import views
from institute.api import api_router
from institute.sitemap import LanguageSitemap

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguageSitemap}}, name="sitemap"),
    path("api/v2/", api_router.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's own front-end login, ahead of its catch-all: everyone signs in on the admin's (with its limits).
    path("_util/login/", RedirectView.as_view(pattern_name="wagtailadmin_login", query_string=True)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", views.serve_media))

handler400 = views.bad_request
handler500 = views.server_error

# What visitors read, in English at the addresses it always had and in Welsh under /cy/. Wagtail's
# catch-all serves every page, so it comes last.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("", include("research.urls")),
    path("", include("events.urls")),
    path("", include("news.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
