"""How the quiz hides its answers: salted hashes of canonical answer keys.

A question stores no answer, only ``sha256("convlab.quiz/v1|<qid>|<key>")``
(the first 32 hex digits) of the canonical key of each accepted answer.  The
question id salts the hash, so one answer hashes differently in every
question.  To check a response, the question works out the key(s) the
response stands for and looks them up:

* text: :func:`~convlab.quiz._parse.normalise_text` (case, spaces,
  punctuation, a leading article); each accepted synonym has its own hash;
* single choice: ``choice:`` + the option text (case and spacing
  normalised, punctuation kept: "i + j" is not "i - j"); multiple choice:
  ``choices:`` + the sorted texts of the right set;
* numbers: the answer is rounded (half up) to the question's ``decimals``,
  giving an integer ``m`` and the key ``num:<m>e-<decimals>``.  A response
  ``x`` is accepted when a grid point ``m / 10**decimals`` within
  ``tolerance`` of ``x`` has the stored hash, i.e. exactly when
  ``|x - answer_rounded| <= tolerance``.  The default tolerance is 0 for
  whole-number answers (``decimals=0``: "19.0" and "1.9e1" are right, "19.2"
  is not) and half a unit in the last place otherwise (``decimals=2``:
  anything that rounds to the stored 0.11, such as "1/9" or "0.114");
* arrays: the shape plus every value rounded to ``decimals``, with the same
  per-value tolerance (at most half a unit).

The hashes keep answers out of the notebooks, out of ``repr`` and out of any
widget state sent to the browser.  They stop a glance, not a determined
learner: the salt is public and a small answer space (four options, a
number below 1000) can be searched, and the worked explanations sit in the
package source.  That is the honest limit of self-checking quizzes.
"""

from __future__ import annotations

import hashlib
import math
import numbers
from fractions import Fraction

from ._parse import ParseError, parse_number

__all__ = ["SALT", "answer_digest", "round_half_up", "to_fraction"]

SALT = "convlab.quiz/v1"


def answer_digest(qid: str, key: str) -> str:
    """The stored hash of canonical answer ``key`` in question ``qid``.

    >>> len(answer_digest("01-length", "num:9e-0"))
    32
    >>> answer_digest("01-length", "num:9e-0") == answer_digest("other", "num:9e-0")
    False
    """
    return hashlib.sha256(f"{SALT}|{qid}|{key}".encode()).hexdigest()[:32]


def round_half_up(value: Fraction, decimals: int) -> int:
    """``value`` times ``10**decimals``, rounded half up to an integer (the key's ``m``).

    >>> round_half_up(Fraction(1, 9), 2), round_half_up(Fraction(5, 2), 0)
    (11, 3)
    """
    return math.floor(value * 10**decimals + Fraction(1, 2))


def to_fraction(value: object) -> Fraction:
    """The exact value of an answer given in code: int, float, numpy scalar or text.

    A float is read as its shortest repr (0.1 is 1/10), text as the quiz parses it.

    >>> to_fraction(0.1), to_fraction("1/9")
    (Fraction(1, 10), Fraction(1, 9))
    """
    if isinstance(value, str):
        return parse_number(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ParseError(f"Please give a number, not {type(value).__name__}.")
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    f = float(value)
    if not math.isfinite(f):
        raise ParseError(f"Please give a finite number ({f!r} is not one).")
    if abs(f) > 1e300:
        raise ParseError(f"{f!r} is far too large to be the answer.")
    return Fraction(repr(f))
