"""Admin pages of the translation workflow: what to translate, export to XLSX, import with a preview.

Registered on the TranslationSync model so that the admin index links to it ("translations to do");
the views themselves are thin: the work is in :mod:`meetings.translations.workflow`.
"""

from django.contrib import admin, messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from meetings import models as m
from meetings.translations import workflow as tw
from portal.i18n.admin_i18n import use_translated_device_search_help, use_translated_permission_labels

TARGETS = {"en": gettext_lazy("English"), "lo": gettext_lazy("Lao")}


@admin.register(m.TranslationSync)
class TranslationWorkflowAdmin(admin.ModelAdmin):
    """Read-only: no add/change/delete pages; the changelist is the translation overview."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("", wrap(self.overview_view), name="meetings_translationsync_changelist"),
            path("export/", wrap(self.export_view), name="meetings_translation_export"),
            path("import/", wrap(self.import_view), name="meetings_translation_import"),
        ]

    def _context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "app_label": self.model._meta.app_label,
            "targets": TARGETS,
            **extra,
        }

    def _target(self, request):
        target = request.GET.get("to") or None
        return target if target in TARGETS else None

    def overview_view(self, request):
        target = self._target(request)
        tasks = tw.translation_tasks(request.user, target=target)
        counts = dict.fromkeys(TARGETS, 0)
        for task in tw.translation_tasks(request.user) if target else tasks:
            counts[task.target_lang] += 1
        urls = self._change_urls(tasks)
        context = self._context(
            request,
            title=_("Translations to do"),
            rows=[(task, urls.get((task.key, task.field))) for task in tasks],
            target=target,
            target_choices=[(code, name, counts[code]) for code, name in TARGETS.items()],
        )
        return TemplateResponse(request, "admin/meetings/translation/overview.html", context)

    def _change_urls(self, tasks):
        urls = {}
        for task in tasks:
            model = task.model
            if self.admin_site.is_registered(model):
                urls[(task.key, task.field)] = reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[task.pk]
                )
            elif task.meeting_id:
                urls[(task.key, task.field)] = reverse(
                    "admin:meetings_meeting_change", args=[task.meeting_id]
                )
        return urls

    def export_view(self, request):
        target = self._target(request)
        data = tw.export_workbook(tw.translation_tasks(request.user, target=target))
        name = f"translations-{target or 'all'}-{timezone.localdate():%Y-%m-%d}.xlsx"
        response = HttpResponse(
            data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def import_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        overview = reverse("admin:meetings_translationsync_changelist")
        try:
            if "payload" in request.POST:  # the officer confirmed the preview
                plan = tw.plan_from_payload(request.POST["payload"], user=request.user)
                result = tw.apply_import(plan=plan, user=request.user)
                count = len(result.changes)
                messages.success(
                    request,
                    ngettext("%(count)s translation written.", "%(count)s translations written.", count)
                    % {"count": count},
                )
                for row, record, reason in result.refused:
                    messages.warning(
                        request,
                        _("Row %(row)s (%(record)s): %(reason)s")
                        % {"row": row, "record": record, "reason": reason},
                    )
                return redirect(overview)
            upload = request.FILES.get("file")
            if upload is None:
                raise tw.WorkbookError([tw.bilingual(tw.NO_FILE)])
            plan = tw.plan_import(tw.read_workbook(upload), user=request.user)
        except tw.WorkbookError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(overview)
        context = self._context(request, title=_("Check the import"), plan=plan, payload=plan.payload())
        return TemplateResponse(request, "admin/meetings/translation/preview.html", context)


# django.contrib.auth's admin is registered by now (it comes before meetings in INSTALLED_APPS).
use_translated_permission_labels()
use_translated_device_search_help()
