"""The course's look: one palette, one width budget, and the helpers every figure uses.

Colours come from the Okabe–Ito palette and the ``cividis`` colour map, both safe for
colour-blind readers.

Every figure fits a notebook column on a small laptop: in JupyterLab at 1366×768 with
the file browser open, a cell's output area is about 900 CSS pixels wide, and a live
(ipympl) canvas does not shrink to fit: it is exactly *inches × dpi* pixels wide.
:data:`WIDTH_PX` is that budget, the one place it is set; :func:`subplots` (live and still
figures) and ``_fit_dpi`` (pictures) keep every figure within it.
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
    "DPI",
    "DIVERGING_CMAP",
    "annotate_matrix",
    "WIDTH_PX",
    "freeze_layout",
    "subplots",
    "text_colour",
]

#: The widest a figure may be, in CSS pixels: a notebook cell's output area in JupyterLab
#: at 1366×768 with the file browser open is about 900 px (measured: see
#: tests/browser/test_layout.py), less a margin for the explorer's own padding.
WIDTH_PX = 860
#: Dots per inch of the course's figures when they fit :data:`WIDTH_PX` at this resolution
#: (matplotlib's default); a wider figure gets a lower dpi, never a wider canvas.
DPI = 100

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


def _fit_dpi(width_inches: float, *, budget: int = WIDTH_PX, dpi: float = DPI) -> float:
    """The resolution at which a figure ``width_inches`` wide is at most ``budget`` pixels.

    ``dpi`` if that already fits, else the largest that does (text shrinks with it, so
    figures are designed to fit at ``dpi`` and this is only the safety net).

    Examples
    --------
    >>> _fit_dpi(8.0)   # 800 px at 100 dpi: fits
    100
    >>> _fit_dpi(10.0)  # 1000 px would not: 86 dpi gives 860 px
    86
    """
    if width_inches <= 0:
        raise ValueError(f"width_inches must be positive, got {width_inches!r}")
    return min(dpi, int(budget / width_inches))


def subplots(*args, **kwargs):
    """``plt.subplots`` for the course's figures, within the width budget.

    Constrained layout; :data:`DPI` unless the figure would be wider than
    :data:`WIDTH_PX`, then the dpi that fits (:func:`_fit_dpi`), chosen when the figure
    is made (ipympl rescales a canvas for high-density screens from that first dpi, so
    it must not be changed afterwards); and no warning that
    "more than 20 figures" are open, which a learner re-running explorer cells would
    otherwise see (each explorer keeps its figure alive for as long as it is shown).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, ax = subplots(figsize=(20, 4))
    >>> fig.dpi, bool(fig.get_size_inches()[0] * fig.dpi <= WIDTH_PX)
    (43, True)
    """
    kwargs.setdefault("layout", "constrained")
    width = kwargs.get("figsize", plt.rcParams["figure.figsize"])[0]
    kwargs["dpi"] = _fit_dpi(width, dpi=kwargs.get("dpi", DPI))
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
