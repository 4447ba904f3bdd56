import pytest
from django.urls import reverse


@pytest.mark.parametrize("lang", ["lo", "en"])
def test_home_page_in_each_language(client, demo, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'lang="{lang}"' in response.content.decode()


def test_admin_login_page(client, db):
    assert client.get(reverse("admin:login")).status_code == 200
