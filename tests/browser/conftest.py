"""The headless chromium the browser tests share (skipped only when there is none, outside CI)."""

from __future__ import annotations

import pytest

from tests.browser.harness import CHROMIUM_ARGS, chromium_path


@pytest.fixture(scope="module")
def browser():
    import os

    path = chromium_path()
    missing = None
    if path is None:
        missing = "no chromium found (/usr/bin/chromium); install it with scripts/install-browser.sh"
    else:
        try:
            import playwright.sync_api as sync_api
        except ImportError:
            missing = "the playwright Python package is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI"):  # CI installs the browser: its absence is a failure, never a silent skip
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(missing)
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()
