"""Static figures of notebook 08: dice sums, frequency responses, the cost of convolution.

(:func:`plot_chart_smoothing` and :func:`plot_photo_edits` drew the noisy chart and the
photo edits of an earlier edition of notebook 08; they stay for anyone who used them.)

These figures are pictures, not explorers: each function draws on the axes it
is given, or on a new figure made without pyplot, so that in a notebook running
``%matplotlib widget`` it shows as a plain PNG (no live canvas, no figure left
open in pyplot).  Each returns a small artists object whose ``figure`` is the
matplotlib figure and which displays itself as that PNG.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure

from ..applications import dice_sum_distribution, direct_cost, fft_cost, first_side_lobe
from ..frequency import frequency_response
from ._style import DONE, HIGHLIGHT, MUTED, WIDTH_PX, _fit_dpi

__all__ = [
    "CostArtists",
    "DiceArtists",
    "FrequencyArtists",
    "PhotoArtists",
    "ChartSmoothingArtists",
    "plot_cost",
    "plot_dice_sums",
    "plot_frequency_responses",
    "plot_photo_edits",
    "plot_chart_smoothing",
]

#: Okabe–Ito colours beyond the two of ``_style``, for figures with several curves.
_GREEN, _VERMILLION, _SKY, _PURPLE = "#009E73", "#D55E00", "#56B4E9", "#CC79A7"
_SERIES = (DONE, HIGHLIGHT, _GREEN, _VERMILLION, _PURPLE, _SKY, "#000000")
#: One colour per timed method, the same in every panel: direct blue, FFT orange as in the counts.
_METHOD_COLOURS = {
    "convlab direct": DONE,
    "convlab fft": HIGHLIGHT,
    "convlab auto": _GREEN,
    "python loops": _VERMILLION,
}


def _figure(ncols, width, height):
    width = min(width, WIDTH_PX / 100)
    fig = Figure(figsize=(width, height), dpi=_fit_dpi(width), layout="constrained")
    axes = fig.subplots(1, ncols, squeeze=False)[0]
    return fig, list(axes)


@dataclass
class _Static:
    """A finished figure that displays itself as a PNG."""

    figure: Figure
    description: str

    def png(self, dpi=None) -> bytes:
        """The figure as PNG bytes (by default at its own dpi, within the width budget)."""
        if dpi is None:
            dpi = _fit_dpi(self.figure.get_size_inches()[0], dpi=self.figure.dpi)
        buf = io.BytesIO()
        self.figure.savefig(buf, format="png", dpi=dpi)
        return buf.getvalue()

    def _repr_png_(self) -> bytes:
        return self.png()

    def __repr__(self) -> str:
        return f"{type(self).__name__}: {self.description}"


@dataclass(repr=False)
class DiceArtists(_Static):
    """Artists of :func:`plot_dice_sums`."""

    bars: object = None
    lines: list = field(default_factory=list)
    normal: object = None


def plot_dice_sums(dice=(1, 2, 3, 5, 10), sides=6, *, axes=None):
    """The sum of dice: two dice as bars, then more dice tending to a bell curve.

    Left: the distribution of the total of two dice, the convolution of two
    uniform distributions (a triangle peaking at 7).  Right: the totals of
    ``n`` dice for each ``n`` in ``dice``, standardised (total minus its mean,
    divided by its standard deviation; probability times the standard
    deviation) so that every ``n`` shares one axis, with the standard normal
    curve the central limit theorem says they approach.

    Parameters
    ----------
    dice : sequence of int, optional
        Numbers of dice for the right panel.
    sides : int, optional
        Faces per die.
    axes : (Axes, Axes), optional
        Where to draw; by default a new figure.

    Returns
    -------
    DiceArtists
        ``bars`` (the two-dice bars), ``lines`` (one per ``n``), ``normal``.

    Examples
    --------
    >>> art = plot_dice_sums((1, 2, 4))
    >>> len(art.bars), len(art.lines)
    (11, 3)
    >>> art.png()[:4] == b"\\x89PNG"
    True
    """
    if axes is None:
        fig, axes = _figure(2, 10, 3.8)
    else:
        fig = axes[0].figure
    left, right = axes
    totals, p = dice_sum_distribution(2, sides)
    bars = left.bar(totals, p, color=DONE, edgecolor="white")
    peak = int(np.argmax(p))
    bars[peak].set_color(HIGHLIGHT)
    left.annotate(
        f"P({totals[peak]}) = {round(p[peak] * sides**2)}/{sides**2}",
        (totals[peak], p[peak]), xytext=(0, 4), textcoords="offset points", ha="center",
    )
    left.set_xticks(totals)
    left.set_title(f"Two dice: [1/{sides}]×{sides} convolved with itself")
    left.set_xlabel("total of two dice")
    left.set_ylabel("probability")
    left.set_ylim(0, p.max() * 1.2)

    mean1, var1 = (sides + 1) / 2, (sides**2 - 1) / 12
    lines = []
    for n, colour in zip(dice, _SERIES):
        totals, p = dice_sum_distribution(n, sides)
        sd = np.sqrt(n * var1)
        label = f"{n} {'die' if n == 1 else 'dice'}"
        (line,) = right.plot((totals - n * mean1) / sd, p * sd, "o-", color=colour,
                             markersize=3, linewidth=1.2, label=label)
        lines.append(line)
    z = np.linspace(-3.5, 3.5, 200)
    (normal,) = right.plot(z, np.exp(-(z**2) / 2) / np.sqrt(2 * np.pi), color="black",
                           linestyle="--", linewidth=1.5, label="normal curve")
    right.set_title("More dice: the shape tends to a bell")
    right.set_xlabel("standardised total (total − mean) / sd")
    right.set_ylabel("probability × sd")
    right.legend(fontsize=8)
    return DiceArtists(fig, "distributions of dice totals, from a triangle to a bell", bars,
                       lines, normal)


@dataclass(repr=False)
class ChartSmoothingArtists(_Static):
    """Artists of :func:`plot_chart_smoothing`."""

    noisy: object = None
    trend: object = None
    smoothed: list = field(default_factory=list)


def plot_chart_smoothing(noisy, trend, smoothed: Mapping[str, tuple], *, ax=None):
    """A noisy chart, the curve behind it, and smoothed versions.

    Parameters
    ----------
    noisy, trend : (N,) array_like
        The measured series and the true curve, at positions ``0 … N-1``.
    smoothed : mapping of str to (positions, values)
        Each smoothed series with the positions it covers (a 'valid'
        convolution is shorter than the input).
    ax : Axes, optional

    Returns
    -------
    ChartSmoothingArtists

    Examples
    --------
    >>> x = np.arange(20.0)
    >>> art = plot_chart_smoothing(x + 1, x, {"avg": (x[1:-1], x[1:-1])})
    >>> len(art.smoothed), art.figure.axes[0].get_xlabel()
    (1, 'sample')
    """
    if ax is None:
        fig, (ax,) = _figure(1, 9, 3.8)
    else:
        fig = ax.figure
    noisy, trend = np.asarray(noisy), np.asarray(trend)
    positions = np.arange(len(noisy))
    noisy_line = ax.scatter(positions, noisy, s=8, color=MUTED, label="noisy chart")
    (trend_line,) = ax.plot(positions, trend, color="black", linestyle="--", linewidth=1.2,
                            label="true curve")
    lines = []
    for (label, (where, values)), colour in zip(smoothed.items(), (DONE, HIGHLIGHT, _GREEN)):
        (line,) = ax.plot(where, values, color=colour, linewidth=2, label=label)
        lines.append(line)
    ax.set_title("Smoothing a noisy chart by convolution")
    ax.set_xlabel("sample")
    ax.set_ylabel("value")
    ax.legend(fontsize=8, loc="upper left")
    return ChartSmoothingArtists(fig, "a noisy chart with its true curve and smoothed versions",
                            noisy_line, trend_line, lines)


@dataclass(repr=False)
class PhotoArtists(_Static):
    """Artists of :func:`plot_photo_edits`."""

    images: list = field(default_factory=list)


def plot_photo_edits(images: Mapping[str, np.ndarray], *, axes=None, clip=(0.0, 1.0)):
    """Photos side by side in grey, one titled panel each.

    Parameters
    ----------
    images : mapping of str to (R, C) ndarray
        Title -> image. Brightness is shown on one shared scale ``clip``,
        except for titles containing "edges", which get a scale symmetric
        about 0 (mid-grey), clipped at the 99th percentile of ``|image|``.
    axes : sequence of Axes, optional
    clip : (low, high), optional

    Returns
    -------
    PhotoArtists

    Examples
    --------
    >>> art = plot_photo_edits({"a": np.zeros((4, 4)), "edges": np.eye(4)})
    >>> [ax.get_title() for ax in art.figure.axes]
    ['a', 'edges']
    """
    if axes is None:
        fig, axes = _figure(len(images), 3.2 * len(images), 3.6)
    else:
        fig = axes[0].figure
    shown = []
    for ax, (title, image) in zip(axes, images.items()):
        if "edges" in title:  # signed values around 0: a symmetric scale, outliers clipped
            top = float(np.percentile(np.abs(image), 99)) or 1.0
            limits = (-top, top)
        else:
            limits = clip
        shown.append(ax.imshow(image, cmap="gray", vmin=limits[0], vmax=limits[1]))
        ax.set_title(title)
        ax.set_xlabel("column (pixel)")
        ax.set_ylabel("row (pixel)")
    return PhotoArtists(fig, f"{len(images)} versions of a photo side by side", shown)


@dataclass(repr=False)
class CostArtists(_Static):
    """Artists of :func:`plot_cost`."""

    count_lines: list = field(default_factory=list)
    time_lines: list = field(default_factory=list)


def plot_cost(n, kernel_sizes: Sequence[int], rows=None, methods=None, *, axes=None):
    """What a 2-D convolution costs as the kernel grows: counted, and (optionally) measured.

    Left: multiply-adds of the direct method, ``n² k²``, against the FFT
    estimate ``3 N² log₂(N²) + N²`` (``N = n + k - 1``), on a log scale.
    Right (when ``rows`` from :func:`convlab.bench.conv_bench` are given):
    the measured median time of each method against the kernel size, for the
    largest image in the table.

    Parameters
    ----------
    n : int
        Image side for the counts.
    kernel_sizes : sequence of int
        Kernel sides for the counts.
    rows : list of dict, optional
        A timing table.
    methods : sequence of str, optional
        Methods to draw from ``rows`` (default: all).
    axes : sequence of Axes, optional

    Returns
    -------
    CostArtists

    Examples
    --------
    >>> art = plot_cost(64, [3, 5, 9])
    >>> [line.get_label() for line in art.count_lines]
    ['direct: n²k²', 'FFT: ≈ 3N² log₂N² + N²']
    """
    panels = 1 if rows is None else 2
    if axes is None:
        fig, axes = _figure(panels, 5 * panels, 3.8)
    else:
        fig = axes[0].figure
    ks = np.asarray(kernel_sizes)
    ax = axes[0]
    direct = [direct_cost(n, int(k)) for k in ks]
    fft = [fft_cost(n, int(k)) for k in ks]
    count_lines = [
        ax.plot(ks, direct, "o-", color=DONE, label="direct: n²k²")[0],
        ax.plot(ks, fft, "s-", color=HIGHLIGHT, label="FFT: ≈ 3N² log₂N² + N²")[0],
    ]
    ax.set_yscale("log")
    ax.set_title(f"Operations for a {n}×{n} image")
    ax.set_xlabel("kernel side k")
    ax.set_ylabel("multiply-adds (log scale)")
    ax.legend(fontsize=8)
    time_lines = []
    if rows is not None:
        ax = axes[1]
        size = max(row["image"] for row in rows)
        chosen = methods or list(dict.fromkeys(row["method"] for row in rows))
        spare = iter(c for c in _SERIES if c not in _METHOD_COLOURS.values())
        for name in chosen:
            colour = _METHOD_COLOURS.get(name) or next(spare, "#000000")
            pts = sorted((r["kernel"], r["seconds"]) for r in rows
                         if r["image"] == size and r["method"] == name)
            if pts:
                k, t = zip(*pts)
                time_lines.append(ax.plot(k, np.array(t) * 1e3, "o-", color=colour,
                                          label=name)[0])
        ax.set_yscale("log")
        ax.set_title(f"Measured here: {size}×{size} image")
        ax.set_xlabel("kernel side k")
        ax.set_ylabel("median time (ms, log scale)")
        ax.legend(fontsize=8)
    return CostArtists(fig, "operation counts and measured times against the kernel size",
                       count_lines, time_lines)


@dataclass(repr=False)
class FrequencyArtists(_Static):
    """Artists of :func:`plot_frequency_responses`."""

    kernel_lines: list = field(default_factory=list)
    response_lines: list = field(default_factory=list)
    side_lobe: object = None


def plot_frequency_responses(kernels: Mapping[str, np.ndarray], *, n=1024, side_lobe_of=None,
                             axes=None):
    """Kernels next to their frequency responses: which frequencies each lets through.

    Left: each kernel's taps, centred on 0.  Right: ``|H(f)|`` from
    :func:`convlab.frequency_response` for f from 0 to 0.5 cycles per sample,
    on a linear scale so that a side lobe's height reads as a fraction of the peak.

    Parameters
    ----------
    kernels : mapping of str to (M,) array_like
        Label → 1-D kernel, in drawing order.
    n : int, optional
        DFT length (the density of the frequency grid).
    side_lobe_of : str, optional
        A label whose first side lobe (:func:`convlab.applications.first_side_lobe`)
        is marked and labelled with its height.
    axes : sequence of two Axes, optional

    Returns
    -------
    FrequencyArtists

    Examples
    --------
    >>> art = plot_frequency_responses({"box": np.ones(5) / 5}, side_lobe_of="box")
    >>> [line.get_label() for line in art.response_lines]
    ['box']
    >>> art.side_lobe.get_text()
    'first side lobe: 0.25'
    """
    if not kernels:
        raise ValueError("kernels must hold at least one kernel")
    if side_lobe_of is not None and side_lobe_of not in kernels:
        raise ValueError(f"side_lobe_of must be one of the labels, got {side_lobe_of!r}")
    if axes is None:
        fig, axes = _figure(2, 8.6, 3.4)
    else:
        fig = axes[0].figure
    kernel_lines, response_lines, note = [], [], None
    for (label, h), colour in zip(kernels.items(), _SERIES):
        h = np.asarray(h, dtype=float)
        taps = np.arange(h.size) - (h.size - 1) / 2
        kernel_lines.append(axes[0].plot(taps, h, "o-", color=colour, label=label)[0])
        f, magnitude = frequency_response(h, n=n)
        response_lines.append(axes[1].plot(f, magnitude, color=colour, label=label)[0])
        if label == side_lobe_of:
            f_lobe, height = first_side_lobe(f, magnitude)
            peak = magnitude[0]
            axes[1].plot([f_lobe], [height * peak], "v", color=colour)
            note = axes[1].annotate(f"first side lobe: {height:.2f}", (f_lobe, height * peak),
                                    xytext=(12, 18), textcoords="offset points", fontsize=8,
                                    arrowprops={"arrowstyle": "-", "color": MUTED})
    axes[0].set_title("The kernels")
    axes[0].set_xlabel("tap (centred)")
    axes[0].set_ylabel("weight")
    axes[0].legend(fontsize=8)
    axes[1].set_title("What they let through")
    axes[1].set_xlabel("frequency f (cycles per sample)")
    axes[1].set_ylabel("gain |H(f)|")
    axes[1].set_xlim(0, 0.5)
    axes[1].set_ylim(bottom=0)
    axes[1].legend(fontsize=8)
    return FrequencyArtists(fig, "kernels and the magnitudes of their frequency responses",
                            kernel_lines, response_lines, note)
