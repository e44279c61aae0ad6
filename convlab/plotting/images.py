"""Images before and after a filter, and an image read as a matrix of numbers (notebook 04).

How a filtered image is shown depends on its kernel (:func:`response_display`): a kernel
whose weights add up to 0 (edges, the Laplacian) answers 0 on flat regions and both signs at
edges, so its result is drawn with a diverging colour-blind-safe map centred on 0; any other
kernel (blur, sharpen, emboss) keeps brightness, so its result is drawn in grey on the input's
own scale, so a kernel whose weights add up to more (or less) than 1 visibly brightens (or
darkens) the picture.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from ..formatting import format_number
from ..layers import conv2d
from ._style import DIGITS, DIVERGING_CMAP, _fit_dpi, subplots, text_colour

__all__ = [
    "BeforeAfterArtists",
    "picture",
    "plot_before_after",
    "plot_filter_gallery",
    "plot_image_numbers",
    "response_display",
]

#: Kernels up to this many taps a side have their weights written in the kernel panel.
KERNEL_TEXT_LIMIT = 5


def _still_subplots(*args, **kwargs):
    """:func:`subplots` for a still figure: never shown as a live canvas on its own (see
    :func:`picture`)."""
    import matplotlib.pyplot as plt

    with plt.ioff():
        return subplots(*args, **kwargs)


def response_display(kernel, filtered, image_range=(0.0, 1.0)):
    """How to colour a filtered image: ``(cmap, (low, high), note)``.

    Parameters
    ----------
    kernel : (M1, M2) array_like
        The kernel that was applied.
    filtered : ndarray
        The result.
    image_range : (float, float)
        The brightness range of the input (black, white).

    Examples
    --------
    >>> response_display(np.ones((3, 3)) / 9, np.zeros((4, 4)), (0, 255))[:2]
    ('gray', (0.0, 255.0))
    >>> response_display([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.array([[-3.0, 0.0, 3.0]]))[:2]
    ('PuOr', (-3.0, 3.0))
    """
    total = float(np.sum(kernel))
    low, high = (float(v) for v in image_range)
    if abs(total) < 1e-9 or total < 0:
        magnitude = np.abs(filtered)
        top = float(np.percentile(magnitude, 99.5)) or float(magnitude.max()) or 1.0
        return DIVERGING_CMAP, (-top, top), (
            f"weights sum to {format_number(round(total, 4), DIGITS)}: 0 on flat regions; "
            "orange below 0, white 0, purple above 0"
        )
    note = "weights sum to 1: brightness kept, same grey scale as the input"
    if abs(total - 1) > 1e-9:
        times = format_number(round(total, 4), DIGITS)
        note = (f"weights sum to {times}: flat regions come out {times} × as bright "
                "(same grey scale as the input; what goes beyond it clips)")
    return "gray", (low, high if high > low else low + 1.0), note


@dataclass
class BeforeAfterArtists:
    """The artists of :func:`plot_before_after`; :meth:`update` shows another result."""

    figure: object
    before_ax: object
    kernel_ax: object
    after_ax: object
    before: object
    kernel: object
    kernel_texts: list
    after: object
    colorbar: object
    image_range: tuple

    def update(self, filtered, kernel, title: str = "after") -> str:
        """Show ``filtered`` (made with ``kernel``) in place; returns the colour note."""
        kernel = np.asarray(kernel)
        cmap, clim, note = response_display(kernel, filtered, self.image_range)
        self.after.set_data(filtered)
        self.after.set_cmap(cmap)
        self.after.set_clim(*clim)
        self.after_ax.set_title(title)
        m0, m1 = kernel.shape
        top = float(np.abs(kernel).max()) or 1.0
        # the kernel panel keeps its axes: the kernel is stretched over the unit square
        # (cheaper than new limits and ticks on every change)
        self.kernel.set_data(kernel)
        self.kernel.set_clim(-top, top)
        self.kernel_ax.set_title(f"kernel {m0}×{m1}")
        small = max(m0, m1) <= KERNEL_TEXT_LIMIT
        for n, text in enumerate(self.kernel_texts):
            i, j = divmod(n, KERNEL_TEXT_LIMIT)
            show = small and i < m0 and j < m1
            text.set_visible(show)
            if show:
                text.set_position(((j + 0.5) / m1, (i + 0.5) / m0))
                text.set_text(format_number(np.round(kernel[i, j], 3), DIGITS))
                text.set_color(text_colour(self.kernel, kernel[i, j]))
        return note


def plot_before_after(image, filtered=None, kernel=None, *, title="after",
                      figsize=(8.6, 3.5)) -> BeforeAfterArtists:
    """The image, the kernel and the filtered image side by side.

    Parameters
    ----------
    image : (N1, N2) array_like
        The input, drawn in grey.
    filtered : (N1, N2) array_like, optional
        The result (default: ``image`` filtered by ``kernel`` with "same" padding).
    kernel : (M1, M2) array_like, optional
        The kernel (default: the 3×3 identity).
    title : str, optional
        Title of the result panel.

    Returns
    -------
    BeforeAfterArtists
        ``.update(filtered, kernel, title)`` changes the result in place.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> art = plot_before_after(np.eye(6), kernel=[[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    >>> art.after.get_cmap().name, art.after.get_clim()
    ('PuOr', (-4.0, 4.0))
    """
    image = np.asarray(image, dtype=float)
    kernel = np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]]) if kernel is None else np.asarray(kernel)
    if filtered is None:
        filtered = conv2d(image, kernel, padding="same")
    low, high = float(image.min()), float(image.max())
    fig, (before_ax, kernel_ax, after_ax) = subplots(
        1, 3, figsize=figsize, gridspec_kw={"width_ratios": [5, 1.6, 5]},
    )
    before = before_ax.imshow(image, cmap="gray", clim=(low, high if high > low else low + 1),
                              interpolation="nearest")
    before_ax.set_title("before")
    kernel_image = kernel_ax.imshow(np.zeros((1, 1)), cmap=DIVERGING_CMAP,
                                    interpolation="nearest", extent=(0, 1, 1, 0))
    kernel_ax.set_xticks([])
    kernel_ax.set_yticks([])
    kernel_ax.set_ylabel("row")
    kernel_texts = [
        kernel_ax.text(0, 0, "", ha="center", va="center", fontsize=8, visible=False)
        for _ in range(KERNEL_TEXT_LIMIT**2)
    ]
    kernel_ax.set_xlabel("column")
    after = after_ax.imshow(np.zeros_like(image), cmap="gray", interpolation="nearest")
    for ax in (before_ax, after_ax):
        ax.set_xlabel("column (pixels)")
        ax.set_ylabel("row (pixels)")
    colorbar = fig.colorbar(after, ax=after_ax, shrink=0.8, label="filtered value")
    artists = BeforeAfterArtists(fig, before_ax, kernel_ax, after_ax, before, kernel_image,
                                 kernel_texts, after, colorbar, (low, high))
    artists.update(filtered, kernel, title)
    return artists


def plot_filter_gallery(image, kernels, *, flip=False, ncols=3, figsize=None):
    """The image and the image filtered by each kernel, in a grid of panels.

    Each result uses "same" padding and is coloured by :func:`response_display`.

    Parameters
    ----------
    image : (N1, N2) array_like
        The input.
    kernels : dict of str -> (M1, M2) array_like
        Panel title -> kernel.
    flip : bool, optional
        True: true convolution (kernel flipped); False: cross-correlation.
    ncols : int, optional
        Panels per row.

    Returns
    -------
    figure : matplotlib.figure.Figure
    results : dict of str -> ndarray
        The filtered images, by title.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, out = plot_filter_gallery(np.eye(5), {"blur": np.ones((3, 3)) / 9}, ncols=2)
    >>> len(fig.axes), out["blur"].shape  # two panels, each with its colour bar
    (4, (5, 5))
    """
    image = np.asarray(image, dtype=float)
    panels = {"original": None, **kernels}
    nrows = -(-len(panels) // ncols)
    if figsize is None:
        figsize = (2.85 * ncols, 2.5 * nrows)
    fig, axes = _still_subplots(nrows, ncols, figsize=figsize, squeeze=False)
    low, high = float(image.min()), float(image.max())
    results = {}
    for ax, (name, kernel) in zip(axes.ravel(), panels.items()):
        if kernel is None:
            shown = ax.imshow(image, cmap="gray", clim=(low, high if high > low else low + 1),
                              interpolation="nearest")
            ax.set_title(name)
        else:
            results[name] = conv2d(image, kernel, padding="same", flip=flip)
            cmap, clim, _ = response_display(kernel, results[name], (low, high))
            shown = ax.imshow(results[name], cmap=cmap, clim=clim, interpolation="nearest")
            ax.set_title(f"{name} ({'diverging' if cmap == DIVERGING_CMAP else 'grey'})")
        fig.colorbar(shown, ax=ax, shrink=0.8)
        ax.set_xlabel("column")
        ax.set_ylabel("row")
    for ax in axes.ravel()[len(panels):]:
        ax.set_visible(False)
    return fig, results


def plot_image_numbers(image, *, title="the same image as a picture", figsize=(8.6, 5.0)):
    """An image twice: as its matrix of numbers, and as a grey picture.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig = plot_image_numbers(np.arange(12).reshape(3, 4))
    >>> len(fig.axes[0].texts)
    12
    """
    image = np.asarray(image)
    rows, cols = image.shape
    # the numbers get the room: three fifths of the width, the picture the rest
    fig, (numbers_ax, picture_ax) = _still_subplots(
        1, 2, figsize=figsize, gridspec_kw={"width_ratios": [3, 2]},
    )
    numbers_ax.imshow(np.zeros_like(image), cmap="gray_r", clim=(0, 1))
    longest = max(len(format_number(v, DIGITS)) for v in image.ravel())
    cell = 0.56 * figsize[0] / max(rows, cols)  # inches a cell is wide, about
    size = min(10.0, 0.9 * 72 * cell / (0.6 * max(longest, 2)))
    for (i, j), value in np.ndenumerate(image):
        numbers_ax.text(j, i, format_number(value, DIGITS), ha="center", va="center", fontsize=size)
    numbers_ax.set_title(f"{rows}×{cols} numbers")
    picture_ax.imshow(image, cmap="gray", clim=(0, 255) if image.max() > 1 else (0, 1))
    picture_ax.set_title(title)
    for ax in (numbers_ax, picture_ax):
        ax.set_xticks(range(0, cols, 2 if cols > 8 else 1))
        ax.set_yticks(range(0, rows, 2 if rows > 8 else 1))
        ax.set_xlabel("column")
        ax.set_ylabel("row")
    return fig


def picture(figure, *, dpi=None):
    """``figure`` as a still PNG for a notebook cell, and closed.

    ``dpi`` defaults to the figure's own, lowered if needed to fit the width budget
    (:func:`~convlab.plotting._style._fit_dpi`).

    A live ipympl canvas for every static figure would be slow and heavy; the explorers
    are the live figures.  The picture is reduced to 256 colours to keep notebooks small.
    Returns an ``IPython.display.Image``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> still = picture(fig)
    >>> still.data[:4], plt.fignum_exists(fig.number)
    (b'\x89PNG', False)
    """
    import matplotlib.pyplot as plt
    from IPython.display import Image
    from PIL import Image as PILImage

    if dpi is None:
        dpi = _fit_dpi(figure.get_size_inches()[0], dpi=figure.dpi)
    buf = io.BytesIO()
    figure.savefig(buf, format="png", dpi=dpi)
    plt.close(figure)
    # 256 colours are plenty for grey pictures and one colour map, at a third of the bytes
    small = io.BytesIO()
    PILImage.open(buf).convert("RGB").quantize(256).save(small, format="png", optimize=True)
    return Image(data=small.getvalue(), format="png")
