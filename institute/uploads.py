"""Uploads: what of an image is kept, what a document must look like, how big a request may be.

A photo's EXIF and XMP metadata say which camera took it, when, and often the GPS position where it
was taken. Wagtail keeps an uploaded file as it is, and Willow copies the original's EXIF into every
JPEG and PNG rendition, so an image is re-encoded at upload without its metadata, turned upright
first because the EXIF orientation goes with the rest. Its colour profile is kept. An image without
metadata is kept byte for byte: re-encoding a lossy format costs a little quality, and AVIF takes
seconds.
"""

import io
from pathlib import Path

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.base import ContentFile
from django.core.files.uploadhandler import FileUploadHandler

from PIL import Image, ImageOps, ImageSequence, JpegImagePlugin

# What Pillow reads from an image file that only says how to decode and show its pixels. Anything
# else it reads is metadata: EXIF, XMP, IPTC, comments, PNG text, GIF application blocks but the loop.
PIXEL_INFO = frozenset(
    {
        "adobe",
        "adobe_transform",
        "aspect",
        "background",
        "bbox",
        "blend",
        "chromaticity",
        "default_image",
        "disposal",
        "dpi",
        "duration",
        "gamma",
        "icc_profile",
        "interlace",
        "jfif",
        "jfif_density",
        "jfif_unit",
        "jfif_version",
        "loop",
        "progression",
        "progressive",
        "srgb",
        "timestamp",
        "transparency",
        "version",
    }
)
# Quality for re-encoding lossy formats other than JPEG, whose own quantisation tables are reused.
REENCODE_QUALITY = 90


def frames_shown(image):
    """The frames of an animation, or a still image's one.

    A JPEG holding more pictures (MPO: a phone's HDR gain map or depth map, say) is a still: only its
    first picture is ever shown, and re-encoding drops the others.
    """
    return [image] if image.format == "MPO" else ImageSequence.Iterator(image)


def frame_count(file):
    with Image.open(file) as image:
        return 1 if image.format == "MPO" else getattr(image, "n_frames", 1)


def is_metadata(key, value):
    if key == "extension":
        # A GIF's application block; most often the one that says how many times to play it.
        return not value[0].startswith(b"NETSCAPE2.0")
    return key not in PIXEL_INFO


def has_metadata(image):
    for frame in frames_shown(image):
        # Pillow reads the PNG chunks that follow the pixel data (text, EXIF) only as it decodes it.
        frame.load()
        if any(is_metadata(key, value) for key, value in frame.info.items()):
            return True
    return False


def without_metadata(file):
    """The image in `file` re-encoded upright without its metadata, as a new file of the same name.

    None when the image carries no metadata.
    """
    with Image.open(file) as image:
        if not has_metadata(image):
            return None
        output = io.BytesIO()
        if image.format in ("JPEG", "MPO"):
            save_jpeg(image, output)
        else:
            save_frames(image, output)
    return ContentFile(output.getvalue(), name=Path(file.name).name)


def upright(frame):
    upright_frame = ImageOps.exif_transpose(frame)
    # Of what `info` holds, only the transparent colour of a palette image must go to the encoder.
    upright_frame.info = {key: frame.info[key] for key in ("transparency",) if key in frame.info}
    return upright_frame


def save_jpeg(image, output):
    # The original's quantisation tables and chroma subsampling make the re-encoding nearly lossless.
    upright(image).save(
        output,
        "JPEG",
        qtables=image.quantization,
        subsampling=JpegImagePlugin.get_sampling(image),
        icc_profile=image.info.get("icc_profile"),
    )


def save_frames(image, output):
    params = {"icc_profile": image.info.get("icc_profile")}
    if image.format in ("WEBP", "AVIF"):
        params["quality"] = REENCODE_QUALITY
    if "loop" in image.info:
        params["loop"] = image.info["loop"]
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image):
        durations.append(frame.info.get("duration", 0))
        frames.append(upright(frame))
    if len(frames) > 1:
        params.update(save_all=True, append_images=frames[1:], duration=durations)
    frames[0].save(output, image.format, **params)


ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # a zip file's first entry, or the end of an empty one
# How each kind of document begins (Office and OpenDocument files are zip files), so that a web page
# or a program named `report.pdf` is refused. PDF allows bytes before its header.
DOCUMENT_HEADERS = {"docx": ZIP, "odt": ZIP, "pptx": ZIP, "xlsx": ZIP, "zip": ZIP}
TEXT_EXTENSIONS = {"csv", "txt"}
SNIFF_SIZE = 8192


def matches_extension(file, extension):
    """Whether the file's first bytes are what a file with that extension begins with.

    Extensions not known here are not checked.
    """
    file.seek(0)
    head = file.read(SNIFF_SIZE)
    file.seek(0)
    if extension == "pdf":
        return b"%PDF-" in head[:1024]
    if extension in TEXT_EXTENSIONS:
        return b"\0" not in head
    return extension not in DOCUMENT_HEADERS or head.startswith(DOCUMENT_HEADERS[extension])


class RequestSizeLimitHandler(FileUploadHandler):
    """Refuse a file upload request larger than MAX_UPLOAD_REQUEST_SIZE before reading its body.

    Django limits the size of a request's fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not of its files:
    without this, any upload is parsed to a temporary file whole before a form can refuse it.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length > settings.MAX_UPLOAD_REQUEST_SIZE:
            raise RequestDataTooBig("Upload request larger than settings.MAX_UPLOAD_REQUEST_SIZE.")

    def receive_data_chunk(self, raw_data, start):
        return raw_data

    def file_complete(self, file_size):
        return None
