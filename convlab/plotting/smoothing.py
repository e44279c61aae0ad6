"""Smoothing a signal, one window at a time: input, kernel at the step, result (notebook 03).

Three panels: the input with the current window shaded, the kernel at the samples it covers,
and the smoothed values so far.  Built once; a step only moves data on existing artists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._style import DONE, HIGHLIGHT, freeze_layout, subplots
from .slide import INPUT, _limits, _stem_line, stem_data

__all__ = ["SmoothingArtists", "plot_smoothing"]


@dataclass
class SmoothingArtists:
    """The artists of :func:`plot_smoothing`: input, kernel at the step, partial result."""

    figure: object
    input_ax: object
    kernel_ax: object
    result_ax: object
    signal: object
    window: object
    kernel: object
    result: object
    current: object
    x: np.ndarray
    h: np.ndarray | None = None
    y: np.ndarray | None = None
    step: int = 0
    animated: list = field(default_factory=list)

    def set_kernel(self, h, y) -> None:
        """A new kernel and its whole valid-mode result (sizes change: full redraw)."""
        self.h, self.y = np.asarray(h, dtype=float), np.asarray(y, dtype=float)
        self.kernel_ax.set_ylim(0, 1.15 * float(self.h.max()))
        self.result_ax.set_xlim(-0.5, len(self.x) - 0.5)
        size = len(self.h)
        self.kernel_ax.set_title(
            f"Gaussian kernel ({size} taps), centred under the current output", fontsize=11
        )
        self.result_ax.set_title(
            f"Result so far ('valid' mode: {len(self.y)} = {len(self.x)} − {size} + 1 values)",
            fontsize=11,
        )

    def show(self, step: int) -> None:
        """Put the kernel under window ``step`` and draw the result up to it."""
        step = min(max(int(step), 0), len(self.y) - 1)
        size = len(self.h)
        taps = np.arange(step, step + size)
        self.window.set_x(step - 0.5)
        self.window.set_width(size)
        self.kernel.set_data(*stem_data(taps, self.h))
        centres = np.arange(step + 1) + size // 2
        self.result.set_data(centres, self.y[: step + 1])
        self.current.set_data(centres[-1:], self.y[step : step + 1])
        self.step = step


def plot_smoothing(x, h, *, step=0):
    """Draw valid-mode smoothing of ``x`` by the kernel ``h``, stopped at ``step``.

    Top: the input with the window of this step shaded.  Middle: the kernel
    at the samples it covers.  Bottom: the smoothed values found so far, each
    drawn under the centre of its window, so it lines up with the input.

    Parameters
    ----------
    x : (N,) array_like
        The signal.
    h : (M,) array_like
        The (symmetric) smoothing kernel, ``M <= N``.
    step : int, optional
        ``0 <= step <= N - M``.

    Returns
    -------
    SmoothingArtists

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import convlab
    >>> art = plot_smoothing(convlab.sawtooth(), convlab.gaussian1d(21, 3.0), step=10)
    >>> len(art.result.get_xdata()), float(art.current.get_xdata()[0])
    (11, 20.0)
    """
    x = np.asarray(x, dtype=float)
    h = np.asarray(h, dtype=float)
    fig, (input_ax, kernel_ax, result_ax) = subplots(3, 1, figsize=(8.6, 6.4), sharex=True)
    n = len(x)
    for ax in (input_ax, kernel_ax, result_ax):
        ax.set_xlim(-0.5, n - 0.5)
    (signal,) = input_ax.plot(np.arange(n), x, "-", color=INPUT, lw=1.3)
    low, high = _limits(x, pad=0.08)
    input_ax.set_ylim(low, high)
    result_ax.set_ylim(low, high)
    window = input_ax.axvspan(-0.5, len(h) - 0.5, color=HIGHLIGHT, alpha=0.2, lw=0)
    input_ax.set_title("Input signal, with the window of the current step shaded", fontsize=11)
    input_ax.set_ylabel("x[n]")
    kernel = _stem_line(kernel_ax, HIGHLIGHT, size=4, lw=1.5)
    kernel_ax.set_ylabel("weight")
    (result,) = result_ax.plot([], [], "-", color=DONE, lw=2)
    (current,) = result_ax.plot([], [], "o", color=HIGHLIGHT, ms=8, mec="black")
    result_ax.set_xlabel("sample n (each result is drawn under the centre of its window)")
    result_ax.set_ylabel("smoothed")
    art = SmoothingArtists(
        fig, input_ax, kernel_ax, result_ax, signal, window, kernel, result, current, x,
    )
    art.animated = [window, kernel, result, current]
    art.set_kernel(h, np.convolve(x, h, mode="valid"))
    art.show(step)
    freeze_layout(fig)
    return art
