"""Question types checked in the kernel, with answers kept as salted hashes.

Every question has a pure :meth:`Question.check`: the same response and
attempt number always give the same :class:`Feedback`, and nothing is
recorded.  Keeping score and remembering attempts is the job of
:class:`convlab.quiz.Quiz`.

How answers are hidden
----------------------
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
import html
import math
import numbers
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ._parse import ParseError, clean, normalise_text, parse_array, parse_number

__all__ = [
    "ArrayQuestion",
    "Feedback",
    "GeneratedQuestion",
    "Instance",
    "MultipleChoice",
    "NumericQuestion",
    "Question",
    "SingleChoice",
    "TextQuestion",
    "answer_digest",
    "correlation_entry",
    "output_shape",
]

SALT = "convlab.quiz/v1"


def answer_digest(qid: str, key: str) -> str:
    """The stored hash of canonical answer ``key`` in question ``qid``.

    >>> len(answer_digest("01-length", "num:9e-0"))
    32
    >>> answer_digest("01-length", "num:9e-0") == answer_digest("other", "num:9e-0")
    False
    """
    return hashlib.sha256(f"{SALT}|{qid}|{key}".encode()).hexdigest()[:32]


def _round_half_up(value: Fraction, decimals: int) -> int:
    return math.floor(value * 10**decimals + Fraction(1, 2))


def _fmt(value: Fraction) -> str:
    """Short decimal text of an exact value, for messages."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.6g}"


def _to_fraction(value: object) -> Fraction:
    """A number passed from code (not typed): int, float, numpy scalar or text."""
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


def _markdown(text: str) -> str:
    """A tiny, safe Markdown subset as HTML: ```blocks```, `code`, **bold**, paragraphs."""
    parts = text.split("```")
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"<pre>{html.escape(part.strip(chr(10)))}</pre>")
            continue
        esc = html.escape(part)
        esc = re.sub(r"`([^`]+)`", r"<code>\1</code>", esc)
        esc = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", esc)
        paras = [p.strip() for p in re.split(r"\n\s*\n", esc) if p.strip()]
        out.extend(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paras)
    return "".join(out)


@dataclass(frozen=True)
class Feedback:
    """What the learner is told after pressing Check.

    Attributes
    ----------
    correct : bool
        Whether the response is right.
    message : str
        One or two sentences about this response.
    valid : bool
        False when the response could not be read (empty, malformed, too
        long); such a response does not count as an attempt.
    hint : str or None
        Given from the second wrong attempt on.
    explanation : str or None
        The worked answer, given after ``max_tries`` wrong attempts.

    Examples
    --------
    >>> print(Feedback(True, "Nine anti-diagonals."))
    ✓ Correct. Nine anti-diagonals.
    >>> Feedback(False, "", valid=False).status
    'unreadable'
    """

    correct: bool
    message: str
    valid: bool = True
    hint: str | None = None
    explanation: str | None = None

    @property
    def status(self) -> str:
        """``"correct"``, ``"incorrect"`` or ``"unreadable"``."""
        if not self.valid:
            return "unreadable"
        return "correct" if self.correct else "incorrect"

    @property
    def symbol(self) -> str:
        """✓, ✗ or ? — the state in a shape, not only a colour."""
        return {"correct": "✓", "incorrect": "✗", "unreadable": "?"}[self.status]

    @property
    def headline(self) -> str:
        """ "Correct", "Not yet" or "Couldn't read that"."""
        return {
            "correct": "Correct.",
            "incorrect": "Not yet.",
            "unreadable": "Couldn't read that.",
        }[self.status]

    def __str__(self) -> str:
        lines = [f"{self.symbol} {self.headline} {self.message}".rstrip()]
        if self.hint:
            lines.append(f"Hint: {self.hint}")
        if self.explanation:
            lines.append(f"Answer: {self.explanation}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colour = {"correct": "#1a7f37", "incorrect": "#b35900", "unreadable": "#555"}[self.status]
        out = [
            f'<div class="convlab-feedback convlab-{self.status}" role="status">'
            f'<span style="color:{colour}">'
            f"<b>{self.symbol} {html.escape(self.headline)}</b></span> "
            f"{html.escape(self.message)}</div>"
        ]
        if self.hint:
            out.append(f'<div class="convlab-hint"><b>Hint:</b> {html.escape(self.hint)}</div>')
        if self.explanation:
            out.append(
                '<div class="convlab-explanation"><b>Answer:</b> '
                f"{_markdown(self.explanation)}</div>"
            )
        return "".join(out)


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
    """

    kind = "numeric"
    placeholder = "a number, e.g. 2.5 or 2/3"

    def __init__(self, qid, prompt, hashes, *, decimals=0, tolerance=None, **kwargs):
        super().__init__(qid, prompt, hashes, **kwargs)
        self.decimals, self.tolerance = _check_decimals(decimals, tolerance)

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
        x = _to_fraction(response)
        unit = Fraction(1, 10**self.decimals)
        lo = math.ceil((x - self.tolerance) / unit)
        hi = math.floor((x + self.tolerance) / unit)
        # near-miss messages are keyed on the plain rounding of x, so try it first
        nearest = _round_half_up(x, self.decimals)
        ms = [nearest] if lo <= nearest <= hi else []
        ms += [m for m in range(lo, hi + 1) if m != nearest]
        keys = [f"num:{m}e-{self.decimals}" for m in ms]  # empty: off the grid
        return keys, _fmt(x)


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


# ---------------------------------------------------------------------------------------
# text and choices
# ---------------------------------------------------------------------------------------


class TextQuestion(Question):
    """A short text answer, compared after normalisation, with accepted synonyms.

    Parameters
    ----------
    qid, prompt, hashes, **kwargs
        As for :class:`Question`; one hash per accepted spelling.
    compact, strip_version : bool, optional
        Passed to :func:`~convlab.quiz._parse.normalise_text` (for names such
        as "VGG-16", "ResNet 152").

    Examples
    --------
    >>> q = TextQuestion.from_answer("demo", "Same length needed?", ["no", "not necessarily"])
    >>> q.check("  No. ").correct, q.check("NOT necessarily").correct, q.check("yes").correct
    (True, True, False)
    """

    kind = "text"
    placeholder = "a word or a few words"

    def __init__(self, qid, prompt, hashes, *, compact=False, strip_version=False, **kwargs):
        super().__init__(qid, prompt, hashes, **kwargs)
        self.compact = bool(compact)
        self.strip_version = bool(strip_version)

    @staticmethod
    def key(text: str, compact: bool = False, strip_version: bool = False) -> str:
        """Canonical key: ``text:`` + the normalised text."""
        return "text:" + normalise_text(text, compact=compact, strip_version=strip_version)

    @classmethod
    def digests(cls, qid, accepted, *, compact=False, strip_version=False) -> list[str]:
        """The hash list to store for the accepted spellings (for writing a bank)."""
        return sorted({answer_digest(qid, cls.key(a, compact, strip_version)) for a in accepted})

    @classmethod
    def from_answer(
        cls,
        qid,
        prompt,
        accepted,
        *,
        compact=False,
        strip_version=False,
        near_misses=None,
        **kwargs,
    ):
        """Build the question from plain accepted spellings, which are hashed and not kept."""
        near = {
            answer_digest(qid, cls.key(t, compact, strip_version)): msg
            for t, msg in (near_misses or {}).items()
        }
        return cls(
            qid,
            prompt,
            cls.digests(qid, accepted, compact=compact, strip_version=strip_version),
            compact=compact,
            strip_version=strip_version,
            near_misses=near,
            **kwargs,
        )

    def _keys(self, response):
        norm = normalise_text(response, compact=self.compact, strip_version=self.strip_version)
        if not norm:
            raise ParseError("Type a word or a few words first, then press Check.")
        shown = clean(response)
        return ["text:" + norm], (shown if len(shown) <= 40 else shown[:39] + "…")

    def _wrong_message(self, response, echo):
        return f"“{echo}” is not what we are looking for."


def _option_norm(text: str) -> str:
    """Options compare on case and spacing only: "i + j = k" and "i - j = k" must differ."""
    return " ".join(clean(text).casefold().split())


class _Choice(Question):
    def __init__(self, qid, prompt, hashes, *, options, **kwargs):
        super().__init__(qid, prompt, hashes, **kwargs)
        self.options = tuple(str(o) for o in options)
        if len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        norms = [_option_norm(o) for o in self.options]
        if len(set(norms)) != len(norms):
            raise ValueError(f"the options of {qid!r} must differ (ignoring case and spacing)")
        self._norms = norms

    def _option(self, item: object) -> str:
        """The normalised text of one chosen option (index or text)."""
        if isinstance(item, numbers.Integral) and not isinstance(item, bool):
            if 0 <= int(item) < len(self.options):
                return self._norms[int(item)]
            raise ParseError(f"There is no option number {int(item)}; pick one of the options.")
        if isinstance(item, str):
            norm = _option_norm(item)
            if norm in self._norms:
                return norm
            letters = "abcdefghijklmnopqrstuvwxyz"[: len(self.options)]
            norm = norm.strip(" .)")
            if len(norm) == 1 and norm in letters:
                return self._norms[letters.index(norm)]
        raise ParseError("Please pick one of the options shown.")


class SingleChoice(_Choice):
    """Pick one option.  The response is the option's text, its letter or its 0-based index.

    Examples
    --------
    >>> q = SingleChoice.from_answer("demo", "2 + 2?", ["3", "4", "5"], "4")
    >>> q.check("4").correct, q.check(1).correct, q.check("b").correct, q.check("c").correct
    (True, True, True, False)
    """

    kind = "single"

    @staticmethod
    def key(option: str) -> str:
        """Canonical key: ``choice:`` + the option text (case and spacing normalised)."""
        return "choice:" + _option_norm(option)

    @classmethod
    def digests(cls, qid, answer) -> list[str]:
        """The hash list to store (for writing a bank)."""
        return [answer_digest(qid, cls.key(answer))]

    @classmethod
    def from_answer(cls, qid, prompt, options, answer, **kwargs):
        """Build the question from the options and the right one (hashed, not kept)."""
        if answer not in options:
            raise ValueError("the answer must be one of the options")
        return cls(qid, prompt, cls.digests(qid, answer), options=options, **kwargs)

    def _keys(self, response):
        if response is None or (isinstance(response, str) and not response.strip()):
            raise ParseError("Pick an option first, then press Check.")
        if isinstance(response, str):
            clean(response)  # length check
        return ["choice:" + self._option(response)], ""

    def _wrong_message(self, response, echo):
        return "That option is not the best answer."


class MultipleChoice(_Choice):
    """Tick every right option (one or more).  The response is a list of options.

    Each item may be an option's text, its letter or its 0-based index; a
    string such as ``"a, c"`` is read as letters.

    Examples
    --------
    >>> q = MultipleChoice.from_answer("demo", "Even numbers?", ["2", "3", "4"], ["2", "4"])
    >>> q.check([0, 2]).correct, q.check("a c").correct, q.check(["2"]).correct
    (True, True, False)
    """

    kind = "multiple"

    def __init__(self, qid, prompt, hashes, *, options, **kwargs):
        super().__init__(qid, prompt, hashes, options=options, **kwargs)

    @staticmethod
    def key(options: Iterable[str]) -> str:
        """Canonical key: ``choices:`` + the sorted option texts (case and spacing normalised)."""
        return "choices:" + "|".join(sorted({_option_norm(o) for o in options}))

    @classmethod
    def digests(cls, qid, answers) -> list[str]:
        """The hash list to store (for writing a bank)."""
        return [answer_digest(qid, cls.key(answers))]

    @classmethod
    def from_answer(cls, qid, prompt, options, answers, **kwargs):
        """Build the question from the options and the right ones (hashed, not kept)."""
        if not answers or any(a not in options for a in answers):
            raise ValueError("the answers must be a non-empty subset of the options")
        return cls(qid, prompt, cls.digests(qid, answers), options=options, **kwargs)

    def _keys(self, response):
        if isinstance(response, str):
            text = clean(response)
            if _option_norm(text) in self._norms:
                items: list = [text]
            else:
                items = [t for t in re.split(r"[,;\s]+", text.casefold()) if t]
        elif response is None:
            items = []
        elif isinstance(response, Iterable):
            items = list(response)
            if len(items) > len(self.options):
                raise ParseError("That is more choices than there are options.")
        else:
            raise ParseError("Please tick the options you think are right.")
        if not items:
            raise ParseError("Tick at least one option, then press Check.")
        chosen = {self._option(i) for i in items}
        return ["choices:" + "|".join(sorted(chosen))], ""

    def _wrong_message(self, response, echo):
        return "At least one option is ticked that should not be, or one is missing."


# ---------------------------------------------------------------------------------------
# generated questions
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Instance:
    """One generated question: what a generator returns.

    Attributes
    ----------
    prompt : str
        The question (Markdown subset, see :class:`Question`).
    answer : number, sequence or ndarray
        The answer: hashed at once by :class:`GeneratedQuestion` and dropped.
    explanation : str
        The worked answer.
    decimals : int
        Precision of a numeric answer.
    shape_like : bool
        The answer is a shape (accept ``"3 x 4"``).
    """

    prompt: str
    answer: object
    explanation: str
    decimals: int = 0
    shape_like: bool = False


class GeneratedQuestion(Question):
    """A question drawn from a generator, with "another one" on request.

    Parameters
    ----------
    qid : str
        Identifier of the family (each instance is salted with
        ``"<qid>#<number>"``).
    generator : callable
        ``generator(rng) -> Instance``, where ``rng`` is a
        :class:`numpy.random.Generator`.  To tie questions to an explorer's
        current state, pass a generator that reads it, e.g.
        ``functools.partial(correlation_entry, x=explorer.x, h=explorer.h)``.
    seed : int, optional
        Instance ``n`` uses ``numpy.random.default_rng([seed, n])``, so the
        same seed and number always give the same question.
    hint : str, optional
        As for :class:`Question`.
    max_tries : int, optional
        As for :class:`Question`.

    Examples
    --------
    >>> q = GeneratedQuestion("shape", output_shape, seed=1)
    >>> q.number
    0
    >>> q.new_instance().number
    1
    """

    kind = "generated"

    def __init__(
        self,
        qid,
        generator: Callable[[np.random.Generator], Instance],
        *,
        seed=0,
        hint=None,
        max_tries=3,
    ):
        if not callable(generator):
            raise TypeError(f"generator must be callable as generator(rng), got {generator!r}")
        self.qid = qid
        self.generator = generator
        self.seed = int(seed)
        self.hint = hint
        self.max_tries = max_tries
        self.number = -1
        self.set_instance(0)

    def set_instance(self, number: int) -> GeneratedQuestion:
        """Draw instance ``number`` (deterministic for a given seed)."""
        inst = self.generator(np.random.default_rng([self.seed, int(number)]))
        if not isinstance(inst, Instance):
            raise TypeError(f"the generator must return an Instance, got {type(inst).__name__}")
        sub_qid = f"{self.qid}#{int(number)}"
        common = {"hint": self.hint, "explanation": inst.explanation, "max_tries": self.max_tries}
        answer = inst.answer
        if isinstance(answer, (list, tuple, np.ndarray)):
            inner: Question = ArrayQuestion.from_answer(
                sub_qid,
                inst.prompt,
                answer,
                decimals=inst.decimals,
                shape_like=inst.shape_like,
                **common,
            )
            self.placeholder = inner.placeholder
        else:
            inner = NumericQuestion.from_answer(
                sub_qid, inst.prompt, answer, decimals=inst.decimals, **common
            )
            self.placeholder = NumericQuestion.placeholder
        self._inner = inner
        self.number = int(number)
        self.prompt = inst.prompt
        self._explanation = inst.explanation
        return self

    def new_instance(self) -> GeneratedQuestion:
        """Move on to the next instance ("another one")."""
        return self.set_instance(self.number + 1)

    def check(self, response, *, attempt=1):
        return self._inner.check(response, attempt=attempt)

    def __repr__(self) -> str:
        return f"<GeneratedQuestion {self.qid!r} #{self.number}>"


def _matrix_text(a: np.ndarray) -> str:
    width = max(len(str(v)) for v in a.ravel().tolist())
    return "\n".join(" ".join(str(v).rjust(width) for v in row) for row in a.tolist())


def correlation_entry(rng: np.random.Generator, *, x=None, h=None, flip: bool = False) -> Instance:
    """Generator: "what is out[i, j] of this valid 2-D correlation (or convolution)?".

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness (the input, the kernel if not given, and i, j).
    x, h : 2-D array_like, optional
        Input and kernel, e.g. an explorer's current ones; random small
        integers (with non-square kernels now and then) when not given.
    flip : bool, optional
        False: cross-correlation, the deep-learning "convolution"
        (:func:`convlab.correlate`); True: true convolution
        (:func:`convlab.convolve`), the kernel flipped first.

    Returns
    -------
    Instance

    Examples
    --------
    >>> inst = correlation_entry(np.random.default_rng(0), x=[[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    ...                          h=[[0, 1], [1, 0]])
    >>> inst.answer in (6, 8, 12, 14)
    True
    """
    from .. import convolve, correlate
    from .._validation import as_array

    if x is None:
        x = rng.integers(0, 10, size=(int(rng.integers(4, 6)), int(rng.integers(4, 7))))
    if h is None:
        h = np.zeros((1, 1), dtype=int)
        while not h.any():
            h = rng.integers(-2, 3, size=(int(rng.integers(1, 4)), int(rng.integers(2, 4))))
    x = as_array(x, "x", ndim=(2,))
    h = as_array(h, "h", ndim=(2,))
    if h.shape[0] > x.shape[0] or h.shape[1] > x.shape[1]:
        raise ValueError(f"h {h.shape} must fit inside x {x.shape} for a valid-mode question")
    out = convolve(x, h, "valid") if flip else correlate(x, h, "valid")
    i = int(rng.integers(0, out.shape[0]))
    j = int(rng.integers(0, out.shape[1]))
    kh, kw = h.shape
    used = h[::-1, ::-1] if flip else h
    window = x[i : i + kh, j : j + kw]
    terms = " + ".join(f"{a}·{b}" for a, b in zip(window.ravel().tolist(), used.ravel().tolist()))
    value = out[i, j].item()
    what = (
        "true convolution (flip the kernel in both directions first)"
        if flip
        else "cross-correlation, as deep-learning layers do (no flip)"
    )
    prompt = (
        f"Slide the kernel `h` over the input `x` in 'valid' mode, {what}.\n\n"
        f"```\nx =\n{_matrix_text(x)}\n\nh =\n{_matrix_text(h)}\n```\n\n"
        f"The output has shape {out.shape}. What is **out[{i}, {j}]** (rows and columns "
        "counted from 0)?"
    )
    explanation = (
        f"out[{i}, {j}] uses the window of x whose top-left corner is x[{i}, {j}]:\n\n"
        f"```\n{_matrix_text(window)}\n```\n\n"
        + (
            "Multiply it cell by cell with the flipped kernel\n\n"
            f"```\n{_matrix_text(used)}\n```\n\n"
            if flip
            else "Multiply it cell by cell with h "
        )
        + f"and add: {terms} = {value}."
    )
    return Instance(prompt, value, explanation)


def output_shape(
    rng: np.random.Generator, *, n=None, k=None, stride=None, padding=None
) -> Instance:
    """Generator: "what shape is the output of this convolution layer?".

    Uses ``out = floor((n + 2·padding − k) / stride) + 1`` on each axis.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of randomness for whatever is not given.
    n, k : int or (int, int), optional
        Input and kernel size (rows, cols).
    stride, padding : int, optional
        The same on both axes.

    Returns
    -------
    Instance

    Examples
    --------
    >>> inst = output_shape(np.random.default_rng(0), n=(28, 28), k=(3, 3), stride=2, padding=1)
    >>> inst.answer
    (14, 14)
    """

    def pair(v, draw):
        if v is None:
            v = draw()
        return (int(v), int(v)) if np.ndim(v) == 0 else (int(v[0]), int(v[1]))

    for _ in range(100):
        nn = pair(n, lambda: (int(rng.integers(5, 33)), int(rng.integers(5, 33))))
        kk = pair(k, lambda: int(rng.choice([1, 2, 3, 5, 7])))
        s = int(stride) if stride is not None else int(rng.integers(1, 4))
        p = int(padding) if padding is not None else int(rng.integers(0, 4))
        outs = tuple((a + 2 * p - b) // s + 1 for a, b in zip(nn, kk))
        if min(outs) >= 1 and s >= 1 and p >= 0:
            break
    else:
        raise ValueError("these sizes give no valid output; check n, k, stride and padding")
    lines = [
        f"{axis}: ⌊({a} + 2·{p} − {b}) / {s}⌋ + 1 = ⌊{a + 2 * p - b} / {s}⌋ + 1 = {o}"
        for axis, a, b, o in zip(("rows", "cols"), nn, kk, outs)
    ]
    prompt = (
        f"A {nn[0]} × {nn[1]} input goes through a convolution layer with a {kk[0]} × {kk[1]} "
        f"kernel, stride {s} and zero padding {p} on every side. What is the shape of the "
        "output (rows, cols)?"
    )
    explanation = "Per axis, out = ⌊(n + 2·padding − k) / stride⌋ + 1.\n\n" + "\n".join(lines)
    return Instance(prompt, outs, explanation, shape_like=True)
