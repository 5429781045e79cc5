"""Opening the HTML graph page in headless Debian chromium with the network cut.

Shared by the browser tests and ``benchmarks/bench_html.py``. Playwright's
Python package drives ``/usr/bin/chromium`` (installed by
``scripts/install-browser.sh``); Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 850}


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class PageSession:
    """A page opened from disk with every non-file request aborted and recorded."""

    def __init__(self, browser, html: Path):
        self.url = html.resolve().as_uri()
        self.context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        self.blocked: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _route(self, route):
        url = route.request.url
        if url.startswith("file:") or url.startswith("data:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, timeout_ms: int = 60_000):
        self.page.goto(self.url)
        # polled from here: wait_for_function would need 'unsafe-eval', which the page's CSP forbids
        deadline = time.monotonic() + timeout_ms / 1000
        while not self.page.evaluate("!!(window.kgApp && window.kgApp.stable === true)"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the page did not stabilise within {timeout_ms} ms")
            self.page.wait_for_timeout(50)
        return self.page

    def assert_offline_and_clean(self):
        assert self.blocked == [], f"the page tried to reach the network: {self.blocked}"
        assert self.requests == [self.url], f"unexpected requests: {self.requests}"
        assert self.dialogs == [], f"a dialog fired: {self.dialogs}"
        assert self.errors == [], f"errors in the page: {self.errors}"

    def close(self):
        self.context.close()


def node_screen_point(page, vid) -> tuple[float, float]:
    """Where node ``vid`` is on the screen (page coordinates)."""
    return tuple(
        page.evaluate(
            """id => { const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
                       const r = document.getElementById('network').getBoundingClientRect();
                       return [r.left + p.x, r.top + p.y]; }""",
            vid,
        )
    )


def click_until(page, x: float, y: float, done_js: str, tries: int = 3, wait_ms: int = 5_000) -> None:
    """Click at (x, y) until ``done_js`` is true in the page, at most ``tries`` clicks.

    vis-network reads a click as a Hammer.js tap: press and release within
    250 ms of the page's own clock. On a loaded machine (CI runs the whole
    suite on two cores) a redraw between the two events can stretch that, and
    the tap is dropped, as a real user's too-slow click would be; the user
    clicks again, and so does this helper. A click that never takes fails.
    """
    for _ in range(tries):
        page.mouse.click(x, y)
        deadline = time.monotonic() + wait_ms / 1000
        while time.monotonic() < deadline:
            if page.evaluate(done_js):
                return
            page.wait_for_timeout(50)
    raise AssertionError(f"{tries} clicks at ({x:.0f}, {y:.0f}) never made true: {done_js}")


def save_screenshot(page, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    extra = os.environ.get("ZHKG_SCREENSHOT_DIR")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(extra) / name)
    return shot
