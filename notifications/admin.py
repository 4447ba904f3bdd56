"""The outbox in the admin: every mail with its status; a failed one can be sent again."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications import outbox
from notifications.models import Message
from notifications.tasks import send_soon

MSG_PERSONAL_LINK = _(
    "Not shown: this mail holds a personal link (password, address or subscription) that only its "
    "recipient may use. Its text is removed once it is sent."
)


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "to", "subject", "kind", "status", "attempts", "sent_at")
    list_filter = ("status", "kind", "language")
    search_fields = ("to", "subject", "key")
    date_hierarchy = "created_at"
    actions = ["send_again"]
    readonly_fields = [f.name for f in Message._meta.fields] + ["text", "extra_headers"]
    fields = (
        ("status", "attempts", "next_attempt_at", "sent_at"),
        ("to", "user", "language"),
        ("kind", "key"),
        "subject",
        "text",
        "last_error",
        "extra_headers",
        "created_at",
    )

    @admin.display(description=_("text"))
    def text(self, obj):
        return MSG_PERSONAL_LINK if outbox.holds_personal_link(obj) else obj.body_text

    @admin.display(description=_("extra headers"))
    def extra_headers(self, obj):
        return MSG_PERSONAL_LINK if outbox.holds_personal_link(obj) else obj.headers

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
