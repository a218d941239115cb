"""Uploaded pictures, decoded and stored afresh: no metadata (location!), no hidden payload,
a predictable size. Member avatars and hub logos go through here (AvatarField, LogoField),
on the site and in the admin."""

import uuid
import warnings
from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 3 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Pillow's own guard against decompression bombs, at the portal's limit rather than its default
# (89 million pixels): above it Pillow warns (refused below), above twice it refuses to open.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


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
            image.load()
            return ImageOps.exif_transpose(image)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("The picture has too many pixels: at most %(megapixels)s million, please."),
            params={"megapixels": MAX_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from error
    except (OSError, ValueError) as error:
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


class PictureField(forms.ImageField):
    """An uploaded picture as the portal takes it: checked and decoded by the portal itself
    (size, pixel count) rather than merely verified, and re-encoded, so that a new upload
    leaves cleaning as a fresh file. An existing picture is kept as it is."""

    reencode = staticmethod(reencode_avatar)

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        return None if upload is None else self.reencode(upload)


class AvatarField(PictureField):
    reencode = staticmethod(reencode_avatar)


class LogoField(PictureField):
    reencode = staticmethod(reencode_logo)
