"""The quiz's reading of typed answers: :mod:`convlab.parsing` plus the quiz's own wording.

The core parser's messages are neutral ("Type a number first."); in a quiz the
learner is told what to do next, so an empty answer reads "Type a number
first, then press Check."  Everything else (the grammar, the refusals, the
limits) is the core parser's.

>>> parse_number("")
Traceback (most recent call last):
...
convlab.parsing.ParseError: Type a number first, then press Check.
"""

from __future__ import annotations

from fractions import Fraction

from .. import parsing
from ..parsing import MAX_RESPONSE_CHARS, ParseError, clean, normalise_text

__all__ = [
    "MAX_RESPONSE_CHARS",
    "ParseError",
    "clean",
    "normalise_text",
    "parse_array",
    "parse_number",
    "then_press_check",
]


def then_press_check(message: str) -> str:
    """Add the quiz's next step to a request for input: "Type X first." → "..., then press Check."

    >>> then_press_check("Pick an option first.")
    'Pick an option first, then press Check.'
    """
    return message.rstrip(". ") + ", then press Check."


def _quiz_error(exc: ParseError) -> ParseError:
    if exc.reason != "empty":
        return exc
    return ParseError(then_press_check(str(exc)), reason=exc.reason)


def parse_number(text: object, *, percent: bool = False) -> Fraction:
    """:func:`convlab.parsing.parse_number`, with the quiz's wording for an empty answer.

    >>> parse_number("1/9"), parse_number("-2^2")
    (Fraction(1, 9), Fraction(-4, 1))
    """
    try:
        return parsing.parse_number(text, percent=percent)
    except ParseError as exc:
        raise _quiz_error(exc) from None


def parse_array(
    text: object, *, shape_like: bool = False
) -> tuple[tuple[int, ...], list[Fraction]]:
    """:func:`convlab.parsing.parse_array`, with the quiz's wording for an empty answer.

    >>> parse_array("6 8; 12 14")[0]
    (2, 2)
    """
    try:
        return parsing.parse_array(text, shape_like=shape_like)
    except ParseError as exc:
        raise _quiz_error(exc) from None
