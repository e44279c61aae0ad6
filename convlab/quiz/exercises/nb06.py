"""Grader kinds for notebook 06 (stacked layers).

======================  ==============================================================
kind                    convention
======================  ==============================================================
``"merge_kernels"``     ``fn(a, b) -> c``, the one kernel that does the work of two
                        stacked layers: ``conv2d(conv2d(x, a), b) == conv2d(x, c)`` for
                        ``conv2d`` the valid cross-correlation.  ``c`` is the full *true*
                        convolution of ``a`` and ``b`` (``scipy.signal.convolve2d(a, b)``),
                        of shape ``(ah + bh - 1, aw + bw - 1)``; the cases use asymmetric
                        and non-square kernels, so a correlation fails.
``"receptive_field"``   ``fn(kernel_sizes, strides) -> r``, the side of the input window
                        one output of a stack of layers sees:
                        ``r = 1 + sum((k_i - 1) * prod(s_j for j < i))``.  The expected
                        values are worked out layer by layer (each layer adds ``k - 1``
                        steps of the current map, a stride multiplies the step).
======================  ==============================================================

>>> cases = KINDS["receptive_field"].cases()
>>> [c.expected for c in cases if c.name.startswith("six 3×3")]
[13]
>>> KINDS["merge_kernels"].cases()[0].expected.tolist()
[[6]]
"""

from __future__ import annotations

import numpy as np
from scipy.signal import convolve2d

from . import Case, Kind

__all__ = ["KINDS"]

_LAPLACIAN = [[0, 1, 0], [1, -4, 1], [0, 1, 0]]
_VGG16_KERNELS = [3, 3, 2, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 2]
_VGG16_STRIDES = [1, 1, 2, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 2]


def _merge_cases() -> list[Case]:
    rng = np.random.default_rng(606)
    pairs = [
        ("1×1 kernels multiply", [[2]], [[3]]),
        ("a 1×1 identity, then a 2×3 kernel", [[1]], [[1, 2, 3], [4, 5, 6]]),
        ("two 1×2 kernels, not symmetric", [[1, 2]], [[1, -1]]),
        ("a 1×3 row, then a 3×1 column: non-square", [[1, 2, 3]], [[1], [0], [-1]]),
        ("a 2×3 kernel, then a 3×2 kernel", [[1, 0, 2], [-1, 3, 1]], [[2, 1], [0, -1], [1, 4]]),
        ("the Laplacian, then the vertical edge [[1, 0, -1]] × 3", _LAPLACIAN, [[1, 0, -1]] * 3),
        ("random 3×3, then random 2×2 (floats)", rng.normal(size=(3, 3)), rng.normal(size=(2, 2))),
        ("random 2×4, then random 3×1 (floats)", rng.normal(size=(2, 4)), rng.normal(size=(3, 1))),
    ]
    cases = []
    for name, a, b in pairs:
        a, b = np.array(a), np.array(b)
        cases.append(Case(name, (a, b), convolve2d(a, b, mode="full")))
    return cases


def _field(kernel_sizes, strides) -> int:
    """Layer by layer: each layer widens the field by k - 1 steps of the current map."""
    field, step = 1, 1
    for k, s in zip(kernel_sizes, strides):
        field += (k - 1) * step
        step *= s
    return field


def _field_cases() -> list[Case]:
    rows = [
        ("one 3×3 layer", [3], [1]),
        ("a 1×1 layer sees one pixel", [1], [1]),
        ("six 3×3 layers", [3] * 6, [1] * 6),
        ("six 5×5 layers", [5] * 6, [1] * 6),
        ("stride 2, then a 3×3 layer: each step of the map spans 2 pixels", [3, 3], [2, 1]),
        ("the last layer's stride does not widen the field", [3, 3], [1, 2]),
        ("two stride-2 layers, then a 3×3 layer", [3, 3, 3], [2, 2, 1]),
        ("ResNet's stem: 7×7 stride 2, then 3×3 max pooling stride 2, then 3×3",
         [7, 3, 3], [2, 2, 1]),
        ("VGG-16's five blocks, each with 2×2 max pooling (stride 2)",
         _VGG16_KERNELS, _VGG16_STRIDES),
    ]
    return [Case(name, (list(ks), list(ss)), _field(ks, ss)) for name, ks, ss in rows]


KINDS = {
    "merge_kernels": Kind(
        convention="the single kernel c with conv2d(conv2d(x, a), b) == conv2d(x, c), "
        "conv2d the valid cross-correlation: fn(a, b) -> c of shape "
        "(a_rows + b_rows - 1, a_cols + b_cols - 1)",
        cases=_merge_cases,
        call="fn(a, b)",
    ),
    "receptive_field": Kind(
        convention="the side of the input window one output of a stack of layers sees, "
        "fn(kernel_sizes, strides) -> 1 + sum((k_i - 1) * (product of the strides before "
        "layer i)), an integer",
        cases=_field_cases,
        call="fn(kernel_sizes, strides)",
    ),
}
