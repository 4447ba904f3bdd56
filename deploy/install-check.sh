#!/usr/bin/env bash
# The install guide (docs/en/it/install.md) followed line by line on a clean Debian 12 system.
#
#   deploy/install-check.sh [--page docs/en/it/install.md] [--then docs/en/it/backup-restore.md]
#                           [--keep DIR] [--smtp-port PORT]
#
# As root. Makes a fresh Debian bookworm with debootstrap (minbase) in a temporary folder, enters it with
# its own mount and process namespaces (chroot), and runs there every ```sh block of the page, in order,
# in one bash (set -eu, each command echoed). Only the first block ("your values") is replaced, by the
# values below: the code comes from a clone of this repository's HEAD, the host name is
# portal.install-check.test, mail goes to an SMTP server on the host (--smtp-port; without one, the page's
# test mail fails). Then, still inside, it asks https://<host>/health/ through nginx and prints
# "INSTALL CHECK: /health/ answered 200" when it answers 200 with status "ok", checks that no placeholder
# of the nginx template is left, and that the guide is served under /help/ (the Lao install page). The sh blocks of the
# --then page (the backup and restore drill) run in the same shell right after the install page's.
#
# What differs from a real server, and why (nothing else does):
# - no init system in a chroot: deploy/install-check/systemctl runs the unit files' commands instead of
#   systemd (see its head); services are not started by apt's maintainer scripts (policy-rc.d), they are
#   started by the page's own systemctl lines;
# - the sandbox shares the host's network, so PostgreSQL listens on its socket only, and ports 80 and 443
#   of the host must be free;
# - the apt package cache of the host is shared (faster; packages are still checked by apt);
# - the host's local certificate authorities (/usr/local/share/ca-certificates) are copied in: on this
#   machine the registries are reached through a TLS proxy that only they let a client trust.
# Everything started inside ends with the process namespace when the check ends. Needs debootstrap
# (installed from Debian when missing), unshare and chroot. Takes a few minutes (network-bound).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
PAGE=docs/en/it/install.md
THEN=docs/en/it/backup-restore.md
KEEP=""
SMTP_PORT=""
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
while [ $# -gt 0 ]; do
  case "$1" in
    --page) PAGE="$2"; shift 2 ;;
    --then) THEN="$2"; shift 2 ;;
    --keep) KEEP="$2"; shift 2 ;;
    --smtp-port) SMTP_PORT="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "install-check: run as root" >&2; exit 2; }
for port in 80 443; do
  if ss -Hltn "sport = :$port" | grep -q .; then echo "install-check: port $port is taken on this machine" >&2; exit 2; fi
done
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }

WORK="${KEEP:-$(mktemp -d /var/tmp/portal-install-check.XXXXXX)}"
mkdir -p "$WORK"
R="$WORK/root"
cleanup() {
  for m in var/cache/apt/archives dev/pts dev sys proc; do umount -l "$R/$m" 2>/dev/null || true; done
  [ -n "$KEEP" ] || rm -rf "$WORK"
}
trap cleanup EXIT

t0=$(date +%s)
echo "== debootstrap bookworm (minbase) into $R"
debootstrap --variant=minbase bookworm "$R" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; exit 1; }
echo "   $(( $(date +%s) - t0 )) s"

# Debian's sources (with security updates) as on the host; no service starts from maintainer scripts.
rm -f "$R/etc/apt/sources.list"
cat > "$R/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"; chmod +x "$R/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$R/etc/resolv.conf"
# This machine reaches the registries through a TLS proxy whose authority is installed locally: the sandbox
# trusts the same local authorities (the page's ca-certificates package adds them to the system store).
mkdir -p "$R/usr/local/share/ca-certificates"
cp /usr/local/share/ca-certificates/*.crt "$R/usr/local/share/ca-certificates/" 2>/dev/null || true
install -m 0755 deploy/install-check/systemctl "$R/usr/local/sbin/systemctl"
echo "portal-install-check" > "$R/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 portal-install-check\n::1 localhost ip6-localhost ip6-loopback\n' > "$R/etc/hosts"

# The code: a clone of this repository's HEAD, as a server would clone the release.
git clone -q --bare --no-local "$ROOT_DIR" "$R/opt/portal.git"

# The page's sh blocks, the first replaced by the check's values.
python3 - "$PAGE" "$SMTP_PORT" "$THEN" > "$R/root/install-page.sh" <<'PY'
import re
import sys

page, smtp_port, then = sys.argv[1], sys.argv[2], sys.argv[3]


def sh_blocks(path):
    return re.findall(r"^```sh\n(.*?)^```", open(path, encoding="utf-8").read(), flags=re.S | re.M)


blocks = sh_blocks(page)
if not blocks or "your values" not in blocks[0]:
    sys.exit(f"{page}: the first sh block must be 'your values'")
values = f"""PORTAL_HOST=portal.install-check.test
PORTAL_REPO=/opt/portal.git
SMTP_HOST=127.0.0.1
SMTP_PORT={smtp_port or 2525}
SMTP_USER=
SMTP_PASSWORD=
SMTP_TLS=false
MAIL_FROM='Install check <check@install-check.test>'
ADMIN_USER=admin
ADMIN_EMAIL=it@install-check.test
"""
print("set -eux")
print("cd /root")
print(f"# ---- block 1 (values of the install check) ----\n{values}")
for number, block in enumerate(blocks[1:], start=2):
    print(f"# ---- block {number} of {page} ----\n{block}")
print('echo "INSTALL CHECK: all {} blocks of {} ran"'.format(len(blocks), page))
if then:
    drill = sh_blocks(then)
    for number, block in enumerate(drill, start=1):
        print(f"# ---- block {number} of {then} ----\n{block}")
    print('echo "INSTALL CHECK: all {} blocks of {} ran"'.format(len(drill), then))
PY
echo "== $(grep -c '^# ---- block' "$R/root/install-page.sh") blocks from $PAGE"

cat > "$R/root/after-page.sh" <<'AFTER'
set -eu
body=$(curl -sS -k --retry 10 --retry-connrefused --retry-delay 2 -o /tmp/health.json -w '%{http_code}' \
       --resolve portal.install-check.test:443:127.0.0.1 https://portal.install-check.test/health/)
echo "health: $body $(cat /tmp/health.json)"
if [ "$body" = 200 ] && grep -q '"status": "ok"' /tmp/health.json; then
  echo "INSTALL CHECK: /health/ answered 200"
else
  tail -50 /var/log/sandbox-portal.service.log 2>/dev/null || true
  exit 1
fi
if grep -v '^[[:space:]]*#' /etc/nginx/sites-available/portal | grep -q '@[A-Z_]*@'; then
  echo "a placeholder of the nginx template was left in /etc/nginx/sites-available/portal:"
  grep -n '@[A-Z_]*@' /etc/nginx/sites-available/portal; exit 1
fi
code=$(curl -sS -k -o /tmp/help.html -w '%{http_code}' \
       --resolve portal.install-check.test:443:127.0.0.1 https://portal.install-check.test/help/lo/it/install/)
if [ "$code" = 200 ] && grep -q 'ຕິດຕັ້ງເທິງເຊີບເວີ Debian' /tmp/help.html; then
  echo "INSTALL CHECK: /help/ answered 200 with the Lao install page"
else
  echo "help: $code"; exit 1
fi
AFTER

mkdir -p "$R/var/cache/apt/archives"
echo "== running the page in the sandbox"
unshare --mount --pid --uts --fork --propagation private bash -euo pipefail -c '
  R="$1"
  hostname portal-install-check
  mount -t proc proc "$R/proc"
  mount --rbind /sys "$R/sys"
  mount --bind /dev "$R/dev"
  mount --bind /dev/pts "$R/dev/pts"
  mount -t tmpfs tmpfs "$R/run"
  mount -t tmpfs tmpfs "$R/tmp"
  mount --bind /var/cache/apt/archives "$R/var/cache/apt/archives"
  chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
      LANG=C.UTF-8 TERM=dumb /bin/bash /root/install-page.sh
  chroot "$R" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
      /bin/bash /root/after-page.sh
' install-check "$R"
echo "== done in $(( $(date +%s) - t0 )) s"
