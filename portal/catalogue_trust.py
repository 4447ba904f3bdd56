"""Strings of the history, two-factor and lock-out packages that staff see through our Lao catalogue.

django-simple-history and django-otp ship no Lao translation; marking their strings here keeps
``makemessages`` from dropping the Lao text in ``locale/lo``. Each string is exactly the package's own.
"""

from django.utils.translation import gettext_noop, ngettext_noop

SIMPLE_HISTORY = [
    gettext_noop("Change history: %s"),
    gettext_noop("View history: %s"),
    gettext_noop("Revert %s"),
    gettext_noop("View %s"),
    gettext_noop("Created"),
    gettext_noop("Changed"),
    gettext_noop("Deleted"),
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
    gettext_noop("This object doesn't have a change history."),
    gettext_noop("Press the 'Revert' button below to revert to this version of the object."),
    gettext_noop("Object"),
    gettext_noop("Comment"),
    gettext_noop("Change reason"),
    gettext_noop("Changes"),
    gettext_noop("None"),
    gettext_noop("Revert"),
    gettext_noop("History"),
    gettext_noop('The %(name)s "%(obj)s" was changed successfully.'),
    gettext_noop("You may edit it again below"),
    ngettext_noop("entry", "entries", 1),
]
DJANGO_OTP = [
    gettext_noop("OTP Device:"),
    gettext_noop("OTP Token:"),
    gettext_noop("Get OTP Challenge"),
    gettext_noop("Please enter your OTP token."),
    gettext_noop("Invalid token. Please make sure you have entered it correctly."),
    gettext_noop("Log in"),
]
