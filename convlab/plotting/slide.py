"""Flip and slide in 1-D: the kernel over the input, the products, the output (notebook 02).

The figure is built once; a step only moves data on existing artists.  :func:`stem_data`
and the signal colours are shared with the smoothing figure (:mod:`.smoothing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib.ticker import MaxNLocator

from ..formatting import format_number, format_numbers
from ..steps import Steps, steps
from ._style import DONE, HIGHLIGHT, MUTED, freeze_layout, subplots

__all__ = [
    "INPUT",
    "PRODUCTS",
    "SlideArtists",
    "plot_slide",
    "stem_data",
]

#: Dark grey for the input signal (it is given, neither computed nor highlighted).
INPUT = "#333333"
#: Light grey fill of the input's bars, so the kernel drawn over them stays visible.
INPUT_FILL = "#D9D9D9"
#: Okabe–Ito bluish green for the products of one window.
PRODUCTS = "#009E73"
#: Tap labels (h[j]) are written only for kernels up to this length.
MAX_TAP_LABELS = 15


def _is_integer(values) -> bool:
    values = np.asarray(values)
    return bool(values.size) and bool(np.all(values == np.round(values)))


def stem_data(positions, values):
    """The vertices of a stem plot as one line: ``(p, 0) → (p, v)``, NaN between stems.

    Draw it with ``markevery=(1, 3)`` to put a marker on top of each stem; one
    Line2D instead of a stem container keeps redraws cheap.

    >>> xs, ys = stem_data([0, 1], [5, -2])
    >>> xs.tolist()[:2], ys.tolist()[:2], len(xs)
    ([0.0, 0.0], [0.0, 5.0], 6)
    """
    positions = np.asarray(positions, dtype=float)
    values = np.asarray(values, dtype=float)
    xs = np.empty(3 * len(positions))
    ys = np.empty(3 * len(positions))
    xs[0::3] = xs[1::3] = positions
    xs[2::3] = np.nan
    ys[0::3] = 0.0
    ys[1::3] = values
    ys[2::3] = np.nan
    return xs, ys


def _stem_line(ax, color, *, marker="o", size=6, **kwargs):
    (line,) = ax.plot(
        [], [], "-", color=color, marker=marker, markersize=size, markevery=(1, 3), **kwargs
    )
    return line


def _limits(values, pad=0.12):
    values = np.asarray(values, dtype=float)
    low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
    span = high - low or 1.0
    return low - pad * span, high + pad * span


def _shared_zero_limits(a, b, pad=0.15):
    """Limits for two twin axes showing ``a`` and ``b``, with both zeros at one height."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    sa, sb = float(np.abs(a).max()) or 1.0, float(np.abs(b).max()) or 1.0
    below = max(-float(a.min()) / sa, -float(b.min()) / sb, 0.0)
    above = max(float(a.max()) / sa, float(b.max()) / sb, 0.0)
    margin = pad * (below + above)
    return (
        (-(below + margin) * sa, (above + margin) * sa),
        (-(below + margin) * sb, (above + margin) * sb),
    )


@dataclass
class SlideArtists:
    """The artists of :func:`plot_slide`.

    :meth:`set_record` switches to another record (mode, flip: a full redraw);
    :meth:`show` moves to another step and touches only the artists in
    :attr:`animated`, so a step can be blitted.
    """

    figure: object
    input_ax: object
    kernel_ax: object
    products_ax: object
    output_ax: object
    signal: object
    padding: object
    window: object
    kernel: object
    tap_labels: list
    products: object
    products_sum: object
    output_done: object
    output_current: object
    record: Steps | None = None
    step: int = 0
    animated: list = field(default_factory=list)

    def set_record(self, record: Steps) -> None:
        """Show ``record``: padding, axis ranges and titles for its mode and flip."""
        self.record = record
        n, m = len(record.x), len(record.kernel)
        reached = np.arange(record.starts.min(), record.starts.max() + m)
        pads = reached[(reached < 0) | (reached >= n)]
        self.padding.set_data(pads, np.zeros(len(pads)))
        input_limits, kernel_limits = _shared_zero_limits(record.x, record.kernel)
        self.input_ax.set_ylim(*input_limits)
        self.kernel_ax.set_ylim(*kernel_limits)
        products = record.products
        self.products_ax.set_ylim(*_limits(products if products.size else [0]))
        self.output_ax.set_xlim(-0.6, len(record) - 0.4)
        self.output_ax.set_ylim(*_limits(record.output))
        h = record.kernel[::-1] if record.flip else record.kernel
        if record.flip:
            title = (f"Convolution: h = {format_numbers(h)} is flipped to "
                     f"{format_numbers(record.kernel)} and slides along x")
        else:
            title = f"Cross-correlation: h = {format_numbers(h)} slides along x as it is (no flip)"
        if np.array_equal(h, h[::-1]):
            title += "\nh reads the same backwards: flipped or not, the kernel is the same"
        self.input_ax.set_title(title, fontsize=11)
        self.output_ax.set_title(
            f"Output y so far  ({record.mode!r} mode: {len(record)} values)", fontsize=11
        )
        for j, label in enumerate(self.tap_labels):
            label.set_text(f"h[{m - 1 - j if record.flip else j}]")

    def show(self, i: int) -> None:
        """Move the window to step ``i``; only the animated artists change."""
        rec = self.record
        i = min(max(int(i), 0), len(rec) - 1)
        start = int(rec.starts[i])
        m = len(rec.kernel)
        taps = np.arange(start, start + m)
        self.window.set_x(start - 0.5)
        self.window.set_width(m)
        self.kernel.set_data(*stem_data(taps, rec.kernel))
        for tap, value, label in zip(taps, rec.kernel, self.tap_labels):
            label.set_position((tap, value))
            label.set_va("bottom" if value >= 0 else "top")
        products = rec.windows[i] * rec.kernel
        self.products.set_data(*stem_data(taps, products))
        total = rec.output[i]
        self.products_sum.set_text(f"sum of the {m} products = {format_number(total)} = y[{i}]")
        self.output_done.set_data(*stem_data(np.arange(i + 1), rec.output[: i + 1]))
        self.output_current.set_data(np.array([i]), np.array([total]))
        self.step = i


def plot_slide(x, h=None, mode="full", *, flip=True, step=0):
    """Draw one step of a 1-D convolution as a flipped kernel sliding over the input.

    Top: the input ``x`` (dark stems), the zero padding the windows reach (grey
    rings) and the kernel as applied at this step (orange, right-hand axis),
    each tap labelled ``h[j]``.  Middle: the products under the window.
    Bottom: the output values found so far, the newest in orange.

    Parameters
    ----------
    x : (N,) array_like or Steps
        The input, or a ready :func:`convlab.steps` record (then omit ``h``).
    h : (M,) array_like, optional
        The kernel.
    mode : {"full", "same", "valid"}, optional
        As in :func:`convlab.convolve`.
    flip : bool, optional
        True: convolution (the kernel is flipped); False: cross-correlation.
    step : int, optional
        Which output to show, ``0 <= step < len(output)``.

    Returns
    -------
    SlideArtists
        Call ``.show(i)`` to move the window, ``.set_record(rec)`` to change mode or flip.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> art = plot_slide([0, 0, 0, 1, 2, 3, 2, 1, 0, 0], [1, 2, 3, 2, 1], step=7)
    >>> art.output_current.get_ydata().tolist()
    [19]
    """
    record = x if isinstance(x, Steps) else steps(x, h, mode, flip=flip)
    n, m = len(record.x), len(record.kernel)
    fig, (input_ax, products_ax, output_ax) = subplots(
        3, 1, figsize=(8.6, 6.6), gridspec_kw={"height_ratios": [1.4, 1, 1]},
    )
    kernel_ax = input_ax.twinx()
    left, right = -(m - 1) - 0.7, n + m - 2 + 0.7
    for ax in (input_ax, products_ax, output_ax):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax in (input_ax, products_ax):
        ax.set_xlim(left, right)
        ax.axhline(0, color="black", lw=0.6)
    input_ax.set_xlabel("position n in x (outside 0 … N − 1: zero padding)")
    # two scales on one panel: each axis in its own colour, named, so that a kernel tap
    # is read on the orange right-hand axis, never against the input's left one
    input_ax.set_ylabel("x[n]  (left axis)", color=INPUT)
    kernel_ax.set_ylabel("kernel as applied  (right axis)", color=HIGHLIGHT)
    kernel_ax.tick_params(axis="y", colors=HIGHLIGHT, width=1.5)
    kernel_ax.spines["right"].set_color(HIGHLIGHT)
    kernel_ax.spines["right"].set_linewidth(1.5)
    kernel_ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=_is_integer(record.kernel)))
    window = input_ax.axvspan(-0.5, m - 0.5, color=HIGHLIGHT, alpha=0.15, lw=0)
    signal = input_ax.stairs(
        record.x, np.arange(n + 1) - 0.5, baseline=0, fill=True, facecolor=INPUT_FILL,
        edgecolor=INPUT, lw=1, label="input x",
    )
    (padding,) = input_ax.plot([], [], "o", mfc="none", mec=MUTED, ms=5, ls="none")
    kernel = _stem_line(kernel_ax, HIGHLIGHT, marker="D", size=6, lw=2, alpha=0.9)
    labels = [
        kernel_ax.text(0, 0, "", ha="center", va="bottom", fontsize=8, color="#8A5A00")
        for _ in range(m if m <= MAX_TAP_LABELS else 0)
    ]

    products = _stem_line(products_ax, PRODUCTS, size=6, lw=2)
    products_ax.set_xlabel("position n in x")
    products_ax.set_ylabel("x[n] · kernel")
    products_ax.set_title("Products under the window", fontsize=11)
    products_sum = products_ax.text(
        0.01, 0.95, "", transform=products_ax.transAxes, va="top", fontsize=10,
        bbox={"facecolor": "white", "alpha": 0.85, "linewidth": 0},
    )

    output_done = _stem_line(output_ax, DONE, size=6, lw=1.5)
    (output_current,) = output_ax.plot([], [], "o", color=HIGHLIGHT, ms=10, mec="black")
    output_ax.axhline(0, color="black", lw=0.6)
    output_ax.set_xlabel("output index i")
    output_ax.set_ylabel("y[i]")

    art = SlideArtists(
        fig, input_ax, kernel_ax, products_ax, output_ax, signal, padding, window, kernel,
        labels, products, products_sum, output_done, output_current,
    )
    art.animated = [window, kernel, *labels, products, products_sum, output_done, output_current]
    art.set_record(record)
    art.show(step)
    freeze_layout(fig)
    return art
