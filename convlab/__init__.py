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
from .steps import OuterDiagonals, outer_diagonals

__version__ = "0.1.0"

__all__ = [
    # convolution and correlation
    "convolve",
    "correlate",
    # convolution taken apart
    "OuterDiagonals",
    "outer_diagonals",
]
