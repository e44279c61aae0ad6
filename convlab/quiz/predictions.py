"""Predict moments: the inline questions that ask for a guess before a reveal.

Every "Predict:" in a notebook is a question of the notebook's bank (its
``predictions()``, ids ``NN-p-NAME``), shown on its own card right where the notebook
asks.  The learner types a guess, checks it, and is told whether it was right; the
guess is saved with the rest of the progress, under the notebook's key followed by
``"-predict"``, so predictions are scored apart from the quiz.

In a notebook::

    from convlab.quiz import predictions_for
    predict = predictions_for("04")
    predict("crossbar")          # the card for question 04-p-crossbar

>>> from convlab.quiz import NumericQuestion
>>> qs = [NumericQuestion.from_answer("99-p-len", "How long is [1, 2] * [1, 2, 3]?", 4)]
>>> predict = Predictions("99", qs, progress=None)
>>> predict
<Predictions '99': 1 question, 0 / 1 right>
>>> print(predict.check("len", "4"))
✓ Correct. Well done.
>>> predict("nope")
Traceback (most recent call last):
...
KeyError: "no prediction 'nope' in notebook 99; there are: len"
"""

from __future__ import annotations

from collections.abc import Iterable

from .feedback import Feedback
from .model import Quiz
from .questions import Question

__all__ = ["Predictions", "SUFFIX"]

#: The progress key of a notebook's predictions is the notebook's key plus this.
SUFFIX = "-predict"


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
        )

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
        """Submit ``guess`` for prediction ``name`` without widgets."""
        return self.quiz.submit(self._number(name) - 1, guess)

    @property
    def score(self) -> tuple[int, int]:
        """(right, asked) so far."""
        return self.quiz.score

    def __repr__(self) -> str:
        right, total = self.score
        noun = "question" if total == 1 else "questions"
        return f"<Predictions {self.notebook!r}: {total} {noun}, {right} / {total} right>"
