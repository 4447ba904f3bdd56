"""Who is who: the four roles of the portal as Django groups, and small questions about a user.

Roles are groups with permissions (created and kept in step by data migrations through
:func:`sync_role_groups`), so an administrator can give a person a role in the admin without code. The
questions below ask about permissions, never about group names, so a superuser or a user with the
permission given directly counts too. The visibility rule (``Meeting.objects.visible_to``) is built on
these questions; nothing else decides what a user may see.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

EDITOR = "Secretariat editor"
PUBLISHER = "Secretariat publisher"
PARTNER = "Partner"
ADMINISTRATOR = "Administrator"

ROLE_LABELS = {
    EDITOR: _("Secretariat editor"),
    PUBLISHER: _("Secretariat publisher"),
    PARTNER: _("Partner"),
    ADMINISTRATOR: _("Administrator"),
}

# Custom permissions of the Meeting model (see Meeting.Meta.permissions).
PERM_VIEW_PARTNERS = "meetings.view_partners_meetings"
PERM_VIEW_INTERNAL = "meetings.view_internal_meetings"
PERM_PUBLISH = "meetings.publish_meeting"

# What each role may do: (app label, codename pattern). "*" matches the model part of a codename.
_EDITOR_PERMS = [
    ("meetings", "add_*"),
    ("meetings", "change_*"),
    ("meetings", "view_*"),
    ("meetings", "delete_*"),
    ("meetings", "view_partners_meetings"),
    ("meetings", "view_internal_meetings"),
    ("meetings", "import_wordpress"),
]
_EDITOR_EXCLUDED = {("meetings", "delete_meeting"), ("meetings", "publish_meeting")}
ROLE_PERMISSIONS = {
    EDITOR: (_EDITOR_PERMS, _EDITOR_EXCLUDED),
    PUBLISHER: ([*_EDITOR_PERMS, ("meetings", "delete_meeting"), ("meetings", "publish_meeting")], set()),
    PARTNER: ([("meetings", "view_partners_meetings")], set()),
    ADMINISTRATOR: (
        [
            ("meetings", "*"),
            ("auth", "*"),
            ("otp_totp", "*"),
            ("otp_static", "*"),
            ("axes", "*"),
        ],
        set(),
    ),
}


def _matches(codename: str, pattern: str) -> bool:
    if pattern == "*":
        return True
    if pattern.endswith("*"):
        return codename.startswith(pattern[:-1])
    return codename == pattern


def _is_record_of_record(codename: str) -> bool:
    """History rows and workflow steps are written by the portal itself; roles may only read them."""
    action, _sep, model = codename.partition("_")
    return action != "view" and (model.startswith("historical") or model == "meetingevent")


def sync_role_groups(apps) -> None:
    """Create the role groups and give them exactly their permissions (used by data migrations).

    ``apps`` is the migration state's app registry (or ``django.apps.apps``). Permissions are created
    first, because Django otherwise creates them only after all migrations have run. Idempotent.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    all_perms = list(Permission.objects.select_related("content_type"))
    for name, (patterns, excluded) in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = [
            p
            for p in all_perms
            if (p.content_type.app_label, p.codename) not in excluded
            and (name == ADMINISTRATOR or not _is_record_of_record(p.codename))
            and any(p.content_type.app_label == app and _matches(p.codename, pat) for app, pat in patterns)
        ]
        group.permissions.set(wanted)


def _active(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def is_secretariat(user) -> bool:
    """Secretariat officers (editors, publishers, administrators) see internal meetings and drafts."""
    return _active(user) and user.has_perm(PERM_VIEW_INTERNAL)


def is_partner(user) -> bool:
    """Partner accounts (and the secretariat) see partners-only meetings once they are published."""
    return _active(user) and (user.has_perm(PERM_VIEW_PARTNERS) or user.has_perm(PERM_VIEW_INTERNAL))


def can_edit(user) -> bool:
    return _active(user) and user.has_perm("meetings.change_meeting")


def can_publish(user) -> bool:
    """Only publishers (and administrators) publish, unpublish and archive."""
    return _active(user) and user.has_perm(PERM_PUBLISH)


def reads_as_secretariat(user) -> bool:
    """Secretariat officers read drafts and internal records only after the second factor, wherever they
    read (public pages, PDFs, exports), when the admin asks for one: a password alone gives a partner's view."""
    from django.conf import settings

    if not is_secretariat(user):
        return False
    if not getattr(settings, "ADMIN_REQUIRE_OTP", False):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(callable(is_verified) and is_verified())


AUDIENCES = ("public", "partners", "staff")
_AUDIENCE_PERMS = {
    "public": frozenset(),
    "partners": frozenset({PERM_VIEW_PARTNERS}),
    "staff": frozenset({PERM_VIEW_PARTNERS, PERM_VIEW_INTERNAL}),
}


class AudienceReader:
    """A stand-in reader with exactly an audience's view ("public", "partners" or "staff"), for content built
    once per audience rather than per person (rendered PDFs, cached pages). It answers the same questions as
    a user, so the one visibility rule applies to it unchanged."""

    is_active = True

    def __init__(self, audience: str):
        if audience not in _AUDIENCE_PERMS:
            raise ValueError(f"unknown audience {audience!r}")
        self.audience = audience

    def __repr__(self):
        return f"AudienceReader({self.audience!r})"

    @property
    def is_authenticated(self) -> bool:
        return self.audience != "public"

    def has_perm(self, perm: str) -> bool:
        return perm in _AUDIENCE_PERMS[self.audience]

    def is_verified(self) -> bool:
        return self.audience == "staff"
