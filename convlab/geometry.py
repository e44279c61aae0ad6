"""Where the windows of a square convolution layer land, step by step (notebook 05).

:func:`window_geometry` works out, for ``conv2d`` or ``conv_transpose2d`` with a square
``n × n`` input and a square ``k × k`` kernel, which cells each step reads and which it
writes, and the output size with the formula written out.  The stride figure
(:func:`convlab.plotting.plot_window_grid`) and its explorer draw what it computes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .layers import conv_transpose2d, output_size
from .steps import steps2d

__all__ = ["WindowGeometry", "divmod_cell", "window_geometry"]


@dataclass(frozen=True, eq=False)
class WindowGeometry:
    """Where every step of a square convolution layer reads and writes.

    Attributes
    ----------
    n, k, stride, padding, dilation : int
        The layer (square input ``n × n``, square kernel ``k × k``).
    transposed : bool
        False: a convolution (``conv2d``); True: a transposed convolution
        (``conv_transpose2d``), whose steps walk over the *input* pixels.
    out : int
        Output size along each axis: ``output_size(n, k, ...)``, or
        ``(n - 1) * stride - 2 * padding + k`` when transposed.
    left_shape, right_shape : int
        Cells along each side of the left and right panels.
    left_origin, right_origin : int
        Coordinate of the first cell of each panel (negative inside the padding).
    read, write : tuple of (rows, cols) pairs of 1-D int arrays, one per step
        The cells each step highlights on the left and on the right panel, in
        that panel's coordinates.
    unread : (n, n) bool ndarray
        Input cells that no window reads (forward mode; all False when transposed).
    coverage : (steps, F, F) ndarray or None
        Transposed mode: ``coverage[t]`` counts the stamps of steps ``0 .. t`` on
        each cell of the full (uncropped) output ``F = (n - 1) * stride + k``.
    """

    n: int
    k: int
    stride: int
    padding: int
    dilation: int
    transposed: bool
    out: int
    left_shape: int
    left_origin: int
    right_shape: int
    right_origin: int
    read: tuple = field(repr=False)
    write: tuple = field(repr=False)
    unread: np.ndarray = field(repr=False)
    coverage: np.ndarray | None = field(default=None, repr=False)

    @property
    def steps(self) -> int:
        """How many steps: output pixels (forward) or input pixels (transposed)."""
        return len(self.read)

    @property
    def span(self) -> int:
        """Cells covered by one dilated window, ``dilation * (k - 1) + 1``."""
        return self.dilation * (self.k - 1) + 1

    def formula(self) -> str:
        """The output size with this layer's numbers substituted.

        >>> window_geometry(7, 3, stride=2, padding=1).formula()
        '⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊(7 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = 4'
        >>> window_geometry(2, 3, stride=2, transposed=True).formula()
        '(n − 1)·s − 2p + k = (2 − 1)·2 − 2·0 + 3 = 5'
        """
        n, k, s, p, d = self.n, self.k, self.stride, self.padding, self.dilation
        if self.transposed:
            return f"(n − 1)·s − 2p + k = ({n} − 1)·{s} − 2·{p} + {k} = {self.out}"
        return (
            "⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = "
            f"⌊({n} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1 = {self.out}"
        )

    def describe(self, step: int) -> str:
        """One line about ``step``: which output it makes (or which input it spreads)."""
        rows, cols = self.read[step]
        wr, wc = self.write[step]
        if self.transposed:
            i, j = int(rows[0]), int(cols[0])
            return (
                f"step {step} of 0 … {self.steps - 1}: input ({i}, {j}) adds x[{i}, {j}]·kernel to "
                f"output rows {wr[0]}…{wr[-1]}, cols {wc[0]}…{wc[-1]}"
            )
        r, c = int(wr[0]), int(wc[0])
        return (
            f"step {step} of 0 … {self.steps - 1}: output ({r}, {c}) reads rows "
            f"{_listing(rows)}, cols {_listing(cols)}"
        )


def _listing(values) -> str:
    values = [int(v) for v in values]
    return str(values[0]) if len(values) == 1 else "{" + ", ".join(map(str, values)) + "}"


def window_geometry(n, k, *, stride=1, padding=0, dilation=1, transposed=False) -> WindowGeometry:
    """Work out where each step of a square layer reads and writes (validated by the engine).

    Parameters
    ----------
    n, k : int
        Input and kernel size (both square).
    stride, padding, dilation : int, optional
        The layer's settings.  ``dilation`` must be 1 when ``transposed``.
    transposed : bool, optional
        Describe ``conv_transpose2d`` instead of ``conv2d``.

    Returns
    -------
    WindowGeometry

    Raises
    ------
    ValueError
        For a kernel that does not fit the padded input, a padding that crops a
        transposed output away, dilation with ``transposed``, or sizes below 1.

    Examples
    --------
    >>> g = window_geometry(5, 3, stride=2)
    >>> g.out, g.steps, g.read[1]
    (2, 4, (array([0, 1, 2]), array([2, 3, 4])))
    >>> window_geometry(3, 5)
    Traceback (most recent call last):
    ...
    ValueError: k must fit inside the padded input: the kernel spans 5 (size 5, ...
    """
    if transposed:
        return _transposed_geometry(n, k, stride, padding, dilation)
    out = output_size(n, k, stride=stride, padding=padding, dilation=dilation)
    record = steps2d(np.zeros((n, n)), np.zeros((k, k)), stride=stride, padding=padding,
                     dilation=dilation)
    read, write, touched = [], [], np.zeros((n, n), dtype=bool)
    for t in range(out * out):
        rows, cols = record[t].indices
        read.append((rows, cols))
        write.append(divmod_cell(t, out))
        r_in, c_in = rows[(rows >= 0) & (rows < n)], cols[(cols >= 0) & (cols < n)]
        touched[np.ix_(r_in, c_in)] = True
    return WindowGeometry(
        n, k, stride, padding, dilation, False, out, n + 2 * padding, -padding, out, 0,
        tuple(read), tuple(write), ~touched,
    )


def divmod_cell(t: int, width: int):
    """Step ``t`` of a row-major walk over a ``width``-wide grid, as one-cell (rows, cols)."""
    r, c = divmod(t, width)
    return np.array([r]), np.array([c])


def _transposed_geometry(n, k, stride, padding, dilation) -> WindowGeometry:
    if dilation != 1:
        raise ValueError(
            f"dilation must be 1 in transposed mode (the view draws undilated stamps), "
            f"got {dilation}"
        )
    full = (n - 1) * stride + k
    if isinstance(padding, int) and full - 2 * padding < 1:
        raise ValueError(
            f"padding {padding} is too large: the output before cutting is (n − 1)·s + k = "
            f"{full} wide, and cutting {padding} from each side leaves nothing"
        )
    counts = conv_transpose2d(np.ones((n, n), dtype=np.int64), np.ones((k, k), dtype=np.int64),
                              stride=stride, padding=padding)
    out = counts.shape[0]
    read, write = [], []
    coverage = np.zeros((n * n, full, full), dtype=np.int16)
    for t in range(n * n):
        i, j = divmod(t, n)
        read.append((np.array([i]), np.array([j])))
        rows, cols = i * stride + np.arange(k), j * stride + np.arange(k)
        write.append((rows - padding, cols - padding))
        coverage[t, i * stride: i * stride + k, j * stride: j * stride + k] = 1
    np.cumsum(coverage, axis=0, out=coverage)
    return WindowGeometry(
        n, k, stride, padding, 1, True, out, n, 0, full, -padding,
        tuple(read), tuple(write), np.zeros((n, n), dtype=bool), coverage,
    )
