from django.contrib.auth.models import User
from django.core.management import call_command


def test_demo_accounts_have_example_org_addresses_and_keep_a_changed_one(db, capsys):
    call_command("load_demo", "--with-admin")
    addresses = dict(User.objects.values_list("username", "email"))
    assert addresses == {
        "admin": "admin@example.org",
        "editor": "editor@example.org",
        "publisher": "publisher@example.org",
        "partner": "partner@example.org",
    }
    User.objects.filter(username="partner").update(email="someone@example.org")
    call_command("load_demo", "--with-admin")  # idempotent: nothing created twice, nothing overwritten
    assert User.objects.get(username="partner").email == "someone@example.org"
    assert User.objects.count() == 4
    assert "(editor@example.org)" in capsys.readouterr().out
