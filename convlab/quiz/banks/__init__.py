"""Question banks of notebooks 02–07, one module each (``nb02.py`` … ``nb07.py``).

Each module defines ``NOTEBOOK`` (its two-digit number), ``TITLE`` and ``questions()``, which
returns a fresh list of questions; :mod:`convlab.quiz.bank` finds them here by name, so adding a
notebook's quiz means adding one module and its answers to the tests, nothing else.
"""
