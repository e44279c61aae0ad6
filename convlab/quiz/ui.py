"""The quiz's widget views: one card per question, sections, the score and the summary.

The views only show what the model (:class:`convlab.quiz.Quiz`) holds and pass
the learner's clicks back to it; they keep no score of their own.  ipywidgets
is imported when the first view is built, never at import time.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from .choices import MultipleChoice, SingleChoice
from .feedback import Feedback
from .feedback import markdown as _markdown
from .generated import GeneratedQuestion

if TYPE_CHECKING:
    from .model import Quiz

__all__ = ["QuizView", "Section"]


class QuizView:
    """The widgets of a whole quiz: heading, score, notices, one card per question, summary.

    Built by :attr:`Quiz.view <convlab.quiz.Quiz.view>`; ``view.box`` is what
    the notebook displays, ``view.cards`` the question cards in order.
    """

    def __init__(self, quiz: Quiz) -> None:
        import ipywidgets as W

        self.quiz = quiz
        self.W = W
        # One Layout / Style model per kind, shared by every widget that needs it: a
        # 25-question quiz would otherwise create several hundred near-empty models, all
        # stored in an executed notebook's widget state.
        self._layouts: dict = {}
        self._styles: dict = {}
        self.score_html = self.make(W.HTML)
        self.notice_html = self.make(W.HTML)
        self.summary_html = self.make(W.HTML)
        self.cards = [_QuestionView(self, i) for i in range(len(quiz.questions))]
        heading = self.make(W.HTML, value=f"<h3>{html.escape(quiz.title)}</h3>")
        self.box = self.make(
            W.VBox,
            children=[
                heading,
                self.score_html,
                self.notice_html,
                *(c.box for c in self.cards),
                self.summary_html,
            ],
        )
        self.box.add_class(_box_class(quiz))
        for card in self.cards:
            card.restore()
            card.show_feedback()
        self.refresh_totals()

    def make(self, widget_cls, *, layout: str = "plain", **kwargs):
        """A widget with a shared Layout (by name) and a shared Style (by class)."""
        W = self.W
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

    def refresh(self, i: int, feedback: Feedback | None = None) -> None:
        """Show question ``i``'s new state (``feedback``: what a check just returned)."""
        self.cards[i].show_feedback(feedback)
        self.refresh_totals()

    def question_changed(self, i: int) -> None:
        """Question ``i`` has a new instance or a fresh record: redraw its card."""
        self.cards[i].rebuild_prompt()
        self.cards[i].restore()
        self.refresh(i)

    def refresh_totals(self) -> None:
        """The score, the notices and the summary, from the model."""
        quiz = self.quiz
        if quiz.is_prediction:
            self.score_html.value = f"<b>{html.escape(quiz.predictions_text())}</b>"
        else:
            self.score_html.value = f"<b>Score: {html.escape(quiz.score_text())}</b>"
        notices = "".join(f"<p>⚠ {html.escape(n)}</p>" for n in quiz.store.notices)
        self.notice_html.value = notices
        lines = quiz.summary().split("\n")
        items = "".join(
            f"<li>{html.escape(line.strip())}</li>" for line in lines[1:] if line.startswith(" ")
        )
        after = "".join(  # lines of their own, such as the predictions' score
            f"<p>{html.escape(line)}</p>" for line in lines[1:] if not line.startswith(" ")
        )
        self.summary_html.value = (
            f'<div class="convlab-summary"><b>Summary.</b> {html.escape(lines[0])}'
            f"<ul>{items}</ul>{after}</div>"
        )


def _box_class(quiz: Quiz) -> str:
    """The CSS class of a quiz's boxes: ``convlab-quiz``, or ``convlab-predictions``."""
    return "convlab-predictions" if quiz.is_prediction else "convlab-quiz"


class Section:
    """A run of a quiz's questions shown on their own (see :meth:`Quiz.section`)."""

    def __init__(self, quiz: Quiz, numbers: list[int]) -> None:
        self.quiz = quiz
        self.numbers = numbers
        self._box = None

    @property
    def widget(self):
        if self._box is None:
            view = self.quiz.view  # the question cards, built once and shared by every section
            cards = [view.cards[n - 1].box for n in self.numbers]
            children = [view.notice_html, *cards, view.score_html]  # notices: a reset file
            self._box = view.make(view.W.VBox, children=children)
            self._box.add_class(_box_class(self.quiz))
        return self._box

    def __repr__(self) -> str:
        n = self.numbers
        if self.quiz.is_prediction and len(n) == 1:  # what a page without widgets shows
            q = self.quiz.questions[n[0] - 1]
            return f"Prediction {n[0]} of {len(self.quiz.questions)}: {q.prompt}"
        span = f"{n[0]}–{n[-1]}" if n == list(range(n[0], n[-1] + 1)) else ", ".join(map(str, n))
        return f"<Quiz {self.quiz.name!r}: questions {span} of {len(self.quiz.questions)}>"

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        return bundle


class _QuestionView:
    """The widgets of one question: prompt, answer box, buttons and feedback."""

    def __init__(self, view: QuizView, index: int) -> None:
        W = view.W
        quiz = view.quiz
        self.quiz = quiz
        self.index = index
        q = quiz.questions[index]
        self.question = q
        self._quiet = False
        predicting = quiz.is_prediction
        make = view.make
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
                description="" if predicting else "Answer:",
                continuous_update=False,
                layout="text",
            )
            # ipywidgets 8: with continuous_update=False the value syncs on Enter (or
            # leaving the box), which is how "Enter checks" works without on_submit.
            self.answer.observe(self._on_enter, names="value")
        self.check_button = make(
            W.Button,
            description="Lock in" if predicting else "Check",
            icon="lock" if predicting else "check",
            tooltip="Lock in your prediction: the first one counts (Enter works too)"
            if predicting
            else "Check your answer (Enter works too)",
        )
        self.check_button.on_click(lambda _b: self.check())
        buttons = [self.check_button]
        # A prediction is revealed by the notebook's next cell, not by a button.
        self.show_button = None
        if not predicting:
            self.show_button = make(
                W.Button, description="Show answer", icon="eye", tooltip="Show the worked answer"
            )
            self.show_button.on_click(lambda _b: self.quiz.reveal(self.index))
            buttons.append(self.show_button)
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
        label = [make(W.HTML, value="<b>Your prediction:</b>")] if predicting else []
        self.box = make(
            W.VBox,
            children=[
                self.header,
                self.prompt,
                *label,
                self.answer,
                make(W.HBox, children=buttons),
                self.feedback,
            ],
            layout="card",
        )
        # A prediction card is not a quiz question: pages (and tests) tell them apart.
        self.box.add_class("convlab-prediction" if predicting else "convlab-question")

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
        what = "Prediction" if quiz.is_prediction else "Question"
        self.header.value = (
            f"<b>{what} {n} of {len(quiz.questions)}</b> &nbsp; {symbol} {html.escape(text)}"
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
        if quiz.is_prediction and rec.get("first") is not None:
            first = rec["first"] if isinstance(rec["first"], str) else ", ".join(rec["first"])
            verdict = "right" if rec.get("first_correct") else "not it"
            parts.append(
                f'<div class="convlab-first"><i>Your first guess, {html.escape(first)}, '
                f"was {verdict}: that is the one that counts. Run the next cell to see "
                "why.</i></div>"
            )
        self.feedback.value = "".join(parts)
