"""Where the windows of a convolution layer land: grid drawings in the style of
Dumoulin & Visin's *conv_arithmetic* (notebook 05).

Two panels of square cells.  Forward mode: left, the zero-padded input with the taps of
one window highlighted; right, the output with the current cell highlighted and the cells
already computed shaded.  Transposed mode (upsampling): left, the small input with one
pixel highlighted; right, the larger output where that pixel stamps a copy of the kernel,
the cells covered so far shaded by how many stamps overlap there, and the ``padding``
border that is cut off at the end marked.

Every panel is one background image, one overlay image and one set of grid lines, whatever
the sizes, so the figure stays cheap to redraw; a step only changes the overlays, the two
outlines and one line of text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from ..geometry import WindowGeometry, window_geometry
from ._style import DONE, HIGHLIGHT, MUTED, subplots

__all__ = ["GridArtists", "plot_window_grid"]

#: Background colours of the cells (RGBA).
INPUT_RGBA = to_rgba(DONE, 0.22)
PAD_RGBA = to_rgba("white")
UNREAD_RGBA = to_rgba(MUTED, 0.9)
OUTPUT_RGBA = to_rgba(MUTED, 0.35)
CUT_RGBA = to_rgba("white")
_TAP = to_rgba(HIGHLIGHT, 0.95)
_SPAN = to_rgba(HIGHLIGHT, 0.25)
_DONE = to_rgba(DONE, 0.75)
#: The legend's four entries (label, colour) for each mode.
FORWARD_KEY = (("input", INPUT_RGBA), ("zero padding", PAD_RGBA),
               ("never read", UNREAD_RGBA), ("this step", _TAP))
TRANSPOSED_KEY = (("input / output", INPUT_RGBA), ("cut by padding", CUT_RGBA),
                  ("stamped so far", _DONE), ("this step", _TAP))


def _grid_lines(size: int, origin: int) -> np.ndarray:
    edges = np.arange(size + 1) + origin - 0.5
    lo, hi = edges[0], edges[-1]
    vertical = [((e, lo), (e, hi)) for e in edges]
    horizontal = [((lo, e), (hi, e)) for e in edges]
    return np.array(vertical + horizontal)


@dataclass
class GridArtists:
    """The artists of :func:`plot_window_grid`; :meth:`set_geometry` and :meth:`show` update them.

    Each panel has a background image, an overlay image (the highlights of one
    step), grid lines and an outline; ``step_text`` describes the step and the
    figure's suptitle holds the output-size formula.
    """

    figure: object
    axes: tuple
    backgrounds: tuple
    overlays: tuple
    lines: tuple
    boxes: tuple
    step_text: object
    formula: object
    frames: tuple = ()
    legend: object = None
    geometry: WindowGeometry | None = None
    step: int = 0

    @property
    def animated(self) -> list:
        """What a step changes (blitted by the explorer)."""
        return [*self.overlays, *self.boxes, self.step_text]

    def set_geometry(self, geometry: WindowGeometry) -> None:
        """Redraw the cells for a new layer (a parameter change); the step resets to 0."""
        g = geometry
        left_bg = np.empty((g.left_shape, g.left_shape, 4))
        right_bg = np.empty((g.right_shape, g.right_shape, 4))
        if g.transposed:
            left_bg[:] = INPUT_RGBA
            right_bg[:] = CUT_RGBA
            inner = slice(g.padding, g.padding + g.out)
            right_bg[inner, inner] = OUTPUT_RGBA
            left_title = f"input {g.n}×{g.n}: each pixel spreads a {g.k}×{g.k} stamp"
            right_title = f"output {g.out}×{g.out} (white border: cut by padding {g.padding})"
        else:
            left_bg[:] = PAD_RGBA
            inner = slice(g.padding, g.padding + g.n)
            left_bg[inner, inner] = INPUT_RGBA
            left_bg[inner, inner][g.unread] = UNREAD_RGBA
            right_bg[:] = OUTPUT_RGBA
            left_title = f"input {g.n}×{g.n}, padding {g.padding}: where the windows land"
            right_title = f"output {g.out}×{g.out}"
        for ax, bg, ov, lines, data, origin, title in zip(
            self.axes, self.backgrounds, self.overlays, self.lines, (left_bg, right_bg),
            (g.left_origin, g.right_origin), (left_title, right_title),
        ):
            size = data.shape[0]
            extent = (origin - 0.5, origin + size - 0.5, origin + size - 0.5, origin - 0.5)
            bg.set_data(data)
            bg.set_extent(extent)
            ov.set_data(np.zeros_like(data))
            ov.set_extent(extent)
            lines.set_segments(_grid_lines(size, origin))
            ax.set_xlim(extent[0], extent[1])
            ax.set_ylim(extent[2], extent[3])
            ticks = np.arange(origin, origin + size, -(-size // 8))  # whole cells, at most 8
            ax.set_xticks(ticks)
            ax.set_yticks(ticks)
            ax.set_title(title, fontsize=10)
        left_frame, right_frame = self.frames
        inner_size = g.n if not g.transposed else g.out
        frame = right_frame if g.transposed else left_frame
        frame.set_bounds(-0.5, -0.5, inner_size, inner_size)
        frame.set_visible(True)
        (left_frame if g.transposed else right_frame).set_visible(False)
        self.formula.set_text(("transposed convolution:  " if g.transposed else "output size:  ")
                              + g.formula())
        if self.legend is not None:
            for text, handle, (label, colour) in zip(
                self.legend.get_texts(), self.legend.legend_handles,
                TRANSPOSED_KEY if g.transposed else FORWARD_KEY,
            ):
                text.set_text(label)
                handle.set_facecolor(colour)
        self.geometry = g
        self.show(0)

    def refuse(self, settings: str) -> None:
        """Say in the figure's title that ``settings`` cannot be drawn (the panels keep the
        last layer that could), so the title never shows settings the controls no longer
        have."""
        self.formula.set_text(f"{settings}: cannot be drawn (see below the figure)")

    def show(self, step: int) -> None:
        """Highlight step ``step``; only the overlays, outlines and step text change."""
        g = self.geometry
        if not 0 <= step < g.steps:
            raise ValueError(f"step must be between 0 and {g.steps - 1}, got {step}")
        left = np.zeros((g.left_shape, g.left_shape, 4))
        right = np.zeros((g.right_shape, g.right_shape, 4))
        rows, cols = g.read[step]
        wr, wc = g.write[step]
        if g.transposed:
            for t in range(step):
                pr, pc = g.read[t]
                left[pr[0], pc[0]] = _DONE
            left[rows[0], cols[0]] = _TAP
            count = g.coverage[step]
            top = max(int(g.coverage[-1].max()), 1)
            shade = np.zeros_like(right)
            shade[...] = to_rgba(DONE)
            shade[..., 3] = 0.85 * count / top
            right[:] = shade
            right[np.ix_(wr + g.padding, wc + g.padding)] = _TAP
            box_left = (cols[0] - 0.5, rows[0] - 0.5, 1, 1)
            box_right = (wc[0] - 0.5, wr[0] - 0.5, g.k, g.k)
        else:
            o = g.left_origin
            r0, c0 = rows[0] - o, cols[0] - o
            left[r0: r0 + g.span, c0: c0 + g.span] = _SPAN
            left[np.ix_(rows - o, cols - o)] = _TAP
            done = np.zeros(g.out * g.out, dtype=bool)
            done[:step] = True
            right[done.reshape(g.out, g.out)] = _DONE
            right[wr[0], wc[0]] = _TAP
            box_left = (cols[0] - 0.5, rows[0] - 0.5, g.span, g.span)
            box_right = (wc[0] - 0.5, wr[0] - 0.5, 1, 1)
        self.overlays[0].set_data(left)
        self.overlays[1].set_data(right)
        for box, (x, y, w, h) in zip(self.boxes, (box_left, box_right)):
            box.set_bounds(x, y, w, h)
        self.step_text.set_text(g.describe(step))
        self.step = step


def plot_window_grid(n=7, k=3, *, stride=1, padding=0, dilation=1, transposed=False, step=0,
                     axes=None) -> GridArtists:
    """Draw where the windows of a square convolution layer land, one step highlighted.

    Parameters
    ----------
    n, k : int, optional
        Input size and kernel size (square).
    stride, padding, dilation : int, optional
        The layer's settings (``dilation`` must be 1 when ``transposed``).
    transposed : bool, optional
        Draw the transposed convolution (upsampling) instead.
    step : int, optional
        Which window (forward, row-major over the output) or which input pixel
        (transposed) to highlight.
    axes : pair of matplotlib.axes.Axes, optional
        Where to draw; a new figure if omitted.

    Returns
    -------
    GridArtists
        Call ``.show(step)`` to move the highlight, ``.set_geometry(window_geometry(...))``
        for new settings.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> art = plot_window_grid(5, 3, stride=2, padding=1)
    >>> art.geometry.out, art.formula.get_text()[-3:]
    (3, '= 3')
    """
    geometry = window_geometry(n, k, stride=stride, padding=padding, dilation=dilation,
                               transposed=transposed)
    if axes is None:
        fig, axes = subplots(1, 2, figsize=(8.6, 4.6), gridspec_kw={"width_ratios": [1, 1]})
    fig = axes[0].figure
    backgrounds, overlays, lines, boxes, frames = [], [], [], [], []
    for ax in axes:
        backgrounds.append(ax.imshow(np.zeros((1, 1, 4)), interpolation="nearest"))
        overlays.append(ax.imshow(np.zeros((1, 1, 4)), interpolation="nearest"))
        lines.append(ax.add_collection(LineCollection([], colors="0.45", linewidths=0.8)))
        boxes.append(ax.add_patch(Rectangle((0, 0), 1, 1, fill=False, edgecolor="black",
                                            linewidth=2.2)))
        frames.append(ax.add_patch(Rectangle((0, 0), 1, 1, fill=False, edgecolor=DONE,
                                             linewidth=1.6, linestyle="--")))
        ax.set_xlabel("column")
        ax.set_ylabel("row")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))
        ax.set_aspect("equal")
    legend = axes[0].legend(
        handles=[Patch(facecolor=colour, edgecolor="0.45", label=label)
                 for label, colour in FORWARD_KEY],
        loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8, frameon=False,
    )
    step_text = fig.supxlabel(" ", fontsize=10)
    formula = fig.suptitle("", fontsize=12)
    artists = GridArtists(fig, tuple(axes), tuple(backgrounds), tuple(overlays), tuple(lines),
                          tuple(boxes), step_text, formula, tuple(frames), legend)
    artists.set_geometry(geometry)
    artists.show(step)
    return artists
