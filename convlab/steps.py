"""Convolution taken apart: the pieces the explorers animate, one record per output.

:func:`outer_diagonals` splits a 1-D convolution into the anti-diagonals of
an outer product, the picture notebook 01 is built on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._validation import as_array, check_int_result_fits, check_output_size

__all__ = ["OuterDiagonals", "outer_diagonals"]


@dataclass(frozen=True, eq=False)
class OuterDiagonals:
    """The outer product of two vectors and the anti-diagonals that make up their convolution.

    Attributes
    ----------
    x : (N,) ndarray
        The first vector (row labels of the table).
    y : (M,) ndarray
        The second vector (column labels).
    outer : (N, M) ndarray
        ``outer[i, j] = x[i] * y[j]``.
    rows, cols : tuple of N + M - 1 ndarrays
        ``rows[k]``, ``cols[k]``: the cells with ``i + j = k``, ordered from the
        bottom-left of the table to the top-right (``i`` falling).
    sums : (N + M - 1,) ndarray
        ``sums[k]`` is the sum of anti-diagonal ``k``; equals ``numpy.convolve(x, y)``.
    """

    x: np.ndarray
    y: np.ndarray
    outer: np.ndarray
    rows: tuple[np.ndarray, ...]
    cols: tuple[np.ndarray, ...]
    sums: np.ndarray

    def __len__(self) -> int:
        return len(self.sums)

    def terms(self, k: int) -> np.ndarray:
        """The products on anti-diagonal ``k``, bottom-left first.

        >>> outer_diagonals([1, 2, 3], [4, 5]).terms(1)
        array([8, 5])
        """
        k = self._check_k(k)
        return self.outer[self.rows[k], self.cols[k]]

    def equation(self, k: int) -> str:
        """Anti-diagonal ``k`` written out as a sum, e.g. ``'z[1] = 12 + 7 = 19'``.

        >>> outer_diagonals([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).equation(2)
        'z[2] = 18 + 14 + 8 = 40'
        """
        terms = self.terms(k)
        total = _fmt(self.sums[k])
        if len(terms) == 1:
            return f"z[{k}] = {total}"
        parts = " + ".join(_fmt(t) for t in terms).replace("+ -", "- ")
        return f"z[{k}] = {parts} = {total}"

    def equations(self) -> list[str]:
        """Every anti-diagonal written out, one line each (see :meth:`equation`)."""
        return [self.equation(k) for k in range(len(self))]

    def _check_k(self, k: object) -> int:
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
            raise TypeError(f"k must be an integer index, got {k!r}")
        if not 0 <= k < len(self):
            raise ValueError(f"k must be between 0 and {len(self) - 1}, got {k}")
        return int(k)


def _fmt(value) -> str:
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def outer_diagonals(x, y) -> OuterDiagonals:
    """Split the convolution of ``x`` and ``y`` into anti-diagonals of their outer product.

    Write ``x`` down the side and ``y`` along the top of a table and fill cell
    ``(i, j)`` with ``x[i] * y[j]``.  The cells with ``i + j = k`` form the
    ``k``-th anti-diagonal, and its sum is ``z[k]`` of the convolution
    ``z = x * y``: each output value is a sum of the products whose indices
    add up to its own.

    Parameters
    ----------
    x : (N,) array_like
        First vector: real numbers, no NaN or infinity.
    y : (M,) array_like
        Second vector; need not have the same length as ``x``.

    Returns
    -------
    OuterDiagonals
        The table, the cell indices of each anti-diagonal and the sums
        (``N + M - 1`` of them, exactly ``numpy.convolve(x, y)``).

    Raises
    ------
    TypeError
        If ``x`` or ``y`` holds booleans, complex numbers, strings or objects.
    ValueError
        If ``x`` or ``y`` is empty, not 1-D, or holds NaN or infinity.

    Examples
    --------
    The table for ``[1, 2, 3, 4, 5]`` and ``[6, 7, 8, 9, 10]``:

    >>> d = outer_diagonals([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])
    >>> d.outer
    array([[ 6,  7,  8,  9, 10],
           [12, 14, 16, 18, 20],
           [18, 21, 24, 27, 30],
           [24, 28, 32, 36, 40],
           [30, 35, 40, 45, 50]])

    Anti-diagonal 3 holds the cells (3, 0), (2, 1), (1, 2) and (0, 3):

    >>> d.rows[3], d.cols[3]
    (array([3, 2, 1, 0]), array([0, 1, 2, 3]))
    >>> d.equation(3)
    'z[3] = 24 + 21 + 16 + 9 = 70'

    The sums are the convolution:

    >>> d.sums
    array([  6,  19,  40,  70, 110, 114, 106,  85,  50])

    Vectors of different lengths give a rectangular table and ``N + M - 1``
    sums:

    >>> outer_diagonals([1, 2], [1, 1, 1]).sums
    array([1, 3, 3, 2])
    """
    x = as_array(x, "x", ndim=(1,))
    y = as_array(y, "y", ndim=(1,))
    check_output_size((x.size, y.size), "the outer product of x and y")
    check_int_result_fits(x, y, "x", "y")
    x, y = x.copy(), y.copy()  # frozen below: never freeze the caller's arrays
    n, m = x.size, y.size
    outer = np.multiply.outer(x, y)
    rows, cols = [], []
    for k in range(n + m - 1):
        i = np.arange(min(k, n - 1), max(0, k - m + 1) - 1, -1)
        rows.append(i)
        cols.append(k - i)
    sums = np.array([outer[r, c].sum() for r, c in zip(rows, cols)], dtype=outer.dtype)
    for arr in (x, y, outer, sums, *rows, *cols):
        arr.flags.writeable = False
    return OuterDiagonals(x, y, outer, tuple(rows), tuple(cols), sums)
