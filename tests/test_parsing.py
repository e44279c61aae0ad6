"""The number parser in the numeric core: neutral messages, and no upward imports."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import pytest

from convlab import parsing
from convlab.parsing import ParseError


def test_the_parser_is_core_and_imports_nothing_above_it():
    code = (
        "import sys, convlab.parsing\n"
        "print(sorted(m for m in sys.modules if m.startswith(('convlab.quiz', 'convlab.widgets',"
        " 'convlab.plotting', 'matplotlib', 'ipywidgets'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "empty"), ("  ", "empty"), ("abc", "unreadable"), ("0,083", "comma"),
     ("8.3%", "percent"), ("nan", "unreadable"), ("1/0", "unreadable"), ("x" * 1001, "unreadable")],
)
def test_messages_are_neutral_and_say_what_went_wrong(text, reason):
    with pytest.raises(ParseError) as err:
        parsing.parse_number(text)
    assert err.value.reason == reason
    assert "Check" not in str(err.value)  # the quiz adds "then press Check" itself


def test_arrays_keep_the_reason_of_the_value_that_failed():
    with pytest.raises(ParseError, match="In your list") as err:
        parsing.parse_array("1 2 8.3%")
    assert err.value.reason == "percent"
    with pytest.raises(ParseError) as err:
        parsing.parse_array("")
    assert err.value.reason == "empty" and "Check" not in str(err.value)


def test_the_quiz_reads_the_same_grammar():
    from convlab.quiz import parse_number

    for text in ("19", "1/9", "-2^2", "1,000,000", "1.9e1"):
        assert parse_number(text) == parsing.parse_number(text)
    assert parsing.parse_number("12.5 %", percent=True) == Fraction(1, 8)
