"""Read numbers, arrays and short text that a person typed into a box.

Used by the quiz (:mod:`convlab.quiz`) and by the explorers that take typed
values (the filter playground's own kernel).  The messages are neutral: they
say what could not be read and how to write it, not what to press next; the
quiz adds its own wording ("then press Check") on top.

Nothing here evaluates the input as code.  Each function checks the text
against a small grammar (regular expressions and a bracket matcher) and builds
exact :class:`fractions.Fraction` values from tokens that already matched, so
``"__import__('os')"`` is simply "not a number".  Anything the grammar does not
accept raises :class:`ParseError` with a message meant for the learner.

Three readings are refused rather than guessed: a comma between digits that
could be a decimal comma (``"0,083"``, ``"1,000"``: say "use a dot"), a percent
sign unless the caller says a percentage is welcome (``percent=True`` reads
``"8.3%"`` as 0.083), and nothing else is ambiguous: ``"-2^2"`` follows the
usual precedence, ``-(2^2) = -4``, and ``"(-2)^2"`` is 4.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

__all__ = [
    "MAX_RESPONSE_CHARS",
    "ParseError",
    "clean",
    "normalise_text",
    "parse_array",
    "parse_number",
]

#: Longer answers are refused before any parsing is tried.
MAX_RESPONSE_CHARS = 1000
#: Largest power of ten a typed number may reach (1e300 is fine, 1e999999 is not).
MAX_EXPONENT = 300
#: Most values an array answer may hold.
MAX_ARRAY_VALUES = 10_000

_MINUS_SIGNS = "\u2212\u2012\u2013\u2014\ufe63\uff0d"  # − ‒ – — ﹣ －
_SPACES = re.compile(r"\s+")
_DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_DECIMAL_RE = re.compile(
    r"(?P<sign>[+-]?)(?P<int>\d*)(?:\.(?P<frac>\d*))?(?:[eE](?P<exp>[+-]?\d+))?"
)
_NUMBER_RE = re.compile(
    rf"(?P<a>{_DECIMAL}|\((?P<inner>{_DECIMAL})\))(?:(?P<op>/|\^|\*\*)(?P<b>{_DECIMAL}))?"
)
# Commas are thousands separators only where they cannot be a decimal comma: two or more
# groups ("1,000,000") or a decimal point after them ("1,000.5"), never after a leading 0.
_THOUSANDS_RE = re.compile(r"[+-]?[1-9]\d{0,2}(?:(?:,\d{3}){2,}(?:\.\d+)?|(?:,\d{3})+\.\d+)")
_COMMA_RE = re.compile(r"[+-]?\d+(?:,\d+)+")
_NONFINITE = {
    "nan",
    "+nan",
    "-nan",
    "inf",
    "+inf",
    "-inf",
    "infinity",
    "+infinity",
    "-infinity",
    "∞",
    "+∞",
    "-∞",
}


class ParseError(ValueError):
    """Typed text could not be read; ``str(error)`` says why, kindly.

    Parameters
    ----------
    message : str
        For the person who typed the text.
    reason : str, optional
        What went wrong, for callers that add their own wording: ``"empty"`` (nothing
        typed), ``"comma"`` (a possible decimal comma), ``"percent"`` (a % sign where
        none is expected) or ``"unreadable"`` (everything else).

    Examples
    --------
    >>> ParseError("Type a number first.", reason="empty").reason
    'empty'
    """

    def __init__(self, message: str, *, reason: str = "unreadable") -> None:
        super().__init__(message)
        self.reason = reason


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def clean(text: object) -> str:
    """Unicode-normalise a response and check its type and length.

    >>> clean("  \u22123 ")
    '-3'
    >>> clean("x" * 1001)
    Traceback (most recent call last):
    ...
    convlab.parsing.ParseError: That answer is 1001 characters long; ...
    """
    if not isinstance(text, str):
        raise ParseError(f"Please type your answer as text, not {type(text).__name__}.")
    if len(text) > MAX_RESPONSE_CHARS:
        raise ParseError(
            f"That answer is {len(text)} characters long; answers here are at most "
            f"{MAX_RESPONSE_CHARS}."
        )
    text = unicodedata.normalize("NFKC", text)
    for ch in _MINUS_SIGNS:
        text = text.replace(ch, "-")
    text = text.replace("\u2044", "/").replace("÷", "/").replace("\u00d7", "x")
    return text.strip()


def _decimal(token: str) -> Fraction:
    """Exact value of a token that already matched ``_DECIMAL``, with a size check."""
    m = _DECIMAL_RE.fullmatch(token)
    if m is None:  # pragma: no cover - callers only pass matched tokens
        raise ParseError(f"I couldn't read {_clip(token)!r} as a number.")
    digits = (m["int"] or "") + (m["frac"] or "")
    if len(digits) > 60:
        raise ParseError(f"{_clip(token)!r} has more digits than any answer here needs.")
    exp_text = m["exp"] or "0"
    if len(exp_text.lstrip("+-")) > 6:
        raise ParseError(f"{_clip(token)!r} is far too large or too small to be the answer.")
    exp = int(exp_text)
    lead = len((m["int"] or "").lstrip("0"))  # digits before the point
    if abs(exp) > MAX_EXPONENT or lead + exp - 1 > MAX_EXPONENT:
        raise ParseError(f"{_clip(token)!r} is far too large or too small to be the answer.")
    mantissa = Fraction(int(digits or "0"), 10 ** len(m["frac"] or ""))
    value = mantissa * Fraction(10) ** exp
    return -value if m["sign"] == "-" else value


def parse_number(text: object, *, percent: bool = False) -> Fraction:
    """Read one typed number and return its exact value.

    Accepted: integers and decimals (``"19"``, ``" 19.0 "``, ``".5"``),
    scientific notation (``"1.9e1"``), fractions (``"1/9"``, ``"-3 / 4"``),
    powers with an integer exponent (``"10^6"``, ``"2**10"``; ``"-2^2"`` is
    −(2²) = −4 as in mathematics, ``"(-2)^2"`` is 4), thousands separators
    where they cannot be a decimal comma (``"1,000,000"``) and any Unicode
    minus sign (``"−3"``).  NaN, infinity, code and numbers beyond 1e300 are
    refused, and so is a comma that may be a decimal comma (``"0,083"``,
    ``"1,000"``): the message asks for a dot.

    Parameters
    ----------
    text : str
        What was typed (at most 1000 characters).
    percent : bool, optional
        Accept a trailing ``%`` and divide by 100 (``"8.3%"`` is 0.083), for
        answers that are a fraction or a probability.  When False (default)
        a ``%`` is refused with a message that shows the plain number.

    Returns
    -------
    fractions.Fraction
        The exact value: ``"0.1"`` is 1/10, not the nearest float.

    Raises
    ------
    ParseError
        With a message for the person who typed it, for anything that is not
        one number; its ``reason`` says which kind of problem it was.

    Examples
    --------
    >>> parse_number(" 1.9e1 ")
    Fraction(19, 1)
    >>> parse_number("1/9")
    Fraction(1, 9)
    >>> parse_number("\u22123")
    Fraction(-3, 1)
    >>> parse_number("-2^2")
    Fraction(-4, 1)
    >>> parse_number("8.3%", percent=True)
    Fraction(83, 1000)
    >>> parse_number("0,083")
    Traceback (most recent call last):
    ...
    convlab.parsing.ParseError: I couldn't read '0,083': please use a dot for decimals (0.083).
    >>> parse_number("nan")
    Traceback (most recent call last):
    ...
    convlab.parsing.ParseError: Please give a finite number ('nan' is not one).
    """
    raw = clean(text)
    if raw.endswith("%"):
        body = raw[:-1].rstrip()
        value = _plain_number(body, raw)
        if percent:
            return value / 100
        raise ParseError(
            f"Please write {_clip(raw)!r} as a plain number, without the % sign"
            f" ({_clip(body)}% is {_decimal_text(value / 100)}).",
            reason="percent",
        )
    return _plain_number(raw, raw)


def _decimal_text(value: Fraction) -> str:
    """``value`` as a decimal, exact when it has a finite expansion (0.083, not 0.0830000001)."""
    d = value.denominator
    twos = fives = 0
    while d % 2 == 0:
        d, twos = d // 2, twos + 1
    while d % 5 == 0:
        d, fives = d // 5, fives + 1
    if d != 1 or max(twos, fives) > 20:
        return f"{float(value):.6g}"
    places = max(twos, fives)
    scaled = abs(value.numerator) * 10**places // value.denominator
    digits = str(scaled).rjust(places + 1, "0")
    text = digits if not places else f"{digits[:-places]}.{digits[-places:]}"
    return ("-" if value < 0 else "") + text


def _plain_number(raw: str, shown: str) -> Fraction:
    """The value of ``raw`` (already cleaned, no % sign); ``shown`` is quoted in messages."""
    if not raw:
        raise ParseError("Type a number first.", reason="empty")
    # spaces may surround an operator or follow a sign ("1 / 9", "- 3"), nothing else:
    # "19 20" must stay two numbers, not become 1920
    squeezed = re.sub(r"\s*(/|\^|\*\*)\s*", r"\1", raw)
    squeezed = re.sub(r"^([+-])\s+", r"\1", squeezed)
    if squeezed.casefold() in _NONFINITE:
        raise ParseError(f"Please give a finite number ({_clip(shown)!r} is not one).")
    if _THOUSANDS_RE.fullmatch(squeezed):
        squeezed = squeezed.replace(",", "")
    elif _COMMA_RE.fullmatch(squeezed):
        dotted = squeezed.replace(",", ".", 1) if squeezed.count(",") == 1 else None
        if dotted is not None and re.fullmatch(r"[+-]?[1-9]\d{0,2},\d{3}", squeezed):
            message = (
                f"I couldn't tell what {_clip(shown)!r} means: for {squeezed.replace(',', '')} "
                f"write it without the comma, for {dotted} use a dot for decimals."
            )
        elif dotted is not None:
            message = f"I couldn't read {_clip(shown)!r}: please use a dot for decimals ({dotted})."
        else:
            message = (
                f"I couldn't read {_clip(shown)!r}: please use a dot for decimals (0.5, not "
                "0,5) and no commas between the digits of a number."
            )
        raise ParseError(message, reason="comma")
    m = _NUMBER_RE.fullmatch(squeezed)
    if m is None:
        raise ParseError(
            f"I couldn't read {_clip(shown)!r} as a number. Write it like 19, 19.0, 1.9e1, -3 "
            "or 1/9."
        )
    a = _decimal(m["inner"] if m["inner"] is not None else m["a"])
    if m["op"] is None:
        return a
    b = _decimal(m["b"])
    if m["op"] == "/":
        if b == 0:
            raise ParseError("That fraction divides by zero.")
        return a / b
    # a power: the exponent must be a small integer and the result sensible
    if b.denominator != 1 or abs(b) > MAX_EXPONENT:
        raise ParseError("Powers need a whole-number exponent of at most 300, like 10^6.")
    if a == 0 and b < 0:
        raise ParseError("0 to a negative power is not a number.")
    if a != 0 and abs(a) != 1:
        size = abs(a.numerator).bit_length() - abs(a.denominator).bit_length()
        if abs(size * int(b)) > MAX_EXPONENT * 3.33:
            raise ParseError(f"{_clip(shown)!r} is far too large or too small to be the answer.")
    # the power binds tighter than a sign written before it: -2^2 is -(2^2), (-2)^2 is 4
    if m["inner"] is None and a < 0:
        return -((-a) ** int(b))
    return a ** int(b)


def _number_token(token: str, percent: bool) -> Fraction:
    try:
        return parse_number(token, percent=percent)
    except ParseError as exc:
        raise ParseError(f"In your list, {exc}", reason=exc.reason) from None


def _split_items(text: str, shape_like: bool) -> list[str]:
    seps = r"[,\s]+" if not shape_like else r"[,\sx*]+"
    return [t for t in re.split(seps, text) if t]


def _parse_brackets(text: str, shape_like: bool) -> list:
    """Nested lists (depth <= 2) of number tokens from a bracketed answer."""
    opening = {"[": "]", "(": ")"}
    tokens = re.findall(r"[\[\]()]|[^\[\]()]+", text)
    stack: list[list] = [[]]
    closers: list[str] = []
    for tok in tokens:
        if tok in opening:
            if len(closers) >= 2:
                raise ParseError(
                    "Answers here are at most 2-D: use at most two levels of brackets."
                )
            new: list = []
            stack[-1].append(new)
            stack.append(new)
            closers.append(opening[tok])
        elif tok in ")]":
            if not closers:
                raise ParseError(f"There is a {tok!r} without a matching opening bracket.")
            if tok != closers[-1]:
                raise ParseError(
                    f"The brackets don't match: expected {closers[-1]!r}, found {tok!r}."
                )
            closers.pop()
            stack.pop()
        else:
            stack[-1].extend(_split_items(tok, shape_like))
    if closers:
        raise ParseError(f"A bracket is not closed: add {closers[-1]!r} at the end.")
    top = stack[0]
    if len(top) != 1 or not isinstance(top[0], list):
        raise ParseError("Put the whole answer inside one pair of brackets, or use none at all.")
    return top[0]


def parse_array(
    text: object, *, shape_like: bool = False
) -> tuple[tuple[int, ...], list[Fraction]]:
    """Read a 1-D or 2-D array of numbers typed by a learner.

    Values are separated by commas and/or spaces, with or without brackets:
    ``"6 19 40"``, ``"6, 19, 40"``, ``"[6, 19, 40]"``.  Rows of a 2-D answer
    are nested brackets (``"[[6, 8], [12, 14]]"``) or separated by ``;`` or
    new lines (``"6 8; 12 14"``).  Each value follows :func:`parse_number`
    (fractions must be written without spaces inside the list, ``1/9``).
    With ``shape_like=True`` an ``x`` or ``×`` also separates values, so
    ``"3 × 4"`` reads as a shape.

    Parameters
    ----------
    text : str
        What the learner typed (at most 1000 characters).
    shape_like : bool, optional
        Also accept ``x``/``×``/``*`` between values (for "what shape?" answers).

    Returns
    -------
    shape : tuple of int
        ``(n,)`` or ``(rows, cols)``.
    values : list of fractions.Fraction
        The values, row by row.

    Raises
    ------
    ParseError
        With a learner-facing message: unbalanced brackets, ragged rows, a
        value that is not a number, more than 10 000 values, ...

    Examples
    --------
    >>> parse_array("6 19 40")
    ((3,), [Fraction(6, 1), Fraction(19, 1), Fraction(40, 1)])
    >>> parse_array("[[6, 8], [12, 14]]")[0]
    (2, 2)
    >>> parse_array("(3 × 4)", shape_like=True)
    ((2,), [Fraction(3, 1), Fraction(4, 1)])
    >>> parse_array("[1, 2")
    Traceback (most recent call last):
    ...
    convlab.parsing.ParseError: A bracket is not closed: add ']' at the end.
    """
    raw = clean(text)
    if not raw:
        raise ParseError("Type the values first (for example 1, 2, 3).", reason="empty")
    raw = re.sub(r"\s*/\s*", "/", raw)
    if shape_like:
        raw = raw.replace("X", "x")
    if ";" in raw and raw[0] in "[(" and raw[-1] in "])" and raw.count("[") + raw.count("(") == 1:
        raw = raw[1:-1].strip()  # MATLAB style: [6 8; 12 14]
    rows: list
    if raw and (raw[0] in "[(" or raw[-1] in "])"):
        items = _parse_brackets(raw, shape_like)
        nested = [isinstance(item, list) for item in items]
        if items and all(nested):
            rows, is_2d = items, True
        elif any(nested):
            raise ParseError("Mix of numbers and rows: write every row in its own brackets.")
        else:
            rows, is_2d = [items], False
    else:
        lines = [ln for ln in re.split(r"[;\n]", raw) if ln.strip()]
        rows = [_split_items(ln, shape_like) for ln in lines]
        is_2d = len(rows) > 1
    if not rows or not rows[0]:
        raise ParseError("I found no values in your answer.")
    width = len(rows[0])
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != width:
            raise ParseError(
                f"Row {i} has {len(r)} value{'s' * (len(r) != 1)} but row 1 has {width}; "
                "every row needs the same number."
            )
    count = width * len(rows)
    if count > MAX_ARRAY_VALUES:
        raise ParseError(f"That is {count} values; answers here have far fewer.")
    values = [_number_token(tok, False) for r in rows for tok in r]
    shape = (len(rows), width) if is_2d else (width,)
    return shape, values


def normalise_text(text: object, *, compact: bool = False, strip_version: bool = False) -> str:
    """Canonical form of a short text answer, so that trivial differences don't matter.

    Unicode-normalises, ignores case, drops apostrophes, turns other
    punctuation into spaces, collapses runs of spaces and drops a leading
    article (a, an, the).

    Parameters
    ----------
    text : str
        What the learner typed (at most 1000 characters).
    compact : bool, optional
        Remove every space as well (``"VGG 16"`` and ``"vgg-16"`` both become
        ``"vgg16"``), for names.
    strip_version : bool, optional
        With ``compact``, also drop a trailing version or size such as ``16``,
        ``v3`` or ``b0`` (``"ResNet-152"`` becomes ``"resnet"``).

    Returns
    -------
    str

    Raises
    ------
    ParseError
        If ``text`` is not a string or is too long.

    Examples
    --------
    >>> normalise_text("  The   Kernel! ")
    'kernel'
    >>> normalise_text("No, they don't.")
    'no they dont'
    >>> normalise_text("VGG-16", compact=True)
    'vgg16'
    >>> normalise_text("ResNet-152", compact=True, strip_version=True)
    'resnet'
    """
    raw = clean(text).casefold()
    raw = re.sub(r"['\u2018\u2019`´]", "", raw)
    raw = "".join(ch if ch.isalnum() else " " for ch in raw)
    raw = _SPACES.sub(" ", raw).strip()
    raw = re.sub(r"^(?:a|an|the) ", "", raw)
    if compact:
        raw = raw.replace(" ", "")
        if strip_version:
            raw = re.sub(r"(?:[vb]?\d+)+$", "", raw) or raw
    return raw
