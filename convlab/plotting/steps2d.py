"""A 2-D convolution layer one window at a time: input, kernel, products, output (notebooks 04–05).

:func:`plot_steps2d` draws a :func:`~convlab.steps2d` record as four panels: the (padded)
input with the current window outlined, the kernel as applied, the element-wise products
of window and kernel, and the output with the cells not yet computed covered.  The returned
:class:`Steps2DArtists` moves to another step by setting data on a handful of artists, so an
explorer can blit every step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle

from ..formatting import format_number
from ..steps import Steps2D, steps2d
from ._style import (
    DIGITS,
    DIVERGING_CMAP,
    DPI,
    HIGHLIGHT,
    MUTED,
    SEQUENTIAL_CMAP,
    WIDTH_PX,
    subplots,
    text_colour,
)

__all__ = [
    "TEXT_LIMIT",
    "Steps2DArtists",
    "describe_steps2d",
    "plot_matrices",
    "plot_steps2d",
    "step_formula",
]

#: Matrices with more rows or columns than this are drawn without a number in every cell.
TEXT_LIMIT = 12


def _factor(value) -> str:
    text = format_number(value, DIGITS)
    return f"({text})" if text.startswith("-") else text


def step_formula(record: Steps2D, step: int, *, name: str = "out", per_line: int = 0) -> str:
    """Step ``step`` of ``record`` written out with its numbers.

    Each term is *input value · kernel value*, in the kernel's row-major order.

    Parameters
    ----------
    record : Steps2D
        From :func:`convlab.steps2d`.
    step : int
        Row-major index of the output pixel.
    name : str, optional
        Name of the output array in the formula.
    per_line : int, optional
        Start a new line after this many terms (0: one line).

    Examples
    --------
    >>> rec = steps2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]])
    >>> step_formula(rec, 1)
    'out[0, 1] = 2·0 + 3·1 + 5·1 + 6·0 = 8'
    >>> print(step_formula(rec, 3, per_line=2))
    out[1, 1] = 5·0 + 6·1
              + 8·1 + 9·0 = 14
    """
    r, c = divmod(step, record.shape[1])
    values, kernel = record.windows[r, c].ravel(), record.kernel.ravel()
    terms = [f"{_factor(v)}·{_factor(k)}" for v, k in zip(values, kernel)]
    total = format_number((values * kernel).sum(), DIGITS)
    head = f"{name}[{r}, {c}] = "
    if per_line and len(terms) > per_line:
        lines = [" + ".join(terms[i : i + per_line]) for i in range(0, len(terms), per_line)]
        body = ("\n" + " " * (len(head) - 2) + "+ ").join(lines)
    else:
        body = " + ".join(terms)
    return f"{head}{body} = {total}"


def describe_steps2d(record: Steps2D) -> str:
    """The caption of :func:`plot_steps2d`'s figure for ``record``: its panels and sizes.

    Examples
    --------
    >>> caption = describe_steps2d(steps2d(np.ones((5, 5)), np.ones((3, 3)), padding=1))
    >>> print(caption)
    Four panels, left to right: the 5×5 input zero-padded to 7×7 (dashed: the image)
    with the window outlined; the 3×3 kernel; the products of window and kernel; the 5×5
    output, where their sum lands (grey: not computed yet). Move step to slide the window;
    tick flip for true convolution.
    """
    (n1, n2), (m1, m2), (p1, p2) = record.x.shape, record.kernel.shape, record.shape
    (q1, q2) = record.padded.shape
    padded = f" zero-padded to {q1}×{q2} (dashed: the image)" if (q1, q2) != (n1, n2) else ""
    kernel = "kernel, flipped for true convolution" if record.flip else "kernel"
    return (
        f"Four panels, left to right: the {n1}×{n2} input{padded} with the window "
        f"outlined; the {m1}×{m2} {kernel}; the products of window and kernel; the {p1}×{p2} "
        "output, where their sum lands (grey: not computed yet). Move step to slide the "
        "window; tick flip for true convolution."
    )


def _limits(values):
    """Colour map and limits: a sequential map for values >= 0, else one centred on 0."""
    values = np.asarray(values, dtype=float)
    low, high = float(values.min()), float(values.max())
    if low < 0:
        top = max(-low, high) or 1.0
        return DIVERGING_CMAP, (-top, top)
    return SEQUENTIAL_CMAP, (low, high if high > low else low + 1.0)


def _fontsize(matrix, cell=None) -> float:
    """Points for the numbers of ``matrix``: 10 for short numbers, smaller for long ones,
    and, given ``cell`` (inches a cell is wide), no larger than fits the cell."""
    longest = max(len(format_number(v, DIGITS)) for v in np.asarray(matrix).ravel())
    size = 10 if longest <= 3 else 8 if longest <= 5 else 6.5
    if cell is not None:  # a digit is about 0.6 em wide; keep a tenth of the cell free
        size = min(size, 0.9 * 72 * cell / (0.6 * max(longest, 2)))
    return max(size, 6.0)


def _cells(ax, matrix, *, cmap, clim, origin=(0, 0), text=True, fontsize=None):
    """``matrix`` as coloured cells whose centres sit at ``(col - origin[1], row - origin[0])``;
    with ``text``, each value written in its cell.  Returns the image and the texts (or None)."""
    rows, cols = matrix.shape
    top, left = origin
    extent = (-left - 0.5, cols - left - 0.5, rows - top - 0.5, -top - 0.5)
    image = ax.imshow(matrix, cmap=cmap, clim=clim, extent=extent, interpolation="nearest")
    texts = None
    fontsize = fontsize or _fontsize(matrix)
    if text:
        texts = np.empty(matrix.shape, dtype=object)
        for (i, j), value in np.ndenumerate(matrix):
            texts[i, j] = ax.text(
                j - left, i - top, format_number(value, DIGITS), ha="center", va="center",
                fontsize=fontsize, color=text_colour(image, value),
            )
    return image, texts


def _integer_ticks(ax, rows, cols, origin=(0, 0)):
    if rows <= TEXT_LIMIT + 4 and cols <= TEXT_LIMIT + 4:
        ax.set_xticks(range(-origin[1], cols - origin[1]))
        ax.set_yticks(range(-origin[0], rows - origin[0]))
    ax.tick_params(labelsize=8)


@dataclass
class Steps2DArtists:
    """The artists of :func:`plot_steps2d`; :meth:`show` moves to a step, :meth:`set_record`
    swaps in a record of the same geometry (e.g. the flipped kernel)."""

    record: Steps2D
    figure: object
    input_ax: object
    kernel_ax: object
    products_ax: object
    output_ax: object
    input_image: object
    window: object
    taps: object
    kernel_image: object
    kernel_texts: object
    products_image: object
    products_texts: object
    output_image: object
    output_texts: object
    cover: object
    current: object
    equation: object
    per_line: int
    step: int = 0

    @property
    def animated(self) -> list:
        """The artists a step changes (and nothing else does)."""
        moving = [self.window, self.taps, self.products_image, self.cover, self.current]
        if self.products_texts is not None:
            moving += list(self.products_texts.ravel())
        return [*moving, self.equation]

    def show(self, step: int) -> None:
        """Move to output pixel ``step`` (row-major); only data and positions change."""
        rec = self.record
        if isinstance(step, bool) or not 0 <= step < len(rec):
            raise ValueError(f"step must be between 0 and {len(rec) - 1}, got {step!r}")
        r, c = divmod(int(step), rec.shape[1])
        top, left = r * rec.stride[0] - rec.pads[0][0], c * rec.stride[1] - rec.pads[1][0]
        (m0, m1), (d0, d1) = rec.kernel.shape, rec.dilation
        span0, span1 = d0 * (m0 - 1) + 1, d1 * (m1 - 1) + 1
        self.window.set_bounds(left - 0.5, top - 0.5, span1, span0)
        self.taps.set_extent((left - 0.5, left + span1 - 0.5, top + span0 - 0.5, top - 0.5))
        products = rec.windows[r, c] * rec.kernel
        self.products_image.set_data(products)
        if self.products_texts is not None:
            for (i, j), value in np.ndenumerate(products):
                text = self.products_texts[i, j]
                text.set_text(format_number(value, DIGITS))
                text.set_color(text_colour(self.products_image, value))
        alpha = (self._order > step).astype(float)
        self._cover_rgba[..., 3] = alpha
        self.cover.set_data(self._cover_rgba)
        self.current.set_xy((c - 0.5, r - 0.5))
        self.equation.set_text(step_formula(rec, step, per_line=self.per_line))
        self.step = int(step)

    def set_record(self, record: Steps2D) -> None:
        """Swap in ``record`` (same input, shapes, stride, padding and dilation) and redraw
        the kernel, output and current step from it."""
        old = self.record
        if record.shape != old.shape or record.kernel.shape != old.kernel.shape:
            raise ValueError("set_record needs a record with the same output and kernel shapes")
        self.record = record
        _refill(self.kernel_image, self.kernel_texts, record.kernel)
        _refill(self.output_image, self.output_texts, record.output)
        self.products_image.set_clim(*_product_limits(record)[1])
        self.kernel_ax.set_title("kernel, flipped" if record.flip else "kernel")
        self.show(min(self.step, len(record) - 1))

    def __post_init__(self) -> None:
        rows, cols = self.record.shape
        self._order = np.arange(rows * cols).reshape(rows, cols)
        self._cover_rgba = np.zeros((rows, cols, 4))
        self._cover_rgba[..., :3] = to_rgba(MUTED)[:3]


def _refill(image, texts, matrix) -> None:
    cmap, clim = _limits(matrix)
    image.set_data(matrix)
    image.set_cmap(cmap)
    image.set_clim(*clim)
    if texts is not None:
        for (i, j), value in np.ndenumerate(matrix):
            texts[i, j].set_text(format_number(value, DIGITS))
            texts[i, j].set_color(text_colour(image, value))


def _product_limits(record: Steps2D):
    top = float(np.abs(record.padded).max()) * float(np.abs(record.kernel).max()) or 1.0
    if (record.padded < 0).any() or (record.kernel < 0).any():
        return DIVERGING_CMAP, (-top, top)
    return SEQUENTIAL_CMAP, (0.0, top)


def plot_steps2d(x, k=None, step=0, *, stride=1, padding=0, dilation=1, flip=False,
                 figsize=None) -> Steps2DArtists:
    """Draw one step of a 2-D convolution layer: window, kernel, products and output.

    Left to right: the input (with its zero padding, axes in the input's own indices) and
    the current window outlined in orange; the kernel as applied; the products of window
    and kernel; the output, with the current pixel outlined and the pixels still to come
    greyed out.  The sum is written out above, with the numbers of the current step.
    Matrices up to :data:`TEXT_LIMIT` cells a side have their numbers written in.

    Parameters
    ----------
    x : (N1, N2) array_like or Steps2D
        The image, or a ready :func:`~convlab.steps2d` record (then omit ``k`` and the
        layer arguments).
    k : (M1, M2) array_like
        The kernel.
    step : int, optional
        Row-major index of the output pixel to show.
    stride, padding, dilation, flip
        As for :func:`convlab.conv2d`.
    figsize : (float, float), optional
        Figure size in inches.

    Returns
    -------
    Steps2DArtists
        Call ``.show(step)`` to move the window in place.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> art = plot_steps2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]], step=2)
    >>> art.equation.get_text()
    'out[1, 0] = 4·0 + 5·1 + 7·1 + 8·0 = 12'
    >>> art.window.get_xy(), art.window.get_width()
    ((-0.5, 0.5), 2)
    """
    if isinstance(x, Steps2D):
        rec = x
    else:
        rec = steps2d(x, k, stride=stride, padding=padding, dilation=dilation, flip=flip)
    padded, kernel, output = rec.padded, rec.kernel, rec.output
    origin = (rec.pads[0][0], rec.pads[1][0])
    big_input = max(padded.shape) > TEXT_LIMIT
    big_output = max(output.shape) > TEXT_LIMIT
    kernel_text = max(kernel.shape) <= 7

    def width(n):
        return min(max(n, 3), TEXT_LIMIT)

    outer = max(width(padded.shape[1]), width(output.shape[1]))
    middle = max(width(kernel.shape[1]), round(0.35 * outer))
    ratios = [width(padded.shape[1]), middle, middle, width(output.shape[1])]
    per_line = kernel.shape[1] if kernel.size > 6 else 0
    lines = -(-kernel.size // per_line) if per_line else 1
    if figsize is None:
        tall = max(min(max(padded.shape[0], output.shape[0]), TEXT_LIMIT), 3)
        wide = max(6.0, min(WIDTH_PX / DPI, 2.5 + 0.42 * sum(ratios)))
        cell = min(0.4, (wide - 2.5) / sum(ratios))  # inches per cell, as wide as fits
        figsize = (wide, 1.9 + cell * tall + 0.22 * lines)
    else:
        cell = (figsize[0] - 2.5) / sum(ratios)
    sizes = [cell * ratio / max(cols, 1) for ratio, cols in
             zip(ratios, (padded.shape[1], kernel.shape[1], kernel.shape[1], output.shape[1]))]
    fig, (in_ax, k_ax, p_ax, out_ax) = subplots(
        1, 4, figsize=figsize, gridspec_kw={"width_ratios": ratios},
    )

    low, high = float(padded.min()), float(padded.max())
    input_image, _ = _cells(
        in_ax, padded, cmap="gray", clim=(low, high if high > low else low + 1),
        origin=origin, text=not big_input, fontsize=_fontsize(padded, sizes[0]),
    )
    if any(p for pair in rec.pads for p in pair):
        n1, n2 = rec.x.shape
        in_ax.add_patch(Rectangle((-0.5, -0.5), n2, n1, fill=False, ls="--", lw=1.2,
                                  edgecolor="#56B4E9"))
        in_ax.set_title("input, zero-padded (dashed: the image)")
    else:
        in_ax.set_title("input")
    _integer_ticks(in_ax, *padded.shape, origin)
    in_ax.set_xlabel("column")
    in_ax.set_ylabel("row")
    window = Rectangle((0, 0), 1, 1, fill=False, lw=3, edgecolor=HIGHLIGHT, zorder=4)
    in_ax.add_patch(window)
    (m0, m1), (d0, d1) = kernel.shape, rec.dilation
    taps_rgba = np.zeros((d0 * (m0 - 1) + 1, d1 * (m1 - 1) + 1, 4))
    taps_rgba[::d0, ::d1] = to_rgba(HIGHLIGHT, 0.35)
    taps = in_ax.imshow(taps_rgba, interpolation="nearest", extent=(0, 1, 1, 0))
    in_ax.set_xlim(-origin[1] - 0.5, padded.shape[1] - origin[1] - 0.5)
    in_ax.set_ylim(padded.shape[0] - origin[0] - 0.5, -origin[0] - 0.5)

    cmap, clim = _limits(kernel)
    kernel_image, kernel_texts = _cells(k_ax, kernel, cmap=cmap, clim=clim, text=kernel_text,
                                       fontsize=_fontsize(kernel, sizes[1]))
    k_ax.set_title("kernel, flipped" if rec.flip else "kernel")
    _integer_ticks(k_ax, *kernel.shape)
    k_ax.set_xlabel("kernel column")
    k_ax.set_ylabel("kernel row")

    cmap, clim = _product_limits(rec)
    products_image, products_texts = _cells(
        p_ax, rec.windows[0, 0] * kernel, cmap=cmap, clim=clim, text=kernel_text,
        fontsize=_fontsize([clim[0], clim[1], *kernel.ravel()], sizes[2]),
    )
    p_ax.set_title("window × kernel")
    _integer_ticks(p_ax, *kernel.shape)
    p_ax.set_xlabel("kernel column")

    cmap, clim = _limits(output)
    output_image, output_texts = _cells(out_ax, output, cmap=cmap, clim=clim,
                                        text=not big_output,
                                        fontsize=_fontsize(output, sizes[3]))
    cover = out_ax.imshow(np.zeros((*output.shape, 4)), interpolation="nearest",
                          extent=output_image.get_extent(), zorder=3.5)  # over the numbers
    current = Rectangle((-0.5, -0.5), 1, 1, fill=False, lw=3, edgecolor=HIGHLIGHT, zorder=4)
    out_ax.add_patch(current)
    out_ax.set_title(f"output, {output.shape[0]}×{output.shape[1]}")
    _integer_ticks(out_ax, *output.shape)
    out_ax.set_xlabel("column")
    out_ax.set_ylabel("row")

    equation = fig.suptitle("", fontsize=12, family="monospace", multialignment="left")
    artists = Steps2DArtists(
        rec, fig, in_ax, k_ax, p_ax, out_ax, input_image, window, taps, kernel_image,
        kernel_texts, products_image, products_texts, output_image, output_texts, cover,
        current, equation, per_line,
    )
    artists.equation.set_text(step_formula(rec, len(rec) - 1, per_line=per_line))
    artists.show(step)
    return artists


def plot_matrices(matrices, *, figsize=None):
    """Matrices side by side, each with its numbers written in its cells (a still figure).

    Parameters
    ----------
    matrices : dict of str -> (R, C) array_like
        Panel title -> matrix.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig = plot_matrices({"input": np.arange(1, 10).reshape(3, 3), "kernel": np.eye(2)})
    >>> [ax.get_title() for ax in fig.axes], len(fig.axes[0].texts)
    (['input', 'kernel'], 9)
    """
    import matplotlib.pyplot as plt

    arrays = {name: np.asarray(m) for name, m in matrices.items()}
    ratios = [max(a.shape[1], 2) for a in arrays.values()]
    if figsize is None:
        figsize = (1.5 + 0.8 * sum(ratios), 1.2 + 0.7 * max(a.shape[0] for a in arrays.values()))
    with plt.ioff():
        fig, axes = subplots(1, len(arrays), figsize=figsize, squeeze=False,
                             gridspec_kw={"width_ratios": ratios})
    for ax, (name, matrix) in zip(axes.ravel(), arrays.items()):
        cmap, clim = _limits(matrix)
        _cells(ax, matrix, cmap=cmap, clim=clim)
        _integer_ticks(ax, *matrix.shape)
        ax.set_title(name)
        ax.set_xlabel("column")
        ax.set_ylabel("row")
    return fig
