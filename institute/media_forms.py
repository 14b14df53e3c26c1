"""Image and document upload forms that refuse a forged collection.

When an editor may add to only one collection (a forum lead, say), Wagtail hides the collection field
and files every upload there, silently ignoring a collection named in the POST. A request naming
another collection is not one the admin's own form sends: refuse it with a form error instead of
filing the upload somewhere the sender did not ask for.
"""

from django.core.exceptions import ValidationError

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm


class CheckedCollectionMixin:
    def clean(self):
        cleaned_data = super().clean()
        submitted = self.data.get("collection")
        if "collection" not in self.fields and submitted and submitted != str(self.collections[0].pk):
            raise ValidationError("You do not have permission to add to that collection.")
        return cleaned_data


class ImageForm(CheckedCollectionMixin, BaseImageForm):
    pass


class DocumentForm(CheckedCollectionMixin, BaseDocumentForm):
    pass
