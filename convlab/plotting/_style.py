"""The course's look: one palette and the annotated-matrix helper every figure uses.

Colours come from the Okabe–Ito palette and the ``cividis`` colour map, both safe for
colour-blind readers.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from ..formatting import format_number

__all__ = [
    "DONE",
    "HIGHLIGHT",
    "MUTED",
    "SEQUENTIAL_CMAP",
    "DIGITS",
    "DIVERGING_CMAP",
    "annotate_matrix",
    "freeze_layout",
    "subplots",
    "text_colour",
]

#: Okabe–Ito orange: the one thing the learner should look at.
HIGHLIGHT = "#E69F00"
#: Okabe–Ito blue: everything already computed.
DONE = "#0072B2"
#: Light grey: what is not there yet.
MUTED = "#BBBBBB"
#: Perceptually uniform and readable with any colour vision.
SEQUENTIAL_CMAP = "cividis"


#: Significant digits of the numbers written into matrix cells (the stepper, kernels).
DIGITS = 4
#: Diverging, colour-blind-safe map for values of both signs (0 is the white middle).
DIVERGING_CMAP = "PuOr"


def text_colour(image, value) -> str:
    """Black or white, whichever reads better on the cell colour ``image`` gives ``value``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, ax = subplots()
    >>> image = ax.imshow([[0.0, 1.0]], cmap="gray")
    >>> text_colour(image, 0.0), text_colour(image, 1.0)
    ('white', 'black')
    """
    r, g, b, _ = image.get_cmap()(image.norm(value))
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "white"


def annotate_matrix(ax, matrix, *, cmap=SEQUENTIAL_CMAP, clim=None, fontsize=10, title=None):
    """Draw ``matrix`` as a grid of coloured cells with each value written in it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    matrix : (R, C) array_like
        The numbers to show.
    cmap : str, optional
        Colour map of the cells (default ``"cividis"``).
    clim : (low, high), optional
        The values mapped to the ends of the colour map (default: the data's range).
    fontsize : float, optional
        Size of the numbers.
    title : str, optional
        Axes title.

    Returns
    -------
    image : matplotlib.image.AxesImage
    texts : (R, C) ndarray of matplotlib.text.Text
        ``texts[i, j]`` shows ``matrix[i, j]``; text colour follows the cell's
        brightness so every number stays readable.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, ax = subplots()
    >>> image, texts = annotate_matrix(ax, [[1, 2], [3, 4.5]], title="A")
    >>> [t.get_text() for t in texts.ravel()], ax.get_title()
    (['1', '2', '3', '4.5'], 'A')
    """
    matrix = np.asarray(matrix)
    image = ax.imshow(matrix, cmap=cmap, interpolation="nearest")
    if clim is not None:
        image.set_clim(*clim)
    texts = np.empty(matrix.shape, dtype=object)
    for (i, j), value in np.ndenumerate(matrix):
        texts[i, j] = ax.text(
            j, i, format_number(value), ha="center", va="center", fontsize=fontsize,
            color=text_colour(image, value),
        )
    ax.set_xticks(range(matrix.shape[1]))
    ax.set_yticks(range(matrix.shape[0]))
    if title:
        ax.set_title(title)
    return image, texts


def subplots(*args, **kwargs):
    """``plt.subplots`` for the course's figures: constrained layout, and no warning that
    "more than 20 figures" are open, which a learner re-running explorer cells would
    otherwise see (each explorer keeps its figure alive for as long as it is shown)."""
    kwargs.setdefault("layout", "constrained")
    with plt.rc_context({"figure.max_open_warning": 0}):
        return plt.subplots(*args, **kwargs)


def freeze_layout(fig) -> None:
    """Lay the figure out once (constrained layout), then keep that layout.

    Re-running the layout engine costs about as much as drawing the figure; these
    figures keep their axes and only their data changes, so once is enough.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, ax = subplots()
    >>> freeze_layout(fig)
    >>> type(fig.get_layout_engine()).__name__  # laid out once, never again
    'PlaceHolderLayoutEngine'
    """
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
        fig.set_layout_engine("none")
