"""Notebook 04's grader kinds: a separable blur, and padding an image's border.

======================  ==============================================================
kind                    convention
======================  ==============================================================
``"separable_blur"``    ``fn(x, g)``: a pass of the 1-D kernel ``g`` along every row of
                        the 2-D image ``x``, then down every column, both valid
                        cross-correlation; equal to the valid 2-D cross-correlation with
                        ``numpy.outer(g, g)``, shape ``(rows - len(g) + 1,
                        cols - len(g) + 1)``
``"pad_modes"``         ``fn(x, p, mode)``: the array ``x`` (1-D or 2-D) with ``p``
                        values added at both ends of every axis, by PyTorch's padding
                        mode: ``"zeros"``, ``"reflect"``, ``"replicate"`` or
                        ``"circular"``, which are ``numpy.pad``'s ``"constant"``,
                        ``"reflect"``, ``"edge"`` and ``"wrap"``
======================  ==============================================================

The 2-D valid correlation the learner writes first uses the shared kind
``"correlate2d"`` (:mod:`convlab.quiz.vectors`).  Expected values here come from numpy's
sliding windows and ``numpy.pad``, never from convlab.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import Case, Kind

__all__ = ["KINDS", "NUMPY_PAD_MODE"]

#: PyTorch's padding modes and the ``numpy.pad`` modes that do the same.
NUMPY_PAD_MODE = {"zeros": "constant", "reflect": "reflect", "replicate": "edge",
                  "circular": "wrap"}


def _valid_corr2d(x, k):
    return np.einsum("ijkl,kl->ij", sliding_window_view(np.asarray(x), np.shape(k)), k)


def _separable_cases() -> list[Case]:
    rng = np.random.default_rng(20240504)
    pairs = [
        ("box [1/3, 1/3, 1/3] on 1..25", np.arange(1, 26).reshape(5, 5), np.full(3, 1 / 3)),
        ("[1, 2, 1] on a vertical step", np.array([[0, 0, 0, 9, 9, 9]] * 5), np.array([1, 2, 1])),
        ("[1, 2, 1] on a horizontal step", np.array([[0] * 5] * 3 + [[9] * 5] * 3),
         np.array([1, 2, 1])),
        ("asymmetric g = [3, 1, 0] (no flip)", np.arange(24).reshape(4, 6) ** 2 % 11,
         np.array([3, 1, 0])),
        ("non-square image 4×7", np.arange(28).reshape(4, 7) % 5, np.array([1, 3])),
        ("g of length 1 scales the image", np.arange(6).reshape(2, 3), np.array([2])),
        ("g as long as the image is wide", np.arange(9).reshape(3, 3), np.array([1, 2, 4])),
        ("a single bright pixel", np.pad([[1]], 2), np.array([1, 2, 3])),
        ("random floats", rng.normal(size=(6, 8)).round(3), rng.normal(size=3).round(3)),
    ]
    return [Case(name, (x, g), _valid_corr2d(x, np.outer(g, g))) for name, x, g in pairs]


def _pad_cases() -> list[Case]:
    rng = np.random.default_rng(20240505)
    line = np.array([1, 2, 3, 4])
    square = np.arange(1, 10).reshape(3, 3)
    rows = [
        ("zeros, 1-D [1, 2, 3, 4], p = 2", line, 2, "zeros"),
        ("reflect, 1-D [1, 2, 3, 4], p = 2", line, 2, "reflect"),
        ("replicate, 1-D [1, 2, 3, 4], p = 2", line, 2, "replicate"),
        ("circular, 1-D [1, 2, 3, 4], p = 2", line, 2, "circular"),
        ("zeros, 3×3 of 1..9, p = 1", square, 1, "zeros"),
        ("reflect, 3×3 of 1..9, p = 2 (as far as it can go)", square, 2, "reflect"),
        ("replicate, 3×3 of 1..9, p = 2", square, 2, "replicate"),
        ("circular, non-square 2×4, p = 1", np.arange(8).reshape(2, 4), 1, "circular"),
        ("p = 0 changes nothing", square, 0, "reflect"),
        ("random floats, reflect, p = 3", rng.normal(size=(5, 6)).round(3), 3, "reflect"),
    ]
    return [Case(name, (x, p, mode), np.pad(x, p, mode=NUMPY_PAD_MODE[mode]))
            for name, x, p, mode in rows]


KINDS = {
    "separable_blur": Kind(
        convention="a row pass then a column pass of the 1-D kernel g, both valid "
        "cross-correlation: fn(x, g) equals the valid 2-D cross-correlation of x with "
        "numpy.outer(g, g), shape (rows - len(g) + 1, cols - len(g) + 1)",
        cases=_separable_cases,
        call="fn(x, g)",
    ),
    "pad_modes": Kind(
        convention="x with p values added at both ends of every axis, fn(x, p, mode) for "
        "mode 'zeros', 'reflect', 'replicate' or 'circular' (numpy.pad's 'constant', "
        "'reflect', 'edge', 'wrap'); every axis gets 2p longer",
        cases=_pad_cases,
        call="fn(x, p, mode)",
    ),
}
