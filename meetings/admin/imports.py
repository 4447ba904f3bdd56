"""The admin side of the import: upload → preview (untick posts that are not meetings) → import, the list
of imported posts, and the suggestions panel on a meeting's page (confirm or dismiss, passage marked)."""

from __future__ import annotations

import re
import secrets

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from meetings.admin import import_review
from meetings.admin.storage import MSG_STORAGE_DOWN
from meetings.importing import services
from meetings.importing.running import MSG_BUSY, ImportBusy, one_import_at_a_time
from meetings.importing.uploads import UPLOAD_DIR  # abandoned ones are removed by manage.py cleanup_imports
from meetings.importing.wxr import MAX_WXR_BYTES, WxrError
from meetings.models.imports import ImportedPost, Suggestion
from portal.ops import files

_TOKEN = re.compile(r"^[0-9a-f]{32}$")
SESSION_KEY = "wordpress_import_token"
# Meeting form fields that a suggestion of this kind fills in.
SUGGESTED_FIELDS = {
    "start_date": ["start_date"],
    "end_date": ["end_date"],
    "venue": ["venue_lo", "venue_en"],
    "city": ["city_lo", "city_en"],
    "format": ["format"],
    "attendance_total": ["attendance_total"],
    "attendance_women": ["attendance_women"],
    "attendance_online": ["attendance_online"],
    "organiser": ["organisers"],
    "programme": ["programme"],
}
MSG_UNCONFIRMED = _("Read from the news post; not confirmed yet (see the suggestions above).")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("WordPress export file"),
        help_text=_(
            "The .xml file from WordPress (Tools → Export → All content), or a .zip file holding it and the "
            "uploads folder (wp-content/uploads) with the posts' files."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,.zip"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_WXR_BYTES:
            raise ValidationError(
                _("The file is too large (the limit is %(mb)d MB).") % {"mb": MAX_WXR_BYTES >> 20}
            )
        data = upload.read()
        try:
            self.source = services.open_export(file=data)
        except WxrError as error:
            raise ValidationError(str(error)) from error
        self.data_bytes = data
        return upload


def _stash_name(token: str) -> str:
    """Where an uploaded export waits between preview and import: in the shared storage, so that the
    import may be confirmed on another app node than the one that showed the preview."""
    if not _TOKEN.match(token or ""):
        raise Http404
    return f"{UPLOAD_DIR}/{token}.upload"


@admin.register(ImportedPost)
class ImportedPostAdmin(admin.ModelAdmin):
    """The posts imported so far (read-only), and the import page."""

    change_list_template = "admin/meetings/importedpost/change_list.html"
    list_display = (
        "title", "post_date", "author", "language", "meeting_like", "meeting", "linked_meeting", "imported_at",
        "imported_by",
    )  # fmt: skip
    list_filter = ("meeting_like", "language")
    search_fields = ("title", "guid", "link")
    readonly_fields = [f.name for f in ImportedPost._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "import/", self.admin_site.admin_view(self.import_view), name="meetings_importedpost_import"
            ),
            *import_review.review_urls(self),  # bulk review of suggestions by kind
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_import": services.can_import(request.user),
            "review_url": import_review.review_url(),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        if not services.can_import(request.user):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import news posts"),
        }
        if request.method == "POST" and request.POST.get("step") == "import":
            return self._import(request, context)
        if request.method == "GET" and "preview" in request.GET:
            return self._preview(request, context, request.GET["preview"])
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            token = secrets.token_hex(16)
            stash = _stash_name(token)
            try:
                default_storage.delete(stash)  # a token is new; never a name with a suffix added
                default_storage.save(stash, ContentFile(form.data_bytes))
            except files.STORAGE_ERRORS:  # S3 down: the form again, with the reason
                form.add_error("file", MSG_STORAGE_DOWN)
            else:
                request.session[SESSION_KEY] = token
                # The preview is its own page, read back from the shared storage: any node shows it.
                return HttpResponseRedirect(_preview_url(token))
        context["form"] = form
        return TemplateResponse(request, "admin/meetings/importedpost/upload.html", context)

    def _stashed(self, request, token: str) -> bytes | None:
        """The export parked under ``token`` for this session, or ``None`` (expired, or someone else's)."""
        if token != request.session.get(SESSION_KEY):
            return None
        try:
            with files.open_stored(default_storage, _stash_name(token)) as handle:
                return handle.read()
        except FileNotFoundError:
            return None

    def _store_down(self, request, context):
        """S3 cannot be reached: the export stays parked under its token; the officer tries the same page again."""
        messages.error(request, MSG_PREVIEW_STORE_DOWN)
        context["form"] = UploadForm()
        return TemplateResponse(request, "admin/meetings/importedpost/upload.html", context, status=503)

    def _preview(self, request, context, token: str):
        try:
            data = self._stashed(request, token)
        except files.STORAGE_ERRORS:
            return self._store_down(request, context)
        if data is None:
            messages.error(request, _("This preview has expired. Upload the file again."))
            return HttpResponseRedirect(reverse("admin:meetings_importedpost_import"))
        source = services.open_export(file=data)
        context.update(rows=services.preview(source=source), token=token, skipped_items=source.skipped_items)
        return TemplateResponse(request, "admin/meetings/importedpost/preview.html", context)

    def _import(self, request, context):
        token = request.POST.get("token", "")
        try:
            data = self._stashed(request, token)
        except files.STORAGE_ERRORS:
            return self._store_down(request, context)
        if data is None:
            messages.error(request, _("This preview has expired. Upload the file again."))
            return HttpResponseRedirect(reverse("admin:meetings_importedpost_import"))
        try:
            with one_import_at_a_time():
                report = services.import_wxr(
                    file=data,
                    by=request.user,
                    only_guids=set(request.POST.getlist("guid")),
                    new_draft_guids=set(request.POST.getlist("new_draft")),
                )
        except ImportBusy:
            messages.error(request, MSG_BUSY)
            return HttpResponseRedirect(_preview_url(token))
        default_storage.delete(_stash_name(token))
        request.session.pop(SESSION_KEY, None)
        context.update(report=report, created=report.count(services.CREATED))
        return TemplateResponse(request, "admin/meetings/importedpost/done.html", context)


MSG_PREVIEW_STORE_DOWN = _(
    "The file store cannot be reached just now. Your export is kept: open this page again in a few minutes."
)


def _preview_url(token: str) -> str:
    return reverse("admin:meetings_importedpost_import") + f"?preview={token}"


# --- The meeting page: suggestions ------------------------------------------------------------------------
def suggestion_context(meeting) -> dict:
    suggestions = list(meeting.suggestions.select_related("decided_by")) if meeting else []
    post = getattr(meeting, "imported_post", None) if meeting else None
    return {
        "suggestions": suggestions,
        "pending_suggestions": [s for s in suggestions if s.status == Suggestion.Status.PENDING],
        "imported_post": post,
        # posts about this meeting that the import linked to it instead of making a second draft
        "linked_posts": list(meeting.linked_posts.all()) if meeting else [],
    }


def pending_fields(meeting) -> set[str]:
    fields = set()
    for kind in meeting.suggestions.filter(status=Suggestion.Status.PENDING, applied=True).values_list(
        "field", flat=True
    ):
        fields.update(SUGGESTED_FIELDS.get(kind, []))
    return fields


def mark_suggested_fields(form_class, meeting):
    """The meeting form with every field that holds an unconfirmed suggestion marked (class and note)."""
    if meeting is None or not meeting.pk:
        return form_class
    fields = pending_fields(meeting)
    if not fields:
        return form_class

    class MarkedForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name in fields & set(self.fields):
                field = self.fields[name]
                field.widget.attrs["class"] = (field.widget.attrs.get("class", "") + " suggested").strip()
                field.help_text = f"{MSG_UNCONFIRMED} {field.help_text or ''}".strip()

    MarkedForm.__name__ = form_class.__name__
    return MarkedForm


def suggestions_view(model_admin, request, object_id):
    """POST: confirm or dismiss the ticked suggestions of a meeting."""
    meeting = model_admin.get_object(request, object_id)
    if meeting is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    ids = [int(i) for i in request.POST.getlist("suggestion") if i.isdigit()]
    confirm = ids if "confirm" in request.POST else []
    dismiss = ids if "dismiss" in request.POST else []
    try:
        done = services.decide_suggestions(meeting=meeting, confirm=confirm, dismiss=dismiss, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if done:
            messages.success(request, _("%(count)d suggestions decided.") % {"count": done})
        else:
            messages.warning(request, _("Tick the suggestions to confirm or dismiss."))
    return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))


class PasteArticleForm(forms.Form):
    title = forms.CharField(label=_("Title of the article"), max_length=400)
    text = forms.CharField(
        label=_("Text of the article"), widget=forms.Textarea(attrs={"rows": 8}), max_length=100_000
    )


def paste_view(model_admin, request):
    """ "Paste a news article" on the add-meeting page: a draft with the facts read from the text."""
    if not services.can_import(request.user):
        raise PermissionDenied
    form = PasteArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = services.import_text(
            title=form.cleaned_data["title"], text=form.cleaned_data["text"], by=request.user
        )
        messages.success(
            request, _("A draft was made from the article. Check the suggestions and confirm them.")
        )
        return HttpResponseRedirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": _("Paste a news article"),
        "form": form,
    }
    return TemplateResponse(request, "admin/meetings/meeting/paste_article.html", context)
