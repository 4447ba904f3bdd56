"""The outbox in the admin: every mail with its status; a failed one can be sent again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications import outbox
from notifications.models import Message
from notifications.tasks import send_soon


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "to", "subject", "kind", "status", "attempts", "sent_at")
    list_filter = ("status", "kind", "language")
    search_fields = ("to", "subject", "key")
    date_hierarchy = "created_at"
    actions = ["send_again"]
    readonly_fields = [f.name for f in Message._meta.fields]
    fields = (
        ("status", "attempts", "next_attempt_at", "sent_at"),
        ("to", "user", "language"),
        ("kind", "key"),
        "subject",
        "body_text",
        "last_error",
        "headers",
        "created_at",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send the selected mail again"), permissions=["view"])
    def send_again(self, request, queryset):
        again = [
            outbox.send_again(message=m)
            for m in queryset.filter(status__in=[Message.Status.FAILED, Message.Status.PENDING])
        ]
        send_soon(again)
        self.message_user(
            request,
            ngettext("%(count)d mail queued again.", "%(count)d mails queued again.", len(again))
            % {"count": len(again)},
            messages.SUCCESS,
        )
