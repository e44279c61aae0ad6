"""Every figure fits a notebook column on a small laptop (1366×768, file browser open).

A live ipympl canvas is exactly inches × dpi CSS pixels wide and does not shrink, so each
explorer, built as the notebooks build it, must be at most ``WIDTH_PX`` pixels wide, also on
a high-density screen.  Still pictures are measured as the PNG the notebook stores.  The
numbers written into cells must stay readable: at least 10 px tall on screen.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from PIL import Image

from convlab import (
    box,
    gaussian2d,
    hi_image,
    horizontal_edge,
    laplacian,
    photo,
    random_image,
    sharpen,
    vertical_edge,
)
from convlab.plotting import (
    picture,
    plot_filter_gallery,
    plot_image_numbers,
    plot_matrices,
)
from convlab.plotting._style import WIDTH_PX, _fit_dpi
from convlab.plotting.applications import (
    plot_cost,
    plot_dice_sums,
    plot_photo_edits,
)
from convlab.widgets import (
    EXPLORERS,
    DiagonalExplorer,
    FilterPlayground,
    FrequencyExplorer,
    LayerStack,
    SlideExplorer,
    SmoothingExplorer,
    Stepper2D,
    StrideExplorer,
)

#: The explorers as the notebooks call them (plus each class's demo).
NOTEBOOK_EXPLORERS = {
    "01 DiagonalExplorer": lambda: DiagonalExplorer([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]),
    "02 SlideExplorer long": lambda: SlideExplorer(np.r_[np.zeros(20), np.ones(10)], [1, 2, 3]),
    "03 SmoothingExplorer": lambda: SmoothingExplorer(np.random.default_rng(0).normal(size=300),
                                                      size=21, sigma=3.0),
    "04 Stepper2D 16×16": lambda: Stepper2D(hi_image(), vertical_edge(), step=29),
    "04 Stepper2D 4×4": lambda: Stepper2D(np.arange(16).reshape(4, 4), np.ones((3, 3))),
    "04 FilterPlayground": lambda: FilterPlayground(photo(downsample=2), kernel="box", size=3),
    "05 Stepper2D stride 2": lambda: Stepper2D(np.arange(25).reshape(5, 5), np.ones((3, 3)),
                                               stride=2, padding=1),
    "05 StrideExplorer": lambda: StrideExplorer(n=7, k=3, stride=2, padding=1),
    "05 StrideExplorer transposed": lambda: StrideExplorer(n=2, k=3, stride=2, transposed=True),
    "06 LayerStack": lambda: LayerStack(layers=1),
    "06 LayerStack photo": lambda: LayerStack(photo(downsample=4), kernel="vertical edge 3×3",
                                              layers=2, relu=True),
    "08 FrequencyExplorer": FrequencyExplorer,  # the cell is exactly FrequencyExplorer()
    "08 FrequencyExplorer Gaussian, sines": lambda: FrequencyExplorer(
        kernel="gaussian", size=31, sigma=6.0, signal="sines"),
}
NOTEBOOK_EXPLORERS.update({f"{cls.__name__}.demo": cls.demo for cls in EXPLORERS})


def _css_width(fig, ratio: float = 1.0) -> float:
    """Width in CSS pixels of the figure's canvas on a screen of this device pixel ratio,
    as ipympl sizes it (the figure is re-rendered at ratio × its first dpi)."""
    fig.canvas._set_device_pixel_ratio(ratio)
    try:
        return fig.bbox.width / ratio
    finally:
        fig.canvas._set_device_pixel_ratio(1)


@pytest.mark.parametrize("name", sorted(NOTEBOOK_EXPLORERS))
@pytest.mark.parametrize("ratio", [1, 2])
def test_explorer_canvas_fits_the_column(name, ratio):
    explorer = NOTEBOOK_EXPLORERS[name]()
    width = _css_width(explorer.figure, ratio)
    assert width <= WIDTH_PX, f"{name}: {width:.0f} px wide on a ratio-{ratio} screen"


def _png_width(png: bytes) -> int:
    return Image.open(io.BytesIO(png)).size[0]


STILLS = {
    "04 image numbers": lambda: picture(plot_image_numbers(hi_image())).data,
    "04 matrices": lambda: picture(plot_matrices({"input x": np.arange(25).reshape(5, 5),
                                                  "kernel k": np.ones((3, 3)),
                                                  "result": np.ones((3, 3))})).data,
    "04 gallery": lambda: picture(plot_filter_gallery(
        photo(downsample=3),
        {"blur": gaussian2d(13, 2.0), "sharpen": sharpen(), "Laplacian": laplacian(),
         "vertical": vertical_edge(), "horizontal": horizontal_edge()})[0]).data,
    "04 gallery small": lambda: picture(plot_filter_gallery(
        random_image((8, 8)), {"blur": box(3), "Laplacian": laplacian()})[0]).data,
    "07 dice": lambda: plot_dice_sums().png(),
    "07 photo edits": lambda: plot_photo_edits({n: np.eye(20) for n in "abcd"}).png(),
    "07 cost": lambda: plot_cost(64, [1, 3, 5], methods=["convlab direct", "convlab fft"]).png(),
}


@pytest.mark.parametrize("name", sorted(STILLS))
def test_still_picture_fits_the_column(name):
    width = _png_width(STILLS[name]())
    assert width <= WIDTH_PX, f"{name}: {width} px wide"


def _text_pixels(fig, text) -> float:
    return text.get_fontsize() * fig.dpi / 72


def test_digits_of_the_16x16_matrix_are_readable():
    fig = plot_image_numbers(hi_image())
    numbers = fig.axes[0].texts
    assert len(numbers) == 256
    smallest = min(_text_pixels(fig, t) for t in numbers)
    assert smallest >= 10, f"digits {smallest:.1f} px tall"


def test_gallery_titles_and_ticks_are_readable():
    fig, _ = plot_filter_gallery(photo(downsample=3), {"a": laplacian(), "b": box(3),
                                                       "c": sharpen(), "d": laplacian(),
                                                       "e": box(3)})
    dpi = _fit_dpi(fig.get_size_inches()[0], dpi=fig.dpi)
    sizes = [ax.title.get_fontsize() * dpi / 72 for ax in fig.axes if ax.get_title()]
    ticks = [lab.get_fontsize() * dpi / 72 for ax in fig.axes for lab in ax.get_xticklabels()]
    assert min(sizes) >= 11 and min(ticks) >= 10, (min(sizes), min(ticks))


def test_stepper_numbers_fit_their_cells():
    """Each number is drawn no wider than its cell (a digit is about 0.6 em)."""
    explorer = Stepper2D(hi_image()[:8, :8], laplacian(), padding=1)
    art = explorer.artists
    fig = explorer.figure
    fig.canvas.draw()
    for ax, texts in ((art.input_ax, art.input_ax.texts), (art.output_ax, art.output_texts)):
        cols = len(ax.get_xticks())
        cell_px = ax.get_window_extent().width / cols
        for text in np.ravel(texts):
            if text.get_text():
                width = text.get_window_extent().width
                assert width <= cell_px, (text.get_text(), width, cell_px)
        assert min(t.get_fontsize() for t in np.ravel(texts)) * fig.dpi / 72 >= 8


def test_still_dpi_refuses_a_nonsense_width():
    with pytest.raises(ValueError, match="width_inches"):
        _fit_dpi(0)
