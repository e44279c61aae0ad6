"""Self-checking quiz cells and a grader for the learner's own code.

Questions are checked in the kernel, never in the browser: the answers are
stored as salted hashes (see :mod:`convlab.quiz.questions`), learner input is
parsed, never evaluated, and progress is saved to a JSON file (see
:mod:`convlab.quiz.progress`).

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

and :func:`check_implementation` grades the learner's own function:

>>> from convlab.quiz import check_implementation
>>> check_implementation(lambda x, h: [0], "conv1d").ok
False
"""

from ._parse import ParseError, normalise_text, parse_array, parse_number
from .bank import NOTEBOOKS, for_notebook, questions_for
from .grader import KINDS, CaseResult, ImplementationReport, check_implementation
from .progress import ProgressStore, ProgressWarning, default_progress_path
from .questions import (
    ArrayQuestion,
    Feedback,
    GeneratedQuestion,
    Instance,
    MultipleChoice,
    NumericQuestion,
    Question,
    SingleChoice,
    TextQuestion,
    answer_digest,
    correlation_entry,
    output_shape,
)
from .ui import Quiz

__all__ = [
    # the course's quizzes
    "NOTEBOOKS",
    "Quiz",
    "for_notebook",
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
