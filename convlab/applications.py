"""Convolution outside image filters: polynomials, dice, and what a convolution costs.

The helpers of notebook 08.  Each is a few lines of numpy around
:func:`convlab.convolve`; they exist so that the notebook stays short, not
because the ideas are hard:

* multiplying polynomials convolves their coefficient lists
  (:func:`polynomial_product`, :func:`polynomial_power`);
* the distribution of a sum of independent dice is the convolution of their
  distributions (:func:`dice_sum_counts`, :func:`dice_sum_distribution`);
* a direct 2-D convolution costs one multiply-add per output pixel per kernel
  cell, an FFT convolution about ``N² log N`` (:func:`direct_cost`,
  :func:`fft_cost`, :func:`cost_crossover`); in 1-D ``N·M`` against about
  ``(N + M) log(N + M)`` (:func:`direct_cost_1d`, :func:`fft_cost_1d`,
  :func:`cost_crossover_1d`, and :func:`crossover_summary_1d`, the sentence
  written from a measurement).  The measured timings, and
  :func:`convlab.bench.select_methods` which picks the methods notebook 08
  shows, live in :mod:`convlab.bench`;
* reading a frequency response: where a low-pass kernel's first side lobe
  sits and how high it is (:func:`first_side_lobe`), and how fast the
  response falls (:func:`falloff_frequency`, which for a Gaussian response
  is its width ``σ_f``).
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from ._validation import check_int
from .core import convolve
from .cost import (
    cost_crossover,
    cost_crossover_1d,
    crossover_summary_1d,
    direct_cost,
    direct_cost_1d,
    fft_cost,
    fft_cost_1d,
    timing_summary,
)

__all__ = [
    # polynomials
    "polynomial_power",
    "polynomial_product",
    # dice
    "dice_sum_counts",
    "dice_sum_distribution",
    # cost (from convlab.cost)
    "cost_crossover",
    "cost_crossover_1d",
    "crossover_summary_1d",
    "direct_cost",
    "direct_cost_1d",
    "fft_cost",
    "fft_cost_1d",
    "timing_summary",
    # the frequency view
    "falloff_frequency",
    "first_side_lobe",
]


# -- polynomials -------------------------------------------------------------------------


def polynomial_product(*polynomials):
    """Multiply polynomials given as coefficient lists, lowest power first.

    The coefficient of ``t**k`` in ``p(t) q(t)`` adds ``p[i] * q[j]`` over
    ``i + j = k``: the convolution of the coefficient lists.

    Parameters
    ----------
    *polynomials : (N_i,) array_like
        One or more coefficient lists, ``[a0, a1, a2]`` for ``a0 + a1 t + a2 t²``.

    Returns
    -------
    (sum(N_i) - len(polynomials) + 1,) ndarray
        The coefficients of the product; integers stay integers.

    Raises
    ------
    TypeError
        If no polynomial is given.
    ValueError
        If a coefficient list is empty or not 1-D (from :func:`convlab.convolve`).

    Examples
    --------
    ``(1 + t)(1 - t) = 1 - t²``:

    >>> polynomial_product([1, 1], [1, -1])
    array([ 1,  0, -1])

    Any number of factors, ``(1 + t)(1 + 2t)(1 + 3t)``:

    >>> polynomial_product([1, 1], [1, 2], [1, 3])
    array([ 1,  6, 11,  6])
    """
    if not polynomials:
        raise TypeError("polynomial_product needs at least one coefficient list")
    result = np.asarray(polynomials[0])
    if len(polynomials) == 1:
        return convolve(result, [1])  # validated, and a fresh array
    for p in polynomials[1:]:
        result = convolve(result, p)
    return result


def polynomial_power(p, n):
    """The ``n``-th power of a polynomial by repeated convolution.

    Parameters
    ----------
    p : (N,) array_like
        Coefficients, lowest power first.
    n : int
        The power, 0 or more (``p**0 = 1``).

    Returns
    -------
    ((N - 1) * n + 1,) ndarray

    Examples
    --------
    The rows of Pascal's triangle are the powers of ``1 + t``:

    >>> polynomial_power([1, 1], 4)
    array([1, 4, 6, 4, 1])
    >>> polynomial_power([2, 3], 0)
    array([1])
    """
    n = check_int(n, "n", minimum=0)
    result = convolve(np.asarray(p), [1])
    one = np.ones(1, dtype=result.dtype)
    if n == 0:
        return one
    for _ in range(n - 1):
        result = convolve(result, p)
    return result


# -- dice --------------------------------------------------------------------------------


def dice_sum_counts(n_dice, sides=6):
    """In how many ways can ``n_dice`` dice with ``sides`` faces add up to each total?

    One die has one way to show each face ``1 … sides``: the count list
    ``[1] * sides``.  Adding another die convolves the counts, because a total
    ``s`` arises from ``(previous total) + (new face)`` in every combination
    whose parts add up to ``s``.

    Parameters
    ----------
    n_dice : int
        Number of dice, at least 1.
    sides : int, optional
        Faces per die, numbered 1 to ``sides`` (at least 1).

    Returns
    -------
    totals : (n_dice * (sides - 1) + 1,) ndarray of int
        ``n_dice, n_dice + 1, …, n_dice * sides``.
    counts : ndarray of int, same length
        Ways to reach each total; they add up to ``sides ** n_dice``.

    Examples
    --------
    >>> totals, counts = dice_sum_counts(2)
    >>> totals
    array([ 2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12])
    >>> counts
    array([1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1])
    >>> int(counts.sum())
    36
    """
    n_dice = check_int(n_dice, "n_dice", minimum=1)
    sides = check_int(sides, "sides", minimum=1)
    if n_dice * (sides - 1) + 1 > 10_000_000:
        raise ValueError(f"{n_dice} dice with {sides} sides give too many totals to list")
    counts = polynomial_power(np.ones(sides, dtype=np.int64), n_dice)
    totals = np.arange(n_dice, n_dice * sides + 1)
    return totals, counts


def dice_sum_distribution(n_dice, sides=6, *, exact=False):
    """The probability of each total of ``n_dice`` fair dice: repeated convolution.

    The distribution of a sum of independent random variables is the
    convolution of their distributions; for one fair die it is ``[1/sides] * sides``.

    Parameters
    ----------
    n_dice : int
        Number of dice, at least 1.
    sides : int, optional
        Faces per die (1 to ``sides``).
    exact : bool, optional
        Return :class:`fractions.Fraction` probabilities (an object array)
        instead of floats.

    Returns
    -------
    totals : ndarray of int
    probabilities : ndarray of float (or of Fraction)
        Add up to 1.

    Examples
    --------
    Two dice: a 7 is the likeliest total, 6 ways out of 36.

    >>> totals, p = dice_sum_distribution(2, exact=True)
    >>> p[totals == 7][0]
    Fraction(1, 6)
    >>> totals, p = dice_sum_distribution(3)
    >>> float(p.max().round(4)), totals[p.argmax()].item()
    (0.125, 10)
    """
    totals, counts = dice_sum_counts(n_dice, sides)
    outcomes = sides**n_dice
    if exact:
        probabilities = np.array([Fraction(int(c), outcomes) for c in counts], dtype=object)
    else:
        probabilities = counts / outcomes
    return totals, probabilities


# -- the frequency view ------------------------------------------------------------------


def _response(f, magnitude):
    f = np.asarray(f, dtype=float)
    m = np.asarray(magnitude, dtype=float)
    if f.ndim != 1 or m.shape != f.shape or f.size < 3:
        raise ValueError("f and magnitude must be 1-D arrays of the same length, at least 3, "
                         f"got shapes {f.shape} and {m.shape}")
    if not m[0] > 0:
        raise ValueError("magnitude must be positive at f = 0 (a low-pass kernel's peak)")
    return f, m / m[0]


def first_side_lobe(f, magnitude):
    """Where a low-pass response's first side lobe peaks, and how high, relative to f = 0.

    The response falls from its peak at ``f = 0`` to a first minimum (a zero,
    for a box); the side lobe is the highest point between that minimum and the
    next one.

    Parameters
    ----------
    f : (n,) array_like
        Increasing frequencies, starting at 0 (e.g. ``numpy.fft.rfftfreq``).
    magnitude : (n,) array_like
        ``|H(f)|`` there.

    Returns
    -------
    frequency, height : float
        ``height`` as a fraction of ``magnitude[0]``.

    Raises
    ------
    ValueError
        If the response never rises again (no side lobe), or the shapes differ.

    Examples
    --------
    A box of 4 taps: zeros at f = 1/4 and 1/2, the lobe between them.

    >>> f = np.fft.rfftfreq(64)
    >>> m = np.abs(np.fft.rfft(np.ones(4) / 4, 64))
    >>> f_lobe, height = first_side_lobe(f, m)
    >>> float(f_lobe), round(height, 3)
    (0.359375, 0.271)
    """
    f, m = _response(f, magnitude)
    rising = np.flatnonzero(np.diff(m) > 0)
    if rising.size == 0:
        raise ValueError("magnitude has no side lobe: it never rises again after f = 0")
    start = int(rising[0])
    falling = np.flatnonzero(np.diff(m[start:]) < 0)
    stop = start + int(falling[np.searchsorted(falling, 0)]) + 1 if falling.size else m.size - 1
    i = start + int(np.argmax(m[start : stop + 1]))
    return float(f[i]), float(m[i])


_E_HALF = math.exp(-0.5)


def falloff_frequency(f, magnitude, level=_E_HALF):
    """The first frequency where a response has fallen to ``level`` times its value at f = 0.

    For a Gaussian response ``exp(-f² / (2 σ_f²))`` the default level,
    ``e^{-1/2}``, is reached at ``f = σ_f``: the width of the response.
    Linear interpolation between the samples either side.

    Parameters
    ----------
    f, magnitude : (n,) array_like
        As for :func:`first_side_lobe`.
    level : float, optional
        Between 0 and 1.

    Returns
    -------
    float or None
        None if the response never falls that far.

    Examples
    --------
    >>> f = np.linspace(0, 0.5, 501)
    >>> round(falloff_frequency(f, np.exp(-f**2 / (2 * 0.1**2))), 4)
    0.1
    """
    f, m = _response(f, magnitude)
    if not 0 < level < 1:
        raise ValueError(f"level must lie between 0 and 1, got {level!r}")
    below = np.flatnonzero(m <= level)
    if below.size == 0:
        return None
    i = int(below[0])
    return float(f[i - 1] + (m[i - 1] - level) / (m[i - 1] - m[i]) * (f[i] - f[i - 1]))
