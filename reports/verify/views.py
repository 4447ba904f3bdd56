"""The public verify pages: ``/<lang>/verify/`` (type a code or upload a PDF) and ``/<lang>/verify/<code>/``.

A code the reader may not see (its meeting is hidden from them, or the PDF was made for a wider audience)
is answered exactly like an unknown code: same status, same page. Both views are rate-limited like search,
so codes cannot be tried in bulk (and there are 2^50 of them).
"""

from __future__ import annotations

import re
import subprocess
import tempfile

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from portal.http.ratelimit import rate_limit
from reports.minutes import editions, verification

TOOL_TIMEOUT = 10  # seconds for pdfinfo / pdftotext on an uploaded file
TEXT_PAGES = 3  # the code is in every page's footer: the first pages are enough


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("10 letters and digits, as printed on the PDF, e.g. ABCDE-FGHIJ."),
        error_messages={"required": _("Type the verification code printed on the document.")},
    )

    def clean_code(self):
        code = verification.normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("A verification code has 10 letters and digits (2 to 7), e.g. ABCDE-FGHIJ.")
            )
        return code


class UploadForm(forms.Form):
    pdf = forms.FileField(
        label=_("PDF file"),
        help_text=_("The minutes PDF you received; it is checked and not kept."),
        error_messages={
            "required": _("Choose the PDF file to check."),
            "empty": _("The file is empty."),
        },
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        limit = settings.DOCUMENT_MAX_UPLOAD_MB * 1024 * 1024
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": settings.DOCUMENT_MAX_UPLOAD_MB}
            )
        data = upload.read()
        if not data.startswith(b"%PDF-"):
            raise forms.ValidationError(_("This file is not a PDF."))
        code = code_in_pdf(data)
        if not code:
            raise forms.ValidationError(
                _(
                    "No verification code was found in this file. Type the code printed on the document instead."
                )
            )
        self.cleaned_data["data"] = data
        return code


def _run(args: list[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, timeout=TOOL_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return ""
    return done.stdout.decode("utf-8", "replace")


def code_in_pdf(data: bytes) -> str:
    """The verification code of a PDF: from its XMP ``dc:identifier``, else from its text layer."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        for args in (
            ["pdfinfo", "-meta", handle.name],
            ["pdftotext", "-l", str(TEXT_PAGES), "-enc", "UTF-8", handle.name, "-"],
        ):
            text = re.sub(r"\s+", "", _run(args))
            found = verification.CODE_IN_TEXT_RE.search(text)
            if found:
                return found.group(1)
    return ""


def _page(request, *, code_form=None, upload_form=None, code=None, upload=None, status=200):
    """The verify page; ``code`` is ``None`` when nothing was looked up, ``""`` for a malformed code."""
    looked_up = code is not None
    version = verification.visible_version(code, request.user) if code else None
    context = {
        "code_form": code_form or CodeForm(initial={"code": verification.display_code(code) if code else ""}),
        "upload_form": upload_form or UploadForm(),
        "looked_up": looked_up,
        "version": version,
    }
    if looked_up and version is None:
        status = 404  # unknown, or not for this reader: the same answer
    if version is not None:
        current = verification.current_version(version)
        context.update(
            {
                "current": current,
                "edition_label": editions.LABELS[version.edition],
                "current_pdf": reverse(
                    "reports:minutes", kwargs={"slug": version.meeting.slug, "edition": version.edition}
                ),
                "changes": []
                if current.pk == version.pk
                else verification.changes_since(version.meeting, version.created_at),
                "upload": upload,
                "file_matches": upload is not None and verification.sha256(upload) in version.file_hashes,
            }
        )
    return render(request, "reports/verify.html", context, status=status)


@rate_limit("search")
@require_http_methods(["GET", "POST"])
def verify_start(request):
    """Type a code (GET ``?code=``) or upload a PDF (POST)."""
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return _page(request, upload_form=form, status=400)
        return _page(request, code=form.cleaned_data["pdf"], upload=form.cleaned_data["data"])
    if "code" in request.GET:
        form = CodeForm(request.GET)
        if not form.is_valid():
            return _page(request, code_form=form, status=400)
        return redirect("verify:code", code=form.cleaned_data["code"])
    return _page(request)


@rate_limit("search")
@require_http_methods(["GET"])
def verify(request, code: str):
    normal = verification.normalise_code(code)
    if normal and normal != code:
        return redirect("verify:code", code=normal)
    return _page(request, code=normal)
