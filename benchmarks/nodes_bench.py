"""One app node and two, side by side, behind the same nginx. Not a test: it prints figures.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/nodes_bench.py [--port 8340] [--rounds 2]
        [--duration 8] [--conns 8] [--workers 2]

1. Starts moto's S3 server (tests/s3.py) and a throwaway database ``nodes_bench_<random>`` on the PostgreSQL
   of DATABASE_URL, with the two demo meetings and a public document (in the bucket).
2. Runs the production stack (``bin/serve``) with one gunicorn node, then with ``--nodes 2``, each node
   with ``--workers`` workers, the files in the bucket in both cases, rate limits raised (NO_LIMITS), and
   the page cache and nginx's micro-cache off (PAGE_CACHE_SECONDS=0): every request reaches a node, which
   is what a second node can share.
3. Measures with ``wrk`` through nginx, in alternating rounds (medians): the meetings list, a meeting page,
   a search (Lao and English words in turn), a document download (read from the bucket by the node) and
   ``/health/`` (the floor). Prints requests/s for one node and two, and the ratio.
On a 2-core machine two nodes share the same two cores as one: the ratio is a record, not a target. The
load average is printed, since other jobs on the machine change every figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from node_faults import shared_services, stop_two_nodes  # noqa: E402
from stack_bench import cycling_script, wrk  # noqa: E402

SETUP = """
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from meetings.models import Document, Meeting
from meetings.services.demo import load_demo_data
load_demo_data()
meeting = Meeting.objects.order_by("-start_date").first()
document = Document(meeting=meeting, title_lo="ເອກະສານ", title_en="Document")
document.file = ContentFile(b"%PDF-1.4\\n" + b"0" * 60_000, name="document.pdf")
document.full_clean()
document.save()
with translation.override("en"):
    print(reverse("meetings:meeting", kwargs={"slug": meeting.slug}))
    print(reverse("meetings:document_download", kwargs={"pk": document.pk}))
"""
WORDS = ["meeting", "ກອງປະຊຸມ", "trafficking", "ການຄ້າມະນຸດ", "committee", "ຄະນະກຳມະການ", "report", "ລາວ"]


def serve(env: dict, *, nodes: int, port: int, state: Path) -> None:
    cmd = [str(ROOT / "bin/serve"), "--nodes", str(nodes), "--port", str(port), "--state", str(state)]
    subprocess.run([*cmd, "--detach"], env=env, check=True, capture_output=True, timeout=300)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8340)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--conns", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per node")
    args = parser.parse_args()
    print("load average:", Path("/proc/loadavg").read_text().split()[:3], "cores:", os.cpu_count())
    services = shared_services("nodes_bench", PAGE_CACHE_SECONDS="0", GUNICORN_WORKERS=str(args.workers))
    with services as (_s3, env, state, _cluster):
        run(args, env, state)


def run(args, env: dict, state: Path) -> None:
    base = f"http://127.0.0.1:{args.port}"
    runs: dict[int, dict[str, list[float]]] = {1: {}, 2: {}}
    serve(env, nodes=1, port=args.port, state=state)
    meeting, document = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", SETUP],
        env=env, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300,
    ).stdout.split()[-2:]  # fmt: skip
    search = cycling_script([f"/en/search/?q={quote(w)}" for w in WORDS], "nodes-search")
    targets = {
        "meetings list": f"{base}/en/meetings/",
        "meeting page": base + meeting,
        "search": f"{base}/ script:{search}",
        "document download (bucket)": base + document,
        "/health/": f"{base}/health/",
    }
    for _round in range(args.rounds):
        for nodes in (1, 2):  # alternate: one node, then two, every round
            if _round or nodes == 2:
                stop_two_nodes(env, state=state)
                serve(env, nodes=nodes, port=args.port, state=state)
            for name, target in targets.items():
                wrk(target, duration=1, conns=args.conns)  # warm-up
                result = wrk(target, duration=args.duration, conns=args.conns)
                if result["errors"] or result.get("non2xx"):
                    print(f"   ! {nodes} node(s), {name}: {result}")
                runs[nodes].setdefault(name, []).append(result["rps"])
    print(
        f"\nrequests/s through nginx, median of {args.rounds} rounds of {args.duration} s, {args.conns} "
        f"connections, {args.workers} gunicorn workers per node, page caches off, files in S3 (moto)"
    )
    print(f"{'':30} {'1 node':>10} {'2 nodes':>10} {'ratio':>7}")
    for name in targets:
        one, two = statistics.median(runs[1][name]), statistics.median(runs[2][name])
        print(f"{name:30} {one:10.1f} {two:10.1f} {two / one:7.2f}")
    print("load average at the end:", Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
