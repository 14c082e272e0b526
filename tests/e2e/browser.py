"""Debian's Chromium driven by Playwright, and the other tools the browser tests need."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tests.live import PROJECT_ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

# Debian's package, not Playwright's own build: `playwright install` downloads a browser from
# outside the package registries, which locked-down CI machines cannot reach; apt can.
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
INSTALL_HINT = "apt-get install chromium && npm ci"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",  # Chromium will not start its sandbox as root, and CI runs as root
    "--disable-gpu",
    # No update checks, syncing or first-run pages: no traffic but the app's own, no surprises.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 375, "height": 740},
}


def missing_tools() -> list[str]:
    """The paths of Chromium and axe-core that are not installed; empty when both are."""
    return [str(path) for path in (CHROMIUM, AXE_SCRIPT) if not path.exists()]


def launch(playwright: Playwright) -> Browser:
    """Start headless Chromium from Debian's package."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
