"""A kernel applied layer after layer: the feature maps side by side (notebook 06).

Each map is drawn in the *input's* coordinates, so a valid-mode layer visibly trims a border
of ``(k - 1) / 2`` pixels; the receptive field of one output pixel is outlined on the input
and on every map between, and a small panel plots how the values' spread grows with depth.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.patches import Rectangle

from ._style import DONE, HIGHLIGHT, subplots

__all__ = ["MAX_LAYERS", "LayerArtists", "plot_layer_stack"]

#: Panels for feature maps (the input has its own).
MAX_LAYERS = 6


@dataclass
class LayerArtists:
    """The artists of :func:`plot_layer_stack`.

    :meth:`set_maps` (new kernel or ReLU), :meth:`show_layers` (how many layers) and
    :meth:`show_pixel` (which output pixel; only the outlines move) update them in place.
    """

    figure: object
    map_axes: list
    spread_ax: object
    images: list
    fields: list
    spread_line: object
    spread_mark: object
    maps: list | None = None
    k: int = 3
    layers: int = 1
    pixel: tuple = (0, 0)

    @property
    def animated(self) -> list:
        """What a pixel change moves (blitted by the explorer)."""
        return list(self.fields)

    def set_maps(self, maps, k: int) -> None:
        """New feature maps (the input first) for a ``k × k`` kernel."""
        self.maps, self.k = maps, k
        n0, n1 = maps[0].shape
        half = (k - 1) / 2
        for level, (ax, image) in enumerate(zip(self.map_axes, self.images)):
            if level >= len(maps):
                image.set_data(np.zeros((1, 1)))
                continue
            m = maps[level]
            top = level * half
            image.set_data(m)
            image.set_extent((top - 0.5, top + m.shape[1] - 0.5, top + m.shape[0] - 0.5,
                              top - 0.5))
            lo, hi = np.percentile(m, [1, 99]) if m.size > 1 else (m.min(), m.max())
            image.set_clim(lo, hi if hi > lo else lo + 1)
            ax.set_xlim(-0.5, n1 - 0.5)
            ax.set_ylim(n0 - 0.5, -0.5)
        spread = [float(np.std(m)) for m in maps]
        self.spread_line.set_data(np.arange(len(spread)), spread)
        positive = [s for s in spread if s > 0] or [1.0]
        self.spread_ax.set_ylim(min(positive) / 2, max(positive) * 2)
        self.spread_ax.set_xlim(-0.3, MAX_LAYERS + 0.3)

    def show_layers(self, layers: int) -> None:
        """Show the input and maps 1 … ``layers``; the others stay empty."""
        self.layers = layers
        for level, (ax, image) in enumerate(zip(self.map_axes, self.images)):
            shown = level <= layers
            image.set_visible(shown)
            if level == 0:
                ax.set_title(f"input {_shape(self.maps[0])}", fontsize=9)
            elif shown:
                m = self.maps[level]
                ax.set_title(f"layer {level}: {_shape(m)}, std {np.std(m):.3g}", fontsize=9,
                             color="black")
            else:
                ax.set_title(f"layer {level}: not applied", fontsize=9, color="0.5")
        spread = self.spread_line.get_ydata()
        self.spread_mark.set_data([layers], [spread[layers]])

    def show_pixel(self, row: int, col: int) -> None:
        """Outline the receptive field of output pixel ``(row, col)`` of the last layer."""
        self.pixel = (row, col)
        half, layers, k = (self.k - 1) / 2, self.layers, self.k
        centre_r, centre_c = row + layers * half, col + layers * half
        for level, box in enumerate(self.fields):
            if level > layers:
                box.set_visible(False)
                continue
            side = 1 + (layers - level) * (k - 1)
            box.set_bounds(centre_c - side / 2, centre_r - side / 2, side, side)
            box.set_visible(True)


def _shape(m) -> str:
    return f"{m.shape[0]}×{m.shape[1]}"


def plot_layer_stack(maps, k, *, layers=None, pixel=None, axes=None) -> LayerArtists:
    """Draw feature maps side by side with one output pixel's receptive field outlined.

    Parameters
    ----------
    maps : list of 2-D ndarray
        ``[input, layer 1, ...]`` as :func:`stack_layers` returns (at most
        ``MAX_LAYERS`` layers).
    k : int
        The kernel's size (odd), so each layer trims ``(k - 1) / 2`` pixels per side.
    layers : int, optional
        How many maps to show (default: all).
    pixel : (int, int), optional
        The output pixel of the last shown layer (default: its centre).
    axes : sequence of MAX_LAYERS + 2 matplotlib.axes.Axes, optional
        Where to draw the maps and the spread plot; a new figure if omitted.

    Returns
    -------
    LayerArtists

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from convlab import laplacian, random_image
    >>> from convlab.stacking import stack_layers
    >>> art = plot_layer_stack(stack_layers(random_image((16, 16)), laplacian(), 3), 3)
    >>> art.fields[0].get_width(), art.map_axes[3].get_title()[:14]
    (7, 'layer 3: 10×10')
    """
    if axes is None:
        fig, grid = subplots(2, 4, figsize=(8.6, 5.0))
        axes = list(grid.ravel())
    fig = axes[0].figure
    map_axes, spread_ax = list(axes[: MAX_LAYERS + 1]), axes[MAX_LAYERS + 1]
    images, fields = [], []
    for level, ax in enumerate(map_axes):
        images.append(ax.imshow(np.zeros((1, 1)), cmap="gray", interpolation="nearest"))
        fields.append(ax.add_patch(Rectangle((0, 0), 1, 1, fill=False, linewidth=1.8,
                                             edgecolor=HIGHLIGHT)))
        ax.set_xlabel("column", fontsize=8)
        if level % 4 == 0:
            ax.set_ylabel("row", fontsize=8)
        ax.tick_params(labelsize=7)
    (spread_line,) = spread_ax.plot([], [], "o-", color=DONE, markersize=4)
    (spread_mark,) = spread_ax.plot([], [], "o", color=HIGHLIGHT, markersize=9,
                                    markeredgecolor="black")
    spread_ax.set_yscale("log")
    spread_ax.set_xlabel("layers applied")
    spread_ax.set_ylabel("std of the map (log scale)")
    spread_ax.set_title("how the values spread", fontsize=9)
    spread_ax.set_xticks(range(MAX_LAYERS + 1))
    artists = LayerArtists(fig, map_axes, spread_ax, images, fields, spread_line, spread_mark)
    artists.set_maps(maps, k)
    layers = len(maps) - 1 if layers is None else layers
    artists.show_layers(layers)
    last = maps[layers].shape
    row, col = pixel if pixel is not None else (last[0] // 2, last[1] // 2)
    artists.show_pixel(row, col)
    return artists
