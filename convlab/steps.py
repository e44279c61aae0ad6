"""Convolution taken apart: the pieces the explorers animate, one record per output.

:func:`outer_diagonals` splits a 1-D convolution into the anti-diagonals of
an outer product, the picture notebook 01 is built on.  :func:`steps` and
:func:`steps2d` take a sliding-window convolution apart window by window: for
each output position, where the window sits, the input values under it, the
kernel as applied (flipped for true convolution), their products and the sum.

The records are built once, with array views and one call to the fast
convolution; asking for a step only slices them, so an explorer can move
through thousands of steps without recomputing anything.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._engine import correlate_plan, plan_conv, prepare_textbook
from ._validation import as_array, check_bool, check_int_result_fits, check_output_size
from .core import convolve, correlate
from .formatting import format_number

#: The most products (steps x taps) :attr:`Steps.products` builds at once
#: (10**7 float64 are 80 MB).  A record itself holds views, whatever its size.
MAX_STEP_VALUES = 10**7

__all__ = ["OuterDiagonals", "Step", "Steps", "Steps2D", "outer_diagonals", "steps", "steps2d"]


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
        total = format_number(self.sums[k])
        if len(terms) == 1:
            return f"z[{k}] = {total}"
        parts = " + ".join(format_number(t) for t in terms).replace("+ -", "- ")
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


# ---------------------------------------------------------------------------
# sliding windows, one step at a time


@dataclass(frozen=True, eq=False)
class Step:
    """One output position of a sliding-window convolution, taken apart.

    Attributes
    ----------
    index : int or (int, int)
        The output position: ``y[index]`` is :attr:`sum`.
    start : int or (int, int)
        Where the window's first tap sits, in the coordinates of ``x``
        (negative, or past the end, inside the zero padding).
    indices : (M,) ndarray or tuple of ((M1,), (M2,)) ndarrays
        The positions of ``x`` read by each tap (rows and columns in 2-D);
        those outside ``0 .. N - 1`` read padding zeros.
    values : ndarray
        The input values under the taps (zeros in the padding).
    kernel : ndarray
        The kernel as applied: flipped for true convolution.
    products : ndarray
        ``values * kernel``.
    sum : int or float
        ``products.sum()``, the output value.
    """

    index: int | tuple[int, int]
    start: int | tuple[int, int]
    indices: np.ndarray | tuple[np.ndarray, np.ndarray]
    values: np.ndarray
    kernel: np.ndarray
    products: np.ndarray
    sum: int | float

    def equation(self) -> str:
        """The step written out, e.g. ``'y[1] = 1×3 + 2×2 + 3×1 = 10'``.

        >>> steps([1, 2, 3], [1, 2, 3])[2].equation()
        'y[2] = 1×3 + 2×2 + 3×1 = 10'
        """
        terms = " + ".join(
            f"{format_number(v)}×{format_number(k)}"
            for v, k in zip(self.values.ravel(), self.kernel.ravel())
        )
        where = (
            f"{self.index[0]}, {self.index[1]}" if isinstance(self.index, tuple) else self.index
        )
        return f"y[{where}] = {terms} = {format_number(self.sum)}"


def _step_index(i: object, length: int) -> int:
    if isinstance(i, bool) or not isinstance(i, (int, np.integer)):
        raise TypeError(f"step index must be an integer, got {i!r}")
    if not -length <= i < length:
        raise IndexError(f"step index must be between 0 and {length - 1}, got {i}")
    return int(i) % length


@dataclass(frozen=True, eq=False, repr=False)
class Steps:
    """A 1-D convolution or correlation taken apart, one :class:`Step` per output value.

    ``record[i]`` is step ``i``; ``len(record)`` is the number of outputs.

    Attributes
    ----------
    x : (N,) ndarray
        The input.
    kernel : (M,) ndarray
        The kernel as applied (``h`` flipped when ``flip`` is True).
    mode : str
        "full", "same" or "valid".
    flip : bool
        True for convolution, False for correlation.
    padded : ndarray
        ``x`` with ``M - 1`` zeros on each side: every window lies inside it.
    offset : int
        Where ``x[0]`` sits in :attr:`padded` (``M - 1``).
    starts : (L,) ndarray
        For each step, the position of its window's first tap in ``x``'s
        coordinates.
    windows : (L, M) ndarray
        ``windows[i]`` holds the input values under the window of step ``i``
        (a read-only view into :attr:`padded`, no copy).
    output : (L,) ndarray
        The whole result, as :func:`convlab.convolve` / :func:`convlab.correlate`.
    """

    x: np.ndarray
    kernel: np.ndarray
    mode: str
    flip: bool
    padded: np.ndarray
    offset: int
    starts: np.ndarray
    windows: np.ndarray
    output: np.ndarray

    def __len__(self) -> int:
        return len(self.output)

    def __getitem__(self, i) -> Step:
        i = _step_index(i, len(self))
        start = int(self.starts[i])
        values = self.windows[i]
        products = values * self.kernel
        return Step(
            index=i,
            start=start,
            indices=np.arange(start, start + len(self.kernel)),
            values=values,
            kernel=self.kernel,
            products=products,
            sum=products.sum().item(),
        )

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __repr__(self) -> str:
        kind = "convolution" if self.flip else "correlation"
        return f"<Steps: {kind}, mode={self.mode!r}, {len(self)} steps>"

    @property
    def products(self) -> np.ndarray:
        """All products at once, shape ``(L, M)`` (computed on each access).

        Refused with ``ValueError`` past :data:`MAX_STEP_VALUES` products; take
        them a step at a time then (``record[i].products``).
        """
        count, taps = self.windows.shape
        if count * taps > MAX_STEP_VALUES:
            raise ValueError(
                f"products of all {count} steps of {taps} taps at once would be "
                f"{count * taps:,} numbers, more than a step record builds at once "
                f"({MAX_STEP_VALUES:,}); take them a step at a time: record[i].products"
            )
        return self.windows * self.kernel


def steps(x, h, mode="full", *, flip=True) -> Steps:
    """Take a 1-D convolution apart: one record per output value.

    Step ``i`` slides the (flipped) kernel to its ``i``-th position and
    multiplies it with the input values underneath; the products add up to
    ``y[i]``.  The values and shapes match :func:`convlab.convolve` (or, with
    ``flip=False``, :func:`convlab.correlate`) in the same ``mode``.

    Parameters
    ----------
    x : (N,) array_like
        The input signal: real numbers, no NaN or infinity.
    h : (M,) array_like
        The kernel.
    mode : {"full", "same", "valid"}, optional
        Which outputs to keep, as in :func:`convlab.convolve`.
    flip : bool, optional
        True (default): convolution, the kernel is flipped before it slides.
        False: cross-correlation.

    Returns
    -------
    Steps
        Indexable record; ``record[i]`` is a :class:`Step`.

    Raises
    ------
    TypeError, ValueError
        As for :func:`convlab.convolve`, and if ``flip`` is not a bool.

    See Also
    --------
    steps2d : the same for a 2-D convolution layer.

    Examples
    --------
    ``[1, 2, 3]`` convolved with ``[1, 1]``: step 1 puts the flipped kernel
    over ``x[0]`` and ``x[1]``.

    >>> rec = steps([1, 2, 3], [1, 1])
    >>> len(rec), rec.output
    (4, array([1, 3, 5, 3]))
    >>> step = rec[1]
    >>> step.indices, step.values, step.products, step.sum
    (array([0, 1]), array([1, 2]), array([1, 2]), 3)

    In "full" mode the first window hangs off the left end: it reads a zero.

    >>> rec[0].indices, rec[0].values
    (array([-1,  0]), array([0, 1]))

    With ``flip=False`` the kernel slides as it is (cross-correlation):

    >>> rec = steps([0, 1, 2, 3], [1, 0, -1], mode="valid", flip=False)
    >>> rec.output, rec[0].kernel
    (array([-2, -2]), array([ 1,  0, -1]))
    """
    flip = check_bool(flip, "flip")
    x, h, mode = prepare_textbook(as_array(x, "x", ndim=(1,)), as_array(h, "h", ndim=(1,)), mode)
    n, m = len(x), len(h)
    kernel = (h[::-1] if flip else h).copy()
    padded = np.zeros(n + 2 * (m - 1), dtype=x.dtype)
    padded[m - 1 : m - 1 + n] = x
    full = n + m - 1
    length = {"full": full, "same": n, "valid": abs(n - m) + 1}[mode]
    first = (full - length) // 2  # the centred part of the full result, as scipy keeps it
    starts = np.arange(first, first + length) - (m - 1)
    windows = np.lib.stride_tricks.sliding_window_view(padded, m)[first : first + length]
    output = (convolve if flip else correlate)(x, h, mode)
    for arr in (x, kernel, padded, starts, output):
        arr.flags.writeable = False
    return Steps(x, kernel, mode, flip, padded, m - 1, starts, windows, output)


@dataclass(frozen=True, eq=False, repr=False)
class Steps2D:
    """A 2-D convolution layer taken apart, one :class:`Step` per output pixel.

    ``record[i]`` (row-major) or ``record[r, c]`` is a step; ``len(record)``
    is the number of output pixels and :attr:`shape` their rows and columns.

    Attributes
    ----------
    x : (N1, N2) ndarray
        The input image.
    kernel : (M1, M2) ndarray
        The kernel as applied (flipped along both axes when ``flip`` is True).
    stride, dilation : (int, int)
        As passed to :func:`convlab.conv2d`.
    pads : ((int, int), (int, int))
        Zero rows above and below, zero columns left and right.
    padded : ndarray
        ``x`` surrounded by its padding zeros; ``x[0, 0]`` sits at
        ``padded[pads[0][0], pads[1][0]]``.
    windows : (P1, P2, M1, M2) ndarray
        ``windows[r, c]`` holds the input values under the taps of output
        ``(r, c)`` (a read-only view into :attr:`padded`, no copy).
    output : (P1, P2) ndarray
        The whole result, as :func:`convlab.conv2d`.
    """

    x: np.ndarray
    kernel: np.ndarray
    stride: tuple[int, int]
    dilation: tuple[int, int]
    pads: tuple[tuple[int, int], tuple[int, int]]
    flip: bool
    padded: np.ndarray
    windows: np.ndarray
    output: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        """Rows and columns of the output."""
        return self.output.shape

    def __len__(self) -> int:
        return self.output.size

    def __getitem__(self, i) -> Step:
        if isinstance(i, tuple):
            if len(i) != 2:
                raise TypeError(f"step index must be an integer or (row, col), got {i!r}")
            r, c = _step_index(i[0], self.shape[0]), _step_index(i[1], self.shape[1])
        else:
            r, c = divmod(_step_index(i, len(self)), self.shape[1])
        (s0, s1), (d0, d1), (m0, m1) = self.stride, self.dilation, self.kernel.shape
        top, left = r * s0 - self.pads[0][0], c * s1 - self.pads[1][0]
        values = self.windows[r, c]
        products = values * self.kernel
        return Step(
            index=(r, c),
            start=(top, left),
            indices=(top + d0 * np.arange(m0), left + d1 * np.arange(m1)),
            values=values,
            kernel=self.kernel,
            products=products,
            sum=products.sum().item(),
        )

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __repr__(self) -> str:
        kind = "convolution" if self.flip else "correlation"
        rows, cols = self.shape
        return f"<Steps2D: {kind}, {rows}×{cols} = {len(self)} steps>"


def steps2d(x, k, *, stride=1, padding=0, dilation=1, flip=False) -> Steps2D:
    """Take a 2-D convolution layer apart: one record per output pixel.

    The steps follow :func:`convlab.conv2d` with the same arguments: step
    ``(r, c)`` places the kernel's top-left tap at ``(r * s0, c * s1)`` of the
    padded image, multiplies each tap with the pixel under it and adds the
    products up to ``y[r, c]``.

    Parameters
    ----------
    x : (N1, N2) array_like
        The image: real numbers, no NaN or infinity.
    k : (M1, M2) array_like
        The kernel.
    stride, padding, dilation, flip
        As for :func:`convlab.conv2d` (cross-correlation unless ``flip=True``).

    Returns
    -------
    Steps2D
        Indexable record; ``record[r, c]`` (or ``record[i]``, row-major) is a
        :class:`Step`.

    Raises
    ------
    TypeError, ValueError
        As for :func:`convlab.conv2d`.

    Examples
    --------
    The 3×3 matrix of 1..9 with ``[[0, 1], [1, 0]]``: four windows.

    >>> rec = steps2d([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]])
    >>> rec.shape, len(rec)
    ((2, 2), 4)
    >>> step = rec[1, 0]
    >>> step.indices
    (array([1, 2]), array([0, 1]))
    >>> step.values
    array([[4, 5],
           [7, 8]])
    >>> step.products, step.sum
    (array([[0, 5],
           [7, 0]]), 12)
    >>> step.equation()
    'y[1, 0] = 4×0 + 5×1 + 7×1 + 8×0 = 12'

    With padding 1 the first window sits on the zero border:

    >>> steps2d([[1, 2], [3, 4]], [[1, 1], [1, 1]], padding=1)[0].values
    array([[0, 0],
           [0, 1]])
    """
    plan = plan_conv(x, k, stride, padding, dilation, flip, 2)
    padded = np.pad(plan.x, plan.pads)
    check_output_size(padded.shape, "x after padding")
    (s0, s1), (d0, d1) = plan.stride, plan.dilation
    windows = np.lib.stride_tricks.sliding_window_view(padded, plan.span)[::s0, ::s1, ::d0, ::d1]
    output = correlate_plan(plan, "auto", "steps2d")
    kernel = plan.kernel.copy()
    x = plan.x.copy()
    for arr in (x, kernel, padded, output):
        arr.flags.writeable = False
    return Steps2D(
        x, kernel, plan.stride, plan.dilation, plan.pads, check_bool(flip, "flip"), padded,
        windows, output,
    )
