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


@pytest.fixture
def demo(db):
    """The two real source meetings, loaded by the demo loader."""
    from meetings.demo import load_demo_data

    return load_demo_data()
