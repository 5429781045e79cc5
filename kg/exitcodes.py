"""Exit statuses shared by every ``kg`` command (documented in ``kg --help`` and the README)."""

from __future__ import annotations

OK = 0  #: everything done
INPUTS_SKIPPED = 1  #: done, but some inputs were skipped (unreadable or failed articles); the report says why
USAGE = 2  #: bad arguments or bad input (missing file, malformed query, gold or graph): nothing was done
IO_ERROR = 3  #: the output cannot be written (not a folder, not writable, disk full, locked by another build)
QUERY_TIMEOUT = 4  #: a query ran past --timeout
INTERNAL = 5  #: a bug: an unexpected error (run with --debug for the traceback)
INTERRUPTED = 130  #: Ctrl-C

HELP = """exit status:
  0    done
  1    done, some inputs skipped (the summary and report.json say which and why)
  2    usage error or bad input (missing file, malformed query, gold file or graph); nothing done
  3    output cannot be written (not a folder, not writable, disk full, another build holds it)
  4    query timed out (kg query --timeout)
  5    internal error (a bug; --debug shows the traceback)
  130  interrupted (Ctrl-C)"""
