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


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    """The link was replaced by a regular file, the file it pointed to left as it was."""
    (tmp_path / "real.html").write_text("old", encoding="utf-8")
    (tmp_path / "link.html").symlink_to("real.html")
    (tmp_path / "dangling.html").symlink_to("new.html")
    write_atomic(tmp_path / "link.html", "new")
    write_atomic(tmp_path / "dangling.html", "made")
    assert (tmp_path / "link.html").is_symlink() and (tmp_path / "dangling.html").is_symlink()
    assert (tmp_path / "real.html").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "new.html").read_text(encoding="utf-8") == "made"


def test_a_link_into_a_missing_folder_creates_no_folder(tmp_path):
    """A dangling link into a folder that does not exist: the folders at the link's
    target were made (as root anywhere); now nothing is made, as for a shell's >."""
    (tmp_path / "dangling.html").symlink_to(tmp_path / "missing" / "deep" / "x.html")
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "dangling.html", "x")
    assert not (tmp_path / "missing").exists()


def test_a_fifo_is_written_into_not_replaced(tmp_path):
    """``-o /dev/stdout`` or a named pipe: the FIFO (and a link to it) was replaced by a
    regular file, and a reader waiting on it got nothing."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "link").symlink_to("pipe")
    for target in (fifo, tmp_path / "link"):
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open first: the writer's open does not wait
        try:
            write_atomic(target, "甲乙")
            assert os.read(reader, 100) == "甲乙".encode()
        finally:
            os.close(reader)
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and (tmp_path / "link").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "pipe"]  # no temporary file left


def test_a_socket_is_refused_and_left_in_place(tmp_path):
    import socket

    path = tmp_path / "s"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        (tmp_path / "link").symlink_to("s")
        for target in (path, tmp_path / "link"):
            with pytest.raises(OSError, match="it is a socket, not a file kg can replace"):
                write_atomic(target, "x")
        assert stat.S_ISSOCK(os.lstat(path).st_mode) and (tmp_path / "link").is_symlink()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "s"]
    finally:
        sock.close()
