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

from dataclasses import dataclass, field

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from ..layers import conv_transpose2d, output_size
from ..steps import steps2d
from ._style import DONE, HIGHLIGHT, MUTED, subplots

__all__ = ["GridArtists", "WindowGeometry", "plot_window_grid", "window_geometry"]

#: Background colours of the cells (RGBA).
INPUT_RGBA = to_rgba(DONE, 0.22)
PAD_RGBA = to_rgba("white")
UNREAD_RGBA = to_rgba(MUTED, 0.9)
OUTPUT_RGBA = to_rgba(MUTED, 0.35)
CUT_RGBA = to_rgba("white")
_TAP = to_rgba(HIGHLIGHT, 0.95)
_SPAN = to_rgba(HIGHLIGHT, 0.25)
_DONE = to_rgba(DONE, 0.75)


@dataclass(frozen=True, eq=False)
class WindowGeometry:
    """Where every step of a square convolution layer reads and writes.

    Attributes
    ----------
    n, k, stride, padding, dilation : int
        The layer (square input ``n × n``, square kernel ``k × k``).
    transposed : bool
        False: a convolution (``conv2d``); True: a transposed convolution
        (``conv_transpose2d``), whose steps walk over the *input* pixels.
    out : int
        Output size along each axis: ``output_size(n, k, ...)``, or
        ``(n - 1) * stride - 2 * padding + k`` when transposed.
    left_shape, right_shape : int
        Cells along each side of the left and right panels.
    left_origin, right_origin : int
        Coordinate of the first cell of each panel (negative inside the padding).
    read, write : tuple of (rows, cols) pairs of 1-D int arrays, one per step
        The cells each step highlights on the left and on the right panel, in
        that panel's coordinates.
    unread : (n, n) bool ndarray
        Input cells that no window reads (forward mode; all False when transposed).
    coverage : (steps, F, F) ndarray or None
        Transposed mode: ``coverage[t]`` counts the stamps of steps ``0 .. t`` on
        each cell of the full (uncropped) output ``F = (n - 1) * stride + k``.
    """

    n: int
    k: int
    stride: int
    padding: int
    dilation: int
    transposed: bool
    out: int
    left_shape: int
    left_origin: int
    right_shape: int
    right_origin: int
    read: tuple = field(repr=False)
    write: tuple = field(repr=False)
    unread: np.ndarray = field(repr=False)
    coverage: np.ndarray | None = field(default=None, repr=False)

    @property
    def steps(self) -> int:
        """How many steps: output pixels (forward) or input pixels (transposed)."""
        return len(self.read)

    @property
    def span(self) -> int:
        """Cells covered by one dilated window, ``dilation * (k - 1) + 1``."""
        return self.dilation * (self.k - 1) + 1

    def formula(self) -> str:
        """The output size with this layer's numbers substituted.

        >>> window_geometry(7, 3, stride=2, padding=1).formula()
        '⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊(7 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = 4'
        >>> window_geometry(2, 3, stride=2, transposed=True).formula()
        '(n − 1)·s − 2p + k = (2 − 1)·2 − 2·0 + 3 = 5'
        """
        n, k, s, p, d = self.n, self.k, self.stride, self.padding, self.dilation
        if self.transposed:
            return f"(n − 1)·s − 2p + k = ({n} − 1)·{s} − 2·{p} + {k} = {self.out}"
        return (
            "⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = "
            f"⌊({n} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {self.out}"
        )

    def describe(self, step: int) -> str:
        """One line about ``step``: which output it makes (or which input it spreads)."""
        rows, cols = self.read[step]
        wr, wc = self.write[step]
        if self.transposed:
            i, j = int(rows[0]), int(cols[0])
            return (
                f"step {step + 1} of {self.steps}: input ({i}, {j}) adds x[{i}, {j}]·kernel to "
                f"output rows {wr[0]}…{wr[-1]}, cols {wc[0]}…{wc[-1]}"
            )
        r, c = int(wr[0]), int(wc[0])
        return (
            f"step {step + 1} of {self.steps}: output ({r}, {c}) reads rows "
            f"{_listing(rows)}, cols {_listing(cols)}"
        )


def _listing(values) -> str:
    values = [int(v) for v in values]
    return str(values[0]) if len(values) == 1 else "{" + ", ".join(map(str, values)) + "}"


def window_geometry(n, k, *, stride=1, padding=0, dilation=1, transposed=False) -> WindowGeometry:
    """Work out where each step of a square layer reads and writes (validated by the engine).

    Parameters
    ----------
    n, k : int
        Input and kernel size (both square).
    stride, padding, dilation : int, optional
        The layer's settings.  ``dilation`` must be 1 when ``transposed``.
    transposed : bool, optional
        Describe ``conv_transpose2d`` instead of ``conv2d``.

    Returns
    -------
    WindowGeometry

    Raises
    ------
    ValueError
        For a kernel that does not fit the padded input, a padding that crops a
        transposed output away, dilation with ``transposed``, or sizes below 1.

    Examples
    --------
    >>> g = window_geometry(5, 3, stride=2)
    >>> g.out, g.steps, g.read[1]
    (2, 4, (array([0, 1, 2]), array([2, 3, 4])))
    >>> window_geometry(3, 5)
    Traceback (most recent call last):
    ...
    ValueError: k must fit inside the padded input: the kernel spans 5 (size 5, ...
    """
    if transposed:
        return _transposed_geometry(n, k, stride, padding, dilation)
    out = output_size(n, k, stride=stride, padding=padding, dilation=dilation)
    record = steps2d(np.zeros((n, n)), np.zeros((k, k)), stride=stride, padding=padding,
                     dilation=dilation)
    read, write, touched = [], [], np.zeros((n, n), dtype=bool)
    for t in range(out * out):
        rows, cols = record[t].indices
        read.append((rows, cols))
        write.append(divmod_cell(t, out))
        r_in, c_in = rows[(rows >= 0) & (rows < n)], cols[(cols >= 0) & (cols < n)]
        touched[np.ix_(r_in, c_in)] = True
    return WindowGeometry(
        n, k, stride, padding, dilation, False, out, n + 2 * padding, -padding, out, 0,
        tuple(read), tuple(write), ~touched,
    )


def divmod_cell(t: int, width: int):
    """Step ``t`` of a row-major walk over a ``width``-wide grid, as one-cell (rows, cols)."""
    r, c = divmod(t, width)
    return np.array([r]), np.array([c])


def _transposed_geometry(n, k, stride, padding, dilation) -> WindowGeometry:
    if dilation != 1:
        raise ValueError(
            f"dilation must be 1 in transposed mode (conv_transpose2d has no dilation), "
            f"got {dilation}"
        )
    full = (n - 1) * stride + k
    if isinstance(padding, int) and full - 2 * padding < 1:
        raise ValueError(
            f"padding {padding} is too large: the output before cutting is (n − 1)·s + k = "
            f"{full} wide, and cutting {padding} from each side leaves nothing"
        )
    counts = conv_transpose2d(np.ones((n, n), dtype=np.int64), np.ones((k, k), dtype=np.int64),
                              stride=stride, padding=padding)
    out = counts.shape[0]
    read, write = [], []
    coverage = np.zeros((n * n, full, full), dtype=np.int16)
    for t in range(n * n):
        i, j = divmod(t, n)
        read.append((np.array([i]), np.array([j])))
        rows, cols = i * stride + np.arange(k), j * stride + np.arange(k)
        write.append((rows - padding, cols - padding))
        coverage[t, i * stride: i * stride + k, j * stride: j * stride + k] = 1
    np.cumsum(coverage, axis=0, out=coverage)
    return WindowGeometry(
        n, k, stride, padding, 1, True, out, n, 0, full, -padding,
        tuple(read), tuple(write), np.zeros((n, n), dtype=bool), coverage,
    )


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
            ax.set_title(title, fontsize=10)
        left_frame, right_frame = self.frames
        inner_size = g.n if not g.transposed else g.out
        frame = right_frame if g.transposed else left_frame
        frame.set_bounds(-0.5, -0.5, inner_size, inner_size)
        frame.set_visible(True)
        (left_frame if g.transposed else right_frame).set_visible(False)
        self.formula.set_text(("transposed convolution:  " if g.transposed else "output size:  ")
                              + g.formula())
        self.geometry = g
        self.show(0)

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
        fig, axes = subplots(1, 2, figsize=(10, 5.2), gridspec_kw={"width_ratios": [1, 1]})
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
    axes[0].legend(
        handles=[Patch(facecolor=INPUT_RGBA, edgecolor="0.45", label="input"),
                 Patch(facecolor=PAD_RGBA, edgecolor="0.45", label="zero padding / cut"),
                 Patch(facecolor=UNREAD_RGBA, edgecolor="0.45", label="never read"),
                 Patch(facecolor=_TAP, edgecolor="0.45", label="this step")],
        loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=8, frameon=False,
    )
    step_text = fig.supxlabel(" ", fontsize=10)
    formula = fig.suptitle("", fontsize=12)
    artists = GridArtists(fig, tuple(axes), tuple(backgrounds), tuple(overlays), tuple(lines),
                          tuple(boxes), step_text, formula, tuple(frames))
    artists.set_geometry(geometry)
    artists.show(step)
    return artists
