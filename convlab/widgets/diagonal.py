"""Notebook 01's explorer: walk along the anti-diagonals of an outer product."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt

from .._validation import as_array
from ..plotting import plot_outer_diagonals
from ..steps import outer_diagonals
from .base import Explorer, handles, stepper

__all__ = ["MAX_LENGTH", "DiagonalExplorer"]

#: Longest ``x`` or ``y`` the explorer draws: every cell of the table carries its number.
MAX_LENGTH = 12


class DiagonalExplorer(Explorer):
    """Walk along the anti-diagonals of the outer product of ``x`` and ``y``.

    The table ``x[i] * y[j]`` with anti-diagonal ``k`` (the cells with
    ``i + j = k``) highlighted, the sum written out, and the output ``z`` of
    the convolution growing one value per step.

    Parameters
    ----------
    x, y : 1-D array_like
        The two vectors, each at most :data:`MAX_LENGTH` (12) long.
    k : int, optional
        The anti-diagonal to start on.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> explorer = DiagonalExplorer([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])
    >>> explorer.update(k=2)
    >>> explorer.message.value
    'z[2] = x[2]·y[0] + x[1]·y[1] + x[0]·y[2] = 18 + 14 + 8 = 40'
    """

    bench_moves = {"k": [1, 2, 3, 4, 5, 6, 7, 8, 0]}  # noqa: RUF012

    @classmethod
    def demo(cls) -> DiagonalExplorer:
        return cls([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])

    def __init__(self, x, y, k: int = 0) -> None:
        super().__init__()
        for name, v in (("x", x), ("y", y)):
            size = len(as_array(v, name, ndim=(1,)))
            if size > MAX_LENGTH:
                raise ValueError(
                    f"{name} has {size} values; the explorer shows vectors of at most "
                    f"{MAX_LENGTH} (a {MAX_LENGTH}×{MAX_LENGTH} table is the largest whose "
                    "numbers stay readable): use convlab.outer_diagonals for longer ones"
                )
        self.diagonals = outer_diagonals(x, y)
        last = len(self.diagonals) - 1
        if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k <= last:
            raise ValueError(f"k must be an integer between 0 and {last}, got {k!r}")
        n, m = self.diagonals.outer.shape
        self.description = (
            f"Outer product of x (length {n}) and y (length {m}). Move k to walk along its "
            f"{last + 1} anti-diagonals; the cells with i + j = k are highlighted and their "
            "sum is z[k]."
        )
        with plt.ioff():
            self.artists = plot_outer_diagonals(self.diagonals, k=k)
        self.figure = self.artists.figure
        slider = widgets.IntSlider(
            value=k, min=0, max=last, description="k", continuous_update=True,
            tooltip="Which anti-diagonal to highlight",
        )
        self.controls = {"k": slider}
        self._stepper = stepper(slider)
        a = self.artists
        self.animated = [a.overlay, a.path, *a.bars, *a.bar_labels, a.equation]
        self._connect()

    def _control_rows(self):
        return [self._stepper]

    @handles("k", blit=True)
    def _show(self, k: int) -> None:
        self.artists.show(k)

    def _status(self, k: int) -> str:
        d = self.diagonals
        cells = " + ".join(f"x[{i}]·y[{j}]" for i, j in zip(d.rows[k], d.cols[k]))
        return d.equation(k).replace(" = ", f" = {cells} = ", 1)
