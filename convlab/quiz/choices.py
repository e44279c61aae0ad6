"""Questions answered in words or by picking options: text, single and multiple choice."""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable

from ._parse import ParseError, clean, normalise_text
from .hashing import answer_digest
from .questions import Question

__all__ = ["MultipleChoice", "SingleChoice", "TextQuestion"]


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
