"""Shared test set-up: draw off-screen, so explorers run without a display or a browser."""

import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    """Each test starts and ends with no open figures."""
    import matplotlib.pyplot as plt

    yield
    plt.close("all")
