"""Signals and images that need no network: the course's examples, seeded noise, a photo.

Everything here is deterministic: the random ones take a ``seed``, and the
photo ships with matplotlib (``matplotlib.cbook.get_sample_data``), which is
imported only when :func:`photo` is called.
"""

from __future__ import annotations

import functools
import numbers

import numpy as np

from ._validation import check_int, check_output_size, check_positive_float, check_tuple

__all__ = [
    "chart_trend",
    "chirp",
    "hi_image",
    "noisy_chart",
    "photo",
    "random_image",
    "sawtooth",
    "sum_of_sines",
]

_HI = """\
255 255 255 255 255 255 255 255 255 255 255 255 255 255 255 255
255 255 255 255 255 255 255 255 255 255 255 255 255 255 238 238
255 255 255   0 255 255   0 255 255   0 255 255 255 255 221 221
255 255 255   0 255 255   0 255 255   0 255 255 255 255 204 204
255 255 255   0 255 255   0 255 255 255 255 255 255 255 187 187
255 255 255   0 255 255   0 255 255   0 255 255 255 255 170 170
255 255 255   0   0   0   0 255 255   0 255 255 255 255 153 153
255 255 255   0 255 255   0 255 255   0 255 255 255 255 136 136
255 255 255   0 255 255   0 255 255   0 255 255 255 255 119 119
255 255 255   0 255 255   0 255 255   0 255 255 255 255 102 102
255 255 255   0 255 255   0 255 255   0 255 255 255 255  85  85
255 255 255   0 255 255   0 255 255   0 255 255 255 255  68  68
255 255 255 255 255 255 255 255 255 255 255 255 255 255  51  51
255 255 255 255 255 255 255 255 255 255 255 255 255 255  34  34
255 255 255 255 255 255 255 255 255 255 255 255 255 255  17  17
255 255 255 255 255 255 255 255 255 255 255 255 255 255   0   0
"""


def sawtooth(length=200, period=50):
    """A sawtooth: ramps from -1 to 1, ``length // period`` times over (notebook 03's signal).

    ``np.tile(np.linspace(-1, 1, period), length // period)``.

    Parameters
    ----------
    length : int, optional
        Number of samples, a positive multiple of ``period``.
    period : int, optional
        Samples per ramp, at least 2.

    Returns
    -------
    (length,) ndarray of float64

    Raises
    ------
    ValueError
        If ``period`` is below 2 or ``length`` is not a positive multiple of it.

    Examples
    --------
    >>> sawtooth(6, 3)
    array([-1.,  0.,  1., -1.,  0.,  1.])
    >>> sawtooth().shape
    (200,)
    """
    period = check_int(period, "period", minimum=2)
    length = check_int(length, "length", minimum=1)
    if length % period:
        raise ValueError(
            f"length must be a multiple of period ({period}), got {length}; "
            f"try {max(period, length - length % period)}"
        )
    check_output_size((length,), "the sawtooth")
    return np.tile(np.linspace(-1.0, 1.0, period), length // period)


def hi_image():
    """The 16×16 grey "Hi" image of notebook 04: the letters "H" and "i" on white.

    White (255) background, the letters "H" and "i" in black (0), and a grey
    ramp from 255 down to 0 in steps of 17 in the last two columns.

    Returns
    -------
    (16, 16) ndarray of int64
        Grey levels 0..255; a fresh copy each call.

    Examples
    --------
    >>> img = hi_image()
    >>> img.shape, img.dtype
    ((16, 16), dtype('int64'))
    >>> img[2, :10]
    array([255, 255, 255,   0, 255, 255,   0, 255, 255,   0])
    >>> img[:, -1][::5]
    array([255, 170,  85,   0])
    """
    return np.array([row.split() for row in _HI.splitlines()], dtype=np.int64)


def random_image(shape=(64, 64), seed=0):
    """A seeded image of random grey levels 0..255: pixels with no pattern at all.

    Parameters
    ----------
    shape : int or (int, int), optional
        Rows and columns (one int: a square).
    seed : int, optional
        Seed of ``numpy.random.default_rng``; the same seed gives the same image.

    Returns
    -------
    ndarray of int64

    Examples
    --------
    >>> a = random_image((3, 4), seed=1)
    >>> a.shape, bool(a.min() >= 0), bool(a.max() <= 255)
    ((3, 4), True, True)
    >>> bool((a == random_image((3, 4), seed=1)).all())
    True
    """
    shape = check_tuple(shape, "shape", 2, minimum=1)
    seed = check_int(seed, "seed", minimum=0)
    check_output_size(shape, "the image")
    return np.random.default_rng(seed).integers(0, 256, size=shape, dtype=np.int64)


def chart_trend(n=200):
    """The smooth curve behind :func:`noisy_chart`: a slow rise with a wave on top.

    ``t = linspace(0, 4, n)``; ``0.5 * t + sin(pi * t)``: two waves on a slope.

    Examples
    --------
    At ``t = 0, 1, 2, 3, 4`` the sine is zero, leaving the slope:

    >>> chart_trend(5).round(6)
    array([0. , 0.5, 1. , 1.5, 2. ])
    """
    n = check_int(n, "n", minimum=2)
    check_output_size((n,), "the chart")
    t = np.linspace(0.0, 4.0, n)
    return 0.5 * t + np.sin(np.pi * t)


def noisy_chart(n=200, seed=0, *, noise=0.4):
    """A seeded noisy series to smooth: :func:`chart_trend` plus Gaussian noise.

    Parameters
    ----------
    n : int, optional
        Number of samples, at least 2.
    seed : int, optional
        Seed of ``numpy.random.default_rng``.
    noise : float, optional
        Standard deviation of the noise, above 0.

    Returns
    -------
    (n,) ndarray of float64

    Examples
    --------
    >>> y = noisy_chart(100, seed=3)
    >>> y.shape, bool((y == noisy_chart(100, seed=3)).all())
    ((100,), True)
    >>> bool(abs((y - chart_trend(100)).std() - 0.4) < 0.1)
    True
    """
    trend = chart_trend(n)
    seed = check_int(seed, "seed", minimum=0)
    noise = check_positive_float(noise, "noise")
    return trend + np.random.default_rng(seed).normal(0.0, noise, size=len(trend))


@functools.lru_cache(maxsize=1)
def _grace_hopper():
    from matplotlib import cbook  # lazy: importing convlab must not import matplotlib

    with cbook.get_sample_data("grace_hopper.jpg") as f:
        try:
            from PIL import Image

            rgb = np.asarray(Image.open(f).convert("RGB"), dtype=np.float64)
        except ImportError:  # pragma: no cover - matplotlib depends on Pillow
            import matplotlib.image

            rgb = np.asarray(matplotlib.image.imread(f, format="jpg"), dtype=np.float64)
    rgb = rgb[..., :3] / 255.0
    rgb.flags.writeable = False
    return rgb


def _grey():
    return _grace_hopper() @ np.array([0.299, 0.587, 0.114])


def photo(*, downsample=1, colour=False):
    """A photo of Grace Hopper (600×512), shipped with matplotlib: no network needed.

    Parameters
    ----------
    downsample : int, optional
        Average blocks of ``downsample`` × ``downsample`` pixels (1: full size,
        2: 300×256, ...), for quicker explorers.
    colour : bool, optional
        False (default): one grey image.  True: the red, green and blue
        channels, channels first (the layout of a convolution layer's input).

    Returns
    -------
    ndarray of float64
        ``(H, W)`` brightness in 0..1 (ITU-R 601 luma of the RGB photo), or
        with ``colour=True`` ``(3, H, W)`` red, green, blue in 0..1; a fresh copy.

    Examples
    --------
    >>> img = photo()
    >>> img.shape, img.dtype, bool(0 <= img.min() and img.max() <= 1)
    ((600, 512), dtype('float64'), True)
    >>> photo(downsample=4).shape
    (150, 128)
    >>> photo(downsample=4, colour=True).shape
    (3, 150, 128)
    """
    downsample = check_int(downsample, "downsample", minimum=1)
    if not isinstance(colour, (bool, np.bool_)):
        raise TypeError(f"colour must be True or False, got {colour!r}")
    image = np.moveaxis(_grace_hopper(), -1, 0) if colour else _grey()
    rows, cols = image.shape[-2:]
    if downsample > min(rows, cols):
        raise ValueError(f"downsample must be at most {min(rows, cols)}, got {downsample}")
    rows, cols = rows // downsample, cols // downsample
    blocks = image[..., : rows * downsample, : cols * downsample]
    blocks = blocks.reshape(*image.shape[:-2], rows, downsample, cols, downsample)
    return blocks.mean(axis=(-3, -1))


def _frequency(value, name):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number of cycles per sample, got {value!r}")
    value = float(value)
    if not (np.isfinite(value) and 0.0 <= value <= 0.5):
        raise ValueError(
            f"{name} must be between 0 and 0.5 cycles per sample (0.5 is the fastest a "
            f"sampled signal can alternate), got {value!r}"
        )
    return value


def chirp(n=512, f0=0.0, f1=0.5):
    """A linear chirp: a cosine whose frequency sweeps from ``f0`` to ``f1`` cycles per sample.

    ``x[t] = cos(2π (f0 t + (f1 − f0) t² / (2 (n − 1))))`` for ``t = 0 … n − 1``: the
    instantaneous frequency ``f0 + (f1 − f0) t / (n − 1)`` rises (or falls) in a straight
    line, so sample ``t`` of a filtered chirp shows the filter's gain at that frequency.
    The same signal as ``scipy.signal.chirp(t, f0, n - 1, f1, method="linear")``.

    Parameters
    ----------
    n : int, optional
        Number of samples, at least 2.
    f0, f1 : float, optional
        Frequencies at the first and the last sample, in cycles per sample, 0 … 0.5.

    Returns
    -------
    (n,) ndarray of float64
        Values in −1 … 1, starting at 1.

    Raises
    ------
    TypeError
        If ``n`` is not an integer or a frequency is not a real number.
    ValueError
        If ``n`` is below 2 or a frequency is outside 0 … 0.5.

    Examples
    --------
    Sweeping from 0 to 0.5 over 5 samples: the phase grows as 2π · 0.5 t² / 8, so the
    samples are cos(π t² / 8):

    >>> chirp(5).round(4)
    array([ 1.    ,  0.9239,  0.    , -0.9239,  1.    ])

    With ``f0 == f1`` it is a plain cosine:

    >>> bool(np.allclose(chirp(8, 0.25, 0.25), np.cos(2 * np.pi * 0.25 * np.arange(8))))
    True
    """
    n = check_int(n, "n", minimum=2)
    f0 = _frequency(f0, "f0")
    f1 = _frequency(f1, "f1")
    check_output_size((n,), "the chirp")
    t = np.arange(n, dtype=np.float64)
    return np.cos(2 * np.pi * (f0 * t + (f1 - f0) * t**2 / (2 * (n - 1))))


def sum_of_sines(n=512, freqs=(0.02, 0.1, 0.3), amplitudes=None):
    """A sum of sine waves: ``Σ_k amplitudes[k] · sin(2π freqs[k] t)``, ``t = 0 … n − 1``.

    A slow, a middle and a fast wave by default, so a filter's effect on each frequency can be
    read off the result: a low-pass kernel keeps the slow wave and removes the fast one.

    Parameters
    ----------
    n : int, optional
        Number of samples, at least 2.
    freqs : sequence of float, optional
        The frequencies, in cycles per sample, each 0 … 0.5; at least one.
    amplitudes : sequence of float, optional
        One finite amplitude per frequency (default: all 1).

    Returns
    -------
    (n,) ndarray of float64

    Raises
    ------
    TypeError
        If ``n`` is not an integer, or a frequency or amplitude is not a real number.
    ValueError
        If ``n`` is below 2, ``freqs`` is empty or a frequency is outside 0 … 0.5, or
        ``amplitudes`` does not have one finite value per frequency.

    Examples
    --------
    A wave of a quarter cycle per sample is 0, 1, 0, −1, …:

    >>> sum_of_sines(4, freqs=[0.25]).round(12)
    array([ 0.,  1.,  0., -1.])
    >>> sum_of_sines(4, freqs=[0.25, 0.25], amplitudes=[2, 0.5]).round(12)
    array([ 0. ,  2.5,  0. , -2.5])
    """
    n = check_int(n, "n", minimum=2)
    if isinstance(freqs, (str, bytes)) or not hasattr(freqs, "__len__"):
        raise TypeError(f"freqs must be a sequence of frequencies, got {freqs!r}")
    if len(freqs) == 0:
        raise ValueError("freqs must hold at least one frequency")
    freqs = [_frequency(f, "freqs") for f in freqs]
    if amplitudes is None:
        amplitudes = [1.0] * len(freqs)
    if isinstance(amplitudes, (str, bytes)) or not hasattr(amplitudes, "__len__"):
        raise TypeError(f"amplitudes must be a sequence of numbers, got {amplitudes!r}")
    if len(amplitudes) != len(freqs):
        raise ValueError(
            f"amplitudes must have one value per frequency ({len(freqs)}), "
            f"got {len(amplitudes)}"
        )
    for a in amplitudes:
        if isinstance(a, (bool, np.bool_)) or not isinstance(a, numbers.Real):
            raise TypeError(f"amplitudes must hold real numbers, got {a!r}")
        if not np.isfinite(a):
            raise ValueError(f"amplitudes must be finite, got {a!r}")
    check_output_size((n,), "the sum of sines")
    t = np.arange(n, dtype=np.float64)
    x = np.zeros(n)
    for f, a in zip(freqs, amplitudes):
        x += float(a) * np.sin(2 * np.pi * f * t)
    return x
