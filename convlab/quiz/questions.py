"""Question types checked in the kernel, with answers kept as salted hashes.

Every question has a pure :meth:`Question.check`: the same response and
attempt number always give the same :class:`~convlab.quiz.feedback.Feedback`,
and nothing is recorded.  Keeping score and remembering attempts is the job of
:class:`convlab.quiz.Quiz`.  This module holds the base class and the
questions answered with numbers (one number, an array or a shape);
:mod:`convlab.quiz.choices` holds those answered in words or by picking
options, :mod:`convlab.quiz.generated` those drawn fresh from a generator, and
:mod:`convlab.quiz.hashing` says how the answers are hidden.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import numpy as np

from ..formatting import format_number
from ._parse import ParseError, parse_array, parse_number
from .feedback import Feedback
from .feedback import markdown as _markdown
from .hashing import answer_digest
from .hashing import round_half_up as _round_half_up
from .hashing import to_fraction as _to_fraction

__all__ = ["ArrayQuestion", "NumericQuestion", "Question"]


class Question:
    """Base class: a prompt, hashed answers, a hint and a worked explanation.

    Subclasses turn a response into candidate keys (:meth:`_keys`); a response
    is right when one of its keys hashes to a stored digest.

    Parameters
    ----------
    qid : str
        Identifier, unique in its quiz; salts the hashes and names the
        question in the progress file.
    prompt : str
        The question, in a small Markdown subset (```code blocks```,
        `code`, **bold**; ``$...$`` maths is rendered by the widget).
    hashes : iterable of str
        Digests of the accepted answers (see :func:`answer_digest`).
    hint : str, optional
        Shown from the second wrong attempt on.
    explanation : str, optional
        The worked answer; shown on request or after ``max_tries`` misses.
    max_tries : int, optional
        Wrong attempts after which the explanation comes with the feedback.
    near_misses : mapping of str to str, optional
        Digest of a tempting wrong answer -> a targeted message.
    """

    kind = "question"

    def __init__(
        self,
        qid: str,
        prompt: str,
        hashes: Iterable[str],
        *,
        hint: str | None = None,
        explanation: str = "",
        max_tries: int = 3,
        near_misses: Mapping[str, str] | None = None,
    ) -> None:
        if not isinstance(qid, str) or not qid:
            raise TypeError(f"qid must be a non-empty string, got {qid!r}")
        if isinstance(max_tries, bool) or not isinstance(max_tries, int) or max_tries < 1:
            raise ValueError(f"max_tries must be an integer of at least 1, got {max_tries!r}")
        self.qid = qid
        self.prompt = prompt
        self._hashes = frozenset(hashes)
        if not self._hashes:
            raise ValueError(f"question {qid!r} needs at least one accepted answer hash")
        self.hint = hint
        self._explanation = explanation
        self.max_tries = max_tries
        self._near = dict(near_misses or {})

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.qid!r}>"

    # -- the part subclasses provide ------------------------------------------------
    def _keys(self, response: object) -> tuple[list[str], str]:
        """Candidate keys of ``response`` and a short echo of it; may raise ParseError."""
        raise NotImplementedError

    def _wrong_message(self, response: object, echo: str) -> str:
        return f"{echo} is not it." if echo else "That is not it."

    # -- the public part -------------------------------------------------------------
    def check(self, response: object, *, attempt: int = 1) -> Feedback:
        """Check ``response``; pure: nothing is recorded.

        Parameters
        ----------
        response : object
            What the learner gave: text for typed answers, an option (text or
            0-based index) for choices, a list of options for multiple choice.
        attempt : int, optional
            Which try this is (1 = first).  A wrong answer gets the hint from
            attempt 2 and the worked explanation from attempt ``max_tries``.

        Returns
        -------
        Feedback
            Never raises for bad input: unreadable responses give
            ``Feedback(valid=False)`` with a friendly message.
        """
        try:
            keys, echo = self._keys(response)
        except ParseError as exc:
            return Feedback(False, str(exc), valid=False)
        digests = [answer_digest(self.qid, k) for k in keys]
        if any(d in self._hashes for d in digests):
            return Feedback(True, self._right_message())
        message = next((self._near[d] for d in digests if d in self._near), None)
        if message is None:
            message = self._wrong_message(response, echo)
        hint = self.hint if attempt >= 2 else None
        explanation = self._explanation if attempt >= self.max_tries else None
        return Feedback(False, message, hint=hint, explanation=explanation)

    def _right_message(self) -> str:
        return "Well done."

    def reveal(self) -> str:
        """The worked answer (also what the "Show answer" button shows)."""
        return self._explanation

    @property
    def prompt_html(self) -> str:
        """The prompt as HTML."""
        return _markdown(self.prompt)


# ---------------------------------------------------------------------------------------
# numbers and arrays
# ---------------------------------------------------------------------------------------


def _check_decimals(decimals: int, tolerance: object) -> tuple[int, Fraction]:
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 12:
        raise ValueError(f"decimals must be an integer from 0 to 12, got {decimals!r}")
    unit = Fraction(1, 10**decimals)
    if tolerance is None:
        tol = Fraction(0) if decimals == 0 else unit / 2
    else:
        tol = Fraction(str(tolerance)) if isinstance(tolerance, float) else Fraction(tolerance)
        if tol < 0 or tol > 500 * unit:
            raise ValueError(
                f"tolerance must be between 0 and 500 units of the last decimal, got {tolerance!r}"
            )
    return decimals, tol


class NumericQuestion(Question):
    """A question whose answer is one number, with a stated precision.

    Accepts ``"19"``, ``" 19.0 "``, ``"1.9e1"``, ``"1/9"``, ``"−3"`` and
    friends (see :func:`~convlab.quiz._parse.parse_number`).

    Parameters
    ----------
    qid, prompt, hashes, **kwargs
        As for :class:`Question`; ``hashes`` from :meth:`digests`.
    decimals : int, optional
        The answer is stored rounded to this many decimals (0: a whole number).
    tolerance : float or Fraction, optional
        Accepted distance from the stored (rounded) answer; default 0 when
        ``decimals == 0``, else half a unit of the last decimal.
    percent : bool, optional
        The answer is a fraction or a probability, so ``"8.3%"`` may be typed
        for 0.083.  Without it a ``%`` is refused with a message (and costs no
        attempt): "8.3%" in a question about a count is more likely a slip.

    Examples
    --------
    >>> q = NumericQuestion.from_answer("demo", "How long is [1..5] * [6..10]?", 9)
    >>> q.check("9.0").correct, q.check("1.8e1 / 2").correct, q.check("9.5").correct
    (True, True, False)
    >>> print(q.check("nine"))
    ? Couldn't read that. I couldn't read 'nine' as a number. ...
    >>> ninth = NumericQuestion.from_answer("box", "1/9 to 2 decimals?", 1 / 9, decimals=2)
    >>> [ninth.check(s).correct for s in ("1/9", "0.11", "0.114", "0.12")]
    [True, True, True, False]
    >>> sixth = NumericQuestion.from_answer("p", "P(7)?", 1 / 6, decimals=3, percent=True)
    >>> sixth.check("16.7%").correct, sixth.check("0.167").correct
    (True, True)
    """

    kind = "numeric"
    placeholder = "a number, e.g. 2.5 or 2/3"

    def __init__(self, qid, prompt, hashes, *, decimals=0, tolerance=None, percent=False, **kwargs):
        super().__init__(qid, prompt, hashes, **kwargs)
        self.decimals, self.tolerance = _check_decimals(decimals, tolerance)
        self.percent = bool(percent)

    @staticmethod
    def key(value: object, decimals: int = 0) -> str:
        """Canonical key of ``value`` rounded to ``decimals``: ``num:<m>e-<decimals>``."""
        return f"num:{_round_half_up(_to_fraction(value), decimals)}e-{decimals}"

    @classmethod
    def digests(cls, qid: str, answer: object, decimals: int = 0) -> list[str]:
        """The hash list to store for ``answer`` (for writing a bank)."""
        return [answer_digest(qid, cls.key(answer, decimals))]

    @classmethod
    def from_answer(cls, qid, prompt, answer, *, decimals=0, near_misses=None, **kwargs):
        """Build the question from a plain answer, which is hashed and not kept.

        ``near_misses`` maps tempting wrong values to targeted messages.
        """
        near = {
            answer_digest(qid, cls.key(v, decimals)): msg for v, msg in (near_misses or {}).items()
        }
        return cls(
            qid,
            prompt,
            cls.digests(qid, answer, decimals),
            decimals=decimals,
            near_misses=near,
            **kwargs,
        )

    def _keys(self, response):
        if isinstance(response, str):
            x = parse_number(response, percent=self.percent)
        else:
            x = _to_fraction(response)
        unit = Fraction(1, 10**self.decimals)
        lo = math.ceil((x - self.tolerance) / unit)
        hi = math.floor((x + self.tolerance) / unit)
        # near-miss messages are keyed on the plain rounding of x, so try it first
        nearest = _round_half_up(x, self.decimals)
        ms = [nearest] if lo <= nearest <= hi else []
        ms += [m for m in range(lo, hi + 1) if m != nearest]
        keys = [f"num:{m}e-{self.decimals}" for m in ms]  # empty: off the grid
        return keys, format_number(x)


def _array_values(response: object, shape_like: bool) -> tuple[tuple[int, ...], list[Fraction]]:
    if isinstance(response, str):
        return parse_array(response, shape_like=shape_like)
    if isinstance(response, (list, tuple, np.ndarray)):
        try:
            arr = np.asarray(response)
        except ValueError:
            raise ParseError(
                "Rows of different lengths: every row needs the same number."
            ) from None
        if arr.dtype.kind not in "iuf" or arr.ndim not in (1, 2) or arr.size == 0:
            raise ParseError("Please give a 1-D or 2-D list of numbers.")
        return tuple(int(n) for n in arr.shape), [_to_fraction(v) for v in arr.ravel().tolist()]
    raise ParseError(f"Please type the values as text, not {type(response).__name__}.")


class ArrayQuestion(Question):
    """A question whose answer is a 1-D or 2-D array of numbers (or a shape).

    Accepts ``"6 19 40"``, ``"6, 19, 40"``, ``"[6, 19, 40]"``, and for 2-D
    ``"[[6, 8], [12, 14]]"`` or ``"6 8; 12 14"``.  The expected *shape* is
    public (it tells the learner "this one needs 5 values"); the values are
    hashed.

    Parameters
    ----------
    qid, prompt, hashes, **kwargs
        As for :class:`Question`.
    shape : tuple of int
        Expected shape, ``(n,)`` or ``(rows, cols)``.
    decimals : int, optional
        Each value is stored rounded to this many decimals.
    tolerance : float, optional
        Per value, at most half a unit of the last decimal; default 0 when
        ``decimals == 0``, else half a unit.
    shape_like : bool, optional
        The answer is a shape: also accept ``"3 x 4"`` / ``"3 × 4"``.

    Examples
    --------
    >>> q = ArrayQuestion.from_answer("demo", "[1, 2, 3] * [4, 5, 6]?", [4, 13, 28, 27, 18])
    >>> q.check("4 13 28 27 18").correct, q.check("[4, 13, 28, 27, 18]").correct
    (True, True)
    >>> print(q.check("4 13 28"))
    ✗ Not yet. You gave 3 values; this answer has 5.
    """

    kind = "array"
    placeholder = "numbers, e.g. 1 2 3 or [1, 2, 3]"

    def __init__(
        self, qid, prompt, hashes, *, shape, decimals=0, tolerance=None, shape_like=False, **kwargs
    ):
        super().__init__(qid, prompt, hashes, **kwargs)
        self.shape = tuple(int(n) for n in shape)
        if len(self.shape) not in (1, 2) or min(self.shape) < 1:
            raise ValueError(f"shape must be (n,) or (rows, cols) of positive sizes, got {shape!r}")
        self.decimals, self.tolerance = _check_decimals(decimals, tolerance)
        if self.tolerance > Fraction(1, 2 * 10**self.decimals):
            raise ValueError(
                "an array question's tolerance is at most half a unit of the last decimal"
            )
        self.shape_like = bool(shape_like)
        if shape_like:
            self.placeholder = "a shape, e.g. (2, 5) or 2 x 5"

    @staticmethod
    def key(values: Sequence, shape: tuple[int, ...], decimals: int = 0) -> str:
        """Canonical key: ``arr:<shape>:<m1>,<m2>,...e-<decimals>``."""
        ms = ",".join(str(_round_half_up(_to_fraction(v), decimals)) for v in values)
        return f"arr:{'x'.join(map(str, shape))}:{ms}e-{decimals}"

    @classmethod
    def digests(cls, qid: str, answer: object, decimals: int = 0) -> list[str]:
        """The hash list to store for ``answer`` (for writing a bank)."""
        shape, values = _array_values(answer, False)
        return [answer_digest(qid, cls.key(values, shape, decimals))]

    @classmethod
    def from_answer(cls, qid, prompt, answer, *, decimals=0, **kwargs):
        """Build the question from a plain answer, which is hashed and not kept."""
        shape, _ = _array_values(answer, False)
        return cls(
            qid,
            prompt,
            cls.digests(qid, answer, decimals),
            shape=shape,
            decimals=decimals,
            **kwargs,
        )

    def _keys(self, response):
        shape, values = _array_values(response, self.shape_like)
        if len(self.shape) == 1 and len(shape) == 2 and shape[0] == 1:
            shape = (shape[1],)
        if shape != self.shape:
            raise _ShapeMismatch(shape, self.shape)
        unit = Fraction(1, 10**self.decimals)
        ms = [_round_half_up(v, self.decimals) for v in values]
        close = all(abs(v - m * unit) <= self.tolerance for v, m in zip(values, ms))
        key = f"arr:{'x'.join(map(str, shape))}:{','.join(map(str, ms))}e-{self.decimals}"
        return ([key] if close else []), ""

    def check(self, response, *, attempt=1):
        try:
            return super().check(response, attempt=attempt)
        except _ShapeMismatch as exc:
            got, want = exc.args
            if len(want) == 1 and len(got) == 1:
                msg = f"You gave {got[0]} value{'s' * (got[0] != 1)}; this answer has {want[0]}."
            else:
                msg = (
                    f"Your answer has shape {_shape_text(got)}; this answer has shape "
                    f"{_shape_text(want)}."
                )
            hint = self.hint if attempt >= 2 else None
            explanation = self._explanation if attempt >= self.max_tries else None
            return Feedback(False, msg, hint=hint, explanation=explanation)

    def _wrong_message(self, response, echo):
        return "At least one value is off."


def _shape_text(shape: tuple[int, ...]) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else f"({shape[0]}, {shape[1]})"


class _ShapeMismatch(Exception):
    pass
