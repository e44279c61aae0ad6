"""What several test files share: the contract every quiz bank keeps, readers of a saved
notebook's cells and outputs, and the pixels of an explorer's canvas.

Import it relatively, as the test files do: ``from .support import BankContract``.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from types import ModuleType
from typing import ClassVar

import nbformat
import numpy as np
import pytest

from convlab.quiz import NOTEBOOKS, GeneratedQuestion, for_notebook, questions_for

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
CHECK = "# NBVAL_CHECK_OUTPUT"

# -- quiz banks -----------------------------------------------------------------------------


class BankContract:
    """The checks every notebook's question bank must pass, driven by the subclass's data.

    Subclass it as ``class TestBankNN(BankContract)`` (pytest collects only ``Test*``
    classes, so this base is never run on its own) and set:

    ``bank``
        the module whose source holds the bank's hashes (``convlab.quiz.banks.nbNN``).
    ``notebook``
        the notebook's key, when ``bank`` has no ``NOTEBOOK`` of its own.
    ``answers``
        qid -> the plain answer, worked out in the test file, for every question that is not
        generated, in the bank's order.
    ``also_right`` / ``wrong``
        qid -> other responses that must be accepted / refused as valid but wrong.
    ``near``
        (qid, response, words) triples: a tempting wrong response, refused with one of the
        question's own targeted messages that contains ``words`` (``None``: any of them).
    ``plain_wrong``
        qid -> a wrong response with no message of its own, to tell a near miss's message
        from the generic one; ``"999"`` when not given.
    ``kinds``
        the question types the bank must mix.
    ``size``
        the smallest and largest number of questions.
    ``submit``
        (qid, response) that ``for_notebook(...)`` must score as right; the first answer if
        not given.
    ``absent_from_source`` / ``absent_before_explanation``
        plain text that must not appear in the bank's source (before the first
        "explanation", with − read as -).
    """

    bank: ClassVar[ModuleType]
    notebook: ClassVar[str | None] = None
    answers: ClassVar[dict] = {}
    also_right: ClassVar[dict] = {}
    wrong: ClassVar[dict] = {}
    near: ClassVar[list[tuple]] = []
    plain_wrong: ClassVar[dict] = {}
    kinds: ClassVar[tuple[type, ...]] = ()
    size: ClassVar[tuple[int, int]] = (3, 5)
    submit: ClassVar[tuple | None] = None
    absent_from_source: ClassVar[tuple[str, ...]] = ()
    absent_before_explanation: ClassVar[tuple[str, ...]] = ()

    def pytest_generate_tests(self, metafunc):
        """One test per answered question, one per near miss, named after them."""
        if "response" in metafunc.fixturenames:
            metafunc.parametrize(("qid", "response", "words"), self.near,
                                 ids=[f"{qid}={response}" for qid, response, _ in self.near])
        elif "qid" in metafunc.fixturenames:
            metafunc.parametrize("qid", list(self.answers))

    @pytest.fixture(autouse=True)
    def _no_home_writes(self, tmp_path, monkeypatch):
        monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))

    # -- helpers -------------------------------------------------------------------------
    def key(self) -> str:
        return self.notebook or self.bank.NOTEBOOK

    def questions(self) -> dict:
        return {q.qid: q for q in questions_for(self.key())}

    # -- the contract --------------------------------------------------------------------
    def test_bank_shape(self):
        title, build = NOTEBOOKS[self.key()]
        assert title and build.__module__ == self.bank.__name__
        if hasattr(self.bank, "NOTEBOOK"):
            assert self.key() == self.bank.NOTEBOOK and title == self.bank.TITLE
        qs = list(self.questions().values())
        low, high = self.size
        assert low <= len(qs) <= high
        fixed = [q.qid for q in qs if not isinstance(q, GeneratedQuestion)]
        assert fixed == list(self.answers), "every question has a worked answer, in order"
        assert set(self.kinds) <= {type(q) for q in qs}
        for q in qs:
            assert q.hint, q.qid
            assert isinstance(q, GeneratedQuestion) or q.reveal(), q.qid

    def test_hashes_match_the_worked_answers(self, qid):
        q = self.questions()[qid]
        for response in [self.answers[qid], *self.also_right.get(qid, [])]:
            fb = q.check(response)
            assert fb.correct, (qid, response, fb)
        for response in self.wrong.get(qid, []):
            fb = q.check(response)
            assert fb.valid and not fb.correct, (qid, response, fb)

    def test_near_misses_get_targeted_messages(self, qid, response, words):
        q = self.questions()[qid]
        fb = q.check(response)
        assert fb.valid and not fb.correct, fb
        assert fb.message in q._near.values(), fb
        assert words is None or words in fb.message, fb
        assert fb.message != q.check(self.plain_wrong.get(qid, "999")).message

    def test_no_plain_answers_in_the_source(self):
        source = inspect.getsource(self.bank)
        for q in self.questions().values():
            for digest in getattr(q, "_hashes", ()):
                assert len(digest) == 32 and digest in source, q.qid
        for text in self.absent_from_source:
            assert text not in source, text
        head = source.replace("−", "-").split("explanation")[0]
        for text in self.absent_before_explanation:
            assert text not in head, text

    def test_quiz_builds_for_the_notebook(self):
        key = self.key()
        quiz = for_notebook(key, progress=None)
        n = len(self.questions())
        assert quiz.name == key and quiz.title == NOTEBOOKS[key][0] and len(quiz.questions) == n
        assert repr(quiz) == f"<Quiz '{key}': {n} questions, 0 / {n} correct>"
        qid, response = self.submit or next(iter(self.answers.items()))
        assert quiz.submit(qid, response).correct
        assert quiz.score == (1, n)


# -- saved notebooks ------------------------------------------------------------------------


def read_notebook(name: str | Path):
    """A notebook of the course, by file name (or path), as saved."""
    return nbformat.read(NOTEBOOK_DIR / name, as_version=4)


def code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def code_text(nb) -> str:
    """All code cells' source, one after another."""
    return "\n".join(c.source for c in code_cells(nb))


def markdown_text(nb) -> str:
    """All markdown cells' source, one after another."""
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def text_of(cell) -> str:
    """What a code cell printed, and the plain-text form of what it returned."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out and "text/plain" in out.data:
            parts.append(out.data["text/plain"])
    return "".join(parts)


def checked_cells(nb) -> list:
    """The code cells nbval compares (marked # NBVAL_CHECK_OUTPUT), in order."""
    return [c for c in code_cells(nb) if CHECK in c.source]


def checked_text(nb) -> str:
    """The saved output of every checked cell, joined by newlines."""
    return "\n".join(text_of(c) for c in checked_cells(nb))


def checked_output(nb, needle: str) -> str:
    """The saved output of the one checked cell whose source contains ``needle``."""
    cells = [c for c in checked_cells(nb) if needle in c.source]
    assert len(cells) == 1, needle
    return text_of(cells[0])


# -- explorers' pixels ----------------------------------------------------------------------


def pixels(explorer) -> np.ndarray:
    """A copy of the RGBA pixels now on an explorer's (Agg) canvas."""
    return np.asarray(explorer.figure.canvas.buffer_rgba()).copy()


def blit_steps(explorer, moves):
    """Draw ``explorer`` in full, then make each move (keywords for ``update``), each of
    which should only blit; return the explorer."""
    explorer.figure.canvas.draw()
    for move in moves:
        explorer.update(**move)
    assert explorer._background is not None, "the moves were not blitted"
    return explorer


def assert_looks_like_a_full_redraw(shown, fresh):
    """``fresh``, drawn in full now, has exactly the pixels ``shown`` has on its canvas."""
    fresh.figure.canvas.draw()
    assert np.array_equal(pixels(shown), pixels(fresh))


def record_redraws(explorer, monkeypatch) -> list[str]:
    """Draw ``explorer``, then log each later refresh as "blit" or "draw" (a full redraw)."""
    explorer.figure.canvas.draw()
    calls: list[str] = []
    monkeypatch.setattr(explorer, "_blit", lambda: calls.append("blit"))
    monkeypatch.setattr(explorer.figure.canvas, "draw_idle", lambda: calls.append("draw"))
    return calls
