"""Uploaded pictures, decoded and stored afresh: no metadata (location!), no hidden payload,
a predictable size. Member avatars and hub logos go through here, on the site and in the admin."""

import uuid
import warnings
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 3 * 1024 * 1024
MAX_PIXELS = 40_000_000


def _decode(upload) -> Image.Image:
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The picture is too large: at most %(megabytes)s MB, please."),
            params={"megabytes": MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The picture has too many pixels."), code="too_many_pixels")
            image.load()
            return ImageOps.exif_transpose(image)
    except (OSError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise ValidationError(_("This file is not a picture we can use."), code="invalid_image") from error


def reencode_avatar(upload, *, size: int = 512) -> ContentFile:
    """A square JPEG of `size` pixels."""
    image = ImageOps.fit(_decode(upload).convert("RGB"), (size, size))
    output = BytesIO()
    image.save(output, format="JPEG", quality=85, optimize=True)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def reencode_logo(upload, *, longest_side: int = 600) -> ContentFile:
    """A PNG that keeps the logo's proportions and transparency, at most `longest_side` pixels."""
    image = _decode(upload).convert("RGBA")
    image.thumbnail((longest_side, longest_side))
    output = BytesIO()
    image.save(output, format="PNG", optimize=True)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.png")


def fresh_upload(form, field_name: str, reencode):
    """For a form's clean_<field>: re-encode a newly uploaded file, keep an existing one."""
    value = form.cleaned_data.get(field_name)
    if value and field_name in form.changed_data and hasattr(value, "content_type"):
        return reencode(value)
    return value
