"""The portal under its production stack, side by side with WordPress and a static file. Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/stack_bench.py

Run as root on the benchmark machine. It
1. sets up the status quo with ``../shared/bench/peer-wordpress.sh --keep`` (beside the project's folder) (WordPress 6.1 post on
   127.0.0.1:8081 and the same HTML as a static file from nginx on 127.0.0.1:8082) unless they answer;
2. creates its own database ``bench_stack`` on the server of DATABASE_URL (dropped at the end), migrates it,
   loads the two real demo meetings and adds a 60 KB document to one of them;
3. starts the real stack from the project's files with ``bin/serve --detach`` (nginx from
   deploy/nginx/portal.conf.template with its micro-cache, gunicorn from deploy/gunicorn.conf.py, Redis,
   production settings, X-Accel-Redirect on; rate limits raised so that one load generator is not refused);
4. measures with ``wrk -t2 -c16 --latency`` each target in alternating rounds (medians printed): WordPress,
   the peer's static file, a static file through the portal's nginx, the public pages with the caches on
   (page cache and nginx's micro-cache), minutes PDF and document downloads by an anonymous reader (kept by
   nginx) and by a signed-in partner (checked by the portal every time, then sent by nginx), a refused PDF
   (404); then, restarted with the caches off (PAGE_CACHE_SECONDS=0, which also switches the micro-cache
   off, and SEARCH_CACHE_SECONDS=0: no search results kept per query either), the same pages and search beside WordPress's post and WordPress's own search (``/?s=<term>``), and
   the floor: a 404 page answered by Django (every middleware, no query, the smallest template), anonymous
   and signed in. The uncached searches (the portal's and WordPress's) cycle through at least 100 different
   Lao and English words taken from the demo records (a wrk Lua script), so that no cache hides the cost;
   the repeated-term search is measured with the caches on;
5. prints each ratio next to its target (issue 23; the fresh meeting page and the new-term search against
   WordPress, and the signed-in floor against the anonymous one, as the median of the ratios measured within
   one round, each round's ratio beside it; rounds alternate the targets' order), then
   checks that an edit shows at the next request with the caches on, and prints worker memory.
``--only <substring>`` (repeatable) measures only the targets whose name contains it, beside their peers
(WordPress's post and search, the floors; the static file for cached anonymous pages): ``--only search``
measures the portal's searches in about three minutes with ``--rounds 2 --duration 5``.
Compare ratios measured in one run, never absolute numbers across runs, and only on a quiet machine:
the load average is printed, since other jobs on the machine change every figure.
"""

from __future__ import annotations

import argparse
import http.cookies
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _shared() -> Path:
    """``../shared`` beside the project (never an absolute path); from a git worktree of the project placed
    elsewhere, ``../shared`` beside its main checkout."""
    beside = ROOT.parent / "shared"
    if beside.is_dir():
        return beside
    try:
        common = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        return beside
    return Path(common).parent.parent / "shared"


SHARED = _shared()  # shared data is reached relative to the project, never by an absolute path
PEER = SHARED / "bench" / "peer-wordpress.sh"
PORT = 8090
STATE = Path("/tmp/portal-bench-stack")  # noqa: S108 - a loopback benchmark's own state
BENCH_DB = "bench_stack"
PY = str(ROOT / ".venv" / "bin" / "python")
NO_LIMITS = {"RATE_LIMIT_SEARCH": "100000000/m", "RATE_LIMIT_PDF": "100000000/m"}


# The latest demo meeting, a public document of it (a 60 KB file, as an officer's upload) and a partner's
# session (a signed-in reader: every request passes through the portal's check).
SETUP_CODE = """
from django.core.files.base import ContentFile
from meetings.models import Document, Meeting
meeting = Meeting.objects.order_by('-start_date').first()
document = Document(meeting=meeting, title_lo='ເອກະສານ', title_en='Document')
document.file = ContentFile(b'%PDF-1.4\\n' + b'0' * 60_000, name='document.pdf')
document.full_clean()
document.save()
print(meeting.slug, document.pk)
"""
PARTNER_CODE = """
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client
user, _ = User.objects.get_or_create(username='bench-partner')
user.groups.add(Group.objects.get(name='Partner'))
client = Client()
client.force_login(user)
print(client.cookies[settings.SESSION_COOKIE_NAME].value)
"""
# Different words of the records, in Lao (ICU's word breaks) and English, for searches a cache cannot answer.
TERMS_CODE = """
import json, re
from meetings.rules.text import words
from meetings.search import KINDS
lao, english = {}, {}
for kind in KINDS:
    for row in kind.model.objects.values_list(*kind.columns):
        for column, text in zip(kind.columns, row):
            if column.endswith('_lo'):
                lao.update((w, None) for w in words(text or '') if len(w) >= 3 and re.search('[\u0e80-\u0eff]', w))
            else:
                english.update((w.lower(), None) for w in re.findall('[A-Za-z]{4,}', text or ''))
print(json.dumps({'lo': list(lao)[:80], 'en': list(english)[:80]}))
"""
MIN_TERMS = 100


def sh(*args, env=None, check=True, **kw):
    return subprocess.run(args, cwd=ROOT, env={**os.environ, **(env or {})}, check=check, **kw)


def get(url: str, *, cookie: str = "") -> tuple[int, bytes]:
    status, body, _ = get_with_headers(url, cookie=cookie)
    return status, body


def get_with_headers(url: str, *, cookie: str = ""):
    """Status, body and headers (an ``email.message.Message``) of a GET."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def browser_cookies(url: str, session: str) -> str:
    """The Cookie header of a partner's browser: the session and the CSRF cookie the portal gave it. A browser
    that signed in through the form always has one (the form's POST needed it) and sends it back; without it
    every signed-in page would make up and set a new CSRF secret, which no real partner costs the portal."""
    status, body, headers = get_with_headers(url, cookie=f"sessionid={session}")
    cookies = http.cookies.SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if status != 404 or b"account-nav__user" not in body or "csrftoken" not in cookies:
        sys.exit(
            "the partner's session is not signed in on the stack (another SECRET_KEY?): no signed-in row would mean anything"
        )
    return f"sessionid={session}; csrftoken={cookies['csrftoken'].value}"


def up(url: str) -> bool:
    try:
        return get(url)[0] == 200
    except OSError:
        return False


# --- wrk -----------------------------------------------------------------------------------------------
_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * _UNIT[match.group(2)] if match else float("nan")


def cycling_script(paths: list[str], name: str) -> Path:
    """A wrk Lua script asking for ``paths`` in turn (each wrk thread starts at a different place)."""
    STATE.mkdir(parents=True, exist_ok=True)
    script = STATE / f"{name}.lua"
    quoted = ",\n".join(f'  "{p}"' for p in paths)
    script.write_text(
        f"local paths = {{\n{quoted}\n}}\nlocal i = math.random(#paths)\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n"
    )
    return script


def wrk(url: str, *, duration: int, conns: int, threads: int = 2) -> dict:
    url, _, cookie = url.partition(" cookie:")  # "<url> cookie:<Cookie header>": a signed-in reader
    url, _, script = url.partition(" script:")  # "<url> script:<file.lua>": paths chosen by the script
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    if script:
        headers += ["-s", script]
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{conns}", f"-d{duration}s", "--latency", *headers, url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(re.search(r"50%\s+(\S+)", out).group(1)) if "50%" in out else float("nan"),
        "p99": _ms(re.search(r"99%\s+(\S+)", out).group(1)) if "99%" in out else float("nan"),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": 0,
    }
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        result["non2xx"] = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        result["errors"] = sum(map(int, match.groups()))
    return result


def _median(values) -> float:
    """The median of the rounds that gave a figure: a round whose latency line wrk printed in a form not read
    (``nan``) is left out, instead of making the median itself ``nan`` or meaningless."""
    read = [value for value in values if value == value]
    return statistics.median(read) if read else float("nan")


def measure(targets: dict[str, str], *, rounds: int, duration: int, conns: int) -> dict[str, dict]:
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    for number in range(rounds):
        # alternate: every target once per round, in the reverse order every other round, so that neither of
        # two targets measured side by side (a target and its peer) is always the one measured first
        order = list(targets.items()) if number % 2 == 0 else list(reversed(targets.items()))
        for name, url in order:
            wrk(url, duration=1, conns=conns)  # warm-up
            runs[name].append(wrk(url, duration=duration, conns=conns))
    return {
        name: {
            "rps": statistics.median(r["rps"] for r in results),
            "p50": _median(r["p50"] for r in results),
            "p99": _median(r["p99"] for r in results),
            "errors": sum(r["errors"] for r in results),
            "non2xx": sum(r.get("non2xx", 0) for r in results),
            "requests": sum(r["requests"] for r in results),
            "per_round": [r["rps"] for r in results],  # for ratios paired within a round (targets)
        }
        for name, results in runs.items()
    }


# --- the stack ------------------------------------------------------------------------------------------
# Port and state folder default to this benchmark's; benchmarks/fault_bench.py runs its own stack beside it.
# One secret key for the stack and for the commands run beside it: a session signed in by PARTNER_CODE is
# only valid for the stack when both sign with the same key (bin/serve would otherwise make up its own, and
# the "signed-in" reader would be an anonymous one with a stale cookie; partner_is_signed_in checks).
SECRET_KEY = "bench-" + "x" * 50


def stack_env(database_url: str, *, state: Path = STATE, **extra) -> dict:
    return {
        "DATABASE_URL": database_url, "MEDIA_ROOT": str(state / "media"), "SECRET_KEY": SECRET_KEY, **NO_LIMITS,
        **extra,
    }  # fmt: skip


def start_stack(database_url: str, *, port: int = PORT, state: Path = STATE, options=(), **extra) -> None:
    """``bin/serve --detach`` with ``options`` (e.g. ``["--file-cache"]``) and ``extra`` environment."""
    sh("bin/serve", "--detach", "--port", str(port), "--state", str(state), *options,
       env=stack_env(database_url, state=state, **extra), stdout=subprocess.DEVNULL)  # fmt: skip


def stop_stack(*, state: Path = STATE) -> None:
    sh("bin/serve", "--stop", "--state", str(state), check=False)
    time.sleep(1)


def worker_memory(*, state: Path = STATE) -> dict[int, float]:
    """RSS in MB of each gunicorn worker (the children of the master named in the state folder), by pid."""
    master = (state / "gunicorn.pid").read_text().strip()
    out = subprocess.run(["ps", "-o", "pid=,rss=", "--ppid", master], capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines() if line.strip()]
    return {int(pid): int(rss) / 1024 for pid, rss in rows}


def worker_rss_mb(*, state: Path = STATE) -> list[float]:
    return list(worker_memory(state=state).values())


def production_env(database_url: str) -> dict:
    """Settings of a management command run beside the stack (its database and Redis)."""
    return {
        "PORTAL_ENV": "production", "SECRET_KEY": SECRET_KEY, "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": f"redis://127.0.0.1:{PORT + 2}/0", "DATABASE_URL": database_url,
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(PORT + 3), "DEFAULT_FROM_EMAIL": "bench@localhost",
    }  # fmt: skip


def edit_shows_within(database_url: str, url: str, *, slug: str) -> float:
    """Seconds from saving a new title (through the models, as the admin does) to the first anonymous
    request through nginx that shows it, with the page cache and nginx's micro-cache on."""
    get(url)
    get(url)  # cached now
    title = f"Edited {time.time_ns()}"
    env = production_env(database_url)
    code = (
        f"from meetings.models import Meeting; m = Meeting.objects.get(slug={slug!r}); "
        f"m.title_lo = {title!r}; m.save()"
    )
    sh(PY, "manage.py", "shell", "-c", code, env=env)
    saved = time.monotonic()
    while time.monotonic() - saved < 10:
        if title.encode() in get(url)[1]:
            return time.monotonic() - saved
        time.sleep(0.01)
    return float("inf")


def table(results: dict[str, dict], wordpress: float, static: float | None, title: str) -> None:
    if not results:
        return
    static = static or float("nan")
    print(f"\n{title}")
    print("| target | req/s | p50 ms | p99 ms | errors | non-2xx | vs WordPress | vs static (same nginx) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results.items():
        print(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} | {r['non2xx']} "
            f"| {r['rps'] / wordpress:.1f}× | {r['rps'] / static:.2f}× |"
        )


RSS_TARGET_MB = 120
FLOOR = "floor: a 404 page through every middleware (no query)"
FLOOR_SIGNED_IN = "floor, signed-in partner: the same 404"


def targets(cached: dict, uncached: dict, static: float | None) -> None:
    """Each ratio of issue 23 beside its target, measured side by side in this run (the rows of the targets
    measured: see ``--only``)."""
    print("\nTargets (issue 23): ratio measured | target | met")
    print("| what | ratio | target | met |")
    print("|---|---|---|---|")

    def row(what: str, ratio: float, target: float) -> None:
        print(f"| {what} | {ratio:.2f}× | ≥ {target}× | {'yes' if ratio >= target else 'NO'} |")

    def rps(results: dict, prefix: str) -> float | None:
        return next((r["rps"] for name, r in results.items() if name.startswith(prefix)), None)

    def paired(results: dict, prefix: str, peer_prefix: str, target: float, what: str) -> None:
        """A target against its peer: the median of the ratios of the two measured in the same round (a few
        seconds apart), with each round's ratio and the ratio of the medians beside it. This machine's speed
        drifts by up to 2x from one minute to the next; a ratio within a round cancels most of that drift,
        the ratio of two medians taken from different rounds does not."""
        mine = next((r for name, r in results.items() if name.startswith(prefix)), None)
        peer = next((r for name, r in results.items() if name.startswith(peer_prefix)), None)
        if not mine or not peer:
            return
        rounds = [a / b for a, b in zip(mine["per_round"], peer["per_round"], strict=True) if b]
        ratio = statistics.median(rounds) if rounds else float("nan")
        row(what, ratio, target)
        print(f"(each round: {', '.join(f'{r:.2f}×' for r in rounds)}; "
              f"ratio of the medians: {mine['rps'] / peer['rps']:.2f}×)")  # fmt: skip

    def floors() -> None:
        """The signed-in floor against the anonymous one: the two are measured side by side in every round of
        both runs (the 404 is never kept by a cache, so the two runs measure the same pages), and the target
        is the median of the ratios of every round, as for the paired targets above."""
        rounds = []
        for results in (cached, uncached):
            if FLOOR in results and FLOOR_SIGNED_IN in results:
                pairs = zip(results[FLOOR_SIGNED_IN]["per_round"], results[FLOOR]["per_round"], strict=True)
                rounds.append([a / b for a, b in pairs if b])
        every = [r for run in rounds for r in run]
        if not every:
            return
        row("signed-in floor / anonymous floor (each round of both runs)", statistics.median(every), 0.8)
        medians = f"; ratio of the medians, cached run: {floor_in / floor:.2f}×" if floor and floor_in else ""
        print(f"(each round, cached run; uncached run: "
              f"{'; '.join(', '.join(f'{r:.2f}×' for r in run) for run in rounds)}{medians})")  # fmt: skip

    floor, floor_in = rps(cached, FLOOR), rps(cached, FLOOR_SIGNED_IN)
    for name, r in cached.items():
        if name.endswith(", signed-in partner (cached)"):
            row(f"{name} / signed-in floor", r["rps"] / floor_in, 0.7)
        elif name.endswith(" (cached)") and "search" not in name and static:
            row(f"{name} / static file", r["rps"] / static, 0.5)
    floors()
    wp_search, different = rps(uncached, "WordPress search"), rps(uncached, "search, ")
    if wp_search and different:
        paired(
            uncached,
            "search, ",
            "WordPress search",
            3,
            "search, a different term each time / WordPress search",
        )
        print(f"(the same search / anonymous floor, uncached run: {different / uncached[FLOOR]['rps']:.2f}×; "
              f"WordPress search / anonymous floor: {wp_search / uncached[FLOOR]['rps']:.2f}×)")  # fmt: skip
    if (repeated := rps(cached, "search, one term")) and floor:
        row("search, one term repeated / anonymous floor", repeated / floor, 0.5)
    wp_post, fresh = rps(uncached, "WordPress post"), rps(uncached, "meeting page")
    if wp_post and fresh:
        paired(uncached, "meeting page", "WordPress post", 3, "meeting page rendered fresh / WordPress post")
        print(f"(the same fresh meeting page / anonymous floor, uncached run: {fresh / uncached[FLOOR]['rps']:.2f}×; "
              f"WordPress post / anonymous floor: {wp_post / uncached[FLOOR]['rps']:.2f}×)")  # fmt: skip
    bad = [name for results in (cached, uncached) for name, r in results.items() if r["errors"]]
    print(f"wrk time-outs or socket errors: {', '.join(bad) if bad else 'none'} (target: none)")


PEERS = ("WordPress", FLOOR, FLOOR_SIGNED_IN)
STATIC = "static CSS through the portal's nginx"


def chosen(wanted: dict[str, str], only: list[str]) -> dict[str, str]:
    """The targets named by ``--only`` (every target without it), with the peers they are compared with:
    WordPress's post and search and the floors, and the static file beside cached anonymous pages. Nothing
    at all when no target but peers is chosen (that run is left out)."""
    if not only:
        return wanted
    picked = {n for n in wanted if any(s.casefold() in n.casefold() for s in only)}
    if not any(not n.startswith(PEERS) for n in picked):
        return {}
    if any(n.endswith(" (cached)") and "search" not in n for n in picked):
        picked.add(STATIC)
    return {n: u for n, u in wanted.items() if n in picked or n.startswith(PEERS)}


def memory_row(rss: list[float], served: int) -> None:
    """Worker memory after the requests of the run (issue 23: ≤ 120 MB after 10,000 mixed requests)."""
    worst = max(rss) if rss else float("nan")
    met = "yes" if served >= 10_000 and worst <= RSS_TARGET_MB else "NO"
    print(
        f"| largest worker RSS after {served:,} mixed requests | {worst:.0f} MB | ≤ {RSS_TARGET_MB} MB | {met} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--conns", type=int, default=16)
    parser.add_argument("--keep", action="store_true", help="leave the stack, the database and the peer up")
    parser.add_argument(
        "--only", action="append", default=[], metavar="SUBSTRING",
        help="measure only the targets whose name contains SUBSTRING (case-insensitive; repeatable); "
        "WordPress's post and search, the static file and the floors are always measured beside them",
    )  # fmt: skip
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base_url.startswith("postgres"):
        sys.exit("stack_bench needs a PostgreSQL DATABASE_URL")
    from search_bench import recreate_database

    post_url = Path("/tmp/peer-wp/post.url")  # noqa: S108 - written by peer-wordpress.sh
    if not (post_url.is_file() and up("http://127.0.0.1:8082" + post_url.read_text().strip()[21:])):
        print("== setting up WordPress and the static peer (peer-wordpress.sh --keep)", flush=True)
        sh(
            str(PEER),
            "--keep",
            "--rounds",
            "1",
            "--duration",
            "3",
            "--warmup",
            "1",
            stdout=subprocess.DEVNULL,
        )
    post_path = post_url.read_text().strip().removeprefix("http://127.0.0.1:8081")

    load_at_start = os.getloadavg()
    database_url = recreate_database(base_url, name=BENCH_DB)
    dev = {"DATABASE_URL": database_url, "PORTAL_ENV": "development"}
    sh(PY, "manage.py", "migrate", "--noinput", env=dev, stdout=subprocess.DEVNULL)
    sh(PY, "manage.py", "load_demo", env=dev, stdout=subprocess.DEVNULL)
    slug, document_id = subprocess.run(
        [PY, "manage.py", "shell", "-v", "0", "-c", SETUP_CODE],
        cwd=ROOT, env={**os.environ, **dev, "MEDIA_ROOT": str(STATE / "media")}, capture_output=True, text=True,
        check=True,
    ).stdout.split()  # fmt: skip

    site = f"http://127.0.0.1:{PORT}"
    try:
        start_stack(database_url)
        css = re.search(rb"/static/css/portal\.[0-9a-f]+\.css", get(f"{site}/lo/")[1]).group().decode()
        pdf = f"{site}/lo/reports/minutes/{slug}/lo.pdf"
        assert get(pdf)[0] == 200  # rendered once, then sent by nginx
        refused = f"{site}/lo/reports/minutes/no-such-meeting/lo.pdf"
        pages = {
            "meeting page /lo/meetings/<slug>/": f"{site}/lo/meetings/{slug}/",
            "home /lo/": f"{site}/lo/",
            "meetings list /en/meetings/": f"{site}/en/meetings/",
            "statistics /lo/statistics/": f"{site}/lo/statistics/",
            "action items /lo/action-items/": f"{site}/lo/action-items/",
        }
        anchors = {
            "WordPress post (status quo)": f"http://127.0.0.1:8081{post_path}",
            "nginx static file (peer, limit)": f"http://127.0.0.1:8082{post_path}",
            STATIC: site + css,
        }
        partner = subprocess.run(
            [PY, "manage.py", "shell", "-v", "0", "-c", PARTNER_CODE], cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, **stack_env(database_url), **production_env(database_url)}, check=True,
        ).stdout.strip()  # fmt: skip
        # the "signed-in" rows are only that if the stack takes the session: its header names the partner
        partner = browser_cookies(f"{site}/lo/no-such-page/", partner)
        document = f"{site}/lo/documents/{document_id}/download/"
        assert get(document)[0] == 200
        terms = json.loads(
            subprocess.run(
                [PY, "manage.py", "shell", "-v", "0", "-c", TERMS_CODE], cwd=ROOT, capture_output=True, text=True,
                env={**os.environ, **dev}, check=True,
            ).stdout
        )  # fmt: skip
        every_term = terms["lo"] + terms["en"]
        if len(every_term) < MIN_TERMS or not terms["lo"] or not terms["en"]:
            sys.exit(f"only {len(terms['lo'])} Lao and {len(terms['en'])} English terms in the demo records")
        portal_search = cycling_script([f"/lo/search/?q={quote(t)}" for t in every_term], "portal-search")
        wordpress_search = cycling_script([f"/?s={quote(t)}" for t in every_term], "wordpress-search")
        search = {  # a different term on every request (the portal's page cache does not keep search pages)
            f"search, {len(every_term)} terms in turn ({len(terms['lo'])} Lao)": f"{site}/ script:{portal_search}",
        }
        wordpress_search_target = {
            f"WordPress search /?s=<term>, the same {len(every_term)} terms": f"http://127.0.0.1:8081/ script:{wordpress_search}",
        }
        repeated = {
            "search, one term repeated (results cached)": f"{site}/lo/search/?q={quote(terms['lo'][0])}"
        }
        others = {
            "minutes PDF, anonymous (kept by nginx)": pdf,
            "document (60 KB), anonymous (kept by nginx)": document,
            "minutes PDF, signed-in partner (check, then X-Accel-Redirect)": f"{pdf} cookie:{partner}",
            "document, signed-in partner (check, then X-Accel-Redirect)": f"{document} cookie:{partner}",
            "refused PDF (404)": refused,
        }
        signed_in = {f"{k}, signed-in partner (cached)": f"{v} cookie:{partner}" for k, v in pages.items()}
        cached = measure(
            chosen({
                **anchors,
                **{f"{k} (cached)": v for k, v in pages.items()},
                **signed_in,
                **others,
                **repeated,
                FLOOR: f"{site}/lo/no-such-page/",
                FLOOR_SIGNED_IN: f"{site}/lo/no-such-page/ cookie:{partner}",
            }, args.only),
            rounds=args.rounds, duration=args.duration, conns=args.conns,
        )  # fmt: skip
        lag = None
        if not args.only or any(name.startswith("meeting page") for name in cached):
            lag = edit_shows_within(database_url, pages["meeting page /lo/meetings/<slug>/"], slug=slug)
        rss = worker_rss_mb()
        stop_stack()
        # caches off: the page cache, nginx's micro-cache and the search results kept per query
        start_stack(database_url, PAGE_CACHE_SECONDS="0", SEARCH_CACHE_SECONDS="0")
        uncached = measure(
            chosen({
                **{k: v for k, v in anchors.items() if "WordPress" in k},
                **{f"{k} (uncached)": v for k, v in pages.items()},
                **search,
                **wordpress_search_target,
                # what any page rendered by Django costs at least on this machine (see README, Production)
                FLOOR: f"{site}/lo/no-such-page/",
                FLOOR_SIGNED_IN: f"{site}/lo/no-such-page/ cookie:{partner}",
            }, args.only),
            rounds=args.rounds, duration=args.duration, conns=args.conns,
        )  # fmt: skip
        rss_after = worker_rss_mb()
    finally:
        if not args.keep:
            stop_stack()
    wordpress = statistics.median(
        [
            r["WordPress post (status quo)"]["rps"]
            for r in (cached, uncached)
            if "WordPress post (status quo)" in r
        ]
    )
    static = cached.get(STATIC, {}).get("rps")
    print(
        f"\nload average at the start: {load_at_start}; at the end: {os.getloadavg()} (other jobs on the machine)"
    )
    print(f"wrk -t2 -c{args.conns} -d{args.duration}s, medians of {args.rounds} alternating rounds; "
          f"{os.cpu_count()} cores; portal: nginx → gunicorn (deploy/gunicorn.conf.py) → PostgreSQL, Redis cache")  # fmt: skip
    table(cached, wordpress, static, "Page cache on (production default)")
    table(uncached, wordpress, static, "Page cache off (PAGE_CACHE_SECONDS=0)")
    targets(cached, uncached, static)
    if lag is not None:
        print(
            f"\nAn edit of the meeting's title was shown by the next request after {lag * 1000:.0f} ms (cache on)."
        )
    served = sum(r["requests"] for results in (cached, uncached) for name, r in results.items()
                 if not name.startswith(("WordPress", "nginx static", "static CSS")))  # fmt: skip
    memory_row(rss_after, served)
    print(
        f"gunicorn worker RSS: {', '.join(f'{m:.0f}' for m in rss)} MB after the cached run; "
        f"{', '.join(f'{m:.0f}' for m in rss_after)} MB after the uncached run"
    )
    if not args.keep:
        recreate_database(base_url, drop_only=True, name=BENCH_DB)
        print(f"(WordPress and the static peer stay up: {PEER} --stop)")


if __name__ == "__main__":
    main()
