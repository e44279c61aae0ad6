"""Static figures for the course, drawn with matplotlib.

Every ``plot_*`` function takes an optional ``ax`` (or ``axes``), draws on it, and returns
the artists it made, so that an explorer can update them in place instead of drawing again.
One module per figure family; the palette and shared helpers live in ``_style``.
"""

from ._style import DONE, HIGHLIGHT, MUTED, SEQUENTIAL_CMAP, annotate_matrix, freeze_layout
from .applications import (
    ChartSmoothingArtists,
    CostArtists,
    DiceArtists,
    PhotoArtists,
    plot_chart_smoothing,
    plot_cost,
    plot_dice_sums,
    plot_photo_edits,
)
from .diagonals import DiagonalArtists, plot_outer_diagonals
from .grids import GridArtists, WindowGeometry, plot_window_grid, window_geometry
from .images import (
    BeforeAfterArtists,
    picture,
    plot_before_after,
    plot_filter_gallery,
    plot_image_numbers,
)
from .layers import LayerArtists, plot_layer_stack, receptive_field, stack_layers
from .matrices import Steps2DArtists, plot_matrices, plot_steps2d
from .slide import SlideArtists, SmoothingArtists, plot_slide, plot_smoothing, stem_data

__all__ = [
    # palette
    "DONE",
    "HIGHLIGHT",
    "MUTED",
    "SEQUENTIAL_CMAP",
    # helpers
    "annotate_matrix",
    "freeze_layout",
    "stem_data",
    # notebook 01
    "DiagonalArtists",
    "plot_outer_diagonals",
    # notebooks 02 and 03
    "SlideArtists",
    "SmoothingArtists",
    "plot_slide",
    "plot_smoothing",
    # notebook 04
    "BeforeAfterArtists",
    "Steps2DArtists",
    "picture",
    "plot_before_after",
    "plot_filter_gallery",
    "plot_image_numbers",
    "plot_matrices",
    "plot_steps2d",
    # notebook 05
    "GridArtists",
    "WindowGeometry",
    "plot_window_grid",
    "window_geometry",
    # notebook 06
    "LayerArtists",
    "plot_layer_stack",
    "receptive_field",
    "stack_layers",
    # notebook 07
    "ChartSmoothingArtists",
    "CostArtists",
    "DiceArtists",
    "PhotoArtists",
    "plot_chart_smoothing",
    "plot_cost",
    "plot_dice_sums",
    "plot_photo_edits",
]
