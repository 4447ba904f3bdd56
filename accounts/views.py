"""Views of account self-service on the public site (/<lang>/accounts/...) and the admin's password reset.

Password reset is Django's ``PasswordResetView`` family; requests are rate limited per client and per
address (``RATE_LIMITS["account_mail"]``, ``["account_mail_address"]``), and the answer is the same page
for a known and an unknown address.
"""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import (
    AddressChangeForm,
    AdminPasswordResetForm,
    LoginForm,
    PasswordResetForm,
    PreferencesForm,
)
from accounts.tokens import InvalidLink
from portal.http.ratelimit import is_limited, too_many


def account_mail_limited(request, address: str) -> tuple[bool, int]:
    """Count a request that mails an address: per client, and per address whoever asks."""
    limited, wait = is_limited(request, "account_mail")
    normalised = (address or "").strip().casefold()
    identity = "address:" + hashlib.sha256(normalised.encode()).hexdigest()[:32]
    by_address, wait_address = is_limited(request, "account_mail_address", identity=identity)
    return limited or by_address, max(wait if limited else 0, wait_address if by_address else 0)


class LoginView(auth_views.LoginView):
    authentication_form = LoginForm
    template_name = "portal/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        limited, wait = account_mail_limited(request, request.POST.get("email", ""))
        if limited:
            return too_many(request, wait)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "link_days": services.link_days()}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class AdminLookMixin:
    """The admin's header (site name, language switcher) on the admin's password reset pages."""

    def get_context_data(self, **kwargs):
        from django.contrib import admin

        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


class AdminPasswordResetView(AdminLookMixin, PasswordResetView):
    form_class = AdminPasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("password_reset_done")


class AdminPasswordResetDoneView(AdminLookMixin, auth_views.PasswordResetDoneView):
    pass


class AdminPasswordResetConfirmView(AdminLookMixin, PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class AdminPasswordResetCompleteView(AdminLookMixin, auth_views.PasswordResetCompleteView):
    pass


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """The signed-in account: its mail language, how often it is notified, and a change of address."""
    user = request.user
    preferences = PreferencesForm(initial=services.preferences_of(user))
    address = AddressChangeForm(user)
    if request.method == "POST" and request.POST.get("form") == "preferences":
        preferences = PreferencesForm(request.POST)
        if preferences.is_valid():
            services.save_preferences(user=user, **preferences.cleaned_data)
            with translation.override(preferences.cleaned_data["language"]):
                messages.success(request, _("Your settings are saved."))
                return redirect(reverse("accounts:account"))
    elif request.method == "POST" and request.POST.get("form") == "address":
        address = AddressChangeForm(user, request.POST)
        if address.is_valid():
            limited, wait = account_mail_limited(request, address.cleaned_data["new_address"])
            if limited:
                return too_many(request, wait)
            services.request_address_change(user=user, new_address=address.cleaned_data["new_address"])
            messages.success(
                request,
                _("We sent a confirmation link to %(new)s. Your address stays %(old)s until you open it.")
                % {"new": address.cleaned_data["new_address"], "old": user.email or "–"},
            )
            return redirect(reverse("accounts:account"))
    return render(
        request,
        "accounts/account.html",
        {"preferences_form": preferences, "address_form": address, "link_days": services.link_days()},
    )


@require_http_methods(["GET", "POST"])
def confirm_address(request, token):
    """A link from the mail to the new address: GET shows what will change, POST changes it (once)."""
    try:
        user, change = services.pending_address_change(token=token)
    except InvalidLink:
        return render(request, "accounts/address_invalid.html", status=400)
    error = None
    if request.method == "POST":
        try:
            services.confirm_address_change(token=token)
        except InvalidLink:
            return render(request, "accounts/address_invalid.html", status=400)
        except services.AddressTaken:
            error = _("Another account has this address now. Ask the secretariat.")
        else:
            return render(request, "accounts/address_confirmed.html", {"change": change, "account": user})
    return render(
        request, "accounts/address_confirm.html", {"change": change, "account": user, "error": error}
    )
