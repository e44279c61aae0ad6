"""Grader kinds of notebook 08 (applications, cost and the frequency view).

=========================  ===================================================================
kind                       convention
=========================  ===================================================================
``"dice_distribution"``    ``fn(n_dice, sides)``: the probability of each total
                           ``n_dice, n_dice + 1, …, n_dice · sides`` of ``n_dice`` fair dice
                           numbered ``1 … sides``, an array of ``n_dice · (sides − 1) + 1``
                           floats that add up to 1.  Expected values by listing every
                           outcome with :func:`itertools.product` and counting.
``"magnitude_response"``   ``fn(h, n)``: ``|H(f)|`` for ``f = 0, 1/n, …, (n // 2)/n`` (the
                           frequencies of ``numpy.fft.rfftfreq(n)``), where
                           ``H(f) = Σ_j h[j] e^{−2πi f j}`` is the DFT of ``h`` zero-padded
                           to ``n ≥ len(h)`` samples: ``n // 2 + 1`` floats.  Expected values
                           from that sum written out with cosines and sines.
=========================  ===================================================================

The notebook's third exercise, convolution through the FFT, uses the shared kind
``"convolve1d"`` (full convolution, floats accepted).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter

import numpy as np

from . import Case, Kind

__all__ = ["KINDS"]


def _dice(n_dice: int, sides: int) -> np.ndarray:
    totals = Counter(map(sum, itertools.product(range(1, sides + 1), repeat=n_dice)))
    outcomes = sides**n_dice
    return np.array([totals[s] / outcomes for s in range(n_dice, n_dice * sides + 1)])


def _dice_cases() -> list[Case]:
    shapes = [
        ("one die, 6 sides: flat", 1, 6),
        ("two dice, 6 sides: the triangle", 2, 6),
        ("three dice, 6 sides", 3, 6),
        ("two four-sided dice", 2, 4),
        ("four coins (sides = 2)", 4, 2),
        ("five three-sided dice", 5, 3),
        ("two twenty-sided dice", 2, 20),
        ("a one-sided die: always 1", 1, 1),
        ("three one-sided dice: always 3", 3, 1),
    ]
    return [Case(name, (n, s), _dice(n, s)) for name, n, s in shapes]


def _dft_magnitude(h, n: int) -> np.ndarray:
    """``|Σ_j h[j] e^{-2πi k j / n}|`` for ``k = 0 … n // 2``, term by term."""
    out = []
    for k in range(n // 2 + 1):
        re = sum(float(v) * math.cos(2 * math.pi * k * j / n) for j, v in enumerate(h))
        im = -sum(float(v) * math.sin(2 * math.pi * k * j / n) for j, v in enumerate(h))
        out.append(math.hypot(re, im))
    return np.array(out)


def _magnitude_cases() -> list[Case]:
    rng = np.random.default_rng(20261202)
    pairs = [
        ("a box of 3 at n = 8", [1 / 3, 1 / 3, 1 / 3], 8),
        ("a unit impulse: flat, 1 everywhere", [1.0], 6),
        ("a difference [1, -1]: 0 at f = 0, 2 at f = 1/2", [1.0, -1.0], 8),
        ("a small Gaussian [1, 2, 1] / 4", [0.25, 0.5, 0.25], 16),
        ("an odd n (no f = 1/2)", [1.0, 2.0, 3.0], 7),
        ("no padding: n = len(h)", [4.0, -1.0, 0.5, 2.0], 4),
        ("a shifted impulse: the same flat magnitude", [0.0, 0.0, 1.0], 5),
        ("n = 2: only f = 0 and f = 1/2", [2.0, 3.0], 2),
        ("random taps, n = 32", rng.normal(size=6).round(3).tolist(), 32),
    ]
    return [Case(name, (np.array(h), n), _dft_magnitude(h, n)) for name, h, n in pairs]


KINDS = {
    "dice_distribution": Kind(
        convention="fn(n_dice, sides) returns the probability of each total n_dice … "
        "n_dice·sides of n_dice fair dice, n_dice·(sides − 1) + 1 floats adding up to 1",
        cases=_dice_cases,
        call="fn(n_dice, sides)",
    ),
    "magnitude_response": Kind(
        convention="fn(h, n) returns |DFT of h zero-padded to n| at f = 0, 1/n, …, "
        "(n // 2)/n (numpy.fft.rfftfreq(n)): n // 2 + 1 floats",
        cases=_magnitude_cases,
        call="fn(h, n)",
    ),
}
