"""``{% translate %}`` / ``{% trans %}`` that translate a constant message once per catalogue, not per render.

Django's tag translates its message again on every render: a lazy string, made and then turned into text,
through the active language's catalogue, for each of the sixty or so constant labels of a meeting page. The
tag here (registered by the ``portal`` library, so a template that loads ``i18n portal`` uses it) renders
exactly as Django's: on a miss it *is* Django's tag, whose output it then keeps. It keeps that output only for
a message that is a constant (a quoted string, no filter, its message context constant or absent), and keeps
it per **catalogue object**: the translation Django's ``gettext`` itself would use at that moment (the active
one, else the default one). Whatever changes a catalogue makes Django build new catalogue objects (a language
activated after the files or settings changed, Django's reload of changed ``.mo`` files, a test's
``override_settings(LOCALE_PATHS=…)``), so a new catalogue starts with nothing kept, and one no longer used
goes with what was kept for it (weak keys). A variable message, a filter or a variable context go through
Django's tag on every render, unchanged. With ``USE_I18N = False`` from the start no catalogue is ever made
and every message goes through Django's tag; switched off later (a test), Django itself goes on translating
with the catalogues it has, and so does this tag.
"""

from __future__ import annotations

import weakref

from django.templatetags.i18n import TranslateNode, do_translate
from django.utils.translation import trans_real

# What each catalogue object gave: {((message, message context, noop), autoescape): output}.
_KEPT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _catalogue():
    """The catalogue Django's ``gettext`` would translate with now (``trans_real.gettext``), or None when
    none was made yet. ``trans_real._active`` is looked up on each call: Django replaces it when settings
    that choose catalogues change."""
    active = getattr(trans_real._active, "value", None)
    return active if active is not None else trans_real._default


def _constant(expression) -> bool:
    """A quoted string with no filter (Django turns ``"…"`` into a literal ``Variable``, or leaves a plain
    string for a message context)."""
    if expression is None:
        return True
    if expression.filters:
        return False
    var = expression.var
    return isinstance(var, str) or (getattr(var, "lookups", True) is None and isinstance(var.literal, str))


class KeptTranslateNode(TranslateNode):
    """Django's ``TranslateNode``; a constant message's output kept per catalogue object."""

    def __init__(self, filter_expression, noop, asvar=None, message_context=None):
        super().__init__(filter_expression, noop, asvar, message_context)
        self.kept = _constant(self.filter_expression) and _constant(self.message_context)
        if self.kept:
            context = self.message_context.var if self.message_context else None
            self.kept_key = (self.filter_expression.var.literal, context, self.noop)

    def render(self, context):
        catalogue = _catalogue() if self.kept else None
        if catalogue is None:
            return super().render(context)
        key = (self.kept_key, context.autoescape)
        kept = _KEPT.get(catalogue)
        if kept is None:
            kept = _KEPT[catalogue] = {}
        value = kept.get(key)
        if value is None:
            value = super().render(context)
            if self.asvar:
                value = context[self.asvar]
            kept[key] = value
        if self.asvar:
            context[self.asvar] = value
            return ""
        return value


def do_kept_translate(parser, token) -> KeptTranslateNode:
    """``{% translate %}`` parsed by Django (same syntax, same errors), rendered by :class:`KeptTranslateNode`."""
    node = do_translate(parser, token)
    return KeptTranslateNode(node.filter_expression, node.noop, node.asvar, node.message_context)
