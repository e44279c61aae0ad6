"""Grader kinds of notebook 05 (stride, padding, dilation; pooling; upsampling).

The notebook also uses two shared kinds of :mod:`convlab.quiz.vectors`: ``"output_size"``
and ``"conv2d"`` (the square-kernel trap).  Its own:

=======================  ==========================================================
kind                     convention
=======================  ==========================================================
``"max_pool2d"``         ``fn(x, size)``: max pooling of a 2-D array over
                         non-overlapping ``size × size`` windows (stride = size);
                         rows and columns left over at the end are dropped, so the
                         output is ``(rows // size, cols // size)``
``"conv_transpose1d"``   ``fn(x, k, stride)``: the 1-D transposed convolution, no
                         padding: input sample ``i`` stamps ``x[i] * k`` into the
                         output starting at ``i * stride``, and overlapping stamps
                         add; length ``(len(x) - 1) * stride + len(k)``
``"conv_matrix1d"``      ``fn(n, k)``: the ``(n - len(k) + 1, n)`` matrix ``C`` of
                         valid cross-correlation with ``k`` (stride 1, no padding),
                         so that ``C @ x`` is the layer's output for any ``x`` of
                         length ``n``
=======================  ==========================================================

Every expected value is computed here with plain numpy, independently of convlab's
engine: pooling by reshaping the cropped array into blocks, the transposed convolution
by an explicit loop that adds slices, the matrix column by column from
``numpy.correlate`` applied to the unit vectors.
"""

from __future__ import annotations

import numpy as np

from . import Case, Kind

__all__ = ["KINDS"]


def _max_pool(x: np.ndarray, size: int) -> np.ndarray:
    """Max over non-overlapping blocks, by reshaping the cropped array."""
    rows, cols = x.shape[0] // size, x.shape[1] // size
    blocks = x[: rows * size, : cols * size].reshape(rows, size, cols, size)
    return blocks.max(axis=(1, 3))


def _max_pool_cases() -> list[Case]:
    rng = np.random.default_rng(20261205)
    pairs = [
        (
            "4×4 with 2×2 windows",
            np.array([[1, 3, 2, 4], [5, 7, 6, 8], [9, 2, 1, 0], [3, 4, 8, 5]]),
            2,
        ),
        ("5×5 with 2×2 windows: the last row and column are dropped",
         np.arange(25).reshape(5, 5), 2),
        ("non-square input 4×6, size 2", (np.arange(24).reshape(4, 6) * 7) % 11, 2),
        ("size 3 on 7×8 (neither divides)", (np.arange(56).reshape(7, 8) * 5) % 13, 3),
        ("size 1 keeps everything", np.array([[4, -1], [0, 2]]), 1),
        ("one window as large as the input", np.array([[1, 9, 2], [3, 4, 8], [7, 6, 5]]), 3),
        ("all negative values", -np.arange(1, 17).reshape(4, 4), 2),
        ("random floats, 6×5, size 2", rng.normal(size=(6, 5)).round(3), 2),
    ]
    return [Case(name, (x, size), _max_pool(x, size)) for name, x, size in pairs]


def _stamp(x: np.ndarray, k: np.ndarray, stride: int) -> np.ndarray:
    """Each input sample adds a scaled copy of the kernel, ``stride`` apart."""
    out = np.zeros((len(x) - 1) * stride + len(k), dtype=np.result_type(x, k))
    for i, value in enumerate(x):
        out[i * stride : i * stride + len(k)] += value * k
    return out


def _conv_transpose_cases() -> list[Case]:
    rng = np.random.default_rng(20261206)
    rows = [
        ("stride 1: full convolution of [1, 2] with [1, 1, 1]", [1, 2], [1, 1, 1], 1),
        ("stride 2, stamps overlap by one", [1, 2, 3], [1, 1, 1], 2),
        ("stride equal to the kernel: the stamps tile", [1, 2, 3], [1, 1], 2),
        ("stride larger than the kernel leaves gaps of zeros", [1, 2], [1, 1], 3),
        ("asymmetric kernel (no flip)", [1, 0, 2], [1, 2, 3], 2),
        ("one input sample is one stamp", [5], [1, -1, 2], 2),
        ("length-1 kernel: zeros inserted between samples", [1, 2, 3], [2], 3),
        ("negative values", [-1, 3], [2, -1, 1], 1),
        ("random floats, stride 2", rng.normal(size=5).round(3), rng.normal(size=4).round(3), 2),
    ]
    cases = []
    for name, x, k, s in rows:
        x, k = np.array(x), np.array(k)
        cases.append(Case(name, (x, k, s), _stamp(x, k, s)))
    return cases


def _matrix_by_unit_vectors(n: int, k: np.ndarray) -> np.ndarray:
    """Column ``j`` is what the layer makes of the unit vector ``e_j``."""
    return np.stack([np.correlate(np.eye(n, dtype=int)[j], k, mode="valid") for j in range(n)],
                    axis=1)


def _conv_matrix_cases() -> list[Case]:
    rows = [
        ("n = 4, k = [1, 2, 3]", 4, [1, 2, 3]),
        ("n = 6, k = [1, 0, -1]", 6, [1, 0, -1]),
        ("asymmetric kernel (no flip): n = 5, k = [3, 1]", 5, [3, 1]),
        ("kernel as long as the input: one row", 3, [1, 2, 3]),
        ("length-1 kernel: a multiple of the identity", 4, [2]),
        ("n = 1, k = [7]", 1, [7]),
        ("longer input: n = 8, k = [1, 2, 1]", 8, [1, 2, 1]),
        ("float kernel: n = 5, k = [0.5, -0.25, 1.5]", 5, [0.5, -0.25, 1.5]),
    ]
    return [Case(name, (n, np.array(k)), _matrix_by_unit_vectors(n, np.array(k)))
            for name, n, k in rows]


KINDS = {
    "max_pool2d": Kind(
        convention="max pooling over non-overlapping size × size windows (stride = size), "
        "fn(x, size) -> y of shape (rows // size, cols // size): leftover rows and columns "
        "are dropped",
        cases=_max_pool_cases,
        call="fn(x, size)",
    ),
    "conv_transpose1d": Kind(
        convention="1-D transposed convolution without padding: sample i stamps x[i] * k "
        "starting at i * stride and the stamps add, fn(x, k, stride) -> y of length "
        "(len(x) - 1) * stride + len(k)",
        cases=_conv_transpose_cases,
        call="fn(x, k, stride)",
        keywords=("stride",),
    ),
    "conv_matrix1d": Kind(
        convention="the matrix of valid 1-D cross-correlation with k (stride 1, no padding), "
        "fn(n, k) -> C of shape (n - len(k) + 1, n) with C @ x equal to the layer's output",
        cases=_conv_matrix_cases,
        call="fn(n, k)",
    ),
}
