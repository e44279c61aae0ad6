"""The course's question banks, notebook by notebook: a registry of :mod:`convlab.quiz.banks`.

Every notebook's questions live in ``convlab/quiz/banks/nbNN.py`` (see that
package for how to add one and how to compute the stored hashes with
``python -m convlab.quiz digest``); this module finds them and builds a
notebook's :class:`~convlab.quiz.Quiz`.

The facts behind the answers about network depth (notebooks 06 and 08):
AlexNet has eight learned layers, five of them
convolutional (Krizhevsky, Sutskever & Hinton, NeurIPS 2012); VGG-16 has 13
convolutional and 3 fully connected layers (Simonyan & Zisserman, 2014,
configuration D); the ResNet paper (He et al., CVPR 2016) trains ResNets of up
to 152 layers on ImageNet and a 1202-layer one (n = 200, 6n + 2 layers) on
CIFAR-10, and its follow-up trains a 1001-layer ResNet on CIFAR-10.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from .model import Quiz
from .predictions import Predictions
from .questions import Question

__all__ = [
    "NOTEBOOKS",
    "PREDICTIONS",
    "for_notebook",
    "find_question",
    "predictions_for",
    "questions_for",
]

#: notebook -> (title, bank builder), one entry per module of :mod:`convlab.quiz.banks`
NOTEBOOKS: dict[str, tuple[str, Callable[[], list[Question]]]] = {}
#: notebook -> builder of its Predict moments, for the banks that define ``predictions()``
PREDICTIONS: dict[str, Callable[[], list[Question]]] = {}


def _discover_banks() -> None:
    """Register the banks in :mod:`convlab.quiz.banks` (one module per notebook)."""
    from . import banks

    for info in sorted(pkgutil.iter_modules(banks.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):  # a part of a bank, imported by the bank itself
            continue
        module = importlib.import_module(f"{banks.__name__}.{info.name}")
        if module.NOTEBOOK in NOTEBOOKS:
            raise RuntimeError(f"two banks claim notebook {module.NOTEBOOK}")
        NOTEBOOKS[module.NOTEBOOK] = (module.TITLE, module.questions)
        if hasattr(module, "predictions"):
            PREDICTIONS[module.NOTEBOOK] = module.predictions


_discover_banks()


def questions_for(notebook: str | int) -> list[Question]:
    """A fresh list of the questions of ``notebook`` (no progress, no widgets).

    >>> [q.qid for q in questions_for("01")]
    ['01-length', '01-z2', '01-cells', '01-full']
    """
    key = _key(notebook)
    return NOTEBOOKS[key][1]()


def find_question(qid: str) -> Question:
    """The course's question ``qid``, from whichever notebook holds it.

    >>> find_question("01-z2")
    <NumericQuestion '01-z2'>
    >>> find_question("01-nope")
    Traceback (most recent call last):
    ...
    KeyError: "no question '01-nope' in the course's banks"
    """
    notebook = qid.split("-", 1)[0] if isinstance(qid, str) else None
    keys = [notebook] if notebook in NOTEBOOKS else sorted(NOTEBOOKS)
    for key in keys:
        builders = [NOTEBOOKS[key][1], PREDICTIONS.get(key, list)]
        for q in (q for build in builders for q in build()):
            if q.qid == qid:
                return q
    raise KeyError(f"no question {qid!r} in the course's banks")


def _key(notebook: object) -> str:
    key = (
        f"{notebook:02d}"
        if isinstance(notebook, int) and not isinstance(notebook, bool)
        else str(notebook)
    )
    if key not in NOTEBOOKS:
        raise ValueError(
            f"no quiz for notebook {notebook!r}; available: {', '.join(sorted(NOTEBOOKS))}"
        )
    return key


def for_notebook(notebook: str | int, *, progress: object = "auto") -> Quiz:
    """The quiz of one notebook, with the learner's saved progress restored.

    Parameters
    ----------
    notebook : str or int
        ``"01"`` or ``1``, ``"08"`` or ``8``.
    progress : "auto", None, path or ProgressStore, optional
        Where progress is kept (see :class:`~convlab.quiz.Quiz`); ``"auto"``
        follows ``CONVLAB_PROGRESS``, default ``~/.convlab/progress.json``.

    Returns
    -------
    Quiz
        Displays as widgets in Jupyter; ``quiz.questions[i].check("...")``
        works without them.

    Raises
    ------
    ValueError
        If the notebook has no quiz.

    Examples
    --------
    >>> quiz = for_notebook("01", progress=None)
    >>> quiz
    <Quiz '01': 4 questions, 0 / 4 correct>
    >>> quiz.questions[0].check("9").correct
    True
    """
    key = _key(notebook)
    title, build = NOTEBOOKS[key]
    return Quiz(build(), name=key, title=title, progress=progress)


def predictions_for(notebook: str | int, *, progress: object = "auto") -> Predictions:
    """The Predict moments of one notebook, with the learner's saved guesses restored.

    Parameters
    ----------
    notebook : str or int
        ``"04"`` or ``4``.
    progress : "auto", None, path or ProgressStore, optional
        As for :func:`for_notebook`; saved under the key ``"04-predict"``.

    Raises
    ------
    ValueError
        If the notebook has no quiz or no Predict moments.

    Examples
    --------
    >>> predict = predictions_for("01", progress=None)  # doctest: +SKIP
    >>> predict("table")                                 # doctest: +SKIP
    """
    key = _key(notebook)
    if key not in PREDICTIONS:
        raise ValueError(f"notebook {notebook!r} has no Predict moments")
    return Predictions(key, PREDICTIONS[key](), progress=progress)
