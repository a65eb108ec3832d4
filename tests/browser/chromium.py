"""Finding and starting the system's Chromium for Playwright.

Playwright's own browser download cannot work here (only package registries
are reachable), so the tests drive Debian's ``chromium`` package, or the
browser named by ``GDLIB_CHROMIUM``.
"""

import os
import shutil
from pathlib import Path

INSTALL_HINT = (
    "The browser tests need Chromium: install it with `sudo apt-get install "
    "chromium`, or set GDLIB_CHROMIUM=/path/to/chromium."
)

ARGS = [
    "--no-sandbox",  # the tests may run as root, where the sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def find():
    """Path of the Chromium to drive, or None when there is none."""
    named = os.environ.get("GDLIB_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def launch(playwright, executable):
    return playwright.chromium.launch(executable_path=executable, args=ARGS,
                                      headless=True)
