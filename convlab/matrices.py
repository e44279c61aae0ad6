"""Convolution as a matrix: the linear map of a convolution layer, written out.

A convolution layer (:func:`convlab.conv1d`, :func:`convlab.conv2d`, zero
padding) is linear in its input, so for a fixed input size it *is* a matrix
``C``: ``conv1d(x, k, ...) == C @ x``.  Row ``i`` of ``C`` holds the kernel,
placed where window ``i`` reads the input (``stride`` apart, taps ``dilation``
apart, shifted by the padding; taps that fall on the padding are dropped).  Its
transpose ``C.T`` is the transposed convolution
(:func:`convlab.conv_transpose1d`): the picture behind "the transposed
convolution is the gradient of the convolution".

In 2-D the image is read row by row (``x.ravel()``), so ``C`` has one row per
output pixel and one column per input pixel.  The matrix is mostly zeros; with
``sparse=True`` it comes as a :class:`scipy.sparse.csr_array` holding only the
kernel's taps.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._engine import resolve_padding
from ._validation import (
    as_array,
    check_bool,
    check_int,
    check_padding,
    check_tuple,
)

__all__ = ["MAX_DENSE_ENTRIES", "MAX_TAPS", "conv_matrix"]

#: The most entries a dense :func:`conv_matrix` may have (80 MB of float64).
MAX_DENSE_ENTRIES = 10**7
#: The most (row, tap) pairs a matrix may be built from, dense or sparse (a few 100 MB).
MAX_TAPS = 2 * 10**7


def _check_size(n) -> tuple[int, ...]:
    """``n`` as a tuple: one int (1-D) or a (rows, cols) pair (2-D)."""
    if isinstance(n, (tuple, list, np.ndarray)):
        items = list(np.ravel(n)) if isinstance(n, np.ndarray) else list(n)
        if len(items) != 2:
            raise ValueError(
                f"n must be an integer (a 1-D input's length) or a pair (H, W) (a 2-D "
                f"image's shape), got {n!r}"
            )
        return tuple(check_int(v, "n", minimum=1) for v in items)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(
            f"n must be an integer (a 1-D input's length) or a pair (H, W), got {n!r}"
        )
    return (check_int(n, "n", minimum=1),)


def conv_matrix(n, k, *, stride=1, padding=0, dilation=1, sparse=False):
    """The matrix ``C`` of a convolution layer: ``C @ x == conv1d(x, k, ...)``.

    For an input of ``n`` samples (or an ``(H, W)`` image read row by row),
    ``C`` has one row per output value and one column per input value; row
    ``i`` holds the taps of ``k`` at the input positions window ``i`` reads.
    Zero padding, cross-correlation (no flip), as :func:`convlab.conv1d` and
    :func:`convlab.conv2d` by default.  ``C.T`` is the transposed convolution.

    Parameters
    ----------
    n : int or (int, int)
        The input's length (1-D), or its shape ``(H, W)`` (2-D).
    k : (M,) or (M1, M2) array_like
        The kernel: 1-D for an int ``n``, 2-D for a pair.
    stride : int or (int, int), optional
        Step between windows, at least 1.
    padding : int, (int, int) or {"valid", "same"}, optional
        Zeros on each side of the input, as in :func:`convlab.conv1d`.  The
        zeros contribute nothing, so ``C`` only has columns for real samples.
    dilation : int or (int, int), optional
        Spacing between the kernel's taps, at least 1.
    sparse : bool, optional
        False (default): a dense ndarray.  True: a
        :class:`scipy.sparse.csr_array` storing only the non-zero taps.

    Returns
    -------
    C : (P, n) ndarray or (P1 * P2, H * W) ndarray, or scipy.sparse.csr_array
        ``P = output_size(n, M, stride=..., padding=..., dilation=...)`` per
        axis; ``int64`` for an integer ``k``, else ``float64``.

    Raises
    ------
    TypeError, ValueError
        For a bad ``k`` as in :func:`convlab.conv1d`, an ``n`` that is not a
        positive int or pair, a ``k`` of the wrong dimension for ``n``, bad
        ``stride``, ``padding`` or ``dilation``, a kernel that does not fit
        inside the padded input, a dense matrix of more than
        :data:`MAX_DENSE_ENTRIES` entries (use ``sparse=True``), or more than
        :data:`MAX_TAPS` kernel taps in all (rows times kernel size).

    See Also
    --------
    convlab.conv1d, convlab.conv2d : the same map, computed directly.
    convlab.conv_transpose1d, convlab.conv_transpose2d : the map of ``C.T``.

    Examples
    --------
    A 3-tap kernel over 4 samples: two windows, each row the kernel shifted by one.

    >>> conv_matrix(4, [1, 2, 3])
    array([[1, 2, 3, 0],
           [0, 1, 2, 3]])
    >>> conv_matrix(4, [1, 2, 3]) @ np.array([1, 2, 3, 4])
    array([14, 20])
    >>> from convlab import conv1d
    >>> conv1d([1, 2, 3, 4], [1, 2, 3])
    array([14, 20])

    Stride 2 and one zero of padding: the first window's tap ``1`` falls on the
    padding, so it has no column.

    >>> conv_matrix(5, [1, 2, 3], stride=2, padding=1)
    array([[2, 3, 0, 0, 0],
           [0, 1, 2, 3, 0],
           [0, 0, 0, 1, 2]])

    Sparse, only the taps are stored:

    >>> C = conv_matrix(1000, [1, 2, 3], sparse=True)
    >>> C.shape, C.nnz
    ((998, 1000), 2994)

    A 2×2 kernel over a 2×3 image read row by row:

    >>> conv_matrix((2, 3), [[1, 2], [3, 4]])
    array([[1, 2, 0, 3, 4, 0],
           [0, 1, 2, 0, 3, 4]])
    """
    shape = _check_size(n)
    ndim = len(shape)
    k = as_array(k, "k", ndim=(1, 2))
    if k.ndim != ndim:
        wanted = "an int n (a 1-D input)" if ndim == 1 else "a pair n = (H, W) (a 2-D image)"
        raise ValueError(
            f"k must be {ndim}-D for {wanted}, got a {k.ndim}-D kernel of shape {k.shape}"
        )
    stride = check_tuple(stride, "stride", ndim, minimum=1)
    dilation = check_tuple(dilation, "dilation", ndim, minimum=1)
    pads = resolve_padding(check_padding(padding, ndim), k.shape, stride, dilation)
    sparse = check_bool(sparse, "sparse")
    out = []
    for axis, (size, m, s, d, (before, after)) in enumerate(
        zip(shape, k.shape, stride, dilation, pads)
    ):
        span = d * (m - 1) + 1
        if size + before + after < span:
            where = f" along axis {axis}" if ndim > 1 else ""
            raise ValueError(
                f"k must fit inside the padded input{where}: the kernel spans {span} (size "
                f"{m}, dilation {d}) but n + padding is only {size + before + after}"
            )
        out.append((size + before + after - span) // s + 1)
    rows_total, cols_total = int(np.prod(out)), int(np.prod(shape))
    if not sparse and rows_total * cols_total > MAX_DENSE_ENTRIES:
        raise ValueError(
            f"the dense matrix would have shape ({rows_total}, {cols_total}), "
            f"{rows_total * cols_total} entries (over {MAX_DENSE_ENTRIES:.0e}); pass "
            f"sparse=True for a scipy.sparse matrix that stores only the kernel's taps"
        )
    if rows_total * k.size > MAX_TAPS:
        raise ValueError(
            f"the matrix would hold {rows_total * k.size} taps ({rows_total} rows of "
            f"{k.size}), over {MAX_TAPS:.0e}; use a smaller n or k, or convlab.conv1d / "
            f"convlab.conv2d, which compute C @ x without the matrix"
        )

    # index grids of shape (out..., taps...): which input position each tap of each window reads
    rows = np.arange(rows_total).reshape(out)
    cols = np.zeros((), dtype=np.int64)
    valid = np.ones((), dtype=bool)
    for axis, (size, m, s, d, (before, _)) in enumerate(
        zip(shape, k.shape, stride, dilation, pads)
    ):
        where = [1] * (2 * ndim)
        where[axis], where[ndim + axis] = out[axis], 1
        i = np.arange(out[axis]).reshape(where)
        where[axis], where[ndim + axis] = 1, m
        j = np.arange(m).reshape(where)
        position = i * s + j * d - before
        cols = cols * size + position
        valid = valid & (position >= 0) & (position < size)
    full = (*out, *k.shape)
    keep = np.broadcast_to(valid, full) & (k != 0)
    row_index = np.broadcast_to(rows.reshape(*out, *([1] * ndim)), full)[keep]
    col_index = np.broadcast_to(cols, full)[keep]
    values = np.broadcast_to(k, full)[keep]
    if sparse:
        import scipy.sparse

        return scipy.sparse.csr_array(
            (values, (row_index, col_index)), shape=(rows_total, cols_total)
        )
    matrix = np.zeros((rows_total, cols_total), dtype=k.dtype)
    matrix[row_index, col_index] = values
    return matrix
