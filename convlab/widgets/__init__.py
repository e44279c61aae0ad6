"""Interactive explorers: figures the learner drives with sliders, updated in place.

See :mod:`convlab.widgets.base` for the pattern every explorer follows.  One module per
explorer; ``EXPLORERS`` lists them all (the widget benchmark and the tests walk it).
"""

from .base import CannotDraw, Explorer, handles, stepper
from .channels import ChannelExplorer
from .diagonal import DiagonalExplorer
from .frequency import FrequencyExplorer
from .layerstack import LayerStack
from .playground import FilterPlayground
from .slide import SlideExplorer
from .smoothing import SmoothingExplorer
from .stepper2d import Stepper2D
from .stride import StrideExplorer
from .training import TrainingExplorer

#: Every explorer of the course, in notebook order.
EXPLORERS: tuple[type[Explorer], ...] = (
    DiagonalExplorer,
    SlideExplorer,
    SmoothingExplorer,
    Stepper2D,
    FilterPlayground,
    StrideExplorer,
    LayerStack,
    ChannelExplorer,
    TrainingExplorer,
    FrequencyExplorer,
)

__all__ = [
    "EXPLORERS",
    "CannotDraw",
    "Explorer",
    "handles",
    "stepper",
    # notebook 01
    "DiagonalExplorer",
    # notebook 02
    "SlideExplorer",
    # notebook 03
    "SmoothingExplorer",
    # notebooks 04 and 05
    "FilterPlayground",
    "Stepper2D",
    # notebook 05
    "StrideExplorer",
    # notebook 06
    "LayerStack",
    # notebook 07
    "ChannelExplorer",
    "TrainingExplorer",
    # notebook 08
    "FrequencyExplorer",
]
