"""Predict moments: the inline questions that ask for a guess before a reveal.

Every "Predict:" in a notebook is a question of the notebook's bank (its
``predictions()``, ids ``NN-p-NAME``), shown on its own card right where the notebook
asks.  The learner types a guess under "Your prediction", presses "Lock in", and is
told at once whether it was right.  The *first* guess locked in, and whether it was
right, stay in the record whatever the learner tries after; the guesses are saved with
the rest of the progress, under the notebook's key followed by ``"-predict"``, and
scored apart from the quiz: "Predictions: 3 of 5 right first time" (the notebook's quiz
summary ends with that line, and ``python -m convlab.quiz export`` gives them columns
of their own).

In a notebook::

    from convlab.quiz import predictions_for
    predict = predictions_for("04")
    predict("crossbar")          # the card for question 04-p-crossbar

>>> from convlab.quiz import NumericQuestion
>>> qs = [NumericQuestion.from_answer("99-p-len", "How long is [1, 2] * [1, 2, 3]?", 4)]
>>> predict = Predictions("99", qs, progress=None)
>>> predict
<Predictions '99': 1 question, 0 of 1 right first time>
>>> print(predict.check("len", "5"))
✗ Not yet. 5 is not it.
>>> print(predict.check("len", "4"))
✓ Correct. Well done.
>>> print(predict.summary())
Predictions: 0 of 1 right first time.
  ✗ P1: first guess wrong; right since
>>> predict.quiz.records["99-p-len"]["first"]
'5'

>>> predict("nope")
Traceback (most recent call last):
...
KeyError: "no prediction 'nope' in notebook 99; there are: len"
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from .feedback import Feedback
from .model import Quiz
from .questions import Question

__all__ = ["SUFFIX", "Predictions", "line_for"]

#: The progress key of a notebook's predictions is the notebook's key plus this.
SUFFIX = "-predict"

#: notebook key -> the newest Predictions of that notebook (the one the notebook uses)
_LIVE: weakref.WeakValueDictionary = weakref.WeakValueDictionary()


class Predictions:
    """A notebook's Predict moments, each shown on its own card.

    Parameters
    ----------
    notebook : str
        The notebook's key (``"04"``); question ids start with ``f"{notebook}-p-"``.
    questions : iterable of Question
        In the order the notebook asks them.
    progress : "auto", None, path or ProgressStore, optional
        As for :class:`~convlab.quiz.Quiz`.
    """

    def __init__(
        self, notebook: str, questions: Iterable[Question], *, progress: object = "auto"
    ) -> None:
        self.notebook = str(notebook)
        self.prefix = f"{self.notebook}-p-"
        questions = list(questions)
        for q in questions:
            if not str(q.qid).startswith(self.prefix):
                raise ValueError(
                    f"a prediction's id must start with {self.prefix!r}, got {q.qid!r}"
                )
        self.quiz = Quiz(
            questions,
            name=self.notebook + SUFFIX,
            title=f"Predict (notebook {self.notebook})",
            progress=progress,
            predictions=True,
        )
        self.quiz.listeners.append(self._changed)
        _LIVE[self.notebook] = self

    def _changed(self) -> None:
        """A guess was recorded: the notebook's quiz summary shows the new count."""
        from .model import _LATEST

        quiz = _LATEST.get(self.notebook)
        if quiz is not None and quiz._view is not None:
            quiz._view.refresh_totals()

    @property
    def names(self) -> list[str]:
        """The names the notebook uses, ``"crossbar"`` for ``04-p-crossbar``."""
        return [q.qid[len(self.prefix) :] for q in self.quiz.questions]

    def _number(self, name: str) -> int:
        if name not in self.names:
            raise KeyError(
                f"no prediction {name!r} in notebook {self.notebook}; "
                f"there are: {', '.join(self.names)}"
            )
        return self.names.index(name) + 1

    def __call__(self, name: str):
        """The card of prediction ``name``: display it as the last expression of a cell."""
        return self.quiz.section([self._number(name)])

    def check(self, name: str, guess: object) -> Feedback:
        """Lock in ``guess`` for prediction ``name`` without widgets (as the card's button)."""
        return self.quiz.submit(self._number(name) - 1, guess)

    @property
    def score(self) -> tuple[int, int]:
        """``(right first time, predictions)``."""
        right, _made, total = self.quiz.first_time
        return right, total

    def summary(self) -> str:
        """``'Predictions: 3 of 5 right first time.'`` and each prediction's state."""
        return self.quiz.summary()

    def __repr__(self) -> str:
        right, total = self.score
        noun = "question" if total == 1 else "questions"
        return (
            f"<Predictions {self.notebook!r}: {total} {noun}, {right} of {total} right first time>"
        )


def line_for(notebook: str, store) -> str | None:
    """The "Predictions: …" line for notebook ``notebook``'s quiz summary, or None.

    From the progress file when ``store`` has one (every card of the notebook, even one
    left on screen by an earlier run of the cell, saves there), else from the notebook's
    live :class:`Predictions`; None when the notebook has no Predict moments.

    >>> from convlab.quiz import ProgressStore
    >>> line_for("no-such-notebook", ProgressStore(None)) is None
    True
    """
    from .bank import PREDICTIONS

    live = _LIVE.get(str(notebook))
    build = PREDICTIONS.get(str(notebook))
    if live is not None and (store.path is None or build is None):
        return live.quiz.predictions_text() + "."
    if build is None:
        return None
    saved = store.load(str(notebook) + SUFFIX)
    qids = [q.qid for q in build()]
    made = [saved[q] for q in qids if q in saved and saved[q].get("first") is not None]
    right = sum(r.get("first_correct") is True for r in made)
    from .model import _predictions_text

    return _predictions_text(right, len(made), len(qids)) + "."
