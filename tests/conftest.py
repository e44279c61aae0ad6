"""Shared test set-up: draw off-screen, so explorers run without a display or a browser."""

import matplotlib

matplotlib.use("Agg")
