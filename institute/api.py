"""The open data API at /api/v2/ (Wagtail API v2): live public pages and people, read-only, as JSON.

Each page type names what it publishes in its `api_fields`; its queryset's `for_api()`, when it has one,
loads the related data those fields show, so that a listing runs the same queries for 3 items as for 100.
"""

from django.utils.functional import cached_property

from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from rest_framework.fields import ReadOnlyField, SerializerMethodField
from rest_framework.renderers import JSONRenderer

from institute.models import Person
from institute.structured_data import absolute_url
from institute.views import people_directory


class OpenDataMixin:
    # Anonymous and read-only: no sign-in through the API (the admin's sign-in has its own limits), and
    # JSON only, without the browsable HTML pages.
    authentication_classes = []
    renderer_classes = [JSONRenderer]


class PagesEndpoint(OpenDataMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        # Wagtail leaves out only the private sections this request may not see, and a visitor who gave a
        # section's password may see it: open data is what everyone may see.
        return super().get_base_queryset().public()

    def get_queryset(self):
        # Every page names its locale in `?fields=*`: one query for all, not one for each.
        queryset = super().get_queryset().select_related("locale")
        return queryset.for_api() if hasattr(queryset, "for_api") else queryset

    def get_object(self):
        # Wagtail finds the page among all pages, then takes its own type: load it again through that
        # type's `for_api()`, which its fields read.
        page = super().get_object()
        queryset = type(page).objects.filter(pk=page.pk)
        return queryset.for_api().get() if hasattr(queryset, "for_api") else page


class PersonSerializer(BaseSerializer):
    profile_url = SerializerMethodField()

    def get_profile_url(self, person):
        request = self.context["request"]
        directory = self.context["view"].people_directory
        return absolute_url(request, directory.profile_url(person, request)) if directory else None


class PeopleEndpoint(OpenDataMixin, BaseAPIViewSet):
    """The people the site names, with what their profiles show: not their accounts, nor who added them."""

    name = "people"
    model = Person
    base_serializer_class = PersonSerializer
    body_fields = [
        "id",
        "name",
        "slug",
        "honorific",
        "job_title",
        APIField("organisation", serializer=ReadOnlyField(source="organisation.api_reference", allow_null=True)),
        "short_bio",
        # Shown publicly: editors leave it empty to keep it off the site.
        "email",
        "orcid",
        "profile_url",
    ]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "profile_url"]

    def get_queryset(self):
        return Person.objects.select_related("organisation").order_by("name", "pk")

    @cached_property
    def people_directory(self):
        return people_directory(self.request)


api_router = WagtailAPIRouter("api")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("people", PeopleEndpoint)
