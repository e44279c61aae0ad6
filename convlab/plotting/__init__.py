"""Static figures for the course, drawn with matplotlib.

Every ``plot_*`` function takes an optional ``ax`` (or ``axes``), draws on it, and returns
the artists it made, so that an explorer can update them in place instead of drawing again.
One module per figure, named after it: ``diagonals`` (notebook 01), ``slide`` and
``smoothing`` (02, 03), ``steps2d`` (the 2-D stepper, 04–05) and ``images`` (04), ``stride``
(the window grid, 05), ``layer_stack`` (06), ``channels`` and ``training`` (07),
``applications`` and ``frequency`` (08).  The palette and
shared helpers live in ``_style``.  The numbers these figures show are computed below, in
the numeric core (:mod:`convlab.geometry`, :mod:`convlab.stacking`, :mod:`convlab.steps`,
:mod:`convlab.formatting`); nothing here computes a result that is not drawn.
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
    plot_frequency_responses,
    plot_photo_edits,
)
from .borders import BorderArtists, plot_border_modes
from .channels import ChannelArtists, plot_channel_sum
from .diagonals import DiagonalArtists, plot_outer_diagonals
from .frequency import (
    FrequencyResponseArtists,
    FrequencyViewArtists,
    plot_frequency_response,
    plot_frequency_view,
)
from .images import (
    BeforeAfterArtists,
    picture,
    plot_before_after,
    plot_filter_gallery,
    plot_image_numbers,
)
from .layer_stack import LayerArtists, plot_layer_stack
from .matrices import MatrixArtists, plot_conv_matrices, plot_conv_matrix
from .slide import SlideArtists, plot_slide, stem_data
from .smoothing import SmoothingArtists, plot_smoothing
from .steps2d import Steps2DArtists, plot_matrices, plot_steps2d
from .stride import GridArtists, plot_window_grid
from .training import TrainingArtists, plot_training

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
    "BorderArtists",
    "Steps2DArtists",
    "picture",
    "plot_before_after",
    "plot_border_modes",
    "plot_filter_gallery",
    "plot_image_numbers",
    "plot_matrices",
    "plot_steps2d",
    # notebook 05
    "GridArtists",
    "MatrixArtists",
    "plot_conv_matrices",
    "plot_conv_matrix",
    "plot_window_grid",
    # notebook 06
    "LayerArtists",
    "plot_layer_stack",
    # notebook 07 (channels and learned filters)
    "ChannelArtists",
    "TrainingArtists",
    "plot_channel_sum",
    "plot_training",
    # notebook 08 (applications and cost)
    "ChartSmoothingArtists",
    "CostArtists",
    "DiceArtists",
    "PhotoArtists",
    "plot_chart_smoothing",
    "plot_cost",
    "plot_dice_sums",
    "plot_frequency_responses",
    "plot_photo_edits",
    # notebook 08 (the frequency view)
    "FrequencyResponseArtists",
    "FrequencyViewArtists",
    "plot_frequency_response",
    "plot_frequency_view",
]
