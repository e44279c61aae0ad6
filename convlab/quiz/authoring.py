"""Writing a bank: the digest lines to store for a plain answer (``python -m convlab.quiz digest``).

A bank holds no plain answers, only digests (see :mod:`convlab.quiz.hashing`).
:func:`digest_lines` computes them the way the question will check them, so no
one hashes by hand: for a question already in a bank it reads the kind and the
precision from the bank and says whether the question accepts the answer; for a
new one the caller names the kind.
"""

from __future__ import annotations

from ._parse import parse_array
from .bank import find_question
from .choices import MultipleChoice, SingleChoice, TextQuestion
from .generated import GeneratedQuestion
from .hashing import answer_digest
from .questions import ArrayQuestion, NumericQuestion, Question

__all__ = ["KINDS", "digest_lines"]

#: What ``--kind`` accepts for a question that is not in a bank yet.
KINDS = ("numeric", "array", "shape", "text", "single", "multiple")


def _bank_keys(q: Question, answer: str) -> list[str]:
    """The canonical key(s) of ``answer`` in bank question ``q``, read as the learner's would be."""
    if isinstance(q, GeneratedQuestion):
        raise ValueError(
            f"{q.qid!r} is a generated question: its instances are hashed when they are drawn, "
            "and nothing is stored in the bank"
        )
    if isinstance(q, TextQuestion):
        return [TextQuestion.key(a, q.compact, q.strip_version) for a in answer.split("|")]
    if isinstance(q, MultipleChoice):
        items = answer.split("|") if "|" in answer else answer
        keys, _ = q._keys(items)
        return keys
    keys, _ = q._keys(answer)
    if not keys:
        raise ValueError(f"{answer!r} is not on the grid of {q.qid!r}'s decimals")
    return keys[:1]  # a number's first key is its plain rounding, the one a bank stores


def _new_keys(answer: str, kind: str, decimals: int, compact: bool, strip_version: bool):
    if kind == "numeric":
        return [NumericQuestion.key(answer, decimals)]
    if kind in ("array", "shape"):
        shape, values = parse_array(answer, shape_like=kind == "shape")
        return [ArrayQuestion.key(values, shape, decimals)]
    if kind == "text":
        return [TextQuestion.key(a, compact, strip_version) for a in answer.split("|")]
    if kind == "single":
        return [SingleChoice.key(answer)]
    if kind == "multiple":
        return [MultipleChoice.key(answer.split("|"))]
    raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")


def digest_lines(
    qid: str,
    answer: str,
    *,
    kind: str | None = None,
    decimals: int = 0,
    compact: bool = False,
    strip_version: bool = False,
) -> list[str]:
    """The lines to paste into a bank for ``answer`` to question ``qid``.

    Parameters
    ----------
    qid : str
        The question's id; if a bank holds it, its kind and settings are used.
    answer : str
        The plain answer as a learner would type it (``"9"``, ``"1/9"``,
        ``"4 13 28"``); synonyms of a text answer and the options of a
        multiple-choice answer separated by ``|``.
    kind : {"numeric", "array", "shape", "text", "single", "multiple"}, optional
        Needed only for a question that is not in a bank yet.
    decimals : int, optional
        Precision of a new numeric or array question.
    compact, strip_version : bool, optional
        Text normalisation of a new text question (see
        :func:`convlab.parsing.normalise_text`).

    Returns
    -------
    list of str
        One quoted digest per line, with a comment saying whether the bank's
        question accepts it (never the plain answer).

    Raises
    ------
    ValueError
        If the answer cannot be read, or a new question has no ``kind``.

    Examples
    --------
    >>> digest_lines("01-length", "9")
    ['"8a98e78365dc994b296e8e67c03b3df7",  # 01-length: stored in the bank']
    >>> digest_lines("09-new", "0.25", kind="numeric", decimals=2)
    ['"6e0704f73a10875450ccc84064dcc4ea",  # 09-new: not in a bank yet']
    """
    try:
        q = find_question(qid)
    except KeyError:
        q = None
    if q is not None and kind is None:
        keys = _bank_keys(q, answer)
    elif kind is None:
        raise ValueError(f"{qid!r} is in no bank yet: say which kind of question it is (--kind)")
    else:
        keys = _new_keys(answer, kind, decimals, compact, strip_version)
    lines = []
    for key in keys:
        digest = answer_digest(qid, key)
        if q is None or kind is not None:
            note = "not in a bank yet" if q is None else "computed for the --kind given"
        elif digest in q._hashes:
            note = "stored in the bank"
        elif digest in q._near:
            note = "a near miss the bank answers with its own message"
        else:
            note = "NOT stored in the bank"
        lines.append(f'"{digest}",  # {qid}: {note}')
    return lines
