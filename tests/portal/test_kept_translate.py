"""``{% translate %}`` from the portal library (portal.i18n.kept_translate): a constant message's output kept per
catalogue object. Every template here renders, byte for byte, as with Django's own tag, in Lao, English and
with no language, first and again (kept), and a changed catalogue is shown at once."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Engine, Template
from django.template.loader import get_template
from django.test import override_settings
from django.utils import translation
from django.utils.translation import reloader, trans_real

from portal.i18n import kept_translate
from portal.i18n.kept_translate import KeptTranslateNode

LOADS = ("{% load i18n %}", "{% load i18n portal %}")

CASES = {
    "constant": '{% translate "Date" %}',
    "trans alias, single quotes": "{% trans 'Summary' %}",
    "not in the catalogue": '{% translate "No such message, kept as it is" %}',
    "as var, used twice": '{% translate "Date" as d %}[{{ d }}|{{ d|upper }}|{{ d|length }}]',
    "as var, empty until set": '({{ d }}){% translate "Summary" as d %}({{ d }})',
    "noop": '{% translate "Date" noop %}',
    "noop as var": '{% translate "Date" noop as d %}{{ d }}',
    "context": '{% translate "May" context "abbrev. month" %}|{% translate "May" %}',
    "context as var": '{% translate "Jan." context "abbrev. month" as j %}{{ j }}',
    "context from a variable": '{% translate "May" context ctx %}',
    "variable message": "{% translate message %}",
    "variable message as var": "{% translate message as m %}{{ m }}",
    "filtered message": '{% translate "Date"|upper %}',
    "filtered context": '{% translate "May" context "ABBREV. MONTH"|lower %}',
    "percent signs": '{% translate "100% of 50%% done" %}',
    "markup in the message": '{% translate "<b>Tom & Jerry</b>" %}',
    "markup in a variable": "{% translate markup %}",
    "autoescape off": '{% autoescape off %}{% translate "Date" %}{% translate markup %}{% endautoescape %}',
    "language switch inside": '{% translate "Date" %}{% language "en" %}{% translate "Date" %}{% endlanguage %}'
    '{% language "lo" %}{% translate "Date" %}{% endlanguage %}{% translate "Date" %}',
    "in a loop": '{% for x in numbers %}{% translate "Summary" %}{{ x }}{% endfor %}',
    "blocktranslate plural beside it": "{% translate 'Date' %}{% blocktranslate count counter=number %}"
    "{{ counter }} invitation queued.{% plural %}{{ counter }} invitations queued.{% endblocktranslate %}",
    "blocktranslate with a variable": '{% blocktranslate with women=number %}of whom {{ women }} women{% endblocktranslate %}'
    '{% translate "Date" %}',
}  # fmt: skip
CONTEXT = {
    "ctx": "abbrev. month",
    "message": "Summary",
    "markup": "<i>&</i>",
    "numbers": [1, 2, 3],
    "number": 2,
}


def _render(load: str, body: str, lang: str | None, **extra) -> str:
    template = Engine.get_default().from_string(load + body)
    with translation.override(lang):
        return template.render(Context({**CONTEXT, **extra}))


@pytest.mark.parametrize("name", list(CASES))
def test_the_portals_translate_renders_as_djangos(name):
    body = CASES[name]
    for lang in ("lo", "en", None, "lo", "en"):  # each language twice: first render, then what was kept
        django, portal = (_render(load, body, lang) for load in LOADS)
        assert portal == django, (name, lang)
        assert type(portal) is type(django)
    for number in (1, 5):
        assert _render(LOADS[1], body, "en", number=number) == _render(LOADS[0], body, "en", number=number)


def test_the_lao_and_english_output():
    body = '{% translate "Date" %}/{% translate "May" context "abbrev. month" %}/{% translate "Date" as d %}{{ d }}'
    assert _render(LOADS[1], body, "lo") == "ວັນທີ/ພ.ພ./ວັນທີ"
    assert _render(LOADS[1], body, "en") == "Date/May/Date"
    assert _render(LOADS[1], body, "lo") == "ວັນທີ/ພ.ພ./ວັນທີ"


def test_only_a_constant_message_and_context_are_kept():
    nodes = {
        name: Template(LOADS[1] + body).nodelist.get_nodes_by_type(KeptTranslateNode)
        for name, body in CASES.items()
    }
    assert all(nodes.values()), "every {% translate %} is the portal's once the portal library is loaded"
    assert not Template(LOADS[0] + CASES["constant"]).nodelist.get_nodes_by_type(KeptTranslateNode)
    not_kept = {"context from a variable", "variable message", "variable message as var", "filtered message"}
    not_kept |= {"filtered context", "markup in a variable"}
    for name, found in nodes.items():
        if name in not_kept:
            assert not any(node.kept for node in found), name
        elif name != "autoescape off":
            assert all(node.kept for node in found), name


def test_a_kept_message_is_translated_once_per_catalogue(monkeypatch):
    template = Template(LOADS[1] + '{% translate "Date" %}{% translate "Date" as d %}{{ d }}')
    calls = []
    with translation.override("lo"):
        catalogue = trans_real._active.value
        original = catalogue.gettext
        monkeypatch.setattr(catalogue, "gettext", lambda message: calls.append(message) or original(message))
        kept_translate._KEPT.pop(catalogue, None)
        first = template.render(Context())
        translated = len(calls)
        assert translated >= 1
        for _ in range(3):
            assert template.render(Context()) == first
        assert len(calls) == translated


def _catalogue(directory: Path, translations: dict[str, str]) -> Path:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;"}
    for msgid, msgstr in translations.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = directory / "lo" / "LC_MESSAGES" / "django.mo"
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save_as_mofile(str(path))
    return path


def test_a_changed_catalogue_is_shown_at_once(tmp_path):
    template = Template(LOADS[1] + '{% translate "Date" %}')
    with translation.override("lo"):
        assert template.render(Context()) == "ວັນທີ"
    mo = _catalogue(tmp_path, {"Date": "first"})
    with override_settings(LOCALE_PATHS=[tmp_path, *settings.LOCALE_PATHS]):
        with translation.override("lo"):
            assert template.render(Context()) == "first"
        _catalogue(tmp_path, {"Date": "second"})  # a .mo file rewritten, as runserver's reloader sees it
        reloader.translation_file_changed(sender=None, file_path=mo)
        with translation.override("lo"):
            assert template.render(Context()) == "second"
        with translation.override("en"):
            assert template.render(Context()) == "Date"
    with translation.override("lo"):
        assert template.render(Context()) == "ວັນທີ"


def test_with_i18n_switched_off_it_renders_as_djangos():
    with override_settings(USE_I18N=False):
        for lang in ("lo", "en", "lo"):
            assert _render(LOADS[1], CASES["constant"], lang) == _render(LOADS[0], CASES["constant"], lang)


MEETING_PAGE = [
    "base.html",
    "meetings/meeting_detail.html",
    "meetings/_site_search.html",
    "meetings/includes/partners_only.html",
    "reports/_minutes_links.html",
]


@pytest.mark.parametrize("name", MEETING_PAGE)
def test_the_meeting_pages_templates_use_the_portals_translate(name):
    from django.templatetags.i18n import TranslateNode

    nodelist = get_template(name).template.nodelist
    found = nodelist.get_nodes_by_type(TranslateNode)
    assert found and all(isinstance(node, KeptTranslateNode) for node in found), name
