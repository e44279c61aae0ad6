"""One output channel of a multi-channel convolution, taken apart (notebook 07).

Columns: one per input channel, and a last one for the result.  Rows: the input
channel, its slice of the kernel (numbers written in), and the partial map that
slice makes; the last column shows the sum of the partial maps plus the bias.  A
square outlines the window of the current output pixel on every input channel
and a dot marks that pixel on every map, so a step moves only those.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.patches import Rectangle

from ._style import DIVERGING_CMAP, HIGHLIGHT, annotate_matrix, subplots, text_colour

__all__ = ["ChannelArtists", "plot_channel_sum"]

#: Figure size in inches at the figure's dpi of 100: 8.6 × 6.0 (860 × 600 px).
FIGSIZE = (8.6, 6.0)


@dataclass
class ChannelArtists:
    """The artists of :func:`plot_channel_sum`.

    :meth:`set_filter` (new kernel, partial maps and sum) and :meth:`show_pixel`
    (only the window outlines and the pixel marks move) update them in place.
    """

    figure: object
    axes: np.ndarray
    inputs: list
    kernels: list
    partial_images: list
    sum_image: object
    windows: list
    marks: list
    names: tuple
    k: np.ndarray | None = None
    partials: np.ndarray | None = None
    bias: float = 0.0
    pixel: tuple = (0, 0)

    @property
    def animated(self) -> list:
        """What a pixel change moves (blitted by the explorer)."""
        return [*self.windows, *self.marks]

    @property
    def output(self) -> np.ndarray:
        """The output map now drawn: the partial maps summed, plus the bias."""
        return self.partials.sum(axis=0) + self.bias

    def set_filter(self, k, partials, bias: float, name: str) -> None:
        """Show the kernel ``k`` (C_in, kh, kw), its partial maps and their sum plus ``bias``."""
        self.k, self.partials, self.bias = np.asarray(k), np.asarray(partials), float(bias)
        lim = max(float(np.abs(self.partials).max()), 1e-12)
        for c, (image, texts) in enumerate(self.kernels):
            image.set_data(self.k[c])
            klim = max(float(np.abs(self.k).max()), 1e-12)
            image.set_clim(-klim, klim)
            for text, value in zip(texts.ravel(), self.k[c].ravel()):
                text.set_text(f"{value:.2g}")
                text.set_color(text_colour(image, value))
            self.partial_images[c].set_data(self.partials[c])
            self.partial_images[c].set_clim(-lim, lim)
        out = self.output
        olim = max(float(np.abs(out).max()), 1e-12)
        self.sum_image.set_data(out)
        self.sum_image.set_clim(-olim, olim)
        self.axes[2, -1].set_title(f"sum + bias ({self.bias:+.2g})", fontsize=9)
        self.axes[1, -1].set_title(f"filter: {name}", fontsize=9)

    def show_pixel(self, row: int, col: int) -> None:
        """Outline the window of output pixel (``row``, ``col``) and mark the pixel."""
        self.pixel = (row, col)
        for window in self.windows:
            window.set_xy((col - 0.5, row - 0.5))
        for mark in self.marks:
            mark.set_data([col], [row])


def plot_channel_sum(x, k, partials, bias, *, names=("red", "green", "blue"), filter_name="",
                     pixel=(0, 0)) -> ChannelArtists:
    """Draw one output channel as the sum over input channels of a correlation, plus a bias.

    Parameters
    ----------
    x : (C_in, H, W) array_like
        The input channels.
    k : (C_in, kh, kw) array_like
        One output filter: a kernel slice per input channel.
    partials : (C_in, H', W') array_like
        Each input channel correlated with its own slice (computed by the caller).
    bias : float
        That filter's bias.
    names : sequence of str, optional
        The input channels' names (titles).
    filter_name : str, optional
        Shown over the result column.
    pixel : (int, int), optional
        The output pixel first outlined.

    Returns
    -------
    ChannelArtists

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> art = plot_channel_sum(np.ones((2, 5, 5)), np.ones((2, 3, 3)), np.full((2, 3, 3), 9.0),
    ...                        1.0, names=("a", "b"))
    >>> art.output.shape, float(art.output[0, 0])  # 9 + 9 + 1
    ((3, 3), 19.0)
    """
    x, k = np.asarray(x, dtype=float), np.asarray(k, dtype=float)
    c_in, kh, kw = k.shape
    fig, axes = subplots(3, c_in + 1, figsize=FIGSIZE, dpi=100, squeeze=False)
    inputs, kernels, partial_images, windows, marks = [], [], [], [], []
    partials = np.asarray(partials, dtype=float)
    for c in range(c_in):
        ax = axes[0, c]
        inputs.append(ax.imshow(x[c], cmap="gray", vmin=0, vmax=max(1.0, float(x.max()))))
        ax.set_title(f"input: {names[c]}", fontsize=9)
        window = Rectangle((-0.5, -0.5), kw, kh, fill=False, edgecolor=HIGHLIGHT, lw=1.5,
                           animated=True)
        ax.add_patch(window)
        windows.append(window)
        kernels.append(annotate_matrix(axes[1, c], k[c], cmap=DIVERGING_CMAP, fontsize=8))
        axes[1, c].set_title(f"kernel slice {c} ({names[c]})", fontsize=9)
        ax = axes[2, c]
        partial_images.append(ax.imshow(partials[c], cmap=DIVERGING_CMAP))
        ax.set_title(f"{names[c]} ⋆ slice {c}", fontsize=9)
    for ax in axes[[0, 2], :].ravel():
        ax.set_xlabel("column", fontsize=8)
        ax.set_ylabel("row", fontsize=8)
        ax.tick_params(labelsize=7)
    for ax in axes[1, :c_in]:
        ax.set_xlabel("kernel column", fontsize=8)
        ax.set_ylabel("kernel row", fontsize=8)
    shown = np.moveaxis(x[:3], 0, -1) if c_in == 3 else x.mean(axis=0)
    axes[0, -1].imshow(np.clip(shown, 0, 1), cmap=None if c_in == 3 else "gray")
    axes[0, -1].set_title("all channels", fontsize=9)
    axes[0, -1].set_axis_off()
    axes[1, -1].set_axis_off()
    sum_image = axes[2, -1].imshow(partials.sum(axis=0) + bias, cmap=DIVERGING_CMAP)
    axes[2, -1].set_xlabel("column", fontsize=8)
    axes[2, -1].tick_params(labelsize=7)
    for ax in [*axes[2, :]]:
        (mark,) = ax.plot([0], [0], "o", color=HIGHLIGHT, ms=5, mec="black", animated=True)
        marks.append(mark)
    fig.suptitle("One output channel = Σ over input channels (channel ⋆ kernel slice) + bias",
                 fontsize=10)
    art = ChannelArtists(fig, axes, inputs, kernels, partial_images, sum_image, windows, marks,
                         tuple(names))
    art.set_filter(k, partials, bias, filter_name)
    art.show_pixel(*pixel)
    return art
