"""System checks for the portal's own safety rules (run by ``manage.py check`` and at start-up)."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security)
def uploads_are_not_static_files(app_configs=None, **kwargs):
    """Uploaded documents must never be reachable as static files: the download view applies visibility."""
    media = Path(settings.MEDIA_ROOT).resolve()
    static = [
        Path(settings.STATIC_ROOT).resolve(),
        *(Path(str(d)).resolve() for d in settings.STATICFILES_DIRS),
    ]
    errors = []
    for folder in static:
        if media == folder or folder in media.parents or media in folder.parents:
            errors.append(
                Error(
                    f"MEDIA_ROOT ({media}) overlaps the static files folder {folder}: uploaded documents "
                    "would be served without the visibility rule.",
                    hint="Keep MEDIA_ROOT outside STATIC_ROOT and STATICFILES_DIRS.",
                    id="portal.E001",
                )
            )
    return errors
