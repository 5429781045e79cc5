"""kg/export/atomic.py: all or nothing, no leftovers, ordinary file mode."""

import os
import stat

import pytest

from kg.export.atomic import write_atomic


def test_writes_text_and_bytes(tmp_path):
    write_atomic(tmp_path / "a.txt", "甲乙")
    write_atomic(tmp_path / "b.bin", b"\x00\x01")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "甲乙"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"


def test_output_gets_the_usual_mode_not_mkstemps_0600(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "graph.ttl", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
