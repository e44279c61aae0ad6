"""One image blurred under each padding mode, side by side (notebook 04's borders section).

The figure only draws: the blurred images are computed by the caller (with
``convlab.conv2d(..., padding="same", padding_mode=mode)``), so that the numbers the notebook
checks and the pictures it shows come from the same arrays.  Every panel uses the same grey
scale, so a border that the padding darkens looks darker.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._style import HIGHLIGHT, subplots

__all__ = ["BorderArtists", "plot_border_modes"]


@dataclass
class BorderArtists:
    """The artists of :func:`plot_border_modes`.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    axes : list of matplotlib.axes.Axes
        One per mode, in the order given.
    images : list of matplotlib.image.AxesImage
    rings : list of matplotlib.patches.Rectangle
        The outline of the outer ring (``ring`` pixels wide) on each panel, or empty.
    colorbar : matplotlib.colorbar.Colorbar
    """

    figure: object
    axes: list
    images: list
    rings: list
    colorbar: object


def plot_border_modes(results, *, clim=None, ring=0, title=None, figsize=(8.6, 3.1)):
    """Draw each ``mode -> image`` of ``results`` as a grey panel titled with its mode.

    Parameters
    ----------
    results : dict of str -> (N1, N2) array_like
        The same image filtered under each padding mode (all the same shape), in the
        order to draw them; the keys are the panel titles.
    clim : (float, float), optional
        The grey scale shared by every panel; default the smallest and largest value.
    ring : int, optional
        If above 0, outline the band this many pixels wide along the border (where the
        padding matters) in the highlight colour.
    figsize : (float, float), optional
        Inches; the default fits the course's 860-pixel column at 100 dpi.

    Returns
    -------
    BorderArtists

    Raises
    ------
    ValueError
        If ``results`` is empty, the images differ in shape or are not 2-D, or ``ring``
        is negative.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> x = np.ones((6, 5))
    >>> art = plot_border_modes({"zeros": 0.5 * x, "reflect": x}, ring=1, title="blurred")
    >>> [ax.get_title() for ax in art.axes], art.images[0].get_clim()
    (['zeros', 'reflect'], (0.5, 1.0))
    >>> art.figure.get_suptitle()
    'blurred'
    >>> bool(art.figure.get_size_inches()[0] * art.figure.dpi <= 860)
    True
    """
    if not isinstance(results, dict) or not results:
        raise ValueError("results must be a non-empty dict of mode -> filtered image")
    arrays = {str(name): np.asarray(img, dtype=float) for name, img in results.items()}
    shapes = {a.shape for a in arrays.values()}
    if len(shapes) != 1 or len(next(iter(shapes))) != 2:
        raise ValueError(f"results must hold 2-D images of one shape, got shapes {sorted(shapes)}")
    if isinstance(ring, bool) or not isinstance(ring, (int, np.integer)) or ring < 0:
        raise ValueError(f"ring must be a whole number of pixels, at least 0, got {ring!r}")
    if clim is None:
        low = min(float(a.min()) for a in arrays.values())
        high = max(float(a.max()) for a in arrays.values())
        clim = (low, high if high > low else low + 1)

    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    with plt.ioff():
        fig, axes = subplots(1, len(arrays), figsize=figsize, squeeze=False)
    axes = list(axes[0])
    images, rings = [], []
    rows, cols = next(iter(shapes))
    for ax, (name, arr) in zip(axes, arrays.items()):
        images.append(ax.imshow(arr, cmap="gray", clim=clim, interpolation="nearest"))
        ax.set_title(name)
        ax.set_xlabel("column")
        if ring:
            box = Rectangle((ring - 0.5, ring - 0.5), cols - 2 * ring, rows - 2 * ring,
                            fill=False, edgecolor=HIGHLIGHT, linewidth=1.0, linestyle="--")
            ax.add_patch(box)
            rings.append(box)
    axes[0].set_ylabel("row")
    for ax in axes[1:]:
        ax.set_yticklabels([])
    colorbar = fig.colorbar(images[-1], ax=axes, shrink=0.8, label="brightness")
    if title:
        fig.suptitle(str(title))
    return BorderArtists(fig, axes, images, rings, colorbar)
