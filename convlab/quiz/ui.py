"""A quiz: questions, a running score, saved progress and an ipywidgets rendering.

:class:`Quiz` works without any widget (``quiz.submit(0, "9")``); its
:attr:`Quiz.widget` is built on first display.  ipywidgets is imported only
then, so checking answers from code needs no front end.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path

from .progress import ProgressStore
from .questions import (
    Feedback,
    GeneratedQuestion,
    MultipleChoice,
    Question,
    SingleChoice,
    _Choice,
    _markdown,
)

__all__ = ["Quiz"]


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
        self._views: list | None = None
        self._box = None

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
        """Replace a generated question by its next instance, with a fresh record."""
        i = self._index(which)
        q = self.questions[i]
        if not isinstance(q, GeneratedQuestion):
            raise TypeError(f"question {q.qid!r} is not a generated question")
        q.new_instance()
        rec = _new_record()
        rec["instance"] = q.number
        self.records[q.qid] = rec
        self._save()
        if self._views is not None:
            self._views[i].rebuild_prompt()
            self._views[i].restore()
        self._refresh(i)
        return q

    def reset(self) -> None:
        """Forget every answer in this quiz (and in its saved progress)."""
        for q in self.questions:
            self.records[q.qid] = _new_record()
            if isinstance(q, GeneratedQuestion):
                q.set_instance(0)
        self._save()
        if self._views is not None:
            for i, view in enumerate(self._views):
                view.rebuild_prompt()
                view.restore()
                self._refresh(i)

    @property
    def score(self) -> tuple[int, int]:
        """``(correct, total)``."""
        return sum(r["correct"] for r in self.records.values()), len(self.questions)

    def score_text(self) -> str:
        """The running score, e.g. ``'2 / 5 correct'``."""
        right, total = self.score
        return f"{right} / {total} correct"

    def _status(self, q: Question) -> tuple[str, str]:
        rec = self.records[q.qid]
        tries = rec["attempts"]
        note = f" ({tries} {'try' if tries == 1 else 'tries'})" if tries else ""
        shown = ", answer shown" if rec["revealed"] else ""
        if rec["correct"]:
            return "✓", f"correct{note}{shown}"
        if tries:
            return "✗", f"not yet{note}{shown}"
        return "–", f"not answered{shown}"

    def summary(self) -> str:
        """A plain-text summary: the score and each question's state."""
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
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<Quiz {self.name!r}: {len(self.questions)} questions, {self.score_text()}>"

    def _save(self) -> None:
        self.store.save(self.name, self.records)

    # -- widgets ----------------------------------------------------------------------
    @property
    def widget(self):
        """The quiz as an ``ipywidgets.VBox`` (built on first use)."""
        if self._box is None:
            self._build()
        return self._box

    def _build(self) -> None:
        import ipywidgets as W

        self._W = W
        # One Layout / Style model per kind, shared by every widget that needs it: a
        # 25-question quiz would otherwise create several hundred near-empty models, all
        # stored in an executed notebook's widget state.
        self._layouts: dict = {}
        self._styles: dict = {}
        self._score_html = self._make(W.HTML)
        self._notice_html = self._make(W.HTML)
        self._summary_html = self._make(W.HTML)
        self._views = [_QuestionView(self, i) for i in range(len(self.questions))]
        heading = self._make(W.HTML, value=f"<h3>{html.escape(self.title)}</h3>")
        self._box = self._make(
            W.VBox,
            children=[
                heading,
                self._score_html,
                self._notice_html,
                *(v.box for v in self._views),
                self._summary_html,
            ],
        )
        self._box.add_class("convlab-quiz")
        for view in self._views:
            view.restore()
            view.show_feedback()
        self._refresh_totals()

    def _make(self, widget_cls, *, layout: str = "plain", **kwargs):
        """A widget with a shared Layout (by name) and a shared Style (by class)."""
        W = self._W
        specs = {
            "plain": {},
            "fit": {"width": "max-content"},
            "text": {"width": "36em"},
            "card": {"border": "1px solid #999", "padding": "4px 10px", "margin": "6px 0"},
        }
        if layout not in self._layouts:
            self._layouts[layout] = W.Layout(**specs[layout])
        style_trait = widget_cls.class_traits().get("style")
        if style_trait is not None:
            klass = style_trait.klass
            if klass not in self._styles:
                self._styles[klass] = klass()
            kwargs["style"] = self._styles[klass]
        return widget_cls(layout=self._layouts[layout], **kwargs)

    def _refresh(self, i: int, feedback: Feedback | None = None) -> None:
        if self._views is None:
            return
        self._views[i].show_feedback(feedback)
        self._refresh_totals()

    def _refresh_totals(self) -> None:
        if self._views is None:
            return
        self._score_html.value = f"<b>Score: {html.escape(self.score_text())}</b>"
        notices = "".join(f"<p>⚠ {html.escape(n)}</p>" for n in self.store.notices)
        self._notice_html.value = notices
        lines = self.summary().split("\n")
        items = "".join(f"<li>{html.escape(line.strip())}</li>" for line in lines[1:])
        self._summary_html.value = (
            f'<div class="convlab-summary"><b>Summary.</b> {html.escape(lines[0])}'
            f"<ul>{items}</ul></div>"
        )

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle

    def section(self, numbers) -> _Section:
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
        return _Section(self, numbers)


class _Section:
    """A run of a quiz's questions shown on their own (see :meth:`Quiz.section`)."""

    def __init__(self, quiz: Quiz, numbers: list[int]) -> None:
        self.quiz = quiz
        self.numbers = numbers
        self._box = None

    @property
    def widget(self):
        if self._box is None:
            quiz = self.quiz
            quiz.widget  # noqa: B018 - builds the question views once, shared by every section
            views = [quiz._views[n - 1].box for n in self.numbers]
            children = [quiz._notice_html, *views, quiz._score_html]  # notices: a reset file
            self._box = quiz._make(quiz._W.VBox, children=children)
            self._box.add_class("convlab-quiz")
        return self._box

    def __repr__(self) -> str:
        n = self.numbers
        span = f"{n[0]}–{n[-1]}" if n == list(range(n[0], n[-1] + 1)) else ", ".join(map(str, n))
        return f"<Quiz {self.quiz.name!r}: questions {span} of {len(self.quiz.questions)}>"

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle


class _QuestionView:
    """The widgets of one question: prompt, answer box, buttons and feedback."""

    def __init__(self, quiz: Quiz, index: int) -> None:
        W = quiz._W
        self.quiz = quiz
        self.index = index
        q = quiz.questions[index]
        self.question = q
        self._quiet = False
        make = quiz._make
        self.header = make(W.HTML)
        self.prompt = make(W.HTMLMath)
        self.rebuild_prompt()
        if isinstance(q, SingleChoice):
            self.answer = make(W.RadioButtons, options=q.options, value=None, layout="fit")
            self.boxes = None
        elif isinstance(q, MultipleChoice):
            self.boxes = [
                make(W.Checkbox, value=False, description=o, indent=False, layout="fit")
                for o in q.options
            ]
            self.answer = make(W.VBox, children=self.boxes)
        else:
            self.boxes = None
            self.answer = make(
                W.Text,
                value="",
                placeholder=q.placeholder,
                description="Answer:",
                continuous_update=False,
                layout="text",
            )
            # ipywidgets 8: with continuous_update=False the value syncs on Enter (or
            # leaving the box), which is how "Enter checks" works without on_submit.
            self.answer.observe(self._on_enter, names="value")
        self.check_button = make(
            W.Button,
            description="Check",
            icon="check",
            tooltip="Check your answer (Enter works too)",
        )
        self.show_button = make(
            W.Button, description="Show answer", icon="eye", tooltip="Show the worked answer"
        )
        self.check_button.on_click(lambda _b: self.check())
        self.show_button.on_click(lambda _b: self.quiz.reveal(self.index))
        buttons = [self.check_button, self.show_button]
        self.another_button = None
        if isinstance(q, GeneratedQuestion):
            self.another_button = make(
                W.Button,
                description="Another one",
                icon="refresh",
                tooltip="A new question of the same kind",
            )
            self.another_button.on_click(lambda _b: self.quiz.another(self.index))
            buttons.append(self.another_button)
        self.feedback = make(W.HTML, value="")
        self.box = make(
            W.VBox,
            children=[
                self.header,
                self.prompt,
                self.answer,
                make(W.HBox, children=buttons),
                self.feedback,
            ],
            layout="card",
        )
        self.box.add_class("convlab-question")

    def rebuild_prompt(self) -> None:
        self.prompt.value = self.question.prompt_html

    def response(self) -> object:
        if self.boxes is not None:
            return [b.description for b in self.boxes if b.value]
        return self.answer.value

    def _on_enter(self, change) -> None:
        if self._quiet or not str(change["new"]).strip():
            return
        self.check()

    def check(self) -> Feedback:
        return self.quiz.submit(self.index, self.response())

    def restore(self) -> None:
        """Put the last recorded response back in the answer box."""
        rec = self.quiz.records[self.question.qid]
        response = rec["response"]
        self._quiet = True
        try:
            if self.boxes is not None:
                chosen = set(response) if isinstance(response, list) else set()
                for b in self.boxes:
                    b.value = b.description in chosen
            elif isinstance(self.question, SingleChoice):
                self.answer.value = response if response in self.question.options else None
            else:
                self.answer.value = response if isinstance(response, str) else ""
        finally:
            self._quiet = False

    def show_feedback(self, fb: Feedback | None = None) -> None:
        """Show ``fb`` (just returned by a check) or the feedback of the saved record."""
        quiz, q = self.quiz, self.question
        rec = quiz.records[q.qid]
        symbol, text = quiz._status(q)
        n = self.index + 1
        self.header.value = (
            f"<b>Question {n} of {len(quiz.questions)}</b> &nbsp; {symbol} {html.escape(text)}"
        )
        for cls in ("convlab-correct", "convlab-incorrect"):
            self.box.remove_class(cls)
        if rec["attempts"]:
            self.box.add_class("convlab-correct" if rec["correct"] else "convlab-incorrect")
        if fb is None:
            if rec["response"] is None and not rec["revealed"]:
                self.feedback.value = ""
                return
            fb = quiz.feedback(self.index)
        parts = [fb._repr_html_()] if fb is not None else []
        if rec["revealed"] and (fb is None or not fb.explanation):
            parts.append(
                f'<div class="convlab-explanation"><b>Answer:</b> {_markdown(q.reveal())}</div>'
            )
        self.feedback.value = "".join(parts)
