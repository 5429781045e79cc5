

def test_control_characters_in_a_message_are_written_as_escapes(capsys):
    """A file name holding a terminal escape sequence must not clear the screen or
    retitle the window (found by a tester); tabs and newlines stay."""
    from kg.logs import logger, setup_logging

    setup_logging("INFO")
    logger().warning("kg build: a\x1b]0;title\x07b\x1b[2J.txt: empty file\tskipped")
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "a\\x1b]0;title\\x07b\\x1b[2J.txt: empty file\tskipped" in err
