"""Forms of account self-service. Every message a person can get wrong is in Lao and English."""

from __future__ import annotations

import unicodedata

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.forms import OTPAuthenticationFormMixin

from accounts import services
from meetings.rules import roles
from notifications.models import MailPreference

EMAIL_ERRORS = {
    "required": _("Enter an e-mail address."),
    "invalid": _("This is not a whole e-mail address. Write it like name@example.org."),
}


def needs_second_factor(user) -> bool:
    """Staff give their one-time code wherever they sign in when the admin asks for one."""
    return bool(settings.ADMIN_REQUIRE_OTP) and (
        user.is_staff or user.is_superuser or roles.is_secretariat(user)
    )


class LoginForm(OTPAuthenticationFormMixin, auth_forms.AuthenticationForm):
    """The public login. A partner gives user name and password; a staff account (when
    ``ADMIN_REQUIRE_OTP`` is on) also gives the one-time code of its authenticator app, as at the admin
    login, and is not signed in without it."""

    username = forms.CharField(
        label=_("User name"), max_length=150, widget=forms.TextInput(attrs={"autofocus": True})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_device = forms.CharField(label=_("Authenticator device"), required=False, widget=forms.Select)
    otp_token = forms.CharField(
        label=_("One-time code"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    error_messages = {
        "invalid_login": _("The user name or password is not correct. Both are case-sensitive."),
        "inactive": _("This account is not active. Ask the secretariat."),
    }
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _(
            "Secretariat accounts also give the one-time code from their authenticator app. Enter it below."
        ),
        "invalid_token": _(
            "The one-time code is not correct. Enter the code your authenticator app shows now."
        ),
        "device_required": _(
            "Choose the authenticator device the code comes from. An account without one cannot sign in: "
            "ask an administrator to add one."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_code = False
        self.choose_device = False

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        if user is not None and needs_second_factor(user):
            self.needs_code = True
            self.choose_device = len(list(devices_for_user(user))) > 1
            self.clean_otp(user)
        return cleaned

    def _chosen_device(self, user):
        """The device picked in the form or, when the account has only one, that one."""
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, for_verify=True))
            device = devices[0] if len(devices) == 1 else None
        return device


def _same_address(a: str, b: str) -> bool:
    return unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with its mail queued in the outbox in the account's language. Whatever the address,
    the answer is the same; only accounts with that address get a mail."""

    email = forms.EmailField(
        label=_("E-mail address of your account"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    confirm_url_name = services.RESET_CONFIRM

    def get_users(self, email):
        """Active accounts with this address that have a password, and invited accounts that have not
        chosen one yet (no password and never signed in)."""
        candidates = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return [
            user
            for user in candidates
            if (user.has_usable_password() or user.last_login is None) and _same_address(email, user.email)
        ]

    def save(self, **kwargs):  # Django's view passes its mail options; the outbox renders the mail
        for user in self.get_users(self.cleaned_data["email"]):
            services.send_password_link(user=user, url_name=self.confirm_url_name)


class AdminPasswordResetForm(PasswordResetForm):
    """The admin login's "Forgotten your password?": the link opens the admin's own page."""

    confirm_url_name = "password_reset_confirm"


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of your mail"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )
    frequency = forms.ChoiceField(
        label=_("Notifications"), choices=MailPreference.Frequency.choices, widget=forms.RadioSelect
    )


class AddressChangeForm(forms.Form):
    new_address = forms.EmailField(label=_("New e-mail address"), max_length=254, error_messages=EMAIL_ERRORS)
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to change the address.")},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_address(self):
        address = self.cleaned_data["new_address"].strip()
        if _same_address(address, self.user.email or ""):
            raise forms.ValidationError(_("This is already the address of your account."), code="same")
        if services.address_taken(address, other_than=self.user):
            raise forms.ValidationError(
                _("Another account has this address. Give another one, or ask the secretariat."), code="taken"
            )
        return address

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="password")
        return password


class InvitationForm(forms.Form):
    """The secretariat invites a partner: an account without a password, and a mail to choose one."""

    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, digits and @ . + - _ only; the partner signs in with it."),
    )
    email = forms.EmailField(label=_("E-mail address"), max_length=254, error_messages=EMAIL_ERRORS)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(label=_("Language of the mail"), choices=settings.LANGUAGES, initial="lo")

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("An account with this user name exists already."), code="taken")
        return username

    def clean_email(self):
        address = self.cleaned_data["email"].strip()
        if services.address_taken(address):
            raise forms.ValidationError(
                _("An account with this e-mail address exists already."), code="taken"
            )
        return address
