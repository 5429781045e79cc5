"""The default test run collects every test folder.

pytest skips folders named like build outputs (``build``, ``dist`` ...) unless
``norecursedirs`` says otherwise; ``tests/build`` holds the build's own tests
(parallel, incremental, determinism, SHACL), so the project sets the list
without ``build`` (pyproject.toml). Until the thirty-second round it did not,
and CI ran none of them."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_no_test_folder_is_skipped_by_norecursedirs(request):
    from fnmatch import fnmatch

    patterns = request.config.getini("norecursedirs")
    folders = [p for p in TESTS.rglob("*") if p.is_dir() and "__pycache__" not in p.parts]
    skipped = [str(p.relative_to(TESTS)) for p in folders if any(fnmatch(p.name, pat) for pat in patterns)]
    assert (TESTS / "build").is_dir() and skipped == []
