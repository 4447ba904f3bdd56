"""gunicorn settings for the portal: ``gunicorn -c deploy/gunicorn.conf.py portal.wsgi``.

Every value can be changed by an environment variable of the same name in upper case with a GUNICORN_
prefix (e.g. GUNICORN_WORKERS=3), so the systemd unit and bin/serve share this file.
"""

import multiprocessing
import os


def _env(name, default):
    return os.environ.get(f"GUNICORN_{name.upper()}", default)


cores = multiprocessing.cpu_count()
bind = _env("bind", "unix:/run/portal/gunicorn.sock")
# gunicorn creates its socket (and the workers' heartbeat files) with this umask, 0 by default: a socket
# any local user could connect to. 007: only the portal user and its group (nginx's www-data is added to
# the group "portal", docs/en/it/install.md, step 10) may connect; the runtime directory is 0750 as well.
umask = int(_env("umask", "0o007"), 8)
# Workers: one per core plus one (requests spend some time waiting for PostgreSQL and Redis); threads let
# a worker overlap those waits and a slow client download without another 110 MB process.
workers = int(_env("workers", str(cores + 1)))
threads = int(_env("threads", "4"))
worker_class = "gthread"
# A summary report is rendered in a few seconds; 60 s is the outer bound (nginx waits 65 s).
timeout = int(_env("timeout", "60"))
graceful_timeout = int(_env("graceful_timeout", "30"))  # SIGHUP / SIGTERM: finish requests in flight
keepalive = int(_env("keepalive", "5"))
# Recycle workers now and then (memory kept by a rare large page is given back), not all at once.
max_requests = int(_env("max_requests", "2000"))
max_requests_jitter = int(_env("max_requests_jitter", "200"))
# Load the application once in the master: workers start fast and share memory until they write.
preload_app = _env("preload_app", "true") == "true"
accesslog = _env("accesslog", None)
errorlog = _env("errorlog", "-")
capture_output = True  # Django's log (warnings such as a failing cache) goes to the error log too
loglevel = _env("loglevel", "warning")
forwarded_allow_ips = _env("forwarded_allow_ips", "127.0.0.1")
pidfile = _env("pidfile", None)


def post_fork(server, worker):
    # Connections made by the master while preloading must not be shared with the workers.
    from django.conf import settings

    if not settings.configured:  # nothing preloaded (no Django in the master): nothing to close
        return
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()


def when_ready(server):
    # In the master, after preloading and before the first fork: compile what every new worker's first
    # requests would otherwise compile again (the URL patterns of each language, the project's templates),
    # once, shared by every worker forked later (max_requests replaces them). portal/http/warmup.py.
    from django.conf import settings

    if not settings.configured:  # nothing preloaded: each worker compiles as it goes
        return
    from portal.http.warmup import warm_up

    server.log.info("compiled before forking the workers: %s", warm_up())
