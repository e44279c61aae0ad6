"""Notebooks 04–05's stepper: a 2-D convolution layer, one output pixel at a time."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from ..plotting.steps2d import describe_steps2d, plot_steps2d, step_formula
from ..steps import steps2d
from .base import Explorer, handles, stepper

__all__ = ["Stepper2D"]


class Stepper2D(Explorer):
    """Step a kernel over an image: the window, the products, the sum landing in the output.

    Parameters
    ----------
    image : (N1, N2) array_like
        The input.
    kernel : (M1, M2) array_like
        The kernel (need not be square).
    stride, padding, dilation : int or (int, int), optional
        As for :func:`convlab.conv2d` (``padding`` also "valid" or "same").
    flip : bool, optional
        False (default): cross-correlation, as deep-learning layers compute it; True: true
        convolution (the kernel flipped along both axes).  The ``flip`` check box switches.
    step : int, optional
        The output pixel to start on (row-major).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> s = Stepper2D([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, 1], [1, 0]])
    >>> s.update(step=1)
    >>> s.message.value
    'out[0, 1] = 2·0 + 3·1 + 5·1 + 6·0 = 8'

    ``[[0, 1], [1, 0]]`` turned half a turn is itself, so flipping changes nothing here; it
    does for ``[[1, 2], [3, 4]]``, which becomes ``[[4, 3], [2, 1]]``:

    >>> s = Stepper2D([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[1, 2], [3, 4]], flip=True)
    >>> s.message.value
    'out[0, 0] = 1·4 + 2·3 + 4·2 + 5·1 = 23'
    """

    bench_moves = {"step": [1, 2, 3, 17, 18, 19, 40, 41], "flip": [True]}  # noqa: RUF012

    @classmethod
    def demo(cls) -> Stepper2D:
        from ..data import hi_image
        from ..kernels import laplacian

        return cls(hi_image()[:8, :8], laplacian(), padding=1)

    def __init__(self, image, kernel, stride=1, padding=0, dilation=1, flip=False,
                 step: int = 0) -> None:
        super().__init__()
        layer = {"stride": stride, "padding": padding, "dilation": dilation}
        record = steps2d(image, kernel, flip=bool(flip), **layer)
        self._records = {bool(flip): record}
        self._layer = (image, kernel, layer)
        last = len(record) - 1
        if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= last:
            raise ValueError(f"step must be an integer between 0 and {last}, got {step!r}")
        self.description = describe_steps2d(record)
        with plt.ioff():
            self.artists = plot_steps2d(record, step=step)
        self.figure = self.artists.figure
        slider = widgets.IntSlider(
            value=step, min=0, max=last, description="step", continuous_update=True,
            tooltip="Which output pixel to compute (row by row)",
        )
        flip_box = widgets.Checkbox(
            value=bool(flip), description="flip (true convolution)", indent=False,
            layout=widgets.Layout(width="14em"),
        )
        self.controls = {"step": slider, "flip": flip_box}
        self._stepper = stepper(slider)
        self.animated = self.artists.animated
        self._connect()

    @property
    def record(self):
        """The :func:`~convlab.steps2d` record on show."""
        return self.artists.record

    def _record(self, flip: bool):
        if flip not in self._records:
            image, kernel, layer = self._layer
            self._records[flip] = steps2d(image, kernel, flip=flip, **layer)
        return self._records[flip]

    def _control_rows(self):
        return [self._stepper, self.controls["flip"]]

    @handles("flip")
    def _switch(self, flip: bool) -> None:
        record = self._record(bool(flip))
        if record is not self.artists.record:
            self.artists.set_record(record)
        self.description = describe_steps2d(record)
        self.adjust("step", value=self.controls["step"].value)

    @handles("step", blit=True)
    def _show(self, step: int) -> None:
        self.artists.show(step)

    def _status(self, step: int, flip: bool) -> str:
        record = self._record(bool(flip))
        formula = step_formula(record, step)
        if flip and np.array_equal(record.kernel, record.kernel[::-1, ::-1]):
            formula += ("   (this kernel is the same turned half a turn, so flipping it "
                        "changes nothing)")
        return formula
