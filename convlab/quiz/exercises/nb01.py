"""Grader kinds for notebook 01's exercises: the outer-product table and its anti-diagonal sums.

======================  ==============================================================
kind                    convention
======================  ==============================================================
``"outer_table"``       ``fn(x, y)``: the N × M table whose row i, column j holds
                        ``x[i] * y[j]`` (what ``numpy.outer`` returns); the cases have
                        unequal lengths, so a transposed table has the wrong shape
``"anti_diagonal_sums"`` ``fn(x, y)``: the sums of the anti-diagonals of that table,
                        ``z[k] = sum of x[i] * y[j] over i + j = k``, length N + M − 1:
                        the full convolution, checked against ``numpy.convolve``
======================  ==============================================================

>>> from convlab.quiz import check_implementation
>>> check_implementation(lambda x, y: x[:, None] * y[None, :], "outer_table").ok
True
>>> report = check_implementation(lambda x, y: y[:, None] * x[None, :], "outer_table")
>>> report.ok, report.results[1].message
(False, 'expected shape (3, 4), got shape (4, 3)')
"""

from __future__ import annotations

import numpy as np

from . import Case, Kind

__all__ = ["KINDS"]


def _pairs(seed: int) -> list[tuple[str, np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(seed)
    return [
        ("[1..5] and [6..10]", np.arange(1, 6), np.arange(6, 11)),
        ("x shorter than y: [1, 2, 3] and [4, 5, 6, 7]", np.array([1, 2, 3]),
         np.array([4, 5, 6, 7])),
        ("x longer than y: [1..5] and [1, 1, 1]", np.arange(1, 6), np.array([1, 1, 1])),
        ("y of length 1", np.array([3, 1, 4, 1, 5]), np.array([2])),
        ("x of length 1", np.array([7]), np.array([1, -2, 3])),
        ("both of length 1", np.array([7]), np.array([3])),
        ("negative values", np.array([-1, 2, -3, 4]), np.array([1, -1])),
        ("random floats", rng.normal(size=6).round(3), rng.normal(size=4).round(3)),
    ]


def _outer_cases() -> list[Case]:
    return [Case(n, (x, y), np.outer(x, y)) for n, x, y in _pairs(20240101)]


def _diagonal_cases() -> list[Case]:
    return [Case(n, (x, y), np.convolve(x, y)) for n, x, y in _pairs(20240102)]


KINDS = {
    "outer_table": Kind(
        convention="the outer-product table, fn(x, y) -> an array of shape (len(x), len(y)) "
        "whose row i, column j holds x[i] * y[j]",
        cases=_outer_cases,
        call="fn(x, y)",
    ),
    "anti_diagonal_sums": Kind(
        convention="the sums of the outer product's anti-diagonals, fn(x, y) -> z of length "
        "len(x) + len(y) - 1 with z[k] = sum of x[i] * y[j] over i + j = k "
        "(the same as numpy.convolve(x, y))",
        cases=_diagonal_cases,
        call="fn(x, y)",
    ),
}
