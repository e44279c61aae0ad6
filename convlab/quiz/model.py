"""The quiz model: questions, one record per question, the running score and saved progress.

:class:`Quiz` works without any widget (``quiz.submit(0, "9")``); its views
(:mod:`convlab.quiz.ui`) are built on first display and only show what the
model holds.  ipywidgets is imported only then, so checking answers from code
needs no front end.

"Another one" on a generated question deals a fresh instance.  The rule for
the score: an earlier correct answer keeps counting until the new instance is
answered (a readable answer, right or wrong); then the new answer decides.
Asking for a new instance is never a penalty in itself.

A quiz made with ``predictions=True`` holds a notebook's Predict moments
(:class:`convlab.quiz.Predictions`): its cards say "Your prediction" and
"Lock in", and each record also keeps the *first* guess locked in and whether
it was right (``"first"``, ``"first_correct"``), whatever the learner tries
after.  Its score is "right first time", shown apart from the quiz's score;
the notebook's own quiz adds that line to its summary.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

from .choices import SingleChoice, _Choice
from .feedback import Feedback
from .generated import GeneratedQuestion
from .progress import ProgressStore
from .questions import Question

__all__ = ["Quiz"]

#: quiz name -> the newest quiz of that name (not a prediction quiz), so that a notebook's
#: predictions can refresh the summary of the notebook's own quiz
_LATEST: weakref.WeakValueDictionary = weakref.WeakValueDictionary()


def _new_record() -> dict:
    return {"response": None, "attempts": 0, "correct": False, "revealed": False, "instance": 0}


def _make_store(progress: object) -> ProgressStore:
    if isinstance(progress, ProgressStore):
        return progress
    if progress == "auto":
        return ProgressStore.from_env()
    if progress is None or progress is False:
        return ProgressStore(None)
    if isinstance(progress, (str, os.PathLike)):
        path = Path(progress).expanduser()
        return ProgressStore(path if path.suffix.casefold() == ".json" else path / "progress.json")
    raise TypeError(
        f"progress must be 'auto', None, a path or a ProgressStore, got {type(progress).__name__}"
    )


def _storable(question: Question, response: object) -> str | list[str] | None:
    """What goes into the progress file for ``response`` (text, option texts)."""
    if isinstance(question, _Choice):
        items = [response] if isinstance(question, SingleChoice) else response
        if isinstance(items, str):
            return items if len(items) <= 1000 else None
        try:
            items = list(items)
        except TypeError:
            return None
        texts = []
        for item in items[: len(question.options)]:
            if (
                isinstance(item, int)
                and not isinstance(item, bool)
                and 0 <= item < len(question.options)
            ):
                texts.append(question.options[item])
            elif isinstance(item, str) and len(item) <= 1000:
                texts.append(item)
        if isinstance(question, SingleChoice):
            return texts[0] if texts else None
        return texts
    if isinstance(response, str):
        return response if len(response) <= 1000 else None
    return None


class Quiz:
    """A group of questions with a running score, saved progress and a widget.

    Parameters
    ----------
    questions : iterable of Question
        In order; their ``qid`` values must be distinct.
    name : str, optional
        Names this quiz in the progress file (the notebook number, e.g. "01").
    title : str, optional
        Heading shown above the questions.
    progress : "auto", None, path or ProgressStore, optional
        ``"auto"`` (default) follows ``CONVLAB_PROGRESS`` (see
        :mod:`convlab.quiz.progress`); ``None`` keeps progress in memory only;
        a path ending in ``.json`` is the file, any other path a directory.
    predictions : bool, optional
        True for a notebook's Predict moments: the first guess of each is kept
        and scored "right first time" (see the module docstring).

    Attributes
    ----------
    questions : list of Question
    records : dict
        qid -> ``{"response", "attempts", "correct", "revealed", "instance"}``.

    Examples
    --------
    >>> from convlab.quiz import NumericQuestion, TextQuestion
    >>> length = NumericQuestion.from_answer("len", "How long is [1, 2, 3, 4] * [1] * 6?", 9)
    >>> same = TextQuestion.from_answer("same", "Same length needed?", ["no"])
    >>> quiz = Quiz([length, same], name="demo", progress=None)
    >>> print(quiz.submit(0, "10"))
    ✗ Not yet. 10 is not it.
    >>> print(quiz.submit(0, "9"))
    ✓ Correct. Well done.
    >>> quiz.score_text()
    '1 / 2 correct'
    """

    def __init__(
        self,
        questions: Iterable[Question],
        *,
        name: str = "quiz",
        title: str | None = None,
        progress: object = "auto",
        predictions: bool = False,
    ) -> None:
        self.questions = list(questions)
        if not self.questions:
            raise ValueError("a quiz needs at least one question")
        for q in self.questions:
            if not isinstance(q, Question):
                raise TypeError(f"every question must be a Question, got {type(q).__name__}")
        qids = [q.qid for q in self.questions]
        if len(set(qids)) != len(qids):
            raise ValueError(f"question ids must be distinct, got {qids}")
        self.name = str(name)
        self.title = title if title is not None else f"Quiz {self.name}"
        self.store = _make_store(progress)
        self.records = {q.qid: _new_record() for q in self.questions}
        saved = self.store.load(self.name)
        for q in self.questions:
            if q.qid in saved:
                self.records[q.qid].update(saved[q.qid])
                if isinstance(q, GeneratedQuestion):
                    q.set_instance(self.records[q.qid]["instance"])
                fb = self.feedback(q.qid)
                if fb is not None and fb.valid:
                    self.records[q.qid]["correct"] = fb.correct
        self._view = None  # the widgets, once displayed (convlab.quiz.ui.QuizView)
        self.is_prediction = bool(predictions)
        #: called with no argument after every recorded change (the predictions use it)
        self.listeners: list[Callable[[], None]] = []
        if not self.is_prediction:
            _LATEST[self.name] = self

    # -- pure python ------------------------------------------------------------------
    def _index(self, which: int | str) -> int:
        if isinstance(which, str):
            for i, q in enumerate(self.questions):
                if q.qid == which:
                    return i
            raise KeyError(f"no question {which!r} in quiz {self.name!r}")
        if isinstance(which, bool) or not isinstance(which, int):
            raise TypeError(f"pick a question by index or id, got {which!r}")
        if not -len(self.questions) <= which < len(self.questions):
            raise IndexError(f"quiz {self.name!r} has {len(self.questions)} questions")
        return which % len(self.questions)

    def submit(self, which: int | str, response: object) -> Feedback:
        """Check ``response`` to one question, record the attempt and save progress.

        Unreadable responses get a friendly message and don't count as an
        attempt; sending the same response again doesn't count twice.
        """
        i = self._index(which)
        q = self.questions[i]
        rec = self.records[q.qid]
        stored = _storable(q, response)
        if rec["attempts"] and stored is not None and stored == rec["response"]:
            previous = q.check(response, attempt=rec["attempts"])
            if previous.valid:
                self._refresh(i, previous)
                return previous
        attempt = rec["attempts"] + 1
        try:
            fb = q.check(response, attempt=attempt)
        except Exception as exc:  # a bug in a question must not reach the learner as a traceback
            fb = Feedback(
                False,
                f"Sorry, checking this answer failed inside convlab "
                f"({type(exc).__name__}). Please tell the course authors.",
                valid=False,
            )
        rec["response"] = stored
        if fb.valid:
            rec["attempts"] = attempt
            rec["correct"] = fb.correct
            if self.is_prediction and rec.get("first") is None:
                rec["first"] = stored if stored is not None else str(response)[:1000]
                rec["first_correct"] = fb.correct
        self._save()
        self._refresh(i, fb)
        return fb

    def feedback(self, which: int | str) -> Feedback | None:
        """The feedback for the last recorded response (None if nothing answered yet)."""
        q = self.questions[self._index(which)]
        rec = self.records[q.qid]
        if rec["response"] is None:
            return None
        return q.check(rec["response"], attempt=max(rec["attempts"], 1))

    def reveal(self, which: int | str) -> str:
        """Show (and record that the learner asked for) the worked answer."""
        i = self._index(which)
        q = self.questions[i]
        self.records[q.qid]["revealed"] = True
        self._save()
        self._refresh(i)
        return q.reveal()

    def another(self, which: int | str) -> GeneratedQuestion:
        """Replace a generated question by its next instance, with a fresh record.

        The new record starts unanswered, but an earlier correct answer keeps
        counting (``record["correct"]`` stays True) until the new instance gets a
        readable answer: asking for more practice never lowers the score.
        """
        i = self._index(which)
        q = self.questions[i]
        if not isinstance(q, GeneratedQuestion):
            raise TypeError(f"question {q.qid!r} is not a generated question")
        q.new_instance()
        rec = _new_record()
        rec["instance"] = q.number
        rec["correct"] = self.records[q.qid]["correct"]
        for name in ("first", "first_correct"):  # a first guess stays the first
            if name in self.records[q.qid]:
                rec[name] = self.records[q.qid][name]
        self.records[q.qid] = rec
        self._save()
        if self._view is not None:
            self._view.question_changed(i)
        return q

    def reset(self) -> None:
        """Forget every answer in this quiz (and in its saved progress)."""
        for q in self.questions:
            self.records[q.qid] = _new_record()
            if isinstance(q, GeneratedQuestion):
                q.set_instance(0)
        self._save()
        if self._view is not None:
            for i in range(len(self.questions)):
                self._view.question_changed(i)

    @property
    def score(self) -> tuple[int, int]:
        """``(correct, total)``."""
        return sum(r["correct"] for r in self.records.values()), len(self.questions)

    def score_text(self) -> str:
        """The running score, e.g. ``'2 / 5 correct'``."""
        right, total = self.score
        return f"{right} / {total} correct"

    @property
    def first_time(self) -> tuple[int, int, int]:
        """``(right first time, guesses locked in, questions)``: a prediction quiz's score.

        >>> from convlab.quiz import NumericQuestion
        >>> q = NumericQuestion.from_answer("99-p-n", "How long is [1, 2] * [1, 2]?", 3)
        >>> quiz = Quiz([q], name="99-predict", progress=None, predictions=True)
        >>> _ = quiz.submit(0, "4"), quiz.submit(0, "3")  # wrong, then right
        >>> quiz.first_time, quiz.score
        ((0, 1, 1), (1, 1))
        """
        recs = [self.records[q.qid] for q in self.questions]
        made = [r for r in recs if r.get("first") is not None]
        return sum(r.get("first_correct") is True for r in made), len(made), len(recs)

    def predictions_text(self) -> str:
        """A prediction quiz's score, e.g. ``'Predictions: 3 of 5 right first time'``.

        >>> from convlab.quiz import NumericQuestion
        >>> q = NumericQuestion.from_answer("99-p-n", "How long is [1, 2] * [1, 2]?", 3)
        >>> quiz = Quiz([q], name="99-predict", progress=None, predictions=True)
        >>> _ = quiz.submit(0, "3")
        >>> quiz.predictions_text()
        'Predictions: 1 of 1 right first time'
        """
        return _predictions_text(*self.first_time)

    def _status(self, q: Question) -> tuple[str, str]:
        rec = self.records[q.qid]
        tries = rec["attempts"]
        if self.is_prediction:
            if rec.get("first") is None:
                return "–", "not locked in yet"
            if rec.get("first_correct"):
                return "✓", "right first time"
            later = "; right since" if rec["correct"] else ""
            return "✗", f"first guess wrong{later}"
        note = f" ({tries} {'try' if tries == 1 else 'tries'})" if tries else ""
        shown = ", answer shown" if rec["revealed"] else ""
        if rec["correct"] and not tries:
            return "✓", f"correct on an earlier instance; this one not answered yet{shown}"
        if rec["correct"]:
            return "✓", f"correct{note}{shown}"
        if tries:
            return "✗", f"not yet{note}{shown}"
        return "–", f"not answered{shown}"

    def summary(self) -> str:
        """A plain-text summary: the score and each question's state.

        A prediction quiz's summary starts with its "right first time" line; a
        notebook's own quiz ends with that line of the notebook's predictions, when
        it has any (the predictions' score never counts in the quiz's).
        """
        if self.is_prediction:
            lines = [f"{self.predictions_text()}."]
            for n, q in enumerate(self.questions, start=1):
                symbol, text = self._status(q)
                lines.append(f"  {symbol} P{n}: {text}")
            return "\n".join(lines)
        right, total = self.score
        finished = all(r["correct"] or r["revealed"] for r in self.records.values())
        head = f"{self.title}: {right} / {total} correct."
        if finished:
            shown = sum(r["revealed"] for r in self.records.values())
            head += " All done" + (f" ({shown} with the answer shown)." if shown else ".")
        lines = [head]
        for n, q in enumerate(self.questions, start=1):
            symbol, text = self._status(q)
            lines.append(f"  {symbol} Q{n}: {text}")
        extra = self._predictions_line()
        if extra:
            lines.append(extra)
        return "\n".join(lines)

    def _predictions_line(self) -> str | None:
        from .predictions import line_for  # predictions build on this module

        try:
            return line_for(self.name, self.store)
        except Exception:  # a summary must never fail because a bank could not be built
            return None

    def __repr__(self) -> str:
        return f"<Quiz {self.name!r}: {len(self.questions)} questions, {self.score_text()}>"

    def _save(self) -> None:
        self.store.save(self.name, self.records)
        for listener in list(self.listeners):
            listener()

    # -- views (convlab.quiz.ui) ------------------------------------------------------
    @property
    def view(self):
        """The widgets showing this quiz (:class:`convlab.quiz.ui.QuizView`, built on first use)."""
        if self._view is None:
            from .ui import QuizView

            self._view = QuizView(self)
        return self._view

    @property
    def widget(self):
        """The quiz as an ``ipywidgets.VBox`` (built on first use)."""
        return self.view.box

    @property
    def _notice_html(self):
        """The view's notice line (a reset progress file); kept for older callers."""
        return self.view.notice_html

    def _refresh(self, i: int, feedback: Feedback | None = None) -> None:
        if self._view is not None:
            self._view.refresh(i, feedback)

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle

    def section(self, numbers):
        """Some of the questions, to show next to the text that prepares them.

        The section shares this quiz's questions, score and saved progress: answering in
        a section is answering in the quiz.  Display it as the last expression of a cell.

        Parameters
        ----------
        numbers : iterable of int
            Question numbers as the learner sees them, counting from 1 (e.g.
            ``range(1, 5)`` for questions 1–4), in the order to show them.

        Examples
        --------
        >>> from convlab.quiz import NumericQuestion
        >>> qs = [NumericQuestion.from_answer(f"q{i}", f"{i} + {i}?", 2 * i) for i in (1, 2, 3)]
        >>> quiz = Quiz(qs, name="demo", progress=None)
        >>> part = quiz.section([2, 3])
        >>> part
        <Quiz 'demo': questions 2–3 of 3>
        >>> print(quiz.submit(1, "4"))  # question 2, answered through the quiz
        ✓ Correct. Well done.
        >>> quiz.score_text()
        '1 / 3 correct'
        >>> quiz.section([4])
        Traceback (most recent call last):
        ...
        ValueError: numbers must be question numbers from 1 to 3, got [4]
        """
        if isinstance(numbers, (str, bytes)) or not hasattr(numbers, "__iter__"):
            raise TypeError(f"numbers must be an iterable of question numbers, got {numbers!r}")
        numbers = list(numbers)
        count = len(self.questions)
        if not numbers or any(
            isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= count for n in numbers
        ):
            raise ValueError(f"numbers must be question numbers from 1 to {count}, got {numbers}")
        if len(set(numbers)) != len(numbers):
            raise ValueError(f"numbers must not repeat, got {numbers}")
        from .ui import Section

        return Section(self, numbers)


def _predictions_text(right: int, made: int, total: int) -> str:
    """``'Predictions: 1 of 3 right first time'`` (plus how many are still to make).

    >>> _predictions_text(1, 2, 3)
    'Predictions: 1 of 3 right first time (1 still to make)'
    """
    text = f"Predictions: {right} of {total} right first time"
    return text + (f" ({total - made} still to make)" if made < total else "")
