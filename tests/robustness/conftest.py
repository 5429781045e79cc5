"""Shared helpers: run ``kg`` as a user would, and check what a user sees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run_kg(*args: str, cwd: Path | None = None, timeout: int = 300, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, cwd=cwd, timeout=timeout,
                          input=stdin)


def assert_clean_failure(proc: subprocess.CompletedProcess, code: int, says: str) -> str:
    """No traceback; the documented exit code; the message says what happened."""
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    assert proc.returncode == code, (proc.returncode, err)
    assert says in err, err
    return err


@pytest.fixture(scope="session")
def one_seed(tmp_path_factory) -> Path:
    """A folder with one seed article (a quick build)."""
    folder = tmp_path_factory.mktemp("one")
    src = sorted(SEEDS.glob("*.txt"))[2]
    (folder / src.name).write_bytes(src.read_bytes())
    return folder
