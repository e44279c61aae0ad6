"""Static figures for the course, drawn with matplotlib.

Every ``plot_*`` function takes an optional ``ax`` (or ``axes``), draws on it, and returns
the artists it made, so that an explorer can update them in place instead of drawing again.
One module per figure family; the palette and shared helpers live in ``_style``.
"""

from ._style import DONE, HIGHLIGHT, MUTED, SEQUENTIAL_CMAP, annotate_matrix
from .diagonals import DiagonalArtists, plot_outer_diagonals

__all__ = [
    # palette
    "DONE",
    "HIGHLIGHT",
    "MUTED",
    "SEQUENTIAL_CMAP",
    # helpers
    "annotate_matrix",
    # figures
    "DiagonalArtists",
    "plot_outer_diagonals",
]
