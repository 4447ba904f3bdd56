"""The Lao catalogue check (manage.py check_catalogues, run by bin/test) and the vendor catalogue workflow."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from portal.i18n import i18n_tools

FIXTURES = Path(__file__).parent / "fixtures"


def run_check(*paths):
    out, err = StringIO(), StringIO()
    try:
        call_command("check_catalogues", *map(str, paths), stdout=out, stderr=err)
    except CommandError as exc:
        return False, out.getvalue(), err.getvalue() + str(exc)
    return True, out.getvalue(), err.getvalue()


def test_the_portals_lao_catalogues_pass_and_statistics_are_printed():
    ok, out, err = run_check()
    assert ok, err
    assert "locale/lo/LC_MESSAGES/django.po" in out
    assert "locale/vendor/lo/LC_MESSAGES/django.po" in out
    assert "locale/vendor/lo/LC_MESSAGES/djangojs.po" in out
    assert "0 untranslated, 0 fuzzy, 0 placeholder errors" in out
    # the admin's own catalogue has a few hundred strings: the vendor catalogue really carries them
    vendor = i18n_tools.check_catalogue(i18n_tools.vendor_dir() / "django.po")
    assert vendor.total > 500 and vendor.translated == vendor.total


def test_a_good_fixture_passes():
    ok, out, err = run_check(FIXTURES / "good.po")
    assert ok, err
    assert "4 messages, 4 translated (100%)" in out


def test_one_untranslated_string_fails_the_check():
    ok, out, err = run_check(FIXTURES / "untranslated.po")
    assert not ok
    assert "1 untranslated" in out
    assert "untranslated: 'Save'" in err


def test_a_mismatched_placeholder_fails_the_check():
    ok, out, err = run_check(FIXTURES / "placeholders.po")
    assert not ok
    assert "2 placeholder errors" in out
    assert "placeholders differ in 'Select %s to change': Lao has [%d], English has [%s]" in err
    assert "Lao has [{name}, {object}]" in err


def test_a_plural_without_its_number_fails_the_check():
    ok, out, err = run_check(FIXTURES / "plural_placeholder.po")
    assert not ok
    assert "placeholders differ in '%(counter)s result'" in err


def test_a_fuzzy_entry_fails_the_check():
    ok, out, err = run_check(FIXTURES / "fuzzy.po")
    assert not ok
    assert "fuzzy: 'Save'" in err


def test_a_catalogue_that_does_not_compile_fails(tmp_path):
    broken = tmp_path / "broken.po"
    broken.write_text((FIXTURES / "good.po").read_text() + '\nmsgid "Save"\nmsgstr "ບັນທຶກ"\n')  # duplicate
    ok, out, err = run_check(broken)
    assert not ok
    assert "does not compile" in err


@pytest.mark.parametrize(
    ("text", "named", "positional"),
    [
        ("%(name)s and %(count)d", ["%(count)d", "%(name)s"], ()),
        ("100%% of %s", [], ("%s",)),
        ("{name} “{obj}” {}", ["{name}", "{obj}"], ("{}",)),
        ("%(size)d byte", ["%(size)d"], ()),
    ],
)
def test_placeholders_are_recognised(text, named, positional):
    found_named, found_positional = i18n_tools.placeholders(text, brace=True)
    assert sorted(found_named.elements()) == named
    assert found_positional == positional


def test_a_new_django_string_arrives_untranslated_and_fails_until_translated(tmp_path):
    """What happens after a Django upgrade: update_vendor_catalogues adds the new msgid, the check fails."""
    copy = tmp_path / "django.po"
    shutil.copy(i18n_tools.vendor_dir() / "django.po", copy)
    text = copy.read_text(encoding="utf-8")
    entry = 'msgid "Log in"\nmsgstr "ເຂົ້າສູ່ລະບົບ"\n\n'
    assert entry in text
    copy.write_text(text.replace(entry, ""), encoding="utf-8")
    expected = {i18n_tools._key(m) for m in i18n_tools.vendor_source_messages("django")}
    assert "Log in" in i18n_tools.check_catalogue(copy, expected_keys=expected).outdated

    counts = i18n_tools.update_vendor_catalogue("django", copy)
    assert counts["new"] == 1 and counts["dropped"] == 0 and counts["kept"] > 500
    report = i18n_tools.check_catalogue(copy, expected_keys=expected)
    assert report.untranslated == ["Log in"] and not report.ok


VENDOR_SAMPLES = [  # English -> Lao, looked up at run time (variables, so makemessages does not collect them)
    ("Save", "ບັນທຶກ"),
    ("This field is required.", "ຕ້ອງປ້ອນຂໍ້ມູນຊ່ອງນີ້."),
    ("Select %s to change", "ເລືອກ %s ເພື່ອປ່ຽນແປງ"),
]


def test_vendor_strings_load_when_the_language_is_lao():
    for english, lao in VENDOR_SAMPLES:
        with translation.override("lo"):
            assert translation.gettext(english) == lao
        with translation.override("en"):
            assert translation.gettext(english) == english
    singular, plural = "%(counter)s result", "%(counter)s results"
    with translation.override("lo"):
        assert translation.ngettext(singular, plural, 3) == "%(counter)s ຜົນລັບ"


# --- Every label written in Python reaches the catalogue -------------------------------------------------
# makemessages reads Python with xgettext, which reads no f-string: a gettext("...") inside an f-string's braces
# is translated while its message is still in the catalogue, and silently dropped (marked obsolete, shown in
# English) by the next makemessages once no template uses the same words.
GETTEXT_CALLS = {  # the positions of the messages among each call's arguments (plural forms: two)
    "gettext": (0,),
    "_": (0,),
    "gettext_lazy": (0,),
    "gettext_noop": (0,),
    "pgettext": (1,),
    "pgettext_lazy": (1,),
    "ngettext": (0, 1),
    "ngettext_lazy": (0, 1),
    "npgettext": (1, 2),
    "npgettext_lazy": (1, 2),
}
KEYWORDS = [  # as makemessages calls xgettext
    "gettext",
    "_",
    "gettext_lazy",
    "gettext_noop",
    "pgettext:1c,2",
    "pgettext_lazy:1c,2",
    "ngettext:1,2",
    "ngettext_lazy:1,2",
    "npgettext:1c,2,3",
    "npgettext_lazy:1c,2,3",
]
APPS = ("accounts", "meetings", "notifications", "portal", "reports")


def _literal_messages(path: Path) -> set[str]:
    import ast

    messages = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        for at in GETTEXT_CALLS.get(name, ()):
            arg = node.args[at] if len(node.args) > at else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                messages.add(arg.value)
    return messages


def _extracted(path: Path) -> set[str]:
    import subprocess

    import polib

    command = ["xgettext", "--language=Python", "--from-code=UTF-8", "-o", "-"]
    out = subprocess.run(
        [*command, *(f"--keyword={k}" for k in KEYWORDS), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    entries = polib.pofile(out)
    return {message for e in entries for message in (e.msgid, e.msgid_plural) if message}


def test_makemessages_finds_every_literal_label_of_the_python_code():
    root = Path(__file__).resolve().parents[2]
    files = [p for app in APPS for p in sorted((root / app).rglob("*.py")) if "migrations" not in p.parts]
    lost = {}
    for path in files:
        wanted = _literal_messages(path)
        if wanted and (missing := wanted - _extracted(path)):
            lost[str(path.relative_to(root))] = sorted(missing)
    assert len(files) > 150
    assert not lost, f"labels xgettext cannot see (inside an f-string?): {lost}"


def test_a_label_inside_an_f_string_is_caught(tmp_path):
    module = tmp_path / "labels.py"
    module.write_text(
        "from django.utils.translation import gettext, ngettext\n"
        'A = gettext("Seen")\nB = f"{gettext(\'Unseen\')}"\n'
        'C = ngettext("one seen", "%(n)s seen", 2)\nD = f"{ngettext(\'one unseen\', \'%(n)s unseen\', 2)}"\n'
    )
    assert _literal_messages(module) == {
        "Seen",
        "Unseen",
        "one seen",
        "%(n)s seen",
        "one unseen",
        "%(n)s unseen",
    }
    assert _extracted(module) == {"Seen", "one seen", "%(n)s seen"}
