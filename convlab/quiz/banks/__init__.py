"""The course's question banks, one module per notebook (``nb01.py`` … ``nb08.py``, ``nb07ch.py``).

The keys (and question ids) are the notebooks' numbers from before notebook 07, *Channels and
learned filters*, was added: ``"07"`` is notebook 08 (applications and cost), ``"08"`` notebook 09
(the quiz), ``"07ch"`` the new notebook 07.  A question id salts its answers' digests and keys the
learner's saved progress, so renaming ids means re-hashing every stored answer, text synonyms
included; until that is done the keys stay.

Each module defines ``NOTEBOOK`` (its two-digit number), ``TITLE`` and ``questions()``,
which returns a fresh list of questions in the order the notebook shows them;
:mod:`convlab.quiz.bank` finds the modules here by name, so adding a notebook's quiz means
adding one module and a test file with its plain answers, nothing else.  Question ids
start with the notebook's number (``"04-blur"``) and are unique across the course.

A bank stores no plain answer, only digests (see :mod:`convlab.quiz.hashing`).  Print
the digest line of an answer instead of computing it by hand::

    python -m convlab.quiz digest 01-length "9"
    python -m convlab.quiz digest 08-box "1/9"            # a question already in a bank
    python -m convlab.quiz digest 09-new "0.25" --kind numeric --decimals 2
    python -m convlab.quiz digest 09-pick "the kernel" --kind single

For a question already in a bank the command reads its kind and precision from there
and says whether the digest is one the question accepts; a new question needs
``--kind`` (``numeric``, ``array``, ``shape``, ``text``, ``single`` or ``multiple``;
choices and texts separated by ``|`` for ``multiple`` and for a text's synonyms).  Paste
the printed line into the bank, and the plain answer, worked out independently, into
the bank's test (``tests/test_quiz_bank_nbNN.py``).
"""
