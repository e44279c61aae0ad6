"""Notebook 03's explorer: a normalised Gaussian kernel smoothing a signal, step by step."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .._validation import as_array
from ..data import sawtooth
from ..kernels import gaussian1d
from ..plotting.smoothing import plot_smoothing
from .base import CannotDraw, Explorer, handles, stepper

__all__ = ["SmoothingExplorer"]

SIZES = (3, 51)
SIGMAS = (0.1, 10.0)


class SmoothingExplorer(Explorer):
    """Smooth ``signal`` with a normalised Gaussian kernel in 'valid' mode, one step at a time.

    Three panels: the input with the current window shaded, the kernel at the
    samples it covers, and the smoothed values found so far.  Sliders for the
    step, the kernel size (odd, 3 to 51) and sigma (0.1 to 10); a **Save SVG**
    button writes the current figure into the folder typed next to it
    (default ``.``, the notebook's folder), never over an existing file.

    Parameters
    ----------
    signal : (N,) array_like
        The signal to smooth, at least 3 samples.
    size : int, optional
        Kernel taps: odd, 3 to 51, at most ``N``.
    sigma : float, optional
        Width of the Gaussian in samples, 0.1 to 10.
    step : int, optional
        The window to start on, ``0 <= step <= N - size``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import convlab
    >>> explorer = SmoothingExplorer(convlab.sawtooth(), size=21, sigma=3.0)
    >>> explorer.controls["step"].max  # 200 - 21 + 1 = 180 outputs
    179
    >>> explorer.update(size=4)
    >>> explorer.error
    'kernel size must be odd, so that the kernel has a centre tap; got 4 (try 3 or 5)'
    """

    bench_moves = {  # noqa: RUF012
        "step": [10, 20, 30, 40, 50, 60, 70, 80, 0],
        "size": [23, 25, 19, 21],
        "sigma": [2.0, 4.0, 5.0, 3.0],
    }

    @classmethod
    def demo(cls) -> SmoothingExplorer:
        return cls(sawtooth(), size=21, sigma=3.0)

    def __init__(self, signal, size: int = 21, sigma: float = 3.0, step: int = 0) -> None:
        super().__init__()
        self.x = as_array(signal, "signal", ndim=(1,)).astype(float)
        n = len(self.x)
        if n < SIZES[0]:
            raise ValueError(f"signal must have at least {SIZES[0]} samples, got {n}")
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)):
            raise TypeError(f"size must be an odd integer, got {size!r}")
        largest = min(SIZES[1], n if n % 2 else n - 1)
        if not SIZES[0] <= size <= largest:
            raise ValueError(f"size must be an odd integer from 3 to {largest}, got {size}")
        if not SIGMAS[0] <= sigma <= SIGMAS[1]:
            raise ValueError(f"sigma must be between 0.1 and 10, got {sigma!r}")
        h = gaussian1d(size, sigma)  # refuses an even size with a clear message
        last = n - size
        if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= last:
            raise ValueError(f"step must be an integer between 0 and {last}, got {step!r}")
        self.description = (
            f"Smoothing a signal of {n} samples with a normalised Gaussian kernel ('valid' "
            "mode). Top: the input with the current window shaded; middle: the kernel's "
            "weights over that window; bottom: the smoothed values so far."
        )
        with plt.ioff():
            self.artists = plot_smoothing(self.x, h, step=step)
        self.figure = self.artists.figure
        slider = widgets.IntSlider(
            value=step, min=0, max=last, description="step", continuous_update=True,
            tooltip="Which window: the kernel's first tap sits on this sample",
        )
        size_slider = widgets.IntSlider(
            value=size, min=SIZES[0], max=largest, step=2, description="size",
            continuous_update=False, tooltip="Kernel taps (odd)",
        )
        sigma_slider = widgets.FloatSlider(
            value=sigma, min=SIGMAS[0], max=SIGMAS[1], step=0.1, description="sigma",
            continuous_update=False, readout_format=".1f", tooltip="Width of the bell",
        )
        self.controls = {"step": slider, "size": size_slider, "sigma": sigma_slider}
        self.folder = widgets.Text(
            value=".", description="folder", placeholder=". (next to the notebook)",
            tooltip="Folder to save into, relative to the notebook",
            layout=widgets.Layout(width="22em"),
        )
        self.save_button = widgets.Button(
            description="Save SVG", icon="download", tooltip="Save the figure as an SVG file",
        )
        self.save_button.on_click(lambda _button: self._on_save())
        self._stepper = stepper(slider)
        self.animated = self.artists.animated
        self._connect()

    @property
    def kernel(self) -> np.ndarray:
        """The kernel as drawn now."""
        return self.artists.h

    @property
    def result(self) -> np.ndarray:
        """The whole 'valid' result for the current kernel (the figure shows a prefix)."""
        return self.artists.y

    def _control_rows(self):
        params = widgets.HBox([self.controls["size"], self.controls["sigma"]])
        save = widgets.HBox([self.folder, self.save_button])
        return [widgets.VBox([self._stepper, params, save])]

    @handles("size", "sigma")
    def _set_kernel(self, size: int, sigma: float) -> None:
        n = len(self.x)
        if size % 2 == 0:
            raise CannotDraw(
                f"kernel size must be odd, so that the kernel has a centre tap; got {size} "
                f"(try {size - 1} or {size + 1})"
            )
        if size > n:
            raise CannotDraw(f"kernel size {size} is longer than the signal ({n} samples)")
        if sigma <= 0:
            raise CannotDraw(f"sigma must be above 0, got {sigma}")
        h = gaussian1d(size, sigma)
        self.artists.set_kernel(h, np.convolve(self.x, h, mode="valid"))
        # a bigger kernel leaves fewer windows: the slider stops at the last one
        last = n - size
        self.adjust("step", max=last, value=min(self.controls["step"].value, last))

    @handles("step", blit=True)
    def _show(self, step: int) -> None:
        self.artists.show(step)

    def _status(self, step: int, size: int, sigma: float) -> str:
        value = self.artists.y[step]
        return (
            f"step {step}: output {step} = weighted average of x[{step}] … x[{step + size - 1}]"
            f" = {value:.3f}  (size {size}, sigma {sigma:.1f}, weights sum to "
            f"{self.artists.h.sum():.3f}; {len(self.artists.y)} outputs)"
        )

    # -- saving ---------------------------------------------------------------

    def file_name(self) -> str:
        """The name the current figure is saved under (before any -1, -2 suffix)."""
        v = self.values
        return f"smoothing_size{v['size']}_sigma{v['sigma']:.1f}_step{v['step']}.svg"

    def save_svg(self, folder: str | Path | None = None) -> Path:
        """Save the figure as it is now as SVG in ``folder`` (default: the folder box).

        A missing folder is created.  An existing file is never overwritten: the
        name gets a ``-1``, ``-2`` … suffix instead.

        Returns
        -------
        pathlib.Path
            Where the file was written.

        Raises
        ------
        ValueError
            If ``folder`` is empty or names an existing file.
        OSError
            If the folder cannot be created or written to.
        """
        text = str(self.folder.value if folder is None else folder).strip()
        if not text:
            raise ValueError("type a folder name first (. means next to the notebook)")
        where = Path(text).expanduser()
        if where.exists() and not where.is_dir():
            raise ValueError(f"{text!r} is a file, not a folder")
        where.mkdir(parents=True, exist_ok=True)
        name = Path(self.file_name())
        for n in range(1000):
            path = where / (name.name if n == 0 else f"{name.stem}-{n}{name.suffix}")
            try:
                with open(path, "xb") as handle:  # "x": fails if the file exists
                    self.savefig(handle, format="svg")
            except FileExistsError:
                continue
            return path
        raise ValueError(f"too many saved copies of {name.name} in {text!r}; pick another folder")

    def _on_save(self) -> Path | None:
        try:
            path = self.save_svg()
        except (OSError, ValueError) as exc:
            self.message.value = f"<b>⚠ Not saved:</b> {html.escape(str(exc))}"
            return None
        self.message.value = f"Saved the figure as {html.escape(str(path.resolve()))}"
        return path
