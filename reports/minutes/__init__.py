"""Minutes PDFs: what they show, how they are rendered, and the cache that serves them.

A PDF is built for an audience ("public", "partners", "staff": :func:`meetings.models.audience_of`) from
:mod:`meetings.selectors`, so it shows exactly what that audience may see (a follow-up about a hidden meeting
is not in the public minutes). It is rendered once per audience, content version (:mod:`reports.minutes.fingerprint`)
and edition, stored in ``STORAGES["reports"]`` (a folder, ``REPORTS_CACHE_ROOT``, outside ``MEDIA_ROOT``, or a prefix of the
private S3 bucket: never served by file name) and then sent from there.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from meetings import models as m
from meetings import selectors
from meetings.models.base import once_per_content_version
from meetings.rules.roles import AUDIENCES, AudienceReader
from meetings.selectors.known_names import protecting
from portal.http.pagecache import content_changed
from portal.ops import files
from portal.ops.locks import advisory_lock
from reports.minutes import editions
from reports.pdf.rendering import css_string, font_context, page_counter_css

logger = logging.getLogger(__name__)
# Bump when the layout changes in a way the template hashes do not see (e.g. Python-built context).
# 4: per audience (read layer); known names never cut at a line end; tagged PDF/A-3b with a verification code
REPORT_VERSION = "minutes-4"
MINUTES_TEMPLATE = "reports/minutes.html"


@cache
def template_salt() -> str:
    """Changes when a report template, the report CSS, WeasyPrint or the Lao catalogue changes."""
    import weasyprint

    from meetings.selectors.known_names import LOANWORDS

    digest = hashlib.sha256(f"{REPORT_VERSION}|{weasyprint.__version__}|{'|'.join(LOANWORDS)}".encode())
    names = [
        MINUTES_TEMPLATE,
        "reports/_minutes_part.html",
        "reports/_page_style.html",
        "reports/_verification.html",
    ]
    for name in names:
        digest.update(Path(get_template(name).origin.name).read_bytes())
    for path in [settings.BASE_DIR / "static" / "css" / "reports.css"] + [
        Path(p) / "lo" / "LC_MESSAGES" / "django.mo" for p in settings.LOCALE_PATHS
    ]:
        if Path(path).is_file():
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


# --- What the minutes show --------------------------------------------------------------------------
def minutes_meeting(meeting_id: int, *, audience: str) -> m.Meeting:
    """The meeting with everything its minutes show to ``audience``, in a fixed number of queries."""
    return selectors.minutes_meeting(AudienceReader(audience), meeting_id)


def public_path(meeting: m.Meeting, lang: str) -> str:
    """The meeting's public address in ``lang`` (the public pages may not be wired yet: build it then)."""
    with translation.override(lang):
        url = meeting.get_absolute_url()
    return url or f"/{lang}/meetings/{meeting.slug}/"


def attendance(meeting: m.Meeting) -> dict:
    """The recorded counts (``None`` where not recorded) and how many participants are listed."""
    return {
        "total": meeting.attendance_total,
        "women": meeting.attendance_women,
        "online": meeting.attendance_online,
        "women_percent": m.percent(meeting.women_share),
        "listed": len(meeting.participations.all()),
    }


def minutes_context(meeting: m.Meeting, edition: str, *, reader, today=None) -> dict:
    today = today or timezone.localdate()
    participations = selectors.sorted_participations(meeting)
    parts = []
    for lang in editions.LANGUAGES[edition]:
        with translation.override(lang):
            parts.append(
                {
                    "lang": lang,
                    "address": settings.SITE_URL + public_path(meeting, lang),
                    "page_counter": page_counter_css(gettext("Page {page} of {pages}")),
                    "address_css": css_string(settings.SITE_URL + public_path(meeting, lang)),
                    "generated_css": generated_css(today),
                    "partners_only_css": css_string(gettext("Partners only")),
                }
            )
    return {
        "meeting": meeting,
        "issuer": selectors.minutes_issuer(reader, meeting),  # the letterhead: never a host or guest
        "edition": edition,
        "parts": parts,
        # marked on every page (top left) and above the heading: shared with partner organisations only
        "partners_only": meeting.visibility == m.Meeting.Visibility.PARTNERS,
        "participations": participations,
        "chairs": selectors.chairs(participations),
        "attendance": attendance(meeting),
        "today": today,
        "stylesheet": "css/reports.css",
    }


def generated_css(day) -> str:
    """The "Generated on <day>" line of the page margins (a CSS string), in the active language."""
    return css_string(gettext("Generated on %(date)s") % {"date": _format_date(day)})


def _format_date(value) -> str:
    from django.utils.formats import date_format

    return date_format(value, "j F Y")


def minutes_html(
    meeting: m.Meeting, edition: str, *, audience: str, verification: dict | None = None, today=None
) -> str:
    """The HTML of the minutes in ``edition`` for ``audience``: everything the PDF shows, escaped, with
    line-break hints.

    ``verification``: the code and QR codes to print (:meth:`reports.minutes.verification.Issue.template_context`).
    """
    if edition not in editions.EDITIONS:
        raise ValueError(f"unknown edition {edition!r}")
    reader = AudienceReader(audience)
    with translation.override(editions.LANGUAGES[edition][0]), protecting(reader):
        # read in the edition's language: lists ordered by name follow that language's names
        full = minutes_meeting(meeting.pk, audience=audience)
        context = {
            **font_context(),
            **minutes_context(full, edition, reader=reader, today=today),
            "verification": verification,
        }
        return render_to_string(MINUTES_TEMPLATE, context)


def render_minutes(meeting: m.Meeting, edition: str, *, audience: str) -> bytes:
    """A fresh tagged PDF/A of the meeting's minutes in ``edition`` for ``audience`` (no cache), with its
    verification code."""
    from reports.minutes.verification import render_verified_minutes

    return render_verified_minutes(meeting, edition, audience=audience)


# --- Cache ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CachedPdf:
    name: str  # its name in STORAGES["reports"]
    rendered: bool  # True when this call rendered it, False when it came from storage
    data: bytes | None = None  # the PDF itself when it could not be stored (storage not writable or down)

    @property
    def stored(self) -> bool:
        return self.data is None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else files.reports().size(self.name)


def minutes_cache_paths(meeting: m.Meeting, *, audience: str) -> dict[str, str]:
    """The name (in ``STORAGES["reports"]``) under which each edition of the meeting's current content for
    ``audience`` is (or will be) stored; one query. Each audience has its own folder: one reader's PDF is
    never served to another."""
    from reports.minutes.fingerprint import content_fingerprint, stamp_values

    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")

    def names() -> dict[str, str]:
        values = stamp_values(meeting.pk)  # ~40 aggregates, hashed once per edition
        folder = f"minutes/{meeting.pk}/{audience}"
        return {
            edition: f"{folder}/{edition}-{content_fingerprint(meeting.pk, f'{template_salt()}|{edition}', values)}.pdf"
            for edition in editions.EDITIONS
        }

    # the stamp and its digests change only with the content version
    return once_per_content_version(m.Meeting, ("minutes-paths", meeting.pk, audience), names)


def minutes_cache_path(meeting: m.Meeting, edition: str, *, audience: str) -> str:
    return minutes_cache_paths(meeting, audience=audience)[edition]


def _is_stored(name: str) -> bool:
    try:
        return files.reports().exists(name)
    except files.STORAGE_ERRORS as error:  # storage down: render (and serve) without it
        logger.warning("minutes PDF storage unreachable: %r", error)
        return False


def minutes_pdf(*, meeting: m.Meeting, edition: str, audience: str) -> CachedPdf:
    """The minutes PDF for the meeting's current content as ``audience`` sees it, rendered only when not in
    storage yet."""
    if edition not in editions.EDITIONS:
        raise ValueError(f"unknown edition {edition!r}")
    name = minutes_cache_path(meeting, edition, audience=audience)
    if _is_stored(name):
        return CachedPdf(name, rendered=False)
    with _one_render_at_a_time(name):
        if _is_stored(name):  # rendered by another worker (on this node or another) while this one waited
            return CachedPdf(name, rendered=False)
        data = render_minutes(meeting, edition, audience=audience)
        logger.info("minutes PDF rendered: %s", name)  # counted by tests/portal/test_two_nodes.py
        try:
            _store(name, edition, data)
        except files.STORAGE_ERRORS as error:
            # A cache that cannot be written costs a render per download, never the download itself.
            logger.warning("minutes PDF not cached (%s): %r", name, error)
            return CachedPdf(name, rendered=True, data=data)
    return CachedPdf(name, rendered=True)


@contextlib.contextmanager
def _one_render_at_a_time(name: str):
    """Holds the render lock of one stored PDF: a PostgreSQL advisory lock (:mod:`portal.ops.locks`), shared
    by every worker of every app node. When many readers ask at once for a PDF not stored yet (the first
    downloads after a publication), one worker renders it and the others wait for it instead of each
    rendering it too. A lock held longer than ``REPORTS_RENDER_WAIT_SECONDS`` never stops a download: the
    worker then renders without it (logged)."""
    with advisory_lock(f"minutes-pdf:{name}", wait=settings.REPORTS_RENDER_WAIT_SECONDS) as taken:
        if not taken:
            logger.warning("minutes PDF render lock of %s held too long; rendering anyway", name)
        yield


def _store(name: str, edition: str, data: bytes) -> None:
    storage = files.reports()
    # The file-system backend writes then renames; an S3 put is whole or nothing: a reader never sees half.
    storage.save(name, ContentFile(data))
    folder, current = name.rsplit("/", 1)
    try:
        old = [f for f in storage.listdir(folder)[1] if f.startswith(f"{edition}-") and f.endswith(".pdf")]
    except FileNotFoundError:
        old = []
    for other in old:
        if other != current:
            storage.delete(f"{folder}/{other}")
    content_changed()  # the meeting page shows the size of each stored edition


def open_minutes_pdf(*, meeting: m.Meeting, edition: str, audience: str, pdf: CachedPdf | None = None):
    """An open binary file with the current minutes PDF (for streaming).

    A concurrent render of a newer version may remove an older file between the look-up and the open;
    then look up again. Once open, the file can be read to the end even if it is removed.
    """
    for attempt in range(3):
        if pdf is None or attempt > 0:  # a look-up the caller made already is used once
            pdf = minutes_pdf(meeting=meeting, edition=edition, audience=audience)
        if not pdf.stored:
            return io.BytesIO(pdf.data)
        try:
            return files.open_stored(files.reports(), pdf.name)
        except FileNotFoundError:
            continue
    raise FileNotFoundError(f"the minutes PDF of meeting {meeting.pk} kept disappearing")


class _StorageUnreachable(Exception):
    pass


def minutes_downloads(meeting: m.Meeting, *, audience: str) -> list[dict]:
    """The editions with the size of the stored PDF of the current content for ``audience`` (``None`` if not
    made yet, or the storage cannot be reached).

    The sizes are looked up once per content version (a file-system ``stat``, or an S3 ``HEAD`` per edition,
    on every fresh meeting page otherwise): storing a PDF moves the version on (:func:`_store`), and the
    names carry the content's fingerprint. Sizes are not kept while the storage cannot be reached."""
    names = minutes_cache_paths(meeting, audience=audience)

    def sizes() -> dict[str, int | None]:
        try:
            return {
                edition: files.stored_size(files.reports(), names[edition]) for edition in editions.EDITIONS
            }
        except files.STORAGE_ERRORS as error:
            raise _StorageUnreachable from error

    try:
        found = once_per_content_version(m.Meeting, ("minutes-sizes", meeting.pk, audience), sizes)
    except _StorageUnreachable:
        found = {}
    return [
        {"edition": edition, "label": editions.LABELS[edition], "size": found.get(edition)}
        for edition in editions.EDITIONS
    ]
