"""The outer product of two vectors with one anti-diagonal highlighted (notebook 01)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.colors import to_rgba

from ..formatting import format_number
from ..steps import OuterDiagonals, outer_diagonals
from ._style import DONE, HIGHLIGHT, annotate_matrix, subplots

__all__ = ["DiagonalArtists", "plot_outer_diagonals"]

@dataclass
class DiagonalArtists:
    """The artists of :func:`plot_outer_diagonals`, with :meth:`show` to move the highlight."""

    diagonals: OuterDiagonals
    figure: object
    table_ax: object
    sums_ax: object
    table: object
    texts: np.ndarray
    overlay: object
    path: object
    bars: object
    bar_labels: list
    equation: object
    k: int = 0

    def show(self, k: int) -> None:
        """Highlight anti-diagonal ``k`` and show the sums up to it; only data changes."""
        d = self.diagonals
        k = d._check_k(k)
        mask = np.zeros((*d.outer.shape, 4))
        mask[d.rows[k], d.cols[k]] = to_rgba(HIGHLIGHT, 0.75)
        self.overlay.set_data(mask)
        self.path.set_data(d.cols[k], d.rows[k])
        for i, (bar, label) in enumerate(zip(self.bars, self.bar_labels)):
            bar.set_height(d.sums[i].item() if i <= k else 0)
            bar.set_color(HIGHLIGHT if i == k else DONE)
            label.set_visible(i <= k)
            label.set_y(max(d.sums[i], 0) if i <= k else 0)
        self.equation.set_text(d.equation(k))
        self.k = k


def plot_outer_diagonals(x, y=None, k=0, *, axes=None):
    """Draw the outer product of ``x`` and ``y`` with anti-diagonal ``k`` highlighted.

    Left: the table ``x[i] * y[j]`` with the cells of anti-diagonal ``k``
    shaded and joined by a line.  Right: the sums ``z[0] … z[k]`` found so far,
    ``z[k]`` highlighted.  Above: the sum written out.

    Parameters
    ----------
    x : (N,) array_like or OuterDiagonals
        First vector, or a ready :func:`~convlab.outer_diagonals` result.
    y : (M,) array_like, optional
        Second vector (omit when ``x`` is an ``OuterDiagonals``).
    k : int, optional
        Which anti-diagonal to highlight, ``0 <= k < N + M - 1``.
    axes : pair of matplotlib.axes.Axes, optional
        Where to draw the table and the sums; a new figure if omitted.

    Returns
    -------
    DiagonalArtists
        The artists; call ``.show(k)`` to move the highlight in place.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> artists = plot_outer_diagonals([1, 2, 3], [4, 5], k=1)
    >>> artists.equation.get_text()
    'z[1] = 8 + 5 = 13'
    >>> [bar.get_height() for bar in artists.bars]  # z[0] and z[1] so far
    [4, 13, 0, 0]
    """
    d = x if isinstance(x, OuterDiagonals) else outer_diagonals(x, y)
    if axes is None:
        m = d.outer.shape[1]
        fig, axes = subplots(
            1, 2, figsize=(8.6, 4.0), gridspec_kw={"width_ratios": [max(m, 3), max(len(d), 4)]},
        )
    table_ax, sums_ax = axes
    fig = table_ax.figure

    lo, hi = float(d.outer.min()), float(d.outer.max())
    table, texts = annotate_matrix(  # pale greys, so the highlight is the only colour
        table_ax, d.outer, cmap="Greys", clim=(lo, hi + 2 * (hi - lo or 1)),
        title="Outer product  x[i] · y[j]",
    )
    table_ax.set_xticklabels([f"{format_number(v)}\nj={j}" for j, v in enumerate(d.y)])
    table_ax.set_yticklabels([f"i={i}  {format_number(v)}" for i, v in enumerate(d.x)])
    table_ax.set_xlabel("y[j]")
    table_ax.set_ylabel("x[i]")
    overlay = table_ax.imshow(np.zeros((*d.outer.shape, 4)), interpolation="nearest")
    (path,) = table_ax.plot([], [], "-", color="black", lw=1.5, alpha=0.6)

    idx = np.arange(len(d))
    bars = sums_ax.bar(idx, np.zeros(len(d)), color=DONE, edgecolor="black", linewidth=0.5)
    bar_labels = [
        sums_ax.text(i, 0, format_number(s), ha="center", va="bottom", fontsize=9)
        for i, s in zip(idx, d.sums)
    ]
    low, high = min(0, d.sums.min()), max(0, d.sums.max())
    pad = 0.12 * (high - low or 1)
    sums_ax.set_ylim(low - (pad if low < 0 else 0), high + pad)
    sums_ax.set_xlim(-0.6, len(d) - 0.4)
    sums_ax.set_xticks(idx)
    sums_ax.set_xlabel("output index k  (= i + j)")
    sums_ax.set_ylabel("z[k]")
    sums_ax.set_title("z = x * y, one anti-diagonal at a time")
    sums_ax.axhline(0, color="black", lw=0.6)
    equation = fig.suptitle("", fontsize=13)

    artists = DiagonalArtists(
        d, fig, table_ax, sums_ax, table, texts, overlay, path, bars, bar_labels, equation
    )
    artists.show(k)
    return artists
