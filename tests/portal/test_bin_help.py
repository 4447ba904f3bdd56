"""``bin/run-demo --help``, ``bin/test --help`` and ``bin/serve --help`` print their usage and exit 0 without
installing or starting anything.

Each script runs from a copy of ``bin/`` in a sandbox where every command it could start (bin/setup, the
virtual environment's Python, nginx, redis-server, curl) is a stub that leaves a mark. With ``--help`` no mark
may appear; without it the same sandbox shows a mark, so the check can fail."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STUBS = ("nginx", "redis-server", "curl", "gunicorn")


def _stub(path: Path, name: str, marks: Path) -> None:
    path.write_text(f'#!/bin/sh\necho "{name} $*" >> "{marks}"\nexit 0\n')
    path.chmod(0o755)


@pytest.fixture
def sandbox(tmp_path):
    root = tmp_path / "portal"
    (root / "bin").mkdir(parents=True)
    for script in ("run-demo", "test", "serve"):
        shutil.copy2(ROOT / "bin" / script, root / "bin" / script)
    marks = tmp_path / "started.log"
    _stub(root / "bin" / "setup", "bin/setup", marks)
    venv = root / ".venv" / "bin"
    venv.mkdir(parents=True)
    for name in ("python", "lint-imports", "gunicorn"):
        _stub(venv / name, name, marks)
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    for name in STUBS:
        _stub(stubs / name, name, marks)
    env = {
        "PATH": f"{stubs}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "HOME": str(tmp_path),
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    return {"root": root, "marks": marks, "env": env, "state": tmp_path / "state"}


def run(sandbox, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(sandbox["root"] / "bin" / args[0]), *args[1:]],
        env=sandbox["env"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def started(sandbox) -> str:
    return sandbox["marks"].read_text() if sandbox["marks"].exists() else ""


@pytest.mark.parametrize(
    ("script", "says"),
    [
        ("run-demo", ["Usage: bin/run-demo", "PORT", "DATABASE_URL"]),
        ("test", ["Usage: bin/test", "DATABASE_URL"]),
        ("serve", ["bin/serve [--port 8090]", "--stop", "--detach", "--nginx-only", "--file-cache"]),
    ],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_prints_the_usage_and_starts_nothing(sandbox, script, says, flag):
    result = run(sandbox, script, flag)
    assert result.returncode == 0, result.stderr
    for text in says:
        assert text in result.stdout
    assert started(sandbox) == ""
    assert not sandbox["state"].exists()


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (["run-demo"], "bin/setup"),
        (["test"], "bin/setup"),
        (["serve", "--state", "STATE"], "redis-server"),
    ],
)
def test_without_help_the_same_sandbox_starts_things(sandbox, args, first):
    """The control: the sandbox does see a script that installs or starts something."""
    args = [str(sandbox["state"]) if a == "STATE" else a for a in args]
    run(sandbox, *args)
    assert started(sandbox).startswith(first)


def test_an_unknown_argument_of_run_demo_is_refused_with_the_usage(sandbox):
    result = run(sandbox, "run-demo", "--port=9000")
    assert result.returncode == 2
    assert "Usage: bin/run-demo" in result.stderr
    assert started(sandbox) == ""
