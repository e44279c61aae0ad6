"""One number formatter (convlab.formatting) for figures, status lines and messages."""

from fractions import Fraction

import numpy as np
import pytest

from convlab.formatting import format_number, format_numbers


@pytest.mark.parametrize(
    ("value", "digits", "text"),
    [
        (3, 6, "3"),
        (np.int64(-2), 6, "-2"),
        (np.uint8(255), 6, "255"),
        (2**70, 6, "1180591620717411303424"),  # integers stay exact
        (0.5, 6, "0.5"),
        (4.0, 6, "4"),
        (1 / 3, 6, "0.333333"),
        (1 / 3, 4, "0.3333"),
        (2 / 3, 2, "0.67"),
        (123456789.0, 6, "1.23457e+08"),
        (1e-20, 6, "1e-20"),
        (np.float32(0.1), 6, "0.1"),
        (-0.0, 6, "0"),
        (-1e-9, 4, "-1e-09"),
        (Fraction(6, 3), 6, "2"),
        (Fraction(1, 8), 6, "0.125"),
        (Fraction(-1, 3), 3, "-0.333"),
        (np.True_, 6, "True"),
    ],
)
def test_format_number(value, digits, text):
    # expected texts written by hand (C's %g rules: significant digits, no trailing zeros)
    assert format_number(value, digits) == text


def test_it_can_serve_the_step_records_and_the_quiz():
    # steps' equations use %g on floats and exact integers; the quiz writes exact fractions,
    # whole ones as integers and others to 6 significant digits: the same texts
    assert [format_number(v) for v in (np.int64(7), np.float64(2.5), 1e6, 1e-5)] == [
        "7", "2.5", "1e+06", "1e-05"]
    assert format_number(Fraction(83, 1000)) == "0.083"
    assert format_number(Fraction(10**20, 1)) == "100000000000000000000"


@pytest.mark.parametrize(
    ("values", "kwargs", "text"),
    [
        ([1, 2, 3], {}, "[1, 2, 3]"),
        (np.arange(8), {}, "[0, 1, 2, 3, 4, 5, 6, 7]"),
        (np.arange(9), {}, "[0, 1, 2, 3, 4, 5, …, 8]"),
        ([[0.25, 0.5], [0.75, 1.0]], {"limit": 3}, "[0.25, …, 1]"),
        ([1 / 3], {"digits": 2}, "[0.33]"),
    ],
)
def test_format_numbers(values, kwargs, text):
    assert format_numbers(values, **kwargs) == text


@pytest.mark.parametrize(
    ("value", "digits", "error", "match"),
    [
        (1 + 2j, 6, TypeError, "value must be a real number, got complex"),
        ("3", 6, TypeError, "value must be a real number, got str"),
        (1.0, 0, ValueError, "digits must be a positive integer, got 0"),
        (1.0, 2.5, ValueError, "digits must be a positive integer"),
    ],
)
def test_bad_input_names_the_argument(value, digits, error, match):
    with pytest.raises(error, match=match):
        format_number(value, digits)
