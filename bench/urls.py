from django.urls import include, path

from bench.views import floor
from institute import urls as site_urls

urlpatterns = [
    path("_bench/floor/", floor, name="bench_floor"),
    path("", include(site_urls)),
]

# Django reads the error handlers from the root URLconf only.
handler400 = site_urls.handler400
handler500 = site_urls.handler500
