"""Input checks shared by every public function of convlab.

One home for validation, in the style of scikit-image's ``check_nD``: a public
function calls these first, then hands clean arrays to a private worker.  Every
error names the argument it is about and says what was expected, so a learner
never sees a traceback from deep inside numpy.
"""

from __future__ import annotations

import numbers
import warnings

import numpy as np

__all__ = [
    "as_array",
    "check_bool",
    "check_choice",
    "check_int",
    "check_int_result_fits",
    "check_method",
    "check_mode",
    "check_output_size",
    "check_padding",
    "check_positive_float",
    "check_same_ndim",
    "check_tuple",
]

#: The largest output convlab will allocate (10**8 values, 800 MB of float64).
MAX_OUTPUT_ELEMENTS = 10**8

MODES = ("full", "same", "valid")
METHODS = ("direct", "fft", "auto")


def _describe(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def as_array(
    value: object,
    name: str,
    *,
    ndim: tuple[int, ...] = (1, 2),
    allow_nonfinite: bool = False,
) -> np.ndarray:
    """Return ``value`` as a real numeric array, or raise an error naming ``name``.

    Integers become ``int64`` (so sums are exact, as in numpy) and floats
    become ``float64``.  Booleans, complex numbers, strings and objects are
    refused with ``TypeError``; empty arrays, a wrong number of dimensions and
    (unless ``allow_nonfinite``) NaN or infinity with ``ValueError``.

    >>> as_array([1, 2, 3], "x")
    array([1, 2, 3])
    >>> as_array([[1.5]], "h")
    array([[1.5]])
    >>> as_array("abc", "x")
    Traceback (most recent call last):
    ...
    TypeError: x must hold real numbers, got a string: 'abc'
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must hold real numbers, got a string: {_describe(value)}")
    if value is None:
        raise TypeError(f"{name} must be an array of numbers, got None")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", np.exceptions.VisibleDeprecationWarning)
            arr = np.asarray(value)
    except (ValueError, TypeError, np.exceptions.VisibleDeprecationWarning) as exc:
        raise ValueError(
            f"{name} must be a rectangular array of numbers (all rows the same length); "
            f"numpy could not read {_describe(value)}"
        ) from exc

    kind = arr.dtype.kind
    if kind == "b":
        raise TypeError(f"{name} must hold numbers, not booleans; convert with {name}.astype(int)")
    if kind == "c":
        raise TypeError(f"{name} must hold real numbers; complex values are not supported")
    if kind in "USa":
        raise TypeError(f"{name} must hold real numbers, got strings: {_describe(value)}")
    if kind not in "iuf":
        raise TypeError(
            f"{name} must hold real numbers (int or float), "
            f"got dtype {arr.dtype}: {_describe(value)}"
        )

    if arr.ndim not in ndim:
        wanted = " or ".join(f"{d}-D" for d in ndim)
        raise ValueError(f"{name} must be {wanted}, got a {arr.ndim}-D array of shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")

    if kind in "iu":
        if kind == "u" and arr.dtype.itemsize >= 8 and arr.max() > np.iinfo(np.int64).max:
            raise ValueError(f"{name} holds integers too large for int64; pass floats instead")
        arr = arr.astype(np.int64, copy=False)
    else:
        arr = arr.astype(np.float64, copy=False)
        if not allow_nonfinite and not np.isfinite(arr).all():
            raise ValueError(f"{name} must not contain NaN or infinity")
    return arr


def check_mode(mode: object) -> str:
    """Return ``mode`` if it is one of "full", "same", "valid", else raise.

    >>> check_mode("valid")
    'valid'
    >>> check_mode("circular")
    Traceback (most recent call last):
    ...
    ValueError: mode must be one of 'full', 'same', 'valid', got 'circular'
    """
    if not isinstance(mode, str):
        raise TypeError(
            f"mode must be a string, one of 'full', 'same', 'valid', got {_describe(mode)}"
        )
    if mode not in MODES:
        raise ValueError(f"mode must be one of 'full', 'same', 'valid', got {_describe(mode)}")
    return mode


def check_same_ndim(x: np.ndarray, h: np.ndarray, xname: str = "x", hname: str = "h") -> None:
    """Raise ``ValueError`` unless ``x`` and ``h`` have the same number of dimensions."""
    if x.ndim != h.ndim:
        raise ValueError(
            f"{hname} must have as many dimensions as {xname}: {xname} is {x.ndim}-D "
            f"{x.shape}, {hname} is {h.ndim}-D {h.shape}"
        )


def check_int_result_fits(x: np.ndarray, h: np.ndarray, xname: str = "x", hname: str = "h") -> None:
    """Raise if an integer convolution of ``x`` and ``h`` could overflow int64.

    Every output value is a sum of at most ``min(x.size, h.size)`` products, so
    the bound below is safe; it is only reached by absurdly large integers.
    """
    if x.dtype.kind != "i" or h.dtype.kind != "i":
        return
    bound = (
        float(np.abs(x).max(initial=0)) * float(np.abs(h).max(initial=0)) * min(x.size, h.size)
    )
    if bound >= 2.0**63:
        raise ValueError(
            f"the integer result of {xname} and {hname} could overflow int64 "
            f"(values up to {bound:.3g}); pass floats instead"
        )


def check_int(value: object, name: str, *, minimum: int | None = None) -> int:
    """Return ``value`` as a Python int (bools refused), with an optional lower bound.

    >>> check_int(3, "size")
    3
    >>> check_int(0, "stride", minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: stride must be at least 1, got 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {_describe(value)}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return value


def check_output_size(shape: tuple[int, ...], what: str = "the result") -> None:
    """Raise ``ValueError`` if an array of ``shape`` would be absurdly large.

    >>> check_output_size((100_000, 100_000))
    Traceback (most recent call last):
    ...
    ValueError: the result would have shape (100000, 100000), 10000000000 values (over 800 MB); ...
    """
    count = 1
    for n in shape:
        count *= int(n)
    if count > MAX_OUTPUT_ELEMENTS:
        raise ValueError(
            f"{what} would have shape {tuple(int(n) for n in shape)}, {count} values "
            f"(over {MAX_OUTPUT_ELEMENTS * 8 // 10**6} MB); use smaller inputs"
        )


def check_choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of the strings in ``choices``, else raise.

    >>> check_choice("fft", "method", ("direct", "fft", "auto"))
    'fft'
    >>> check_choice("slow", "method", ("direct", "fft", "auto"))
    Traceback (most recent call last):
    ...
    ValueError: method must be one of 'direct', 'fft', 'auto', got 'slow'
    """
    listed = ", ".join(repr(c) for c in choices)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, one of {listed}, got {_describe(value)}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {listed}, got {_describe(value)}")
    return value


def check_method(method: object) -> str:
    """Return ``method`` if it is "direct", "fft" or "auto", else raise.

    >>> check_method("auto")
    'auto'
    """
    return check_choice(method, "method", METHODS)


def check_bool(value: object, name: str) -> bool:
    """Return ``value`` as a Python bool; anything but True/False raises ``TypeError``.

    >>> check_bool(True, "flip")
    True
    >>> check_bool(1, "flip")
    Traceback (most recent call last):
    ...
    TypeError: flip must be True or False, got 1
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_describe(value)}")
    return bool(value)


def check_tuple(
    value: object, name: str, ndim: int, *, minimum: int | None = None
) -> tuple[int, ...]:
    """Return an int, or a sequence of ``ndim`` ints, as a tuple of ``ndim`` ints.

    One number applies to every axis; a pair gives (rows, cols).

    >>> check_tuple(2, "stride", 2, minimum=1)
    (2, 2)
    >>> check_tuple((1, 3), "stride", 2, minimum=1)
    (1, 3)
    >>> check_tuple((1, 2, 3), "stride", 2)
    Traceback (most recent call last):
    ...
    ValueError: stride must be an integer or a pair of integers (rows, cols), got (1, 2, 3)
    """
    if isinstance(value, (tuple, list, np.ndarray)):
        items = list(value.ravel()) if isinstance(value, np.ndarray) else list(value)
        if len(items) != ndim:
            shape = "a pair of integers (rows, cols)" if ndim == 2 else f"{ndim} integer(s)"
            raise ValueError(f"{name} must be an integer or {shape}, got {_describe(value)}")
        return tuple(check_int(v, name, minimum=minimum) for v in items)
    return (check_int(value, name, minimum=minimum),) * ndim


def check_padding(value: object, ndim: int) -> str | tuple[int, ...]:
    """Return "valid", "same", or a tuple of ``ndim`` non-negative ints for ``padding``.

    >>> check_padding("same", 2)
    'same'
    >>> check_padding(1, 2)
    (1, 1)
    >>> check_padding(-1, 1)
    Traceback (most recent call last):
    ...
    ValueError: padding must be at least 0, got -1
    """
    if isinstance(value, str):
        return check_choice(value, "padding", ("valid", "same"))
    return check_tuple(value, "padding", ndim, minimum=0)


def check_positive_float(value: object, name: str) -> float:
    """Return ``value`` as a float if it is a finite real number above zero, else raise.

    >>> check_positive_float(3, "sigma")
    3.0
    >>> check_positive_float(0.0, "sigma")
    Traceback (most recent call last):
    ...
    ValueError: sigma must be a finite number above 0, got 0.0
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {_describe(value)}")
    value = float(value)
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a finite number above 0, got {value!r}")
    return value
