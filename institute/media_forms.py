"""Image and document upload forms: a forged collection refused, uploads checked, photos cleaned.

When an editor may add to only one collection (a forum lead, say), Wagtail hides the collection field
and files every upload there, silently ignoring a collection named in the POST. A request naming
another collection is not one the admin's own form sends: refuse it with a form error instead of
filing the upload somewhere the sender did not ask for. The error is the file's, so that the multiple
uploader refuses the file outright rather than storing it aside for the editor to finish.

Images lose their metadata here (see institute.uploads); documents must look like what their
extension says.
"""

from pathlib import Path

from django.core.exceptions import ValidationError

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from institute import uploads


class CheckedCollectionMixin:
    def clean(self):
        cleaned_data = super().clean()
        # The multiple uploader's forms have a prefix.
        submitted = self.data.get(self.add_prefix("collection"))
        if "collection" not in self.fields and submitted and submitted != str(self.collections[0].pk):
            error = ValidationError("You do not have permission to add to that collection.")
            self.add_error("file" if "file" in self.fields else None, error)
        return cleaned_data


class ImageFileField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except OSError as error:
            # Willow decodes the image to measure it, and Pillow fails on a damaged one.
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class ImageForm(CheckedCollectionMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            # Pages show the description as the image's alt text wherever they do not give their own. The
            # multiple uploader keeps a file without one aside until the editor adds it.
            description = self.fields["description"]
            description.required = True
            description.help_text = (
                "The image's alt text: what it shows, for people who cannot see it. Pages use it wherever they "
                "show the image, unless they give their own words."
            )
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = ImageFileField(label=field.label, required=field.required, widget=field.widget)

    def clean_file(self):
        file = self.cleaned_data["file"]
        if "file" not in self.changed_data:
            return file
        try:
            self.check_animation_size(file)
            return uploads.without_metadata(file) or file
        except (OSError, ValueError) as error:
            # A damaged frame after the first, which is all Wagtail's checks decode.
            raise ValidationError(self.fields["file"].error_messages["invalid_image"], code="invalid_image") from error

    def check_animation_size(self, file):
        # Wagtail means WAGTAILIMAGES_MAX_IMAGE_PIXELS to count every frame, but Willow's Pillow plugin
        # reports one frame for any image, so a long animation passes by the size of its first.
        max_pixels = self.fields["file"].max_image_pixels
        if max_pixels is None:
            return
        frames = uploads.frame_count(file)
        width, height = file.image.get_size()
        pixels = frames * width * height
        if pixels > max_pixels:
            raise ValidationError(
                "This animation has too many pixels: %(frames)s frames of %(width)s×%(height)s make "
                "%(pixels)s. Maximum pixels %(max_pixels)s, counting every frame.",
                code="file_too_many_pixels",
                params={"frames": frames, "width": width, "height": height, "pixels": pixels, "max_pixels": max_pixels},
            )

    def save(self, commit=True):
        if "file" not in self.fields and self.instance._state.adding:
            self.clean_stored_file()
        return super().save(commit=commit)

    def clean_stored_file(self):
        """Remove the metadata from a file the multiple uploader stored without this form's cleaning.

        When an upload fails on a field other than the file, the multiple uploader keeps the file as it
        came and, once the editor corrects the form, copies it into the new image before saving this
        form, which has no file field.
        """
        stored = self.instance.file
        with stored.open("rb"):
            cleaned = uploads.without_metadata(stored)
        if cleaned is not None:
            stored.storage.delete(stored.name)
            self.instance.file = cleaned
            # What Wagtail's view does after storing the file: the size and hash are of the new file.
            self.instance._set_image_file_metadata()


class DocumentForm(CheckedCollectionMixin, BaseDocumentForm):
    def add_error(self, field, error):
        # Wagtail's Document.clean() checks the extension of the document's file and reports it against
        # "file". Without a checked file in this form it checks an empty name: after the file failed its own
        # checks (a second, wrong message), and in the multiple uploader's form that finishes a file stored
        # aside (one that passed these checks when uploaded), which has no file field because the view
        # attaches the file once the form is valid. There the error named a field the form lacks, and
        # Django's ValueError made every attempt to finish the upload a server error.
        if field is None and "file" not in getattr(self, "cleaned_data", {}) and hasattr(error, "error_dict"):
            other_errors = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not other_errors:
                return
            error = ValidationError(other_errors)
        super().add_error(field, error)

    def clean_file(self):
        file = self.cleaned_data["file"]
        if "file" in self.changed_data:
            extension = Path(file.name).suffix.lower().removeprefix(".")
            if not uploads.matches_extension(file, extension):
                raise ValidationError(
                    "The content of this file is not that of a .%(extension)s file.",
                    code="invalid_content",
                    params={"extension": extension},
                )
        return file
