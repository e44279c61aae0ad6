"""What a kernel does to each frequency: the magnitude of its DFT on a dense grid.

A kernel ``h`` filters the sinusoid ``cos(2π f n)`` into the same sinusoid scaled by
``|H(f)|``, where ``H(f) = Σ_k h[k] e^{-2πi f k}`` is the kernel's frequency response
(the convolution theorem: convolving is multiplying the spectra).  Sampling ``H`` at many
frequencies is just a DFT of ``h`` zero-padded to ``n`` samples, so ``n`` sets how dense the
grid is; padding adds no information, it only draws the same curve with more points.

Frequencies are in *cycles per sample*: 0 is a constant, 0.5 the fastest a sampled signal
can alternate (+1, −1, +1, …).  The magnitude does not depend on where the kernel's centre
is (a shift changes only the phase), so ``h`` is taken as it is, starting at index 0.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._validation import as_array, check_output_size

__all__ = ["frequency_response"]


def frequency_response(h, *, n=512):
    """The magnitude of the frequency response of kernel ``h``, on ``n`` frequencies.

    Parameters
    ----------
    h : (M,) or (M1, M2) array_like
        The kernel: real, finite numbers.
    n : int, optional
        Length of the DFT (zero padding included), at least the kernel's longest side.
        In 1-D the result has ``n // 2 + 1`` frequencies; in 2-D ``n`` per axis.

    Returns
    -------
    f : ndarray of float64
        1-D: ``numpy.fft.rfftfreq(n)``, the frequencies 0 … 0.5 cycles per sample.
        2-D: ``numpy.fft.fftshift(numpy.fft.fftfreq(n))``, from −0.5 up to just below 0.5
        (for even ``n``), the frequencies of both axes.
    magnitude : ndarray of float64
        1-D: ``(n // 2 + 1,)``, ``|DFT of h zero-padded to n|``.  2-D: ``(n, n)``, the
        2-D DFT's magnitude with zero frequency in the middle (``fftshift``):
        ``magnitude[i, j]`` is the gain at row frequency ``f[i]``, column frequency ``f[j]``.

    Raises
    ------
    TypeError
        If ``h`` does not hold real numbers, or ``n`` is not an integer.
    ValueError
        If ``h`` is empty, not 1-D or 2-D, holds NaN or infinity, or ``n`` is shorter
        than the kernel.

    See Also
    --------
    numpy.fft.rfft, numpy.fft.fft2

    Examples
    --------
    The box of 3 (the mean of three samples) keeps a constant as it is, gain 1 at f = 0,
    and wipes out a wave of period 3 (f = 1/3), whose three samples always add up to 0:

    >>> f, magnitude = frequency_response([1/3, 1/3, 1/3], n=6)
    >>> f
    array([0.        , 0.16666667, 0.33333333, 0.5       ])
    >>> magnitude.round(4)
    array([1.    , 0.6667, 0.    , 0.3333])

    The Laplacian's gain is 8 at the highest frequency in both directions, (0.5, 0.5),
    which ``fftshift`` puts in the corner ``[0, 0]`` (for even ``n``, f starts at −0.5):

    >>> f, magnitude = frequency_response([[0, 1, 0], [1, -4, 1], [0, 1, 0]], n=4)
    >>> f
    array([-0.5 , -0.25,  0.  ,  0.25])
    >>> float(magnitude[0, 0].round(12)), float(magnitude[2, 2].round(12))
    (8.0, 0.0)
    """
    h = as_array(h, "h", ndim=(1, 2))
    if isinstance(n, (bool, np.bool_)) or not isinstance(n, numbers.Integral):
        raise TypeError(f"n must be an integer (the DFT length), got {n!r}")
    n = int(n)
    longest = max(h.shape)
    if n < longest:
        raise ValueError(
            f"n must be at least the kernel's length ({longest}), got {n}: a shorter DFT "
            "would fold the kernel onto itself"
        )
    h = h.astype(np.float64)
    if h.ndim == 1:
        check_output_size((n // 2 + 1,), "the frequency response")
        return np.fft.rfftfreq(n), np.abs(np.fft.rfft(h, n))
    check_output_size((n, n), "the frequency response")
    f = np.fft.fftshift(np.fft.fftfreq(n))
    return f, np.abs(np.fft.fftshift(np.fft.fft2(h, s=(n, n))))
