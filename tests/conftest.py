import pytest


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    line = f"database: {db['ENGINE']} {db.get('HOST') or ''}:{db.get('PORT') or ''}"
    if "postgresql" in db["ENGINE"]:
        import psycopg2

        with (
            psycopg2.connect(
                dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"]
            ) as conn,
            conn.cursor() as cursor,
        ):
            cursor.execute("select version()")
            line += f" — {cursor.fetchone()[0]}"
        conn.close()
    return line


@pytest.fixture(scope="session")
def guide_site(tmp_path_factory):
    """The guide (docs/) built once per run with ``mkdocs build --strict`` (tests/guide.py)."""
    from tests.guide import build_guide

    return build_guide(tmp_path_factory.mktemp("help-site"))


@pytest.fixture(scope="session")
def smtp_server():
    """One real SMTP server for the whole run (tests/mail.py)."""
    from tests.mail import SMTPServer

    server = SMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def smtp(smtp_server, settings):
    """Every test's mail goes through SMTP to the test server, never to an in-memory outbox; each test
    starts with an empty mailbox and a running server."""
    if smtp_server._controller is None:
        smtp_server.start()
    smtp_server.clear()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    return smtp_server


@pytest.fixture
def demo(db):
    """The two real source meetings, loaded by the demo loader."""
    from meetings.services.demo import load_demo_data

    return load_demo_data()


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    """Uploaded files and rendered PDFs of a test go to temporary folders, never into the project: every
    test gets its own, empty PDF cache."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.REPORTS_CACHE_ROOT = tmp_path / "reports-cache"


@pytest.fixture(autouse=True)
def _role_groups(request):
    """The role groups and the countries come from data migrations; a transactional test's flush removes
    them, so a transactional test (live server, backup) gets them back first."""
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        from django.apps import apps

        from meetings.models import Country
        from meetings.rules.roles import sync_role_groups
        from meetings.services.countries import seed_countries

        sync_role_groups(apps)
        seed_countries(Country)


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    """Tests may request a page many times in a minute; the rate-limit tests set their own limits."""
    from django.core.cache import cache

    cache.clear()
    settings.RATE_LIMITS = dict.fromkeys(settings.RATE_LIMITS, "100000/m")


@pytest.fixture(scope="session")
def s3_server():
    """One moto S3 server process for the whole run (tests/s3.py)."""
    from tests.s3 import S3Server

    server = S3Server()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    """The test's files in S3: a new private bucket of the moto server, used for ``STORAGES["default"]``
    (documents, parked imports) and ``STORAGES["reports"]`` (rendered PDFs)."""
    import uuid

    if s3_server.process is None:
        s3_server.start()
    bucket = f"portal-{uuid.uuid4().hex[:12]}"
    s3_server.client().create_bucket(Bucket=bucket)
    settings.STORAGES = s3_server.storages(bucket)
    settings.S3_URL_SECONDS = 60
    s3_server.bucket = bucket
    return s3_server
