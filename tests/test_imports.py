"""`import convlab` is the numeric core: it must not pull in anything that draws."""

import subprocess
import sys

import pytest

DRAWING = ("matplotlib", "ipywidgets", "ipympl", "IPython")


@pytest.mark.parametrize("module", ["convlab", "convlab.core", "convlab.steps"])
def test_numeric_core_imports_nothing_that_draws(module):
    code = (
        f"import sys, {module}\n"
        f"loaded = [m for m in {DRAWING!r} if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import {module} loaded {out.stdout.strip()}"


def test_the_check_above_can_fail():
    # The same probe sees matplotlib when it is imported, so a pass above means something.
    code = "import sys, convlab.plotting; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_public_names_are_exported():
    import convlab

    for name in convlab.__all__:
        assert hasattr(convlab, name), name
