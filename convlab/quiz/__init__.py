"""Self-checking quiz cells and a grader for the learner's own code.

Questions are checked in the kernel, never in the browser: the answers are
stored as salted hashes (see :mod:`convlab.quiz.hashing`), learner input is
parsed, never evaluated (:mod:`convlab.parsing`), and progress is saved to a
JSON file (see :mod:`convlab.quiz.progress`).

One home per concern: question types in :mod:`~convlab.quiz.questions` (numbers
and arrays), :mod:`~convlab.quiz.choices` (words and options) and
:mod:`~convlab.quiz.generated` ("Another one"); what the learner is told in
:mod:`~convlab.quiz.feedback`; the :class:`Quiz` model (records, score,
progress) in :mod:`~convlab.quiz.model` and its widgets in :mod:`~convlab.quiz.ui`;
every notebook's questions in :mod:`convlab.quiz.banks`, found by the registry
:mod:`~convlab.quiz.bank`.  ``python -m convlab.quiz digest QID "ANSWER"`` prints
the digest to store for an answer.

In a notebook::

    from convlab.quiz import for_notebook
    quiz = for_notebook("01")
    quiz                       # shows the questions as widgets

Without widgets, a question checks a response directly:

>>> from convlab.quiz import for_notebook
>>> quiz = for_notebook("01", progress=None)
>>> print(quiz.questions[1].check("28"))
✓ Correct. Well done.
>>> print(quiz.questions[1].check("__import__('os').system('ls')"))
? Couldn't read that. I couldn't read "__import__('os').system('ls')" as a number. ...

A notebook's Predict moments are cards of their own (:func:`predictions_for`): the
first guess locked in is what counts, scored apart from the quiz::

    predict = predictions_for("01")
    predict("corner")          # "Your prediction" and "Lock in"
    print(predict.summary())   # Predictions: 3 of 8 right first time ...

and :func:`check_implementation` grades the learner's own function:

>>> from convlab.quiz import check_implementation
>>> check_implementation(lambda x, h: [0], "conv1d").ok
False
"""

from ._parse import ParseError, normalise_text, parse_array, parse_number
from .bank import NOTEBOOKS, PREDICTIONS, for_notebook, predictions_for, questions_for
from .choices import MultipleChoice, SingleChoice, TextQuestion
from .feedback import Feedback
from .generated import GeneratedQuestion, Instance, correlation_entry, output_shape
from .grader import KINDS, CaseResult, ImplementationReport, check_implementation
from .hashing import answer_digest
from .model import Quiz
from .predictions import Predictions
from .progress import ProgressStore, ProgressWarning, default_progress_path
from .questions import ArrayQuestion, NumericQuestion, Question

__all__ = [
    # the course's quizzes
    "NOTEBOOKS",
    "Quiz",
    "for_notebook",
    "predictions_for",
    "Predictions",
    "PREDICTIONS",
    "questions_for",
    # question types
    "ArrayQuestion",
    "Feedback",
    "MultipleChoice",
    "NumericQuestion",
    "Question",
    "SingleChoice",
    "TextQuestion",
    "answer_digest",
    # generated questions
    "GeneratedQuestion",
    "Instance",
    "correlation_entry",
    "output_shape",
    # grading the learner's code
    "KINDS",
    "CaseResult",
    "ImplementationReport",
    "check_implementation",
    # progress
    "ProgressStore",
    "ProgressWarning",
    "default_progress_path",
    # parsing
    "ParseError",
    "normalise_text",
    "parse_array",
    "parse_number",
]
