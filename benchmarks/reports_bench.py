"""Speed of the minutes PDFs: fresh render per edition (demo meetings and a synthetic large meeting) and
the time of a cached download. Prints figures; targets: a fresh two-page PDF < 1 s, a cached download < 20 ms.

Run: ``.venv/bin/python benchmarks/reports_bench.py`` (uses DATABASE_URL, or the SQLite demo database;
migrates it and loads the demo meetings; the synthetic meeting is deleted at the end).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.development")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from meetings import models as m  # noqa: E402
from meetings.services.demo import load_demo_data  # noqa: E402
from reports import minutes as services  # noqa: E402
from reports.minutes.editions import EDITIONS  # noqa: E402


def pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def render_times(meeting, label, repeat=3):
    for edition in EDITIONS:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            pdf = services.render_minutes(meeting, edition, audience="staff")
            times.append(time.perf_counter() - start)
        print(
            f"  {label:<44} {edition:<10} {min(times) * 1000:8.0f} ms  (median {statistics.median(times) * 1000:.0f} ms)"
            f"  {len(pdf) / 1024:6.0f} kB  {pages(pdf)} pages"
        )


def archival_cost(meeting, edition="lo", repeat=3):
    """The same minutes as a plain PDF and as the tagged PDF/A-3b with verification code that is served."""
    from reports.pdf.rendering import html_to_document

    plain, archival = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        html_to_document(services.minutes_html(meeting, edition, audience="public")).write_pdf()
        plain.append(time.perf_counter() - start)
        start = time.perf_counter()
        services.render_minutes(meeting, edition, audience="public")
        archival.append(time.perf_counter() - start)
    print(
        f"  {meeting.slug} ({edition}): plain PDF {min(plain) * 1000:.0f} ms, "
        f"tagged PDF/A-3b + verification code + QR + JSON {min(archival) * 1000:.0f} ms (best of {repeat})"
    )


def synthetic_meeting():
    org = m.Organisation.objects.create(
        name_lo="ກະຊວງທົດລອງ", name_en="Benchmark ministry", slug="bench-ministry"
    )
    meeting = m.Meeting(
        title_lo="ກອງປະຊຸມທົດລອງຂະໜາດໃຫຍ່ ກ່ຽວກັບການຕ້ານການຄ້າມະນຸດລະດັບຊາດ",
        title_en="Large benchmark meeting on national counter-trafficking work",
        start_date="2024-05-01",
        status=m.Meeting.Status.PUBLISHED,
        summary_lo="ກອງເລຂາຄະນະກຳມະການຕ້ານການຄ້າມະນຸດລະດັບຊາດ ໄດ້ລາຍງານຜົນການຈັດຕັ້ງປະຕິບັດວຽກງານ. " * 6,
        summary_en="The secretariat of the national committee reported on the work done. " * 6,
        attendance_total=150,
        attendance_women=61,
        attendance_online=20,
        slug="bench-large-meeting",
    )
    meeting.save()
    meeting.organisers.set([org])
    people = m.Person.objects.bulk_create(
        m.Person(
            name_lo=f"ທ່ານ ສົມພອນ ວົງສະຫວັນ {i}",
            name_en=f"Somphone Vongsavanh {i}",
            position_lo="ຮອງຫົວໜ້າກົມຕຳຫຼວດສະກັດກັ້ນ ແລະ ຕ້ານການຄ້າມະນຸດ",
            position_en="Deputy Director of the Anti-Human Trafficking Police Department",
            organisation=org,
            slug=f"bench-person-{i}",
        )
        for i in range(150)
    )
    m.Participation.objects.bulk_create(
        m.Participation(meeting=meeting, person=p, organisation=org, online=i < 20)
        for i, p in enumerate(people)
    )
    for i in range(40):
        item = m.ActionItem.objects.create(
            meeting=meeting,
            order=i + 1,
            text_lo=f"ຕິດຕາມຊຸກຍູ້ດ້ານວິຊາການ ແລະ ກວດກາການດຳເນີນຄະດີຄ້າມະນຸດ ໃຫ້ແກ່ແຂວງເປົ້າໝາຍ {i + 1}",
            text_en=f"Technical follow-up and monitoring of trafficking cases in the target provinces {i + 1}",
            due_date="2024-12-31",
        )
        item.responsible.set([org])
    return meeting


def remove_synthetic(meeting):
    meeting.delete()
    m.Person.objects.filter(slug__startswith="bench-person-").delete()
    m.Organisation.objects.filter(slug="bench-ministry").delete()


def cached_download_times(client, meeting, runs=50):
    with translation.override("lo"):
        url = reverse("reports:minutes", kwargs={"slug": meeting.slug, "edition": "lo"})
    response = client.get(url)
    b"".join(response.streaming_content)  # fills the cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        response.close()
        times.append(time.perf_counter() - start)
    assert response.status_code == 200 and body.startswith(b"%PDF")
    return times


def main():
    call_command("migrate", verbosity=0)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average before the run: {load} on {os.cpu_count()} CPUs (figures grow with the load)")
    # The benchmark measures rendering and serving, not the per-client rate limit of PDF downloads.
    no_limit = {**settings.RATE_LIMITS, "pdf": "1000000/m"}
    with (
        tempfile.TemporaryDirectory() as cache,
        override_settings(REPORTS_CACHE_ROOT=Path(cache), RATE_LIMITS=no_limit),
    ):
        demo = load_demo_data()
        services.render_minutes(demo[0], "lo", audience="staff")  # warm-up: fonts, templates, translations
        print("fresh render (best of 3), per edition:")
        for meeting in demo:
            render_times(meeting, meeting.slug)
        print("cost of the archival variant:")
        for meeting in demo:
            archival_cost(meeting)
        big = synthetic_meeting()
        try:
            render_times(big, "synthetic: 150 participants, 40 action items", repeat=1)
            client = Client()
            times = cached_download_times(client, demo[0])
            print(
                f"cached download (demo meeting, Lao, {len(times)} runs): median "
                f"{statistics.median(times) * 1000:.1f} ms, best {min(times) * 1000:.1f} ms"
            )
            times = cached_download_times(client, big)
            print(f"cached download (synthetic meeting): median {statistics.median(times) * 1000:.1f} ms")
        finally:
            remove_synthetic(big)
    print(f"database: {settings.DATABASES['default']['ENGINE']}")


if __name__ == "__main__":
    main()
