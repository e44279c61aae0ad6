"""convlab: the helper package of an interactive course on convolution.

``import convlab`` loads the numeric core only (numpy and scipy); drawing
lives in :mod:`convlab.plotting`, the interactive explorers in
:mod:`convlab.widgets` and the self-checking questions in :mod:`convlab.quiz`,
each imported on its own.

>>> import convlab
>>> convlab.convolve([1, 2, 3], [1, 1])
array([1, 3, 5, 3])
"""

from .core import convolve, correlate
from .layers import (
    avg_pool2d,
    conv1d,
    conv2d,
    conv_transpose1d,
    conv_transpose2d,
    max_pool2d,
    output_size,
)
from .steps import OuterDiagonals, outer_diagonals

__version__ = "0.1.0"

__all__ = [
    # convolution and correlation
    "convolve",
    "correlate",
    # convolution layers
    "avg_pool2d",
    "conv1d",
    "conv2d",
    "conv_transpose1d",
    "conv_transpose2d",
    "max_pool2d",
    "output_size",
    # convolution taken apart
    "OuterDiagonals",
    "outer_diagonals",
]
