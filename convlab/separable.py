"""Separable kernels: a rank-1 kernel is an outer product, and two 1-D passes replace it.

A 2-D kernel ``k`` is *separable* when it is the outer product of a column and a row,
``k = outer(column, row)``, that is when its matrix rank is 1.  Filtering with it is then a
pass with the row along every image row followed by a pass with the column down every image
column: ``2·k`` multiply-adds per pixel for a ``k × k`` kernel instead of ``k²``.

:func:`kernel_rank` counts a kernel's singular values (``numpy.linalg.svd``) that are not
negligible; :func:`separable_factors` returns the column and the row of a rank-1 kernel and
refuses any other; :func:`separable_timings` times the 2-D kernel against the two passes on
an image, and :func:`speedup_sentence` says in words what such a table measured (the
notebook prints the sentence it gets from its own measurement, never a number typed in).

>>> import numpy as np
>>> kernel_rank(np.ones((3, 3)))
1
>>> kernel_rank([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
2
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from ._validation import as_array, check_int, check_positive_float
from .layers import conv2d

__all__ = [
    "TimingRow",
    "format_timings",
    "kernel_rank",
    "separable_factors",
    "separable_timings",
    "singular_values",
    "speedup_sentence",
]

#: Singular values below this share of the largest count as zero (a relative tolerance).
DEFAULT_TOL = 1e-10


def _kernel(k) -> np.ndarray:
    return as_array(k, "k", ndim=(2,)).astype(np.float64)


def _tol(tol) -> float:
    tol = check_positive_float(tol, "tol")
    if tol >= 1:
        raise ValueError(
            f"tol must be below 1 (a share of the largest singular value), got {tol!r}"
        )
    return tol


def singular_values(k) -> np.ndarray:
    """The singular values of the kernel ``k``, largest first.

    Parameters
    ----------
    k : (M1, M2) array_like
        A 2-D kernel of real numbers.

    Returns
    -------
    (min(M1, M2),) ndarray of float64

    Examples
    --------
    >>> singular_values([[0, 1, 0], [1, -4, 1], [0, 1, 0]]).round(6).tolist()
    [4.44949, 0.44949, 0.0]
    """
    return np.linalg.svd(_kernel(k), compute_uv=False)


def kernel_rank(k, tol: float = DEFAULT_TOL) -> int:
    """The rank of the kernel ``k``: how many outer products add up to it.

    Counts the singular values above ``tol`` times the largest one.

    Parameters
    ----------
    k : (M1, M2) array_like
        A 2-D kernel of real numbers.
    tol : float, optional
        Relative tolerance, above 0 and below 1.

    Returns
    -------
    int
        0 for a kernel of zeros, 1 for a separable kernel.

    Raises
    ------
    ValueError, TypeError
        If ``k`` is not a 2-D array of finite real numbers, or ``tol`` is out of range.

    Examples
    --------
    >>> kernel_rank([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    1
    >>> kernel_rank(np.eye(3))
    3
    >>> kernel_rank(np.zeros((2, 2)))
    0
    """
    tol = _tol(tol)
    s = singular_values(k)
    if s[0] == 0:
        return 0
    return int(np.count_nonzero(s > tol * s[0]))


def separable_factors(k, tol: float = DEFAULT_TOL) -> tuple[np.ndarray, np.ndarray]:
    """The column and the row whose outer product is the rank-1 kernel ``k``.

    The factors come from the largest singular value, split evenly between them (both
    have the same length as vectors), with the sign chosen so that the column's entry of
    largest size is positive.  Any other split ``(c·column, row / c)`` is as good.

    Parameters
    ----------
    k : (M1, M2) array_like
        A 2-D kernel of real numbers.
    tol : float, optional
        Relative tolerance of :func:`kernel_rank`.

    Returns
    -------
    column : (M1,) ndarray of float64
    row : (M2,) ndarray of float64
        ``numpy.outer(column, row)`` equals ``k`` up to rounding.

    Raises
    ------
    ValueError
        If ``k`` has rank 2 or more (it is not an outer product), or is not a 2-D array
        of finite numbers.

    Examples
    --------
    >>> column, row = separable_factors(np.full((3, 3), 1 / 9))
    >>> column.round(6).tolist(), row.round(6).tolist()
    ([0.333333, 0.333333, 0.333333], [0.333333, 0.333333, 0.333333])
    >>> column, row = separable_factors([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    >>> (column / column[0]).round(12).tolist(), (row / row[-1]).round(12).tolist()
    ([1.0, 2.0, 1.0], [-1.0, -0.0, 1.0])
    >>> separable_factors([[0, 1, 0], [1, -4, 1], [0, 1, 0]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: k has rank 2, so it is not the outer product of a column and a row ...
    """
    tol = _tol(tol)
    kernel = _kernel(k)
    u, s, vt = np.linalg.svd(kernel)
    if s[0] == 0:
        return np.zeros(kernel.shape[0]), np.zeros(kernel.shape[1])
    rank = int(np.count_nonzero(s > tol * s[0]))
    if rank > 1:
        raise ValueError(
            f"k has rank {rank}, so it is not the outer product of a column and a row "
            "(a separable kernel has rank 1)"
        )
    column, row = u[:, 0] * np.sqrt(s[0]), vt[0] * np.sqrt(s[0])
    if column[np.argmax(np.abs(column))] < 0:
        column, row = -column, -row
    return column, row


@dataclass(frozen=True)
class TimingRow:
    """One kernel size of :func:`separable_timings`.

    Attributes
    ----------
    size : int
        The kernel's side ``k``.
    ops_2d, ops_separable : int
        Multiply-adds per output pixel: ``k²`` and ``2·k``.
    seconds_2d, seconds_separable : float
        Best of the repeats, the 2-D kernel and the two passes.
    """

    size: int
    ops_2d: int
    ops_separable: int
    seconds_2d: float
    seconds_separable: float

    @property
    def speedup(self) -> float:
        """How many times faster the two passes ran."""
        return self.seconds_2d / self.seconds_separable

    @property
    def predicted(self) -> float:
        """The speed-up the count predicts, ``k² / 2k = k / 2``."""
        return self.ops_2d / self.ops_separable


def _best_of(repeat, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def separable_timings(image, sizes=(3, 7, 15, 31), *, repeat: int = 3) -> list[TimingRow]:
    """Time a Gaussian blur on ``image`` as one 2-D kernel and as a row then a column pass.

    Both use :func:`convlab.conv2d` with ``method="direct"`` (summation, no FFT) and
    "same" padding; the kernel of side ``k`` has ``sigma = k / 6``.

    Parameters
    ----------
    image : (N1, N2) array_like
        The image.
    sizes : sequence of int, optional
        Odd kernel sides, each at least 1.
    repeat : int, optional
        Each timing is the best of this many runs, at least 1.

    Returns
    -------
    list of TimingRow

    Examples
    --------
    >>> rows = separable_timings(np.ones((20, 20)), sizes=(3, 5), repeat=1)
    >>> [(r.size, r.ops_2d, r.ops_separable) for r in rows]
    [(3, 9, 6), (5, 25, 10)]
    """
    from .kernels import gaussian1d

    x = as_array(image, "image", ndim=(2,)).astype(np.float64)
    repeat = check_int(repeat, "repeat", minimum=1)
    if isinstance(sizes, (int, np.integer)):
        raise TypeError("sizes must be a sequence of odd kernel sides, e.g. (3, 7, 15)")
    rows = []
    for size in sizes:
        size = check_int(size, "sizes", minimum=1)
        if size % 2 == 0:
            raise ValueError(f"sizes must be odd, got {size}")
        g = gaussian1d(size, size / 6)
        full = np.outer(g, g)

        def two_d(full=full):
            return conv2d(x, full, padding="same", method="direct")

        def two_passes(g=g):
            rows_done = conv2d(x, g[None, :], padding="same", method="direct")
            return conv2d(rows_done, g[:, None], padding="same", method="direct")

        rows.append(TimingRow(size, size * size, 2 * size,
                              _best_of(repeat, two_d), _best_of(repeat, two_passes)))
    return rows


def format_timings(rows) -> str:
    """The table of :func:`separable_timings`, one line per kernel size.

    Examples
    --------
    >>> print(format_timings([TimingRow(7, 49, 14, 0.002, 0.001)]))
    kernel   k²   2k   2-D (ms)   two passes (ms)   speed-up   k/2
       7×7   49   14       2.00              1.00       2.0×   3.5
    """
    lines = ["kernel   k²   2k   2-D (ms)   two passes (ms)   speed-up   k/2"]
    for r in rows:
        lines.append(
            f"{f'{r.size}×{r.size}':>6} {r.ops_2d:>4} {r.ops_separable:>4} "
            f"{1000 * r.seconds_2d:>10.2f} {1000 * r.seconds_separable:>17.2f} "
            f"{r.speedup:>9.1f}× {r.predicted:>5.1f}"
        )
    return "\n".join(lines)


def speedup_sentence(rows) -> str:
    """What a timing table measured, in one or two sentences.

    Parameters
    ----------
    rows : sequence of TimingRow
        From :func:`separable_timings` (or made by hand), at least one.

    Returns
    -------
    str
        Names the largest kernel's measured speed-up next to the count's ``k / 2`` (and
        says so when it is well above or below it), and the sizes (if any) where the two
        passes were not faster.

    Examples
    --------
    >>> rows = [TimingRow(3, 9, 6, 0.0006, 0.0009), TimingRow(31, 961, 62, 0.05, 0.0031)]
    >>> import textwrap
    >>> print(textwrap.fill(speedup_sentence(rows), 88))
    Measured here: for the 31×31 kernel the two passes were 16.1 times as fast as the 2-D
    kernel (the count predicts 15.5). At 3×3 they were not faster (0.7 times): with so few
    multiplications, the cost of a second pass over the image dominates.
    """
    rows = sorted(rows, key=lambda r: r.size)
    if not rows:
        raise ValueError("rows must hold at least one timing")
    big = rows[-1]
    text = (
        f"Measured here: for the {big.size}×{big.size} kernel the two passes were "
        f"{big.speedup:.1f} times as fast as the 2-D kernel (the count predicts "
        f"{big.predicted:.1f})."
    )
    if big.speedup > 1.25 * big.predicted:
        text += (
            " That is more than the count predicts: multiplications are not the whole cost "
            "(how the engine walks through memory matters too)."
        )
    elif big.speedup < 0.8 * big.predicted:
        text += (
            " That is less than the count predicts: each pass also costs time to start and "
            "to walk through the image."
        )
    slow = [r for r in rows if r.speedup <= 1]
    if slow:
        sizes = ", ".join(f"{r.size}×{r.size}" for r in slow)
        ratios = ", ".join(f"{r.speedup:.1f}" for r in slow)
        text += (
            f" At {sizes} they were not faster ({ratios} times): with so few multiplications, "
            "the cost of a second pass over the image dominates."
        )
    else:
        text += " The two passes were faster at every size measured."
    return text
