"""A tiny CNN's training, snapshot by snapshot (notebook 07).

Top left, the first-layer kernels; top right, the loss and the accuracy per epoch
(training and held-out images) with the current epoch marked; bottom, one held-out
image and the feature maps (after the ReLU) its kernels make at that epoch.  A new
epoch changes only image data and the markers, which are all animated (blitted).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._style import DIVERGING_CMAP, DONE, HIGHLIGHT, MUTED, subplots

__all__ = ["TrainingArtists", "plot_training"]

#: Figure size in inches at dpi 100: 8.6 × 5.4 (860 × 540 px).
FIGSIZE = (8.6, 5.4)


@dataclass
class TrainingArtists:
    """The artists of :func:`plot_training`.

    :meth:`show_snapshot` (kernels, maps, markers: all animated) and :meth:`set_image`
    (another held-out image, whose maps are given for every snapshot) update them.
    """

    figure: object
    kernel_images: list
    map_images: list
    picture: object
    markers: list
    kernels: np.ndarray
    snapshot_epochs: tuple
    maps: np.ndarray | None = None
    snapshot: int = 0

    @property
    def animated(self) -> list:
        """What a new snapshot changes (blitted by the explorer)."""
        return [*self.kernel_images, *self.map_images, *self.markers]

    def set_image(self, image, maps) -> None:
        """Show ``image`` (H, W) and keep its feature maps ``maps`` (S, F, H', W')."""
        self.picture.set_data(image)
        self.maps = np.asarray(maps)
        top = max(float(self.maps.max()), 1e-12)
        for im in self.map_images:
            im.set_clim(0, top)
        self.show_snapshot(self.snapshot)

    def show_snapshot(self, s: int) -> None:
        """Show snapshot ``s``: its kernels, its feature maps, the epoch marker."""
        self.snapshot = s
        for f, im in enumerate(self.kernel_images):
            im.set_data(self.kernels[s, f])
        if self.maps is not None:
            for f, im in enumerate(self.map_images):
                im.set_data(self.maps[s, f])
        epoch = self.snapshot_epochs[s]
        for marker in self.markers:
            marker.set_xdata([epoch, epoch])


def plot_training(history, image, maps, *, snapshot=0) -> TrainingArtists:
    """Draw a :class:`convlab.cnn.History`: kernels, curves, one image's feature maps.

    Parameters
    ----------
    history : convlab.cnn.History
    image : (H, W) array_like
        The held-out image whose feature maps are shown.
    maps : (S, F, H', W') array_like
        Its first-layer feature maps (after the ReLU) at every snapshot.
    snapshot : int, optional
        Index into ``history.snapshot_epochs`` shown first.

    Returns
    -------
    TrainingArtists

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from convlab.cnn import train
    >>> h = train(n_train=40, n_test=8, epochs=1, n_filters=8)
    >>> art = plot_training(h, h.test_images[0, 0], np.zeros((2, 8, 10, 10)))
    >>> len(art.kernel_images), len(art.map_images)
    (8, 8)
    """
    kernels = np.asarray(history.kernels)
    n_filters = kernels.shape[1]
    cols = (n_filters + 1) // 2
    fig, axes = subplots(4, cols + 2, figsize=FIGSIZE, dpi=100, squeeze=False)
    grid = axes[0, 0].get_gridspec()
    for ax in axes[:, cols:].ravel():
        ax.remove()
    loss_ax = fig.add_subplot(grid[0, cols:])
    acc_ax = fig.add_subplot(grid[1, cols:])
    pic_ax = fig.add_subplot(grid[2:, cols:])
    lim = float(np.abs(kernels).max())
    kernel_images, map_images = [], []
    for f in range(2 * cols):
        kax, max_ = axes[f // cols, f % cols], axes[2 + f // cols, f % cols]
        for ax in (kax, max_):
            ax.set_xticks([])
            ax.set_yticks([])
            ax.spines[:].set_visible(False)  # a blitted image would cover them
        if f >= n_filters:
            kax.set_axis_off()
            max_.set_axis_off()
            continue
        kernel_images.append(kax.imshow(kernels[snapshot, f], cmap=DIVERGING_CMAP, vmin=-lim,
                                        vmax=lim, animated=True))
        kax.set_title(f"kernel {f}", fontsize=8)
        map_images.append(max_.imshow(np.zeros(np.shape(maps)[2:]), cmap="magma",
                                      animated=True))
        max_.set_title(f"map {f}", fontsize=8)
    axes[0, 0].set_ylabel("first-layer\nkernels", fontsize=8)
    axes[2, 0].set_ylabel("feature maps\n(after ReLU)", fontsize=8)
    epochs = history.epochs
    loss_ax.plot(epochs, history.train_loss, color=MUTED, label="training")
    loss_ax.plot(epochs, history.test_loss, color=DONE, label="held out")
    # no legend box: the blitted epoch marker would be drawn over it
    loss_ax.set_title("loss (grey: training, blue: held out)", fontsize=9)
    loss_ax.set_ylabel("loss", fontsize=8)
    acc_ax.plot(epochs, 100 * history.train_accuracy, color=MUTED, label="training")
    acc_ax.plot(epochs, 100 * history.test_accuracy, color=DONE, label="held out")
    acc_ax.set_title("accuracy (grey: training, blue: held out)", fontsize=9)
    acc_ax.set_ylabel("% correct", fontsize=8)
    acc_ax.set_xlabel("epoch", fontsize=8)
    acc_ax.set_ylim(0, 102)
    markers = []
    for ax in (loss_ax, acc_ax):
        ax.set_xlim(epochs[0] - 0.5, epochs[-1] + 0.5)  # the marker never lies on a spine
        ax.tick_params(labelsize=7)
        markers.append(ax.axvline(history.snapshot_epochs[snapshot], color=HIGHLIGHT,
                                  animated=True))
    picture = pic_ax.imshow(np.asarray(image), cmap="gray")
    pic_ax.set_title("held-out image", fontsize=9)
    pic_ax.set_xlabel("column", fontsize=8)
    pic_ax.set_ylabel("row", fontsize=8)
    pic_ax.tick_params(labelsize=7)
    fig.suptitle("Training a tiny CNN: its kernels, its curves, one image's feature maps",
                 fontsize=10)
    art = TrainingArtists(fig, kernel_images, map_images, picture, markers, kernels,
                          tuple(history.snapshot_epochs), snapshot=snapshot)
    art.set_image(image, maps)
    return art
