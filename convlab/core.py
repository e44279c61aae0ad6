"""True convolution and cross-correlation in one and two dimensions.

These are the textbook operations, with the same values and shapes as
:func:`scipy.signal.convolve` and :func:`scipy.signal.correlate` (and, in one
dimension, :func:`numpy.convolve` and :func:`numpy.correlate`).  Inputs are
checked first; the arithmetic is then done by scipy.  Integer inputs give exact
integer results.
"""

from __future__ import annotations

import scipy.signal

from ._engine import prepare_textbook

__all__ = ["convolve", "correlate"]


def convolve(x, h, mode="full"):
    """Convolve ``x`` with ``h``: flip ``h``, slide it over ``x``, sum the products.

    For 1-D inputs ``y[k] = sum_i x[i] * h[k - i]``, over every ``i`` where both
    indices are in range; in 2-D the same sum runs over both axes.

    Parameters
    ----------
    x : (N,) or (N1, N2) array_like
        The input signal or image: real numbers, no NaN or infinity.
    h : (M,) or (M1, M2) array_like
        The kernel, with the same number of dimensions as ``x``.
    mode : {"full", "same", "valid"}, optional
        ``"full"`` (default) keeps every position where ``x`` and ``h``
        overlap at all: length ``N + M - 1``.  ``"same"`` keeps the centre of
        the full result, length ``N``.  ``"valid"`` keeps only the positions
        where one input lies wholly inside the other: length
        ``max(N, M) - min(N, M) + 1``.  In 2-D each axis follows the same rule.

    Returns
    -------
    y : ndarray
        ``int64`` for integer inputs (exact), ``float64`` otherwise.

    Raises
    ------
    TypeError
        If ``x`` or ``h`` holds booleans, complex numbers, strings or objects.
    ValueError
        If an input is empty, not 1-D or 2-D, holds NaN or infinity, the two
        differ in dimensions, ``mode`` is unknown, or neither input fits inside
        the other in ``"valid"`` mode.

    See Also
    --------
    correlate : the same sum without the flip.
    numpy.convolve, scipy.signal.convolve : the references this matches.

    Examples
    --------
    Convolving ``[1, 2, 3]`` with ``[0, 1, 0.5]`` adds shifted, scaled copies
    of the kernel: ``1*[0, 1, .5] + 2*[.., 0, 1, .5] + 3*[.., .., 0, 1, .5]``.

    >>> convolve([1, 2, 3], [0, 1, 0.5])
    array([0. , 1. , 2.5, 4. , 1.5])

    The three modes differ only in how much of the full result they keep.

    >>> convolve([1, 2, 3], [0, 1, 0.5], mode="same")
    array([1. , 2.5, 4. ])
    >>> convolve([1, 2, 3], [0, 1, 0.5], mode="valid")
    array([2.5])

    Integers stay exact integers; these are the sums of the anti-diagonals of
    the outer product of ``[1, 2, 3, 4, 5]`` and ``[6, 7, 8, 9, 10]``.

    >>> convolve([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])
    array([  6,  19,  40,  70, 110, 114, 106,  85,  50])

    In 2-D the kernel is flipped along both axes before it slides.

    >>> convolve([[1, 2], [3, 4]], [[1, 0], [0, -1]])
    array([[ 1,  2,  0],
           [ 3,  3, -2],
           [ 0, -3, -4]])
    """
    x, h, mode = prepare_textbook(x, h, mode)
    return scipy.signal.convolve(x, h, mode=mode)


def correlate(x, h, mode="full"):
    """Cross-correlate ``x`` with ``h``: slide ``h`` over ``x`` *without* flipping it.

    For 1-D inputs ``y[k] = sum_i x[i + k - (M - 1)] * h[i]`` in ``"full"``
    mode: each output is the dot product of ``h`` with one window of ``x``.
    This is what deep-learning libraries call "convolution".  It equals
    ``convolve(x, h[::-1])`` (in 2-D, ``h[::-1, ::-1]``).

    Parameters
    ----------
    x : (N,) or (N1, N2) array_like
        The input signal or image: real numbers, no NaN or infinity.
    h : (M,) or (M1, M2) array_like
        The template slid over ``x``, with the same number of dimensions.
    mode : {"full", "same", "valid"}, optional
        As for :func:`convolve`: lengths ``N + M - 1``, ``N`` and
        ``max(N, M) - min(N, M) + 1``.

    Returns
    -------
    y : ndarray
        ``int64`` for integer inputs (exact), ``float64`` otherwise.

    Raises
    ------
    TypeError, ValueError
        As for :func:`convolve`.

    See Also
    --------
    convolve : the same sum with the kernel flipped.
    numpy.correlate, scipy.signal.correlate : the references this matches.

    Examples
    --------
    In "valid" mode each output is one window of ``x`` times ``h``:
    ``1*1 + 2*0 + 3*(-1) = -2`` and ``2*1 + 3*0 + 4*(-1) = -2``.

    >>> correlate([1, 2, 3, 4], [1, 0, -1], mode="valid")
    array([-2, -2])

    Correlating a signal with a pattern it contains peaks where the pattern sits.

    >>> correlate([0, 0, 1, 2, 1, 0], [1, 2, 1], mode="same")
    array([0, 1, 4, 6, 4, 1])

    The 2-D window sums of the 3×3 matrix of 1..9 with ``[[0, 1], [1, 0]]``:
    ``2 + 4 = 6``, ``3 + 5 = 8``, ``5 + 7 = 12``, ``6 + 8 = 14``.

    >>> correlate([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]], mode="valid")
    array([[ 6,  8],
           [12, 14]])
    """
    x, h, mode = prepare_textbook(x, h, mode)
    return scipy.signal.correlate(x, h, mode=mode)
