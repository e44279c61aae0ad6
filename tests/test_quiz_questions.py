"""convlab.quiz question types: right, wrong, malformed, empty, huge and hostile input."""

import builtins
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convlab.quiz import (
    ArrayQuestion,
    Feedback,
    GeneratedQuestion,
    MultipleChoice,
    NumericQuestion,
    ParseError,
    SingleChoice,
    TextQuestion,
    correlation_entry,
    normalise_text,
    output_shape,
    parse_array,
    parse_number,
    questions_for,
)


@pytest.fixture(autouse=True)
def _no_home_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))


SENTINEL = "CONVLAB_QUIZ_PWNED"
HOSTILE = [
    "__import__('os').system('rm -rf /')",
    f"setattr(__import__('builtins'), '{SENTINEL}', 1)",
    f'exec("import builtins; builtins.{SENTINEL} = 1")',
    f"eval(\"setattr(__import__('builtins'), '{SENTINEL}', 1)\")",
    f"[setattr(__import__('builtins'), '{SENTINEL}', 1)]",
    "1e999999",
    "-1e999999",
    "1e-999999",
    "9" * 500,
    "nan",
    "NaN",
    "inf",
    "-inf",
    "∞",
    "[1,2",
    "1,2]",
    "[[1], [2, 3]]",
    "[[[1]]]",
    "1/0",
    "10^1000",
    "2**99999",
    "0x1F",
    "1_000",
    "True",
    "None",
    "{}",
    "()",
    "\x00",
    "\u202e91",
    "🙂",
    "ｆｏｏ",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "${7*7}",
    "%s%s%s%n",
]
HUGE = "1" * 100_000
EMPTY = ["", "   ", "\n\t"]


def _questions():
    """One question of each type, built from plain answers (hashed on construction)."""
    return {
        "numeric": NumericQuestion.from_answer("t-num", "z[1] of [1..5] * [6..10]?", 19),
        "decimal": NumericQuestion.from_answer(
            "t-dec", "1/9 to 2 decimals?", Fraction(1, 9), decimals=2
        ),
        "negative": NumericQuestion.from_answer("t-neg", "centre of the Laplacian?", -4),
        "text": TextQuestion.from_answer(
            "t-text", "Same length needed?", ["no", "not necessarily"]
        ),
        "array": ArrayQuestion.from_answer(
            "t-arr", "[1..5] * [6..10]?", [6, 19, 40, 70, 110, 114, 106, 85, 50]
        ),
        "array2d": ArrayQuestion.from_answer("t-arr2", "valid correlation?", [[6, 8], [12, 14]]),
        "single": SingleChoice.from_answer(
            "t-single", "Which cells?", ["i = k", "i + j = k", "i - j = k"], "i + j = k"
        ),
        "multiple": MultipleChoice.from_answer(
            "t-multi", "Where used?", ["blur", "sorting", "CNNs"], ["blur", "CNNs"]
        ),
    }


RIGHT = {
    "numeric": [
        "19",
        " 19.0 ",
        "1.9e1",
        "19.",
        "+19",
        "38/2",
        "1.9E+1",
        "１９",
        19,
        19.0,
        np.int64(19),
    ],
    "decimal": ["1/9", "0.11", "0.111", "0.114", ".11", "1.1e-1", 1 / 9],
    "negative": ["-4", "−4", "–4", " - 4 ".replace(" ", ""), "-4.0", "-8/2", -4],
    "text": ["no", "No", "  NO  ", "no.", "No!", "not  necessarily", "Not necessarily."],
    "array": [
        "6 19 40 70 110 114 106 85 50",
        "[6, 19, 40, 70, 110, 114, 106, 85, 50]",
        "6, 19, 40, 70, 110, 114, 106, 85, 50",
        "(6 19 40 70 110 114 106 85 50)",
        "6,19,40,70,110,114,106,85,50",
        "[[6, 19, 40, 70, 110, 114, 106, 85, 50]]",
        [6, 19, 40, 70, 110, 114, 106, 85, 50],
        np.convolve([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]),
    ],
    "array2d": [
        "[[6, 8], [12, 14]]",
        "6 8; 12 14",
        "6 8\n12 14",
        "[6 8; 12 14]",
        "((6, 8), (12, 14))",
        [[6, 8], [12, 14]],
    ],
    "single": ["i + j = k", 1, "b", "B", "  i + j = k "],
    "multiple": [["blur", "CNNs"], [0, 2], "a, c", "A C", ("CNNs", "blur")],
}
WRONG = {
    "numeric": ["18", "20", "19.5", "19.01", "-19", "0", "1e300"],
    "decimal": ["0.1", "0.12", "1/8", "0.105"[:-1]],
    "negative": ["4", "-3", "-4.5"],
    "text": ["yes", "maybe", "no way jose", "n o"],
    "array": ["6 19 40 70 110 114 106 85 51", "50 85 106 114 110 70 40 19 6"],
    "array2d": ["[[6, 8], [12, 15]]", "[[8, 6], [14, 12]]"],
    "single": ["i = k", 0, "c"],
    "multiple": [["blur"], ["blur", "sorting", "CNNs"], [1]],
}
MALFORMED = {
    "numeric": ["nineteen", "19 20", "1,9", "19%", "1/x", "19e", "e19", "--19", "[19]"],
    "decimal": ["0,11", "one ninth"],
    "negative": ["minus four"],
    "text": ["!!!", "...", "?"],
    "array": ["6 19 forty", "[6, 19", "6;;19; 1 2", "[[6], [19, 40]]"],
    "array2d": ["[[6, 8], [12]]", "[6, [8]]", "6 8; 12"],
    "single": ["none of these", 7, -1, 1.5, object()],
    "multiple": [[], ["none of these"], [9], "z", 3.5],
}


@pytest.mark.parametrize("kind", sorted(RIGHT))
def test_right_answers_are_accepted(kind):
    q = _questions()[kind]
    for response in RIGHT[kind]:
        fb = q.check(response)
        assert fb.valid and fb.correct, (kind, response, fb)
        assert fb.symbol == "✓" and "Correct" in str(fb)


@pytest.mark.parametrize("kind", sorted(WRONG))
def test_wrong_answers_are_rejected_with_not_yet(kind):
    q = _questions()[kind]
    for response in WRONG[kind]:
        fb = q.check(response)
        assert fb.valid and not fb.correct, (kind, response, fb)
        assert fb.symbol == "✗" and "Not yet" in str(fb)


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_answers_get_a_friendly_message(kind):
    q = _questions()[kind]
    for response in MALFORMED[kind]:
        fb = q.check(response)
        assert not fb.valid and not fb.correct, (kind, response, fb)
        assert fb.message and "Traceback" not in fb.message
        assert fb.symbol == "?" and "Couldn't read" in str(fb)


@pytest.mark.parametrize("kind", sorted(RIGHT))
def test_empty_answers_ask_for_input(kind):
    q = _questions()[kind]
    for response in [*EMPTY, None]:
        fb = q.check(response)
        assert not fb.valid and not fb.correct, (kind, response)
        assert fb.message


@pytest.mark.parametrize("kind", sorted(RIGHT))
def test_huge_answers_are_refused_before_parsing(kind):
    q = _questions()[kind]
    fb = q.check(HUGE)
    assert not fb.valid
    assert "100000 characters" in fb.message and "1000" in fb.message


@pytest.fixture
def no_eval(monkeypatch):
    """Make eval/exec/compile record any call: checking must never reach them."""
    calls = []

    def trap(name):
        def _trap(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"{name} was called on learner input")

        return _trap

    for name in ("eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, trap(name))
    return calls


@pytest.mark.parametrize("kind", sorted(RIGHT))
def test_hostile_input_stays_inert(kind, no_eval):
    q = _questions()[kind]
    for response in HOSTILE:
        fb = q.check(response)
        assert isinstance(fb, Feedback)
        assert not fb.correct, (kind, response)
    assert no_eval == []
    assert not hasattr(builtins, SENTINEL)


def test_every_bank_question_survives_hostile_and_huge_input(no_eval):
    for notebook in ("01", "08"):
        for q in questions_for(notebook):
            for response in [*HOSTILE, HUGE, *EMPTY]:
                fb = q.check(response)
                assert isinstance(fb, Feedback)
                assert not fb.correct, (q.qid, response)
    assert no_eval == []
    assert not hasattr(builtins, SENTINEL)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.text(max_size=60))
def test_check_never_raises_on_any_text(text):
    for q in _questions().values():
        fb = q.check(text)
        assert isinstance(fb, Feedback)


# -- hints, explanations, near misses -------------------------------------------------------


def test_hint_on_second_miss_and_explanation_after_max_tries():
    q = NumericQuestion.from_answer(
        "t-h", "?", 9, hint="count the diagonals", explanation="4 + 6 - 1 = 9", max_tries=3
    )
    first, second, third = (q.check("10", attempt=n) for n in (1, 2, 3))
    assert first.hint is None and first.explanation is None
    assert second.hint == "count the diagonals" and second.explanation is None
    assert third.explanation == "4 + 6 - 1 = 9"
    assert q.check("9", attempt=5).explanation is None  # right answers don't need it
    assert q.reveal() == "4 + 6 - 1 = 9"


def test_check_is_pure():
    q = _questions()["numeric"]
    assert q.check("18") == q.check("18")
    assert q.check("19") == q.check("19")


def test_near_miss_message_is_targeted():
    q = NumericQuestion.from_answer("t-nm", "?", 28, near_misses={32: "that is the dot product"})
    assert q.check("32").message == "that is the dot product"
    assert q.check("33").message != "that is the dot product"


def test_array_shape_mismatch_says_how_many_values():
    q = _questions()["array"]
    fb = q.check("6 19 40")
    assert fb.valid and not fb.correct
    assert "3 values" in fb.message and "9" in fb.message
    fb2 = _questions()["array2d"].check("6 8 12 14")
    assert "(4,)" in fb2.message and "(2, 2)" in fb2.message


def test_numeric_tolerance_is_symmetric_around_the_rounded_answer():
    q = NumericQuestion.from_answer("t-tol", "?", Fraction(1, 6), decimals=3)  # stored 0.167
    assert q.check("0.1665").correct and q.check("0.1675").correct
    assert not q.check("0.1664").correct and not q.check("0.1676").correct
    wide = NumericQuestion.from_answer("t-tol2", "?", 10, tolerance=1)
    assert [wide.check(s).correct for s in ("9", "10.5", "11", "11.01", "8.9")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_questions_keep_no_plain_answer():
    q = ArrayQuestion.from_answer("t-hide", "?", [4, 13, 28, 27, 18])
    text = repr(q) + repr(vars(q))
    assert "13, 28" not in text and "28" not in text
    num = NumericQuestion.from_answer("t-hide2", "?", 12345)
    assert "12345" not in repr(vars(num))


def test_same_answer_hashes_differently_per_question():
    a = NumericQuestion.from_answer("qa", "?", 5)
    b = NumericQuestion.from_answer("qb", "?", 5)
    assert a._hashes.isdisjoint(b._hashes)


def test_constructor_checks():
    with pytest.raises(ValueError, match="one of the options"):
        SingleChoice.from_answer("x", "?", ["a", "b"], "c")
    with pytest.raises(ValueError, match="subset"):
        MultipleChoice.from_answer("x", "?", ["a", "b"], [])
    with pytest.raises(ValueError, match="differ"):
        SingleChoice.from_answer("x", "?", ["A", "a"], "a")
    with pytest.raises(ValueError, match="decimals"):
        NumericQuestion.from_answer("x", "?", 1, decimals=-1)
    with pytest.raises(ValueError, match="at least one"):
        NumericQuestion("x", "?", [])


# -- the parsers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("19", 19),
        (" 19.0 ", 19),
        ("1.9e1", 19),
        ("1/9", Fraction(1, 9)),
        ("−3", -3),
        ("-3 / 4", Fraction(-3, 4)),
        ("1,000,000", 10**6),
        ("10^6", 10**6),
        ("2**10", 1024),
        (".5", Fraction(1, 2)),
        ("½", Fraction(1, 2)),
        ("1e300", 10**300),
        ("0.1", Fraction(1, 10)),
        ("- 3", -3),
        ("1 / 9", Fraction(1, 9)),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "nan",
        "inf",
        "1e999999",
        "1e301",
        "1/0",
        "0,5",
        "abc",
        "",
        "10^0.5",
        "0^-1",
        "9" * 61,
        "19 20",
        "1 000",
    ],
)
def test_parse_number_refuses(text):
    with pytest.raises(ParseError):
        parse_number(text)


@settings(max_examples=200, derandomize=True)
@given(st.integers(min_value=-(10**40), max_value=10**40))
def test_parse_number_reads_integers_exactly(n):
    assert parse_number(str(n)) == n
    assert parse_number(str(n).replace("-", "−")) == n


@settings(max_examples=200, derandomize=True)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e200, max_value=1e200))
def test_parse_number_reads_float_reprs_exactly(x):
    if x != 0 and abs(x) < 1e-250:  # refused on purpose: far too small to be an answer
        return
    assert parse_number(repr(x)) == Fraction(repr(x))


@settings(max_examples=100, derandomize=True)
@given(st.lists(st.integers(-1000, 1000), min_size=1, max_size=30))
def test_parse_array_round_trips_lists(values):
    for text in (" ".join(map(str, values)), str(values), ", ".join(map(str, values))):
        shape, parsed = parse_array(text)
        assert shape == (len(values),)
        assert parsed == values


def test_parse_array_shapes_and_errors():
    assert parse_array("3 x 4", shape_like=True) == ((2,), [3, 4])
    assert parse_array("3×4", shape_like=True) == ((2,), [3, 4])
    assert parse_array("[[1, 2, 3]]")[0] == (1, 3)
    with pytest.raises(ParseError, match="not closed"):
        parse_array("[1, 2")
    with pytest.raises(ParseError, match="same number"):
        parse_array("1 2; 3")
    with pytest.raises(ParseError, match="at most 2-D"):
        parse_array("[[[1]]]")


def test_normalise_text():
    assert normalise_text("  The   Kernel! ") == "kernel"
    assert normalise_text("No, they don’t.") == "no they dont"
    assert normalise_text("Mask R-CNN", compact=True) == "maskrcnn"
    assert normalise_text("EfficientNet-B0", compact=True, strip_version=True) == "efficientnet"
    assert normalise_text("Inception v3", compact=True, strip_version=True) == "inception"


# -- generated questions -----------------------------------------------------------------------


def _window_value(x, h, i, j):
    kh, kw = h.shape
    return int((x[i : i + kh, j : j + kw] * h).sum())


def test_correlation_entry_matches_a_numpy_window():
    x = np.arange(1, 10).reshape(3, 3)
    h = np.array([[0, 1], [1, 0]])
    seen = set()
    for n in range(12):
        inst = correlation_entry(np.random.default_rng([5, n]), x=x, h=h)
        assert inst.answer in (6, 8, 12, 14)  # the seed's [[6, 8], [12, 14]]
        seen.add(inst.answer)
        assert str(inst.answer) in inst.explanation
    assert len(seen) > 1  # i, j really vary


def test_correlation_entry_random_instances_are_right():
    import re

    for n in range(20):
        rng = np.random.default_rng([7, n])
        inst = correlation_entry(rng)
        # recover x, h and (i, j) from the prompt text, recompute by hand
        block = inst.prompt.split("```")[1]
        x_text, h_text = block.split("h =")
        x = np.array(
            [list(map(int, r.split())) for r in x_text.replace("x =", "").strip().split("\n")]
        )
        h = np.array([list(map(int, r.split())) for r in h_text.strip().split("\n")])
        i, j = map(int, re.search(r"out\[(\d+), (\d+)\]", inst.prompt).groups())
        assert inst.answer == _window_value(x, h, i, j)


def test_correlation_entry_flip_uses_the_flipped_kernel():
    x = np.arange(1, 10).reshape(3, 3)
    h = np.array([[1, 2], [3, 4]])
    inst = correlation_entry(np.random.default_rng(0), x=x, h=h, flip=True)
    from scipy.signal import convolve2d

    assert inst.answer in convolve2d(x, h, mode="valid").ravel().tolist()


def test_output_shape_uses_the_floor_formula():
    inst = output_shape(np.random.default_rng(0), n=(28, 28), k=(3, 3), stride=2, padding=1)
    assert tuple(inst.answer) == (14, 14)
    inst = output_shape(np.random.default_rng(0), n=(7, 6), k=(3, 2), stride=2, padding=0)
    assert tuple(inst.answer) == (3, 3)  # floor(4/2)+1, floor(4/2)+1
    for n in range(30):
        inst = output_shape(np.random.default_rng([3, n]))
        assert min(inst.answer) >= 1


def test_generated_question_checks_and_moves_on():
    q = GeneratedQuestion("t-gen", output_shape, seed=11)
    inst0 = output_shape(np.random.default_rng([11, 0]))
    rows, cols = inst0.answer
    assert q.check(f"({rows}, {cols})").correct
    assert q.check(f"{rows} x {cols}").correct
    assert not q.check(f"({rows + 1}, {cols})").correct
    prompt0 = q.prompt
    q.new_instance()
    assert q.number == 1
    inst1 = output_shape(np.random.default_rng([11, 1]))
    assert q.prompt == inst1.prompt != prompt0
    assert q.check("{} {}".format(*inst1.answer)).correct
    assert "answer" not in vars(q)


def test_generated_question_takes_an_explorers_state():
    from functools import partial

    x = np.arange(1, 10).reshape(3, 3)
    q = GeneratedQuestion("t-state", partial(correlation_entry, x=x, h=[[0, 1], [1, 0]]))
    assert sum(q.check(str(v)).correct for v in (6, 8, 12, 14)) == 1


# -- issue 12.6: readings that were guessed wrong -----------------------------------------------


@pytest.mark.parametrize("text", ["0,083", "0,5", "-0,25", "12,5", "1,000", "3,14159", "1,2,3"])
def test_a_possible_decimal_comma_asks_for_a_dot(text):
    with pytest.raises(ParseError, match="dot") as err:
        parse_number(text)
    assert err.value.reason == "comma"


def test_commas_that_cannot_be_decimal_commas_still_separate_thousands():
    assert parse_number("1,000,000") == 10**6
    assert parse_number("1,638,400") == 1638400
    assert parse_number("1,000.5") == Fraction(2001, 2)


def test_a_decimal_comma_costs_no_attempt():
    from convlab.quiz import for_notebook

    quiz = for_notebook("07", progress=None)
    fb = quiz.submit("07-dice4", "0,083")  # 1/12 ≈ 0.083 with a decimal comma, not 83
    assert not fb.valid and "use a dot" in fb.message and "0.083" in fb.message
    assert quiz.records["07-dice4"]["attempts"] == 0
    assert quiz.submit("07-dice4", "0.083").correct
    assert quiz.records["07-dice4"]["attempts"] == 1


def test_a_percentage_is_read_only_where_the_question_says_so():
    # probability questions declare it: 8.3% is 0.083
    assert parse_number("8.3%", percent=True) == Fraction(83, 1000)
    assert parse_number("8.3 %", percent=True) == Fraction(83, 1000)
    probability = {q.qid: q for q in questions_for("07")}["07-dice4"]
    assert probability.check("8.3%").correct and probability.check("1/12").correct
    assert not probability.check("83%").correct  # 0.83: valid, wrong
    # anywhere else a % is refused with the plain number shown, and costs no attempt
    with pytest.raises(ParseError, match=r"without the % sign \(8\.3% is 0\.083\)") as err:
        parse_number("8.3%")
    assert err.value.reason == "percent"
    count = questions_for("01")[0]  # "how many values?"
    fb = count.check("9%")
    assert not fb.valid and "%" in fb.message


@pytest.mark.parametrize(
    ("text", "value"),
    [("-2^2", -4), ("−2^2", -4), ("-2**2", -4), ("(-2)^2", 4), ("-2^3", -8), ("2^-2",
     Fraction(1, 4)), ("-10^2", -100), ("+2^2", 4), ("(-3)", -3)],
)
def test_a_minus_sign_binds_after_the_power(text, value):
    assert parse_number(text) == value


def test_empty_answers_say_press_check_in_the_quiz_only():
    from convlab import parsing

    with pytest.raises(ParseError, match=r"^Type a number first\.$"):
        parsing.parse_number("  ")
    with pytest.raises(ParseError, match=r"then press Check\.$"):
        parse_number("  ")
    with pytest.raises(ParseError, match=r"^Type the values first \(for example 1, 2, 3\)\.$"):
        parsing.parse_array("")
    for q in _questions().values():
        assert "press Check" in q.check("").message, q
