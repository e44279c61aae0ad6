"""A convolution drawn as a matrix (notebook 05).

A layer that maps an input of length ``n`` to ``out`` values is a matrix ``C`` of shape
``(out, n)``: row ``i`` holds the kernel's taps where window ``i`` reads the input, and
zeros elsewhere.  :func:`plot_conv_matrix` draws one such matrix with every entry written
in its cell and the zeros pale, so the kernel's diagonal band stands out;
:func:`plot_conv_matrices` draws several side by side (``C`` and its transpose, or the
matrices of two strides).  The matrices themselves come from the numeric core
(``convlab.conv_matrix``); nothing here computes one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import to_rgba

from ..formatting import format_number
from ._style import DIVERGING_CMAP, MUTED, SEQUENTIAL_CMAP, WIDTH_PX, subplots, text_colour

__all__ = ["MatrixArtists", "plot_conv_matrices", "plot_conv_matrix"]

#: Cells with more entries than this are drawn without their numbers (unreadable anyway).
TEXT_LIMIT = 600
#: The colour of a zero entry's cell and of its number.
ZERO_RGBA = to_rgba("white")
ZERO_TEXT = MUTED
#: Inches per cell at most, and the margin a panel needs for its title and labels.
CELL_IN = 0.42
MARGIN_IN = (1.0, 1.0)  # (width, height)
#: The narrowest a panel of :func:`plot_conv_matrices` is, so a long axis label fits.
MIN_PANEL_IN = 2.4


@dataclass
class MatrixArtists:
    """What :func:`plot_conv_matrix` drew.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    ax : matplotlib.axes.Axes
    image : matplotlib.image.AxesImage
        The non-zero entries, coloured by value (the zeros are masked, so the axes'
        white background shows through).
    texts : (R, C) ndarray of matplotlib.text.Text, or None
        ``texts[i, j]`` shows ``C[i, j]``; ``None`` for a matrix too large to annotate.
    """

    figure: object
    ax: object
    image: object
    texts: np.ndarray | None


def _as_matrix(C) -> np.ndarray:
    try:
        matrix = np.asarray(C)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"C must be a 2-D array of real numbers, got {type(C).__name__}") from exc
    if hasattr(C, "toarray") and matrix.dtype == object:  # a scipy.sparse matrix or array
        matrix = np.asarray(C.toarray())
    if matrix.dtype == bool or not (
        np.issubdtype(matrix.dtype, np.integer) or np.issubdtype(matrix.dtype, np.floating)
    ):
        raise TypeError(f"C must be a 2-D array of real numbers, got dtype {matrix.dtype}")
    if matrix.ndim != 2 or matrix.size == 0:
        raise ValueError(f"C must be a non-empty 2-D matrix, got shape {matrix.shape}")
    if not np.all(np.isfinite(matrix)):
        raise ValueError("C must hold finite numbers (no NaN or infinity)")
    return matrix


def _colours(matrix: np.ndarray) -> tuple[str, tuple[float, float]]:
    """A sequential map for non-negative entries, else one centred on 0."""
    nonzero = matrix[matrix != 0].astype(float)
    if nonzero.size == 0:
        return SEQUENTIAL_CMAP, (0.0, 1.0)
    low, high = float(nonzero.min()), float(nonzero.max())
    if low < 0:
        top = max(-low, high)
        return DIVERGING_CMAP, (-top, top)
    # start the map below the smallest entry so that no non-zero cell is as pale as a zero
    return SEQUENTIAL_CMAP, (min(0.0, low - 1.0), high if high > low else low + 1.0)


def _cell_inches(shapes: list[tuple[int, int]]) -> float:
    """The side of a cell, in inches, that lets every panel fit the width budget."""
    width = WIDTH_PX / 100 - MARGIN_IN[0] * len(shapes)
    return min(CELL_IN, width / sum(cols for _, cols in shapes))


def plot_conv_matrix(C, ax=None, *, title=None, xlabel="input index j", ylabel="output index i",
                     fontsize=None):
    """Draw a convolution matrix: every entry in its cell, the zeros pale.

    Parameters
    ----------
    C : (R, N) array_like of real numbers
        The matrix, e.g. ``convlab.conv_matrix(6, [1, 2, 3])`` (a scipy sparse matrix is
        drawn densely).
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure sized to fit a notebook column (860 px).
    title : str, optional
        Axes title (default: ``"C, R × N"``).
    xlabel, ylabel : str, optional
        Axis labels: which index the columns and the rows count.
    fontsize : float, optional
        Size of the numbers (default: fitted to the cell).

    Returns
    -------
    MatrixArtists

    Raises
    ------
    TypeError
        If ``C`` is not numeric (or is boolean or complex).
    ValueError
        If ``C`` is not a non-empty 2-D matrix of finite numbers.

    Examples
    --------
    The matrix of a 3-tap kernel on 5 samples: each row is the kernel, one column further
    along than the row above.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> C = [[1, 2, 3, 0, 0], [0, 1, 2, 3, 0], [0, 0, 1, 2, 3]]
    >>> art = plot_conv_matrix(C, title="C")
    >>> [t.get_text() for t in art.texts[0]], art.ax.get_title()
    (['1', '2', '3', '0', '0'], 'C')
    >>> art.texts[0, 3].get_color() == ZERO_TEXT, art.ax.get_xlabel()
    (True, 'input index j')
    """
    matrix = _as_matrix(C)
    rows, cols = matrix.shape
    if ax is None:
        import matplotlib.pyplot as plt

        cell = _cell_inches([matrix.shape])
        size = (MARGIN_IN[0] + cell * cols, MARGIN_IN[1] + cell * rows)
        with plt.ioff():
            _, ax = subplots(figsize=size)
    cmap, clim = _colours(matrix)
    shown = np.ma.masked_equal(matrix.astype(float), 0.0)
    cmap = colormaps[cmap].with_extremes(bad=ZERO_RGBA)
    image = ax.imshow(shown, cmap=cmap, clim=clim, interpolation="nearest")
    ax.set_facecolor(ZERO_RGBA)
    texts = None
    if matrix.size <= TEXT_LIMIT:
        if fontsize is None:
            longest = max(len(format_number(v, 3)) for v in matrix.ravel())
            fontsize = 10 if longest <= 2 else 8 if longest <= 4 else 6.5
        texts = np.empty(matrix.shape, dtype=object)
        for (i, j), value in np.ndenumerate(matrix):
            colour = ZERO_TEXT if value == 0 else text_colour(image, value)
            texts[i, j] = ax.text(j, i, format_number(value, 3), ha="center", va="center",
                                  fontsize=fontsize, color=colour)
    # thin grid lines between the cells, so the zeros still read as cells
    ax.set_xticks(np.arange(cols + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color=MUTED, linewidth=0.5)
    ax.tick_params(which="minor", length=0)
    step = 1 if max(rows, cols) <= 24 else 4
    ax.set_xticks(range(0, cols, step))
    ax.set_yticks(range(0, rows, step))
    ax.tick_params(labelsize=8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(f"C, {rows} × {cols}" if title is None else title)
    return MatrixArtists(ax.figure, ax, image, texts)


def plot_conv_matrices(matrices, *, labels=None):
    """Several convolution matrices side by side, each drawn by :func:`plot_conv_matrix`.

    Parameters
    ----------
    matrices : dict of str -> (R, N) array_like
        Panel title -> matrix.
    labels : dict of str -> (xlabel, ylabel), optional
        Axis labels per panel (default: input index / output index).

    Returns
    -------
    list of MatrixArtists
        One per panel, in order; ``result[0].figure`` is the figure.

    Raises
    ------
    ValueError
        If ``matrices`` is empty, or a matrix is not 2-D.

    Examples
    --------
    A matrix and its transpose:

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> C = np.array([[1, 2, 0], [0, 1, 2]])
    >>> arts = plot_conv_matrices({"C": C, "C transposed": C.T})
    >>> [a.ax.get_title() for a in arts], arts[1].texts.shape
    (['C', 'C transposed'], (3, 2))
    """
    import matplotlib.pyplot as plt

    if not isinstance(matrices, dict) or not matrices:
        raise ValueError("matrices must be a non-empty dict of title -> matrix")
    arrays = {name: _as_matrix(m) for name, m in matrices.items()}
    shapes = [a.shape for a in arrays.values()]
    cell = _cell_inches(shapes)
    # a narrow matrix (a transpose) still needs room for its axis label
    widths = [max(MARGIN_IN[0] + cell * cols, MIN_PANEL_IN) for _, cols in shapes]
    height = MARGIN_IN[1] + cell * max(rows for rows, _ in shapes)
    with plt.ioff():
        _, axes = subplots(1, len(arrays), figsize=(sum(widths), height), squeeze=False,
                           gridspec_kw={"width_ratios": widths})
    labels = labels or {}
    arts = []
    for ax, (name, matrix) in zip(axes.ravel(), arrays.items()):
        xlabel, ylabel = labels.get(name, ("input index j", "output index i"))
        arts.append(plot_conv_matrix(matrix, ax, title=name, xlabel=xlabel, ylabel=ylabel))
    return arts
