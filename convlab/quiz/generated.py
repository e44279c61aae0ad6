"""Generated questions: a fresh instance on request ("Another one"), each answer hashed at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .questions import ArrayQuestion, NumericQuestion, Question

__all__ = ["GeneratedQuestion", "Instance", "correlation_entry", "output_shape"]


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
