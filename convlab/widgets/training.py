"""Notebook 07's training explorer: scrub or Play through a tiny CNN's training."""

from __future__ import annotations

import functools

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from ..channels import conv2d_layer
from ..cnn import History, kernel_matches, train
from ..plotting.training import plot_training
from .base import CannotDraw, Explorer, handles, stepper

__all__ = ["TrainingExplorer", "feature_maps"]


@functools.lru_cache(maxsize=1)
def _default_history() -> History:
    return train(seed=0)


def feature_maps(history, image):
    """The first-layer feature maps (after the ReLU) of ``image`` at every snapshot.

    Parameters
    ----------
    history : convlab.cnn.History
    image : (H, W) array_like

    Returns
    -------
    (S, F, H - k + 1, W - k + 1) ndarray

    Examples
    --------
    >>> from convlab.cnn import train
    >>> h = train(n_train=20, n_test=4, epochs=1)
    >>> feature_maps(h, h.test_images[0, 0]).shape
    (2, 8, 10, 10)
    """
    x = np.asarray(image, dtype=float)[None, None]
    return np.stack([
        np.maximum(conv2d_layer(x, k[:, None], bias=b)[0], 0.0)
        for k, b in zip(history.kernels, history.biases)
    ])


class TrainingExplorer(Explorer):
    """Scrub or Play through the snapshots of a training run, recorded once.

    Parameters
    ----------
    history : convlab.cnn.History, optional
        What :func:`convlab.cnn.train` returned; default ``train(seed=0)``
        (trained once per session, about two seconds).
    image : int, optional
        Which held-out image's feature maps to show.
    snapshot : int, optional
        Which snapshot to show first (an index into ``history.snapshot_epochs``).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from convlab.cnn import train
    >>> explorer = TrainingExplorer(train(n_train=40, n_test=8, epochs=2))
    >>> explorer.controls["snapshot"].max, explorer.controls["image"].max
    (2, 7)
    >>> explorer.update(snapshot=2)
    >>> "epoch 2" in explorer.message.value
    True
    """

    bench_moves = {  # noqa: RUF012
        "snapshot": [1, 2, 3, 5, 8, 13, 15],
        "image": [1, 2, 3, 4],
    }

    @classmethod
    def demo(cls) -> TrainingExplorer:
        return cls()

    def __init__(self, history=None, *, image: int = 0, snapshot: int = 0) -> None:
        super().__init__()
        if history is None:
            history = _default_history()
        if not isinstance(history, History):
            raise TypeError(f"history must be what convlab.cnn.train returned, got "
                            f"{type(history).__name__}")
        self.history = history
        last_image = len(history.test_images) - 1
        last_snap = len(history.snapshot_epochs) - 1
        for name, value, last in (("image", image, last_image), ("snapshot", snapshot,
                                                                  last_snap)):
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= last:
                raise ValueError(f"{name} must be an integer between 0 and {last}, got "
                                 f"{value!r}")
        self._matches = [kernel_matches(k) for k in history.kernels]
        n = len(history.kernels[0])
        self.description = (
            f"Training a tiny CNN with {n} first-layer filters. Top left: the filters' kernels "
            "at the chosen epoch; top right: the loss and the accuracy per epoch on the "
            "training and the held-out images, the chosen epoch marked; bottom: a held-out "
            "image and the feature maps its filters make."
        )
        with plt.ioff():
            self.artists = plot_training(history, history.test_images[image, 0],
                                         feature_maps(history, history.test_images[image, 0]),
                                         snapshot=snapshot)
        self.figure = self.artists.figure
        slider = widgets.IntSlider(value=snapshot, min=0, max=last_snap, description="snapshot",
                                   continuous_update=True,
                                   tooltip="Which recorded epoch to show")
        picker = widgets.IntSlider(value=image, min=0, max=last_image, description="image",
                                   continuous_update=False, tooltip="Which held-out image")
        self.controls = {"snapshot": slider, "image": picker}
        self._stepper = stepper(slider, interval=500)
        self.animated = self.artists.animated
        self._connect()

    def _control_rows(self):
        return [widgets.VBox([self._stepper, self.controls["image"]])]

    @handles("image")
    def _set_image(self, image: int) -> None:
        if not 0 <= image < len(self.history.test_images):
            raise CannotDraw(f"image must lie in 0 … {len(self.history.test_images) - 1}")
        picture = self.history.test_images[image, 0]
        self.artists.set_image(picture, feature_maps(self.history, picture))

    @handles("snapshot", blit=True)
    def _show(self, snapshot: int) -> None:
        self.artists.show_snapshot(snapshot)

    def _status(self, snapshot: int, image: int) -> str:
        h = self.history
        epoch = h.snapshot_epochs[snapshot]
        label = h.class_names[h.test_labels[image]] if h.class_names else h.test_labels[image]
        cos = np.mean([c for _, c in self._matches[snapshot]])
        return (f"epoch {epoch}: held-out accuracy {h.test_accuracy[epoch]:.1%}, loss "
                f"{h.test_loss[epoch]:.3f}; kernels' mean best |cos| with a named edge kernel "
                f"{cos:.2f}; image {image} is a {label}")
