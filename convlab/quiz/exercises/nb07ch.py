"""Grader kinds for notebook 07 (channels and learned filters, bank key ``"07ch"``).

The notebook also grades ``"output_size"`` and ``"weight_grad2d"``, which are shared kinds
(:mod:`convlab.quiz.vectors`).

======================  ==============================================================
kind                    convention
======================  ==============================================================
``"conv_params"``       ``fn(c_in, c_out, k, bias)`` (``bias`` may go by keyword) -> the
                        number of parameters of a convolution layer with ``c_out``
                        filters of ``k × k`` on ``c_in`` channels:
                        ``c_out * c_in * k * k``, plus ``c_out`` biases when ``bias``.
                        The expected values count the entries of the arrays such a
                        layer holds.
======================  ==============================================================

>>> [c.expected for c in KINDS["conv_params"].cases()][:2]
[1792, 1728]
"""

from __future__ import annotations

import numpy as np

from . import Case, Kind

__all__ = ["KINDS"]


def _count(c_in: int, c_out: int, k: int, bias: bool) -> int:
    """The entries of the weight tensor and, if any, the bias vector."""
    weights = np.zeros((c_out, c_in, k, k))
    biases = np.zeros(c_out if bias else 0)
    return int(weights.size + biases.size)


def _param_cases() -> list[Case]:
    rows = [
        ("VGG's first layer: 3 channels in, 64 filters of 3×3", (3, 64, 3, True)),
        ("the same layer without biases", (3, 64, 3, False)),
        ("64 channels in, 3 filters: one bias per filter, not per channel", (64, 3, 3, True)),
        ("one channel in, one 1×1 filter: a weight and a bias", (1, 1, 1, True)),
        ("a 1×1 convolution from 256 channels to 64", (256, 64, 1, True)),
        ("the tiny CNN's layer: 1 channel in, 8 filters of 3×3", (1, 8, 3, True)),
        ("AlexNet's first layer: 96 filters of 11×11 on colour", (3, 96, 11, True)),
        ("LeNet's second layer: 6 channels in, 16 filters of 5×5", (6, 16, 5, True)),
        ("a ResNet 3×3 layer, 64 to 64, no bias", (64, 64, 3, False)),
    ]
    return [Case(name, args, _count(*args)) for name, args in rows]


KINDS = {
    "conv_params": Kind(
        convention="the parameter count of a convolution layer, fn(c_in, c_out, k, bias) -> "
        "c_out * c_in * k * k, plus c_out when bias is true, an integer",
        cases=_param_cases,
        call="fn(c_in, c_out, k, bias)",
        keywords=("bias",),
    ),
}
