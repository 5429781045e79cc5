

def test_control_characters_in_a_message_are_written_as_escapes(capsys):
    """A file name holding a terminal escape sequence must not clear the screen or
    retitle the window (found by a tester); tabs and newlines stay."""
    from kg.logs import logger, setup_logging

    setup_logging("INFO")
    logger().warning("kg build: a\x1b]0;title\x07b\x1b[2J.txt: empty file\tskipped")
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "a\\x1b]0;title\\x07b\\x1b[2J.txt: empty file\tskipped" in err


def test_bytes_of_a_path_that_are_not_utf8_are_written_as_escapes(tmp_path, capsys):
    """A message naming a path that is not UTF-8 (kept by Python as surrogates) went to
    the log file as a logging error with a traceback instead of the message."""
    import os

    from kg.logs import logger, setup_logging

    log_file = tmp_path / "kg.log"
    setup_logging("INFO", str(log_file))
    logger().error("kg build: no such file or folder: " + os.fsdecode(b"nope\xff.txt"))
    setup_logging("INFO")  # closes the file
    captured = capsys.readouterr()
    assert "Logging error" not in captured.err
    assert "no such file or folder: nope\\xff.txt" in captured.err
    assert "no such file or folder: nope\\xff.txt" in log_file.read_text(encoding="utf-8")
