"""How the course writes a number in a figure, a status line or a message: one formatter.

Integers (Python, numpy or an exact :class:`fractions.Fraction` with denominator 1) are
written exactly; anything else to a number of significant digits (6 by default, as
``f"{value:g}"``), and a rounded negative zero is written ``0``.
"""

from __future__ import annotations

import numbers
from fractions import Fraction

import numpy as np

__all__ = ["format_number", "format_numbers"]


def format_number(value, digits: int = 6) -> str:
    """``value`` as text: integers exactly, other reals to ``digits`` significant digits.

    Parameters
    ----------
    value : int, float, fractions.Fraction or numpy scalar
        The number.  Complex values are refused.
    digits : int, optional
        Significant digits for a value that is not an integer (default 6, ``"%g"``).

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If ``value`` is not a real number.
    ValueError
        If ``digits`` is not a positive integer.

    Examples
    --------
    Integers stay exact, whatever their type; floats are rounded to 6 digits:

    >>> format_number(3), format_number(np.int64(-2)), format_number(2**70)
    ('3', '-2', '1180591620717411303424')
    >>> format_number(0.1 + 0.2), format_number(1 / 3, digits=4), format_number(1e-20)
    ('0.3', '0.3333', '1e-20')

    A float that is a whole number keeps the ``%g`` look, and a rounded ``-0`` loses its sign:

    >>> format_number(4.0), format_number(-1e-9, digits=4), format_number(-0.0)
    ('4', '-1e-09', '0')

    Exact fractions (the quiz's answers) print as integers when they are whole:

    >>> format_number(Fraction(6, 3)), format_number(Fraction(1, 3))
    ('2', '0.333333')
    """
    if isinstance(digits, bool) or not isinstance(digits, numbers.Integral) or digits < 1:
        raise ValueError(f"digits must be a positive integer, got {digits!r}")
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Fraction) and value.denominator == 1:
        return str(value.numerator)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if not isinstance(value, numbers.Real):
        raise TypeError(f"value must be a real number, got {type(value).__name__}")
    text = f"{float(value):.{int(digits)}g}"
    return "0" if text == "-0" else text


def format_numbers(values, *, limit: int = 8, digits: int = 6) -> str:
    """A short list of numbers, ``[a, b, …, z]`` when there are more than ``limit``.

    Parameters
    ----------
    values : array_like
        The numbers (flattened).
    limit : int, optional
        Longest list written in full; a longer one keeps its first ``limit - 2`` values
        and its last.
    digits : int, optional
        As for :func:`format_number`.

    Examples
    --------
    >>> format_numbers([1, 2, 3])
    '[1, 2, 3]'
    >>> format_numbers(np.arange(10.0) / 4, limit=5)
    '[0, 0.25, 0.5, …, 2.25]'
    """
    values = np.asarray(values).ravel()
    if len(values) <= limit:
        return "[" + ", ".join(format_number(v, digits) for v in values) + "]"
    head = ", ".join(format_number(v, digits) for v in values[: max(limit - 2, 1)])
    return f"[{head}, …, {format_number(values[-1], digits)}]"
