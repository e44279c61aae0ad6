"""Grader kinds for notebook 03's exercises: a normalised Gaussian kernel and a moving average.

======================  ==============================================================
kind                    convention
======================  ==============================================================
``"gaussian_kernel"``   ``fn(size, sigma)`` with an odd ``size``: the taps
                        ``exp(-(i - c)**2 / (2 sigma**2))`` for ``i = 0 … size - 1``,
                        centred on the middle ``c = (size - 1) / 2``, divided by their sum
                        so that they add up to 1 (from the closed form, not convlab)
``"moving_average"``    ``fn(x, size)``: the mean of every window of ``size`` neighbouring
                        samples, valid mode (no padding), length ``len(x) - size + 1``;
                        from cumulative sums
======================  ==============================================================

>>> import numpy as np
>>> from convlab.quiz import check_implementation
>>> box = lambda x, m: np.convolve(x, np.ones(m) / m, "valid")
>>> check_implementation(box, "moving_average").ok
True
>>> report = check_implementation(lambda x, m: np.convolve(x, np.ones(m), "valid"),
...                               "moving_average")
>>> report.ok, report.results[0].message
(False, 'wrong value at index 0: expected 1.5, got 3 (differs by 1.5)')
"""

from __future__ import annotations

import numpy as np

from . import Case, Kind

__all__ = ["KINDS"]


def _gaussian(size: int, sigma: float) -> np.ndarray:
    i = np.arange(size, dtype=float)
    c = (size - 1) / 2
    taps = np.exp(-((i - c) ** 2) / (2.0 * sigma**2))
    return taps / taps.sum()


def _gaussian_cases() -> list[Case]:
    rows = [
        ("size 21, sigma 3 (the notebook's kernel)", 21, 3.0),
        ("size 5, sigma 1", 5, 1.0),
        ("size 3, sigma 0.5", 3, 0.5),
        ("size 1: a single tap of 1", 1, 2.0),
        ("tiny sigma 0.1: almost all weight on the centre", 7, 0.1),
        ("large sigma 100: almost a box", 5, 100.0),
        ("size 51, sigma 8", 51, 8.0),
        ("size 13, sigma 2 (about 6 sigma + 1 taps)", 13, 2.0),
    ]
    return [Case(name, (size, sigma), _gaussian(size, sigma)) for name, size, sigma in rows]


def _moving_average(x: np.ndarray, size: int) -> np.ndarray:
    c = np.concatenate([[0.0], np.cumsum(np.asarray(x, dtype=float))])
    return (c[size:] - c[:-size]) / size


def _moving_cases() -> list[Case]:
    rng = np.random.default_rng(20240301)
    rows = [
        ("[1..5], windows of 2", np.arange(1, 6), 2),
        ("[3, 1, 4, 1, 5, 9, 2, 6], windows of 3", np.array([3, 1, 4, 1, 5, 9, 2, 6]), 3),
        ("window of 1: the signal itself", np.array([2, 7, 1, 8]), 1),
        ("window as long as the signal: one mean", np.array([1, 2, 3, 4, 6]), 5),
        ("negative values", np.array([-1, 2, -3, 4, -5, 6]), 2),
        ("a sawtooth tooth and a drop", np.tile(np.linspace(-1, 1, 5), 2), 3),
        ("random floats, window of 4", rng.normal(size=12).round(3), 4),
    ]
    return [Case(name, (x, size), _moving_average(x, size)) for name, x, size in rows]


KINDS = {
    "gaussian_kernel": Kind(
        convention="a normalised Gaussian kernel, fn(size, sigma) -> size taps "
        "exp(-(i - c)**2 / (2 sigma**2)) with c = (size - 1) / 2 the middle, divided by "
        "their sum so that they add up to 1 (size odd)",
        cases=_gaussian_cases,
        call="fn(size, sigma)",
    ),
    "moving_average": Kind(
        convention="a moving average in 'valid' mode, fn(x, size) -> the mean of every "
        "window of size neighbouring samples, length len(x) - size + 1",
        cases=_moving_cases,
        call="fn(x, size)",
    ),
}
