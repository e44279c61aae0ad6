"""Notebook 08's frequency explorer: a kernel, its gain at every frequency, and what it does
to a chirp or a sum of sines."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from ..data import chirp, sum_of_sines
from ..formatting import format_number
from ..kernels import gaussian1d
from ..parsing import ParseError, parse_array
from ..plotting.frequency import plot_frequency_view
from .base import CannotDraw, Explorer, check_kernel_width, handles

__all__ = ["FrequencyExplorer"]

#: The kernel menu: label -> value.
KERNELS = (
    ("box (size)", "box"),
    ("Gaussian (size, sigma)", "gaussian"),
    ("your own (type the taps)", "own"),
)
#: The sine waves of the "sum of sines" signal, in cycles per sample.
SINES = (0.02, 0.1, 0.3)
#: The signal menu: label -> value.
SIGNALS = (
    ("chirp: 0 → 0.5 cycles/sample", "chirp"),
    ("sum of sines: " + ", ".join(f"{f:g}" for f in SINES) + " cycles/sample", "sines"),
)
#: Samples of each test signal.
LENGTH = 512
#: The size slider's range (odd, so every kernel has a centre tap) and sigma's, in samples;
#: a typed kernel may have at most MAX_TAPS taps.
SIZE_RANGE = (1, 31)
SIGMA_RANGE = (0.3, 6.0)
MAX_TAPS = SIZE_RANGE[1]


def _signal(name: str) -> tuple[np.ndarray, np.ndarray | None, tuple]:
    """The test signal, its frequency at each sample (chirp only), the marked frequencies."""
    if name == "chirp":
        return chirp(LENGTH, 0.0, 0.5), np.linspace(0.0, 0.5, LENGTH), ()
    return sum_of_sines(LENGTH, SINES), None, SINES


class FrequencyExplorer(Explorer):
    """A kernel, its frequency response, and a test signal before and after filtering.

    Three panels: the kernel's taps; its gain ``|H(f)|`` from 0 to 0.5 cycles per sample
    (:func:`convlab.frequency_response`, linear, so a box's side lobes show); and a test
    signal of 512 samples before (grey) and after (blue) filtering with
    ``numpy.convolve(x, h, mode="same")``, so the two line up.  For the chirp, whose frequency
    rises steadily from 0 to 0.5, the dashed line is ± the gain at the chirp's frequency at
    each sample: the filtered chirp follows it.  For the sum of sines, the stems on the
    response mark the three frequencies and their gains.

    Parameters
    ----------
    kernel : {"box", "gaussian", "own"}, optional
        A box (mean) of ``size`` taps, a normalised Gaussian of ``size`` taps and width
        ``sigma`` (:func:`convlab.gaussian1d`), or the ``taps`` typed in.
    size : int, optional
        Taps of the box and the Gaussian: odd, 1 to 31.
    sigma : float, optional
        Width of the Gaussian in samples, 0.3 to 6.
    taps : str, optional
        Your own kernel, as numbers such as ``"1 2 1"``, ``"-1, 2, -1"`` or ``"1/4 1/2 1/4"``
        (read by :func:`convlab.parsing.parse_array`, never evaluated), at most 31.
    signal : {"chirp", "sines"}, optional
        The test signal: :func:`convlab.chirp` from 0 to 0.5 cycles per sample, or
        :func:`convlab.sum_of_sines` at 0.02, 0.1 and 0.3.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> explorer = FrequencyExplorer(kernel="box", size=3)
    >>> explorer.kernel.round(4).tolist()
    [0.3333, 0.3333, 0.3333]
    >>> explorer.update(kernel="own", taps="1 -1")
    >>> explorer.kernel.tolist()
    [1.0, -1.0]

    A typed kernel that is not a list of numbers is a message, and the last figure stays:

    >>> explorer.update(taps="1 two 1")
    >>> print(explorer.error)
    your kernel: In your list, I couldn't read 'two' as a number. ...
    """

    bench_moves = {  # noqa: RUF012
        "size": [11, 13, 7, 9],
        "sigma": [1.5, 2.5, 3.0],
        "kernel": ["gaussian", "own", "box"],
        "signal": ["sines", "chirp"],
    }

    @classmethod
    def demo(cls) -> FrequencyExplorer:
        return cls()

    def __init__(self, kernel: str = "box", size: int = 9, sigma: float = 2.0,
                 taps: str = "1/4 1/2 1/4", signal: str = "chirp") -> None:
        super().__init__()
        kernels = [value for _, value in KERNELS]
        if not isinstance(kernel, str) or kernel not in kernels:
            raise ValueError(f"kernel must be one of {kernels}, got {kernel!r}")
        check_kernel_width(size, sigma, SIZE_RANGE, SIGMA_RANGE, "samples")
        if not isinstance(taps, str):
            raise TypeError(f"taps must be text such as '1 2 1', got {taps!r}")
        signals = [value for _, value in SIGNALS]
        if not isinstance(signal, str) or signal not in signals:
            raise ValueError(f"signal must be one of {signals}, got {signal!r}")
        self.description = (
            "A kernel (top left), its frequency response: the gain at each frequency from 0 "
            "to 0.5 cycles per sample (top right), and a test signal of "
            f"{LENGTH} samples before (grey) and after (blue) filtering in 'same' mode "
            "(bottom). Choose a box, a Gaussian or your own taps, and a chirp or a sum of "
            "sines."
        )
        self.controls = {
            "kernel": widgets.Dropdown(options=KERNELS, value=kernel, description="kernel",
                                       tooltip="Which kernel to filter with"),
            "size": widgets.IntSlider(
                value=size, min=SIZE_RANGE[0], max=SIZE_RANGE[1], step=2, description="size",
                continuous_update=False, tooltip="Taps of the box and the Gaussian (odd)"),
            "sigma": widgets.FloatSlider(
                value=sigma, min=SIGMA_RANGE[0], max=SIGMA_RANGE[1], step=0.1,
                description="sigma", continuous_update=False, readout_format=".1f",
                tooltip="Width of the Gaussian, in samples"),
            "taps": widgets.Text(
                value=taps, description="your taps", continuous_update=False,
                placeholder="e.g. 1 2 1 or -1, 2, -1",
                tooltip=f"Your own kernel: up to {MAX_TAPS} numbers, such as 1 2 1 or 1/4",
                layout=widgets.Layout(width="24em")),
            "signal": widgets.Dropdown(options=SIGNALS, value=signal, description="signal",
                                       tooltip="The test signal to filter",
                                       layout=widgets.Layout(width="24em")),
        }
        try:
            h = self._make_kernel(kernel, size, sigma, taps)
        except CannotDraw as exc:  # from code, not the learner's box: name the argument
            raise ValueError(f"taps: {exc}") from None
        x, _, _ = _signal(signal)
        with plt.ioff():
            self.artists = plot_frequency_view(h, x, max_taps=MAX_TAPS)
        self.figure = self.artists.figure
        self.kernel: np.ndarray | None = None
        self.filtered: np.ndarray | None = None
        self._connect()

    def _control_rows(self):
        c = self.controls
        return [widgets.VBox([c["kernel"], c["size"], c["sigma"]]),
                widgets.VBox([c["signal"], c["taps"]])]

    # -- the kernel -----------------------------------------------------------

    @staticmethod
    def _make_kernel(kernel: str, size: int, sigma: float, taps: str) -> np.ndarray:
        if kernel == "box":
            return np.full(size, 1.0 / size)
        if kernel == "gaussian":
            return gaussian1d(size, sigma)
        try:
            shape, values = parse_array(taps)
        except ParseError as exc:
            raise CannotDraw(f"your kernel: {exc}") from None
        if len(shape) != 1:
            raise CannotDraw(f"your kernel: type one row of numbers (got {shape[0]} rows), "
                             "such as 1 2 1")
        if shape[0] > MAX_TAPS:
            raise CannotDraw(f"your kernel has {shape[0]} taps; at most {MAX_TAPS} fit here")
        return np.array([float(v) for v in values])

    @staticmethod
    def _kernel_title(kernel: str, h: np.ndarray, sigma: float) -> str:
        m = len(h)
        if kernel == "box":
            return f"Box: {m} taps of 1/{m}"
        if kernel == "gaussian":
            return f"Gaussian: {m} taps, σ = {sigma:.1f}"
        return f"Your kernel: {m} tap{'s' * (m != 1)}"

    @handles("kernel", "size", "sigma", "taps")
    def _set_kernel(self, kernel: str, size: int, sigma: float, taps: str) -> None:
        c = self.controls
        c["size"].disabled = kernel == "own"
        c["sigma"].disabled = kernel != "gaussian"
        c["taps"].disabled = kernel != "own"
        h = self._make_kernel(kernel, size, sigma, taps)
        self.artists.set_kernel(h, self._kernel_title(kernel, h, sigma))
        self.kernel = h

    # -- the signal -----------------------------------------------------------

    @handles("signal")
    def _set_signal(self, signal: str) -> None:
        x, self._sweep, self._marks = _signal(signal)
        if signal == "chirp":
            title = "Chirp before and after: its frequency rises from 0 (left) to 0.5 (right)"
        else:
            title = "Sum of sines before and after: " + ", ".join(f"{f:g}" for f in SINES) + \
                    " cycles/sample"
        self.artists.set_signal(x, title)

    @handles("kernel", "size", "sigma", "taps", "signal")
    def _filter(self, **_values) -> None:
        self.filtered = np.convolve(self.artists.x, self.kernel, mode="same")
        self.artists.set_output(self.filtered, marks=self._marks, sweep=self._sweep)

    def _status(self, kernel: str, signal: str, **_values) -> str:
        h = self.kernel

        def gain(f: float) -> float:  # |H(f)| = |Σ h[k] e^{-2πifk}|, at one frequency
            return abs(complex(np.exp(-2j * np.pi * f * np.arange(len(h))) @ h))

        text = (f"{len(h)} tap{'s' * (len(h) != 1)} summing to {format_number(h.sum(), 4)}: gain "
                f"{format_number(gain(0.0), 3)} at f = 0, {format_number(gain(0.5), 3)} at "
                "f = 0.5")
        if signal == "sines":
            gains = ", ".join(f"{format_number(gain(f), 3)} at {f:g}" for f in SINES)
            text += f"; the sines keep {gains}"
        return text
