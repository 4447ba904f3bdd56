"""The secretariat invites partners from the admin: Users → "Invite a partner" (a form: the account is
created in the Partner role with no password, and a mail with a set-password link that expires is
queued), and the action "Send an invitation" for accounts that exist (a new link)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts import services
from accounts.forms import InvitationForm
from portal.i18n.admin_i18n import wrap_registered_admin


class InvitationAdminMixin:
    change_list_template = "admin/accounts/user/change_list.html"

    def get_urls(self):
        return [
            path("invite/", self.admin_site.admin_view(self.invite_view), name="auth_user_invite"),
            *super().get_urls(),
        ]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_add_permission(request):
            actions["send_invitation"] = self.get_action("send_invitation")
        return actions

    def invite_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = InvitationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            user = services.invite_partner(**form.cleaned_data, by=request.user)
            self.message_user(
                request,
                _("%(name)s is invited: a link to choose a password was sent to %(address)s.")
                % {"name": user.get_username(), "address": user.email},
                messages.SUCCESS,
            )
            return redirect(reverse("admin:auth_user_change", args=[user.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Invite a partner"),
            "form": form,
            "opts": self.model._meta,
            "link_days": services.link_days(),
        }
        return TemplateResponse(request, "admin/accounts/user/invite.html", context)

    @admin.action(description=gettext_lazy("Send an invitation (a link to choose a password)"))
    def send_invitation(self, request, queryset):
        sent = [
            services.send_password_link(user=user, url_name=services.INVITATION_CONFIRM, by=request.user)
            for user in queryset.filter(is_active=True).exclude(email="")
        ]
        count = len([message for message in sent if message is not None])
        self.message_user(
            request,
            ngettext("%(count)d invitation queued.", "%(count)d invitations queued.", count)
            % {"count": count},
            messages.SUCCESS,
        )


wrap_registered_admin(get_user_model(), InvitationAdminMixin, prefix="Inviting")
