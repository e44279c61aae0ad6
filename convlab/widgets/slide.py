"""Notebook 02's explorer: a (flipped) kernel sliding along a signal, one output per step."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt

from ..plotting.slide import MAX_TAP_LABELS, plot_slide
from ..steps import steps
from .base import Explorer, handles, stepper

__all__ = ["SlideExplorer"]

MODES = ("full", "same", "valid")


class SlideExplorer(Explorer):
    """Flip and slide in 1-D: the kernel over the input, the products, the output so far.

    Parameters
    ----------
    x : (N,) array_like
        The input signal.
    h : (M,) array_like
        The kernel (any length, shorter or longer than ``x``).
    mode : {"full", "same", "valid"}, optional
        Which outputs to compute, as in :func:`convlab.convolve` ("same" keeps
        ``N`` values, as ``scipy.signal.convolve`` does).
    flip : bool, optional
        True: convolution (flip the kernel, then slide); False: cross-correlation.
    step : int, optional
        The output to start on.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> explorer = SlideExplorer([1, 2, 3], [1, 2, 3])
    >>> explorer.update(step=2)
    >>> explorer.message.value
    'convolution, full mode, step 2 of 0 … 4: y[2] = 1×3 + 2×2 + 3×1 = 10'
    >>> explorer.update(flip=False)
    >>> explorer.message.value
    'cross-correlation, full mode, step 2 of 0 … 4: y[2] = 1×1 + 2×2 + 3×3 = 14'
    """

    bench_moves = {  # noqa: RUF012
        "step": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0],
        "mode": ["same", "valid", "full"],
        "flip": [False, True],
    }

    @classmethod
    def demo(cls) -> SlideExplorer:
        return cls([0, 0, 0, 1, 2, 3, 2, 1, 0, 0], [1, 2, 3, 2, 1])

    def __init__(self, x, h, mode: str = "full", flip: bool = True, step: int = 0) -> None:
        super().__init__()
        record = steps(x, h, mode, flip=flip)  # validates x, h, mode and flip
        last = len(record) - 1
        if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= last:
            raise ValueError(f"step must be an integer between 0 and {last}, got {step!r}")
        self.x, self.h = record.x, (record.kernel[::-1] if flip else record.kernel)
        self._records = {(record.mode, record.flip): record}
        n, m = len(self.x), len(self.h)
        self.description = (
            f"A kernel of length {m} sliding along a signal of length {n}. Top: the input, the "
            "kernel as applied at this step (flipped for convolution) and the zero padding; "
            "middle: the products under the window; bottom: the outputs so far."
        )
        with plt.ioff():
            self.artists = plot_slide(record, step=step)
        self.figure = self.artists.figure
        slider = widgets.IntSlider(
            value=step, min=0, max=last, description="step", continuous_update=True,
            tooltip="Which output to compute: where the kernel sits",
        )
        mode_buttons = widgets.ToggleButtons(
            options=list(MODES), value=record.mode, description="mode",
            tooltips=["every overlap: N + M − 1 values", "the centre N values",
                      "only where the kernel fits inside: N − M + 1 values"],
            style={"button_width": "5em"},
        )
        flip_buttons = widgets.ToggleButtons(
            options=[("convolution (flip)", True), ("cross-correlation", False)],
            value=record.flip, description="kind", style={"button_width": "11em"},
        )
        self.controls = {"step": slider, "mode": mode_buttons, "flip": flip_buttons}
        self._stepper = stepper(slider)
        self.animated = self.artists.animated
        self._connect()

    def record(self, mode: str, flip: bool):
        """The :func:`convlab.steps` record for ``mode`` and ``flip`` (built once, kept)."""
        key = (mode, bool(flip))
        if key not in self._records:
            self._records[key] = steps(self.x, self.h, mode, flip=bool(flip))
        return self._records[key]

    def _control_rows(self):
        options = widgets.HBox([self.controls["mode"], self.controls["flip"]])
        return [widgets.VBox([self._stepper, options])]

    @handles("mode", "flip")
    def _switch(self, mode: str, flip: bool) -> None:
        rec = self.record(mode, flip)
        last = len(rec) - 1
        self.artists.set_record(rec)
        # a shorter output: the slider (and Play) stop at its last step
        self.adjust("step", max=last, value=min(self.controls["step"].value, last))

    @handles("step", blit=True)
    def _show(self, step: int) -> None:
        self.artists.show(step)

    def _status(self, step: int, mode: str, flip: bool) -> str:
        rec = self.record(mode, flip)
        last = len(rec) - 1
        kind = "convolution" if flip else "cross-correlation"
        s = rec[step]
        if len(s.kernel) <= MAX_TAP_LABELS:
            equation = s.equation()
        else:
            equation = f"y[{step}] = sum of {len(s.kernel)} products = {s.equation().split()[-1]}"
        return f"{kind}, {mode} mode, step {step} of 0 … {last}: {equation}"
