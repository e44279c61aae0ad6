"""A real JupyterLab server and a real Chromium, for tests of what a learner sees.

The server runs on 127.0.0.1 with a token, from a temporary copy of the notebooks (both
editions: notebooks/ and learner/), with its own
settings, workspace and quiz-progress files, so a test run never touches the learner's own.
A system Chromium ($CONVLAB_CHROMIUM, else `chromium` on PATH: Debian's /usr/bin/chromium) is
driven by Playwright; Playwright's own browser download is never used.  Without Chromium or
Playwright the tests skip and say how to install them, except under CI=true, where a missing
browser is a failure.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .lab import shut_down_kernels

ROOT = Path(__file__).resolve().parents[2]
#: the Chromium to drive: $CONVLAB_CHROMIUM, else the first chromium on PATH (as .ci/run)
CHROMIUM = Path(
    os.environ.get("CONVLAB_CHROMIUM")
    or shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
)
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
INSTALL_HINT = (
    "browser tests need Chromium and Python Playwright: "
    "sudo apt-get install -y chromium (or set CONVLAB_CHROMIUM=/path/to/chromium) "
    "and pip install -e '.[test]'"
)
#: notebook -> seconds from Run All to idle, first run in this session
TIMINGS: dict[str, float] = {}


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true, so this is a failure). {INSTALL_HINT}", pytrace=False)
    pytest.skip(f"{reason}. {INSTALL_HINT}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_settings(settings: Path) -> None:
    """Lab settings for testing: render every cell (no windowing), no news pop-ups."""
    files = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
            "fetchNews": "false", "checkForUpdates": False,
        },
    }
    for name, content in files.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content))


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A running JupyterLab: yields a dict with url, token, root folder and progress file."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"no Chromium at {CHROMIUM}")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("Python Playwright is not installed")

    base = tmp_path_factory.mktemp("lab")
    root = base / "course"
    for edition in ("notebooks", "learner"):  # the reference and the learner edition
        if (ROOT / edition).is_dir():
            shutil.copytree(ROOT / edition, root / edition,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*.svg"))
    settings = base / "settings"
    _write_settings(settings)
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    env.update({
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(base / "config"),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "CONVLAB_PROGRESS": str(base / "progress"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    })
    env.pop("MPLBACKEND", None)
    log = open(base / "server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={root}", "--ServerApp.open_browser=False",
         "--ServerApp.allow_root=True"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                log.close()
                pytest.fail("JupyterLab did not start:\n" + (base / "server.log").read_text())
            time.sleep(0.5)  # polls /api/status until the server answers (a poll, noqa: sleep)
    yield {"url": url, "token": token, "root": root, "base": base,
           "progress": base / "progress", "log": base / "server.log"}
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="session")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                     headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, lab):
    # the size learners have (handbook: a 1366×768 laptop screen, file browser open)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()
    shut_down_kernels(lab)


@pytest.fixture(scope="session")
def screenshot_dir(request, tmp_path_factory):
    """Where full-page screenshots go: --screenshots=DIR, else a kept pytest temp folder."""
    chosen = request.config.getoption("--screenshots")
    path = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots", numbered=True)
    path.mkdir(parents=True, exist_ok=True)
    return path


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.section("notebooks in JupyterLab: Run All to idle")
        for name, seconds in sorted(TIMINGS.items()):
            terminalreporter.write_line(f"{seconds:6.1f} s  {name}")
