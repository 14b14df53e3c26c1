"""The admin API's image and document listings show each editor only what they may choose.

Wagtail's own endpoints list every image and document to anyone who may use the admin, so a forum lead could
see every other forum's files there.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from institute.media_choices import choosable


class ChoosableImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=choosable(self.request.user, self.model).values("pk"))


class ChoosableDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=choosable(self.request.user, self.model).values("pk"))


def register_choosable_media_endpoints(router):
    """Replaces the endpoints of the same names that wagtail.images and wagtail.documents register."""
    router.register_endpoint("images", ChoosableImagesAdminAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAdminAPIViewSet)
