"""Grader kinds for the notebooks' exercises, one module per notebook (``nb01.py`` …).

:mod:`convlab.quiz.vectors` holds the kinds every notebook shares (``conv2d``,
``output_size`` …); a notebook's own exercises (the anti-diagonal sums, a separable
blur, the dice distribution) add theirs here, so that adding an exercise means adding
to one module and its test file, nothing else.

Each module defines ``KINDS``, a dict from the kind's name to a :class:`Kind`: the
convention the report prints, how the learner's function is called, and a builder of
the test cases.  Every case's expected value comes from an independent computation
(plain numpy, scipy, a closed form), never from convlab's own engine.  Kind names are
unique across the course; :mod:`convlab.quiz.vectors` refuses a name twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Case", "Kind"]


@dataclass(frozen=True)
class Case:
    """One test of a kind: a name the report shows, the arguments, the expected value."""

    name: str
    args: tuple
    expected: object


@dataclass(frozen=True)
class Kind:
    """A grader kind.

    Attributes
    ----------
    convention : str
        What the function must compute, as the report says it (one sentence, with the
        call and the output's shape).
    cases : callable
        Builds the list of :class:`Case`; called for every check.
    call : str
        The call as shown to the learner, e.g. ``"fn(x, h)"``.
    keywords : tuple of str
        Names of trailing arguments that may also go by keyword.
    """

    convention: str
    cases: Callable[[], list[Case]]
    call: str = "fn(x, h)"
    keywords: tuple[str, ...] = ()
