"""The frequency view of a kernel: its taps, its gain at every frequency, and a signal before
and after filtering (notebook 08 and its :class:`~convlab.widgets.FrequencyExplorer`).

:func:`plot_frequency_response` draws one kernel's gain ``|H(f)|`` on any Axes;
:func:`plot_frequency_view` builds the explorer's three panels once, and its artists'
``set_kernel`` / ``set_signal`` / ``set_output`` only move data on them afterwards.  The
numbers come from :func:`convlab.frequency_response` and ``numpy.convolve``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib.ticker import MaxNLocator

from ..frequency import frequency_response
from ._style import DONE, HIGHLIGHT, subplots
from .slide import _limits, _stem_line, stem_data

__all__ = [
    "FrequencyResponseArtists",
    "FrequencyViewArtists",
    "plot_frequency_response",
    "plot_frequency_view",
]

#: Light grey of the signal before filtering, so the filtered one drawn over it stands out.
BEFORE = "#9A9A9A"
#: Frequencies per curve: the DFT length of the response (dense enough for every side lobe
#: of a 31-tap kernel, whose lobes are 1/31 ≈ 0.03 cycles per sample wide).
GRID = 1024


@dataclass
class FrequencyResponseArtists:
    """What :func:`plot_frequency_response` drew: the gain curve and the marked frequencies."""

    ax: object
    line: object
    marks: object
    f: np.ndarray
    magnitude: np.ndarray
    n: int = GRID

    def set_kernel(self, h, *, marks=()) -> None:
        """Draw the gain of a new kernel ``h`` (and its value at the frequencies ``marks``)."""
        self.f, self.magnitude = frequency_response(h, n=self.n)
        self.line.set_data(self.f, self.magnitude)
        top = float(self.magnitude.max())
        self.ax.set_ylim(0, 1.12 * top if top > 0 else 1.0)
        self.set_marks(h, marks)

    def set_marks(self, h, marks) -> None:
        """Stems at the frequencies ``marks``, as tall as the gain of ``h`` there."""
        marks = np.asarray(marks, dtype=float)
        self.marks.set_data(*stem_data(marks, _gain_at(h, marks)))


def _gain_at(h, freqs) -> np.ndarray:
    """|H(f)| of ``h`` at the frequencies ``freqs`` (a direct sum, for a few marks)."""
    h = np.asarray(h, dtype=float)
    k = np.arange(len(h))
    freqs = np.asarray(freqs, dtype=float)
    return np.abs(np.exp(-2j * np.pi * np.outer(freqs, k)) @ h)


def plot_frequency_response(h, ax=None, *, n=GRID, marks=(), color=DONE,
                            title="Frequency response: gain at each frequency"):
    """Draw the gain ``|H(f)|`` of the 1-D kernel ``h`` from 0 to 0.5 cycles per sample.

    Linear axes, so a box's side lobes show as the bumps they are; a stem marks the gain at
    each frequency in ``marks`` (for example the frequencies of a test signal).  Titles are
    placed once (``y=1.0``), not re-placed on every draw: the figure's layout never changes.

    Parameters
    ----------
    h : (M,) array_like
        The kernel.
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure of the course's size).
    n : int, optional
        DFT length (:func:`convlab.frequency_response`), at least ``M``.
    marks : sequence of float, optional
        Frequencies to mark, in cycles per sample.
    color : str, optional
        Colour of the curve.
    title : str, optional
        Axes title.

    Returns
    -------
    FrequencyResponseArtists
        ``line`` (the curve), ``marks`` (the stems), and the plotted ``f`` and ``magnitude``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> art = plot_frequency_response([1/3, 1/3, 1/3], n=6)
    >>> art.line.get_xdata().round(3).tolist(), art.line.get_ydata().round(3).tolist()
    ([0.0, 0.167, 0.333, 0.5], [1.0, 0.667, 0.0, 0.333])
    >>> art.ax.get_xlabel()
    'frequency f (cycles per sample)'
    """
    if ax is None:
        _, ax = subplots(figsize=(6.0, 3.0))
    (line,) = ax.plot([], [], "-", color=color, lw=2)
    marks_line = _stem_line(ax, HIGHLIGHT, size=6, lw=1.2)
    marks_line.set_linestyle(":")
    ax.set_xlim(0, 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(5, steps=[1, 2, 5, 10]))
    ax.set_xlabel("frequency f (cycles per sample)")
    ax.set_ylabel("gain |H(f)|")
    ax.set_title(title, fontsize=11, y=1.0)
    ax.grid(True, alpha=0.3)
    art = FrequencyResponseArtists(ax, line, marks_line, np.empty(0), np.empty(0), n=n)
    art.set_kernel(h, marks=marks)
    return art


@dataclass
class FrequencyViewArtists:
    """The artists of :func:`plot_frequency_view`: taps, gain curve, signal before and after."""

    figure: object
    kernel_ax: object
    response: FrequencyResponseArtists
    signal_ax: object
    taps: object
    before: object
    after: object
    envelope: object
    h: np.ndarray | None = None
    x: np.ndarray | None = None
    y: np.ndarray | None = None
    animated: list = field(default_factory=list)

    @property
    def response_ax(self):
        return self.response.ax

    def set_kernel(self, h, title: str) -> None:
        """A new kernel: its taps (centred on tap 0) and its gain curve."""
        self.h = np.asarray(h, dtype=float)
        m = len(self.h)
        self.taps.set_data(*stem_data(np.arange(m) - (m - 1) // 2, self.h))
        low, high = _limits(self.h, pad=0.12)
        self.kernel_ax.set_ylim(low, high)
        self.kernel_ax.set_title(title, fontsize=11, y=1.0)
        self.response.set_kernel(self.h)

    def set_signal(self, x, title: str) -> None:
        """A new test signal, drawn in grey under the filtered one."""
        self.x = np.asarray(x, dtype=float)
        self.before.set_data(np.arange(len(self.x)), self.x)
        self.signal_ax.set_xlim(-0.5, len(self.x) - 0.5)
        self.signal_ax.set_title(title, fontsize=11, y=1.0)

    def set_output(self, y, *, marks=(), sweep=None) -> None:
        """The filtered signal ``y`` (as long as the input: 'same' mode), the stems at the
        frequencies ``marks`` and, for a chirp whose frequency at sample n is ``sweep[n]``,
        ± the kernel's gain at that frequency (the envelope the filtered chirp follows)."""
        self.y = np.asarray(y, dtype=float)
        envelope = None if sweep is None else _gain_at(self.h, sweep)
        self.after.set_data(np.arange(len(self.y)), self.y)
        self.response.set_marks(self.h, marks)
        if envelope is None:
            self.envelope.set_data([], [])
        else:
            t = np.arange(len(envelope))
            self.envelope.set_data(np.r_[t, np.nan, t], np.r_[envelope, np.nan, -envelope])
        shown = [self.x, self.y] + ([envelope] if envelope is not None else [])
        top = max(float(np.abs(v).max()) for v in shown) or 1.0
        self.signal_ax.set_ylim(-1.1 * top, 1.55 * top)  # room for the legend at the top
        lines = [self.before, self.after] + ([self.envelope] if envelope is not None else [])
        legend = self.signal_ax.get_legend()
        if legend is None or len(legend.legend_handles) != len(lines):
            self.signal_ax.legend(handles=lines, loc="upper right", fontsize=9, ncols=3,
                                  framealpha=0.9)


def plot_frequency_view(h, x, *, max_taps=31, kernel_title="Kernel", signal_title="Signal"):
    """Three panels: the taps of ``h``, its gain at each frequency, and ``x`` before and after.

    The filtered signal is ``numpy.convolve(x, h, mode="same")``, as long as ``x`` and lined
    up with it, drawn over the input in grey.

    Parameters
    ----------
    h : (M,) array_like
        The kernel, at most ``max_taps`` long.
    x : (N,) array_like
        The test signal.
    max_taps : int, optional
        The widest kernel the taps panel must hold (its x range is fixed to it, so kernels
        of different sizes compare at one scale).
    kernel_title, signal_title : str, optional
        Titles of the kernel and signal panels.

    Returns
    -------
    FrequencyViewArtists

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import numpy as np
    >>> art = plot_frequency_view(np.ones(3) / 3, np.r_[np.zeros(5), np.ones(5)])
    >>> art.after.get_ydata().round(3).tolist()
    [0.0, 0.0, 0.0, 0.0, 0.333, 0.667, 1.0, 1.0, 1.0, 0.667]
    >>> [ax.get_title() for ax in art.figure.axes][:1]
    ['Kernel']
    """
    h = np.asarray(h, dtype=float)
    x = np.asarray(x, dtype=float)
    fig, axes = subplots(2, 2, figsize=(8.6, 5.6), gridspec_kw={"width_ratios": [1, 1.7]})
    kernel_ax, response_ax = axes[0]
    grid = axes[1, 0].get_gridspec()
    for ax in axes[1]:
        ax.remove()
    signal_ax = fig.add_subplot(grid[1, :])

    half = max_taps // 2
    kernel_ax.set_xlim(-half - 0.8, half + 0.8)
    kernel_ax.axhline(0, color="black", lw=0.8)
    taps = _stem_line(kernel_ax, HIGHLIGHT, size=4, lw=1.5)
    kernel_ax.xaxis.set_major_locator(MaxNLocator(7, steps=[1, 5, 10], integer=True))
    kernel_ax.yaxis.set_major_locator(MaxNLocator(5, steps=[1, 2, 5, 10]))
    kernel_ax.set_xlabel("tap (0 is the centre)")
    kernel_ax.set_ylabel("weight")

    response = plot_frequency_response(h, ax=response_ax)

    (before,) = signal_ax.plot([], [], "-", color=BEFORE, lw=1.0, label="before")
    (after,) = signal_ax.plot([], [], "-", color=DONE, lw=1.3, label="after filtering")
    (envelope,) = signal_ax.plot([], [], "--", color=HIGHLIGHT, lw=1.3,
                                 label="± gain at the chirp's frequency")
    signal_ax.yaxis.set_major_locator(MaxNLocator(5, steps=[1, 2, 5, 10]))
    signal_ax.set_xlabel("sample n ('same' mode: output lined up with input)")
    signal_ax.set_ylabel("value")

    art = FrequencyViewArtists(fig, kernel_ax, response, signal_ax, taps, before, after,
                               envelope)
    art.set_kernel(h, kernel_title)
    art.set_signal(x, signal_title)
    art.set_output(np.convolve(x, h, mode="same"))
    return art
