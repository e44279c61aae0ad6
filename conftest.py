"""Options shared by the whole test run: nbval for the notebooks, and the markers.

A bare ``pytest`` runs every notebook under nbval, in lax mode (only cells marked
``# NBVAL_CHECK_OUTPUT`` are compared), in the current environment, with the output
sanitisers in tests/nbval_sanitize.cfg.  Those options live here rather than in
pyproject's ``addopts`` so that pytest without nbval says what to install instead of
stopping on an unknown command-line option.

Markers, applied here so that no test has to remember them:

- ``browser``: everything under tests/browser (a real JupyterLab in Chromium; slow);
- ``notebooks``: every notebook cell that nbval runs.

``pytest -m "not browser"`` is the fast loop.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
BROWSER_TESTS = ROOT / "tests" / "browser"
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"
INSTALL = 'pip install -e ".[test]"'

# Notebooks run under nbval must not read or write a learner's saved quiz progress
# (~/.convlab): the kernels nbval starts inherit this.  Tests that exercise progress
# files pass their own paths.
os.environ["CONVLAB_PROGRESS"] = "off"


def pytest_addoption(parser):
    parser.addoption(
        "--screenshots", default=None, metavar="DIR",
        help="folder for the browser tests' full-page screenshots "
        "(default: a folder under pytest's temporary directory, which pytest keeps)",
    )


def _wants_notebooks(config) -> bool:
    """Would this run collect the notebooks (no paths given, or a path into notebooks/)?"""
    if not config.args or config.args == [str(ROOT)]:
        return True
    for arg in config.args:
        path = Path(arg.split("::")[0]).resolve()
        if path.suffix == ".ipynb" or path == ROOT or path == ROOT / "notebooks":
            return True
    return False


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    if importlib.util.find_spec("nbval") is None:
        if _wants_notebooks(config):
            raise pytest.UsageError(
                "the notebooks are tested with nbval, which is not installed.\n"
                f"Install the test tools with:  {INSTALL}\n"
                "(or run only the unit tests: pytest tests convlab)"
            )
        return
    option = config.option
    if not hasattr(option, "nbval_lax"):  # nbval installed but switched off (-p no:nbval)
        return
    if not option.nbval and not option.nbval_lax:
        option.nbval_lax = True
    if not option.nbval_current_env and not option.nbval_kernel_name:
        option.nbval_current_env = True
    if option.nbval_sanitize_with is None:
        option.nbval_sanitize_with = str(SANITIZE)


def pytest_collection_modifyitems(items):
    for item in items:
        path = Path(str(item.path))
        if path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)
        elif BROWSER_TESTS in path.parents:
            item.add_marker(pytest.mark.browser)
