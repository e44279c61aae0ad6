"""A tiny convolutional network in NumPy, trained by plain gradient descent.

``TinyCNN`` is the smallest network that has every part of a CNN::

    image (1, H, W) -> conv (C filters, k×k, bias) -> ReLU -> max pool 2×2
                    -> flatten -> linear (classes) -> softmax

Its forward pass is :func:`convlab.channels.conv2d_layer` and
:func:`convlab.channels.max_pool2d_layer`; its backward pass is
:mod:`convlab.gradients` plus two lines each for ReLU, the linear layer and
the softmax cross-entropy loss.  :func:`train` fits it to the generated
edges-and-corners images of :func:`convlab.shapes.make_shapes` with
mini-batch stochastic gradient descent (no momentum, no framework), records a
history (loss and accuracy per epoch, on the training images and on held-out
ones, and copies of the first-layer kernels), and is deterministic: the same
seed gives the same numbers, bit for bit.

:func:`kernel_matches` compares each learned kernel with the named edge
kernels of :mod:`convlab.kernels`.  ``python -m convlab.cnn`` trains once and
prints the time, the accuracy and that comparison (:func:`benchmark`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from ._validation import as_array, check_int, check_positive_float
from .channels import conv2d_layer, max_pool2d_layer
from .gradients import conv2d_layer_grads, max_pool2d_layer_grad
from .kernels import get_kernel
from .shapes import make_shapes

__all__ = ["History", "TinyCNN", "benchmark", "kernel_matches", "train"]

#: Named kernels the learned filters are compared with (3×3 gradients, a Laplacian, and
#: emboss, which after removing its mean is a diagonal gradient).
EDGE_KERNELS = ("sobel_x", "sobel_y", "prewitt_x", "prewitt_y", "laplacian", "emboss")


class TinyCNN:
    """conv → ReLU → 2×2 max pool → linear → softmax, with its parameters in NumPy arrays.

    Parameters
    ----------
    n_filters : int, optional
        Output channels of the convolution layer (its kernels are the
        "filters" the network learns).
    kernel_size : int, optional
        Height and width of each kernel, at least 1.
    image_size : int, optional
        Height and width of the (one-channel) input images.
    n_classes : int, optional
        Number of outputs of the linear layer, at least 2.
    seed : int, optional
        Seed of the initial weights (He initialisation: normal, variance
        2 / fan-in; zero biases).

    Attributes
    ----------
    conv_w : (n_filters, 1, kernel_size, kernel_size) ndarray
    conv_b : (n_filters,) ndarray
    fc_w : (n_filters * P * P, n_classes) ndarray
        ``P = (image_size - kernel_size + 1) // 2``, the pooled size.
    fc_b : (n_classes,) ndarray

    Examples
    --------
    >>> net = TinyCNN(n_filters=4, kernel_size=3, image_size=12, n_classes=4, seed=0)
    >>> net.conv_w.shape, net.fc_w.shape
    ((4, 1, 3, 3), (100, 4))
    >>> net.predict(np.zeros((2, 1, 12, 12))).shape
    (2,)
    """

    def __init__(self, n_filters=8, kernel_size=3, image_size=12, n_classes=4, *, seed=0):
        self.n_filters = check_int(n_filters, "n_filters", minimum=1)
        self.kernel_size = check_int(kernel_size, "kernel_size", minimum=1)
        self.image_size = check_int(image_size, "image_size", minimum=1)
        self.n_classes = check_int(n_classes, "n_classes", minimum=2)
        seed = check_int(seed, "seed", minimum=0)
        conv_out = self.image_size - self.kernel_size + 1
        if conv_out < 2:
            raise ValueError(
                f"image_size must be at least kernel_size + 1 = {self.kernel_size + 1} so "
                f"that 2×2 pooling has something to pool; got image_size={self.image_size}"
            )
        self.pooled = conv_out // 2
        rng = np.random.default_rng(seed)
        fan_in = self.kernel_size**2
        self.conv_w = rng.normal(scale=np.sqrt(2 / fan_in),
                                 size=(self.n_filters, 1, self.kernel_size, self.kernel_size))
        self.conv_b = np.zeros(self.n_filters)
        features = self.n_filters * self.pooled**2
        self.fc_w = rng.normal(scale=np.sqrt(2 / features), size=(features, self.n_classes))
        self.fc_b = np.zeros(self.n_classes)

    def _check_images(self, x):
        x = as_array(x, "x", ndim=(4,))
        want = (1, self.image_size, self.image_size)
        if x.shape[1:] != want:
            raise ValueError(f"x must have shape (N, {', '.join(map(str, want))}), got {x.shape}")
        return x

    def forward(self, x):
        """Class scores (logits) of the images ``x`` and the intermediate values backward needs.

        Parameters
        ----------
        x : (N, 1, image_size, image_size) array_like

        Returns
        -------
        logits : (N, n_classes) ndarray
        cache : dict
            ``"x"``, ``"conv"`` (before ReLU), ``"relu"``, ``"pool"``: the
            feature maps, for :meth:`backward` and for showing them.

        Examples
        --------
        >>> net = TinyCNN(n_filters=2, image_size=6, n_classes=3)
        >>> logits, cache = net.forward(np.ones((5, 1, 6, 6)))
        >>> logits.shape, cache["pool"].shape
        ((5, 3), (5, 2, 2, 2))
        """
        x = self._check_images(x)
        conv = conv2d_layer(x, self.conv_w, bias=self.conv_b, method="im2col")
        relu = np.maximum(conv, 0.0)
        pool = max_pool2d_layer(relu[..., : 2 * self.pooled, : 2 * self.pooled], 2)
        logits = pool.reshape(len(x), -1) @ self.fc_w + self.fc_b
        return logits, {"x": x, "conv": conv, "relu": relu, "pool": pool}

    def loss(self, x, labels):
        """Mean softmax cross-entropy of ``x`` against ``labels``, and the class probabilities.

        Examples
        --------
        >>> net = TinyCNN(n_filters=2, image_size=6, n_classes=3)
        >>> loss, probs = net.loss(np.zeros((4, 1, 6, 6)), [0, 1, 2, 0])
        >>> round(loss, 6), probs.shape  # all-zero images: equal scores, log 3
        (1.098612, (4, 3))
        """
        logits, _ = self.forward(x)
        labels = self._check_labels(labels, len(logits))
        return _cross_entropy(logits, labels)[:2]

    def _check_labels(self, labels, n):
        labels = as_array(labels, "labels", ndim=(1,))
        if labels.dtype.kind != "i" or labels.shape != (n,):
            raise ValueError(f"labels must be {n} integers (one per image), got {labels.shape} "
                             f"of {labels.dtype}")
        if labels.min() < 0 or labels.max() >= self.n_classes:
            raise ValueError(f"labels must lie in 0 .. {self.n_classes - 1}")
        return labels

    def gradients(self, x, labels):
        """The loss and its gradient with respect to every parameter (a dict of arrays).

        Examples
        --------
        >>> net = TinyCNN(n_filters=2, image_size=6, n_classes=3)
        >>> loss, grads = net.gradients(np.ones((4, 1, 6, 6)), [0, 1, 2, 0])
        >>> sorted(grads), grads["conv_w"].shape
        (['conv_b', 'conv_w', 'fc_b', 'fc_w'], (2, 1, 3, 3))
        """
        logits, cache = self.forward(x)
        labels = self._check_labels(labels, len(logits))
        loss, _, d_logits = _cross_entropy(logits, labels)
        flat = cache["pool"].reshape(len(logits), -1)
        grads = {"fc_w": flat.T @ d_logits, "fc_b": d_logits.sum(axis=0)}
        d_pool = (d_logits @ self.fc_w.T).reshape(cache["pool"].shape)
        d_relu = np.zeros_like(cache["relu"])
        edge = 2 * self.pooled
        d_relu[..., :edge, :edge] = max_pool2d_layer_grad(
            cache["relu"][..., :edge, :edge], d_pool, 2)
        d_conv = d_relu * (cache["conv"] > 0)
        _, grads["conv_w"], grads["conv_b"] = conv2d_layer_grads(
            cache["x"], self.conv_w, d_conv, input_grad=False)
        return loss, grads

    def predict(self, x):
        """The most likely class of each image.

        Examples
        --------
        >>> TinyCNN(n_filters=2, image_size=6, n_classes=3).predict(np.zeros((2, 1, 6, 6)))
        array([0, 0])
        """
        return self.forward(x)[0].argmax(axis=1)

    def parameters(self):
        """The parameters by name (the arrays themselves, not copies).

        Examples
        --------
        >>> {k: v.shape for k, v in TinyCNN(2, 3, 6, 3).parameters().items()}
        {'conv_w': (2, 1, 3, 3), 'conv_b': (2,), 'fc_w': (8, 3), 'fc_b': (3,)}
        """
        return {"conv_w": self.conv_w, "conv_b": self.conv_b, "fc_w": self.fc_w,
                "fc_b": self.fc_b}


def _cross_entropy(logits, labels):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    probs = np.exp(log_probs)
    n = len(labels)
    loss = float(-log_probs[np.arange(n), labels].mean())
    d_logits = probs.copy()
    d_logits[np.arange(n), labels] -= 1.0
    return loss, probs, d_logits / n


@dataclass(eq=False)
class History:
    """What :func:`train` recorded, epoch by epoch (epoch 0 is before any step).

    Attributes
    ----------
    epochs : (E + 1,) ndarray of int
    train_loss, train_accuracy, test_loss, test_accuracy : (E + 1,) ndarray of float
        On all training images and on the held-out images, after each epoch.
    snapshot_epochs : tuple of int
        The epochs at which the first-layer kernels were copied.
    kernels : (S, n_filters, kernel_size, kernel_size) ndarray
        Those copies, in the order of ``snapshot_epochs``.
    biases : (S, n_filters) ndarray
        The first layer's biases at the same epochs: with ``kernels`` they
        give the first layer's feature maps at any snapshot, with no training.
    test_images : (n_test, 1, H, W) ndarray
    test_labels : (n_test,) ndarray of int
        The held-out images the ``test_*`` numbers were measured on.
    model : TinyCNN
        The trained network.
    class_names : tuple of str
    """

    epochs: np.ndarray
    train_loss: np.ndarray
    train_accuracy: np.ndarray
    test_loss: np.ndarray
    test_accuracy: np.ndarray
    snapshot_epochs: tuple
    kernels: np.ndarray
    biases: np.ndarray
    model: TinyCNN = field(repr=False)
    class_names: tuple = ()
    test_images: np.ndarray = field(default=None, repr=False)
    test_labels: np.ndarray = field(default=None, repr=False)


def train(*, n_train=800, n_test=400, epochs=15, batch_size=10, lr=0.2, weight_decay=0.0,
          n_filters=8, kernel_size=3, image_size=12, noise=0.1, snapshot_epochs=None, seed=0):
    """Train a :class:`TinyCNN` on generated edges and corners; return its :class:`History`.

    Mini-batch stochastic gradient descent: each epoch shuffles the training
    images (seeded) and takes one step ``p -= lr * grad`` per batch.

    Parameters
    ----------
    n_train, n_test : int, optional
        Training and held-out images (:func:`convlab.shapes.make_shapes` with
        seeds ``seed`` and ``seed + 1``: different images).
    epochs : int, optional
        Passes over the training images, at least 1.
    batch_size : int, optional
        Images per step, at least 1.
    lr : float, optional
        Learning rate (> 0).
    weight_decay : float, optional
        L2 penalty on the weights (not the biases): each step also multiplies
        them by ``1 - lr * weight_decay``.  Default 0.
    n_filters, kernel_size, image_size : int, optional
        As in :class:`TinyCNN`.
    noise : float, optional
        Pixel noise of the generated images (:func:`convlab.shapes.make_shapes`).
    snapshot_epochs : sequence of int, optional
        Epochs (0 to ``epochs``) at which to copy the first-layer kernels;
        default every epoch.
    seed : int, optional
        Seeds the data, the initial weights and the shuffling.

    Returns
    -------
    History

    Raises
    ------
    TypeError, ValueError
        For arguments of the wrong type or out of range.

    Examples
    --------
    >>> h = train(n_train=80, n_test=40, epochs=2, snapshot_epochs=[0, 2])
    >>> h.epochs, h.kernels.shape
    (array([0, 1, 2]), (2, 8, 3, 3))
    >>> bool(h.train_loss[-1] < h.train_loss[0])
    True
    """
    n_train = check_int(n_train, "n_train", minimum=1)
    n_test = check_int(n_test, "n_test", minimum=1)
    epochs = check_int(epochs, "epochs", minimum=1)
    batch_size = check_int(batch_size, "batch_size", minimum=1)
    lr = check_positive_float(lr, "lr")
    if weight_decay != 0:
        weight_decay = check_positive_float(weight_decay, "weight_decay")
    seed = check_int(seed, "seed", minimum=0)
    if snapshot_epochs is None:
        snapshot_epochs = range(epochs + 1)
    if isinstance(snapshot_epochs, (str, bytes)) or not hasattr(snapshot_epochs, "__iter__"):
        raise TypeError(f"snapshot_epochs must be a sequence of integers, got {snapshot_epochs!r}")
    snaps = sorted({check_int(e, "snapshot_epochs", minimum=0) for e in snapshot_epochs})
    if snaps and snaps[-1] > epochs:
        raise ValueError(f"snapshot_epochs must lie in 0 .. epochs = {epochs}, got {snaps[-1]}")

    x_train, y_train, names = make_shapes(n_train, size=image_size, noise=noise, seed=seed)
    x_test, y_test, _ = make_shapes(n_test, size=image_size, noise=noise, seed=seed + 1)
    model = TinyCNN(n_filters, kernel_size, image_size, len(names), seed=seed)
    rng = np.random.default_rng([seed, 1])
    record = {"train_loss": [], "train_accuracy": [], "test_loss": [], "test_accuracy": []}
    kernels, biases = [], []

    def evaluate(epoch):
        for part, x, y in (("train", x_train, y_train), ("test", x_test, y_test)):
            loss, probs = model.loss(x, y)
            record[f"{part}_loss"].append(loss)
            record[f"{part}_accuracy"].append(float((probs.argmax(axis=1) == y).mean()))
        if epoch in snaps:
            kernels.append(model.conv_w[:, 0].copy())
            biases.append(model.conv_b.copy())

    evaluate(0)
    params = model.parameters()
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n_train)
        for start in range(0, n_train, batch_size):
            batch = order[start : start + batch_size]
            _, grads = model.gradients(x_train[batch], y_train[batch])
            for name, value in params.items():
                value -= lr * grads[name]
                if weight_decay and name.endswith("_w"):
                    value *= 1 - lr * weight_decay
        evaluate(epoch)
    return History(
        epochs=np.arange(epochs + 1),
        **{key: np.array(values) for key, values in record.items()},
        snapshot_epochs=tuple(snaps),
        kernels=np.array(kernels).reshape(len(snaps), n_filters, kernel_size, kernel_size),
        biases=np.array(biases).reshape(len(snaps), n_filters),
        model=model,
        class_names=names,
        test_images=x_test,
        test_labels=y_test,
    )


def kernel_matches(kernels, names=EDGE_KERNELS):
    """For each kernel, the named kernel it resembles most, by sign-insensitive cosine similarity.

    Both kernels have their mean removed first (a constant offset only changes
    the brightness a filter responds to), then ``|<a, b>| / (|a| |b|)`` is
    computed: 1 means the same pattern up to scale and sign, 0 nothing in
    common.  Each named kernel is also tried mirrored left to right (so
    ``emboss``, a gradient along one diagonal, also stands for the other
    diagonal); the name then ends in ``" mirrored"``.

    Parameters
    ----------
    kernels : (F, k, k) array_like
        The kernels to describe, e.g. ``History.kernels[-1]``.
    names : sequence of str, optional
        Named kernels of :func:`convlab.kernels.get_kernel` with the same
        ``k × k`` shape; default :data:`EDGE_KERNELS`.

    Returns
    -------
    list of (str, float)
        For each kernel, the best name and its similarity (0 for a constant kernel).

    Examples
    --------
    >>> kernel_matches([[[1, 0, -1], [2, 0, -2], [1, 0, -1]]])
    [('sobel_x', 1.0)]

    A diagonal gradient against the other diagonal's emboss: 12 / sqrt(12 * (13 - 1/9)).

    >>> kernel_matches([[[0, 1, 2], [-1, 0, 1], [-2, -1, 0]]])
    [('emboss mirrored', 0.964901)]
    """
    kernels = as_array(kernels, "kernels", ndim=(3,)).astype(np.float64)
    candidates = {}
    for name in names:
        ref = np.asarray(get_kernel(name), dtype=np.float64)
        if ref.shape != kernels.shape[1:]:
            raise ValueError(f"kernels must be {ref.shape} like {name!r}, got "
                             f"{kernels.shape[1:]}")
        candidates[name] = ref
        mirror = ref[:, ::-1]
        centred = [(r - r.mean()).ravel() for r in candidates.values()]
        if all(abs(abs(_cosine(mirror - mirror.mean(), c))) < 1 - 1e-9 for c in centred):
            candidates[name + " mirrored"] = mirror
    refs = np.array([(r - r.mean()).ravel() / np.linalg.norm(r - r.mean())
                     for r in candidates.values()])
    flat = kernels.reshape(len(kernels), -1)
    flat = flat - flat.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(flat, axis=1, keepdims=True)
    cos = np.abs(flat @ refs.T) / np.where(norms > 0, norms, 1.0)
    keys = list(candidates)
    return [(keys[b], round(float(c[b]), 6)) for b, c in zip(cos.argmax(axis=1), cos)]


def _cosine(a, b):
    a, b = np.ravel(a), np.ravel(b)
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def benchmark(*, seed=0, **kwargs):
    """Train once, print the time, the held-out accuracy and what the kernels resemble.

    Parameters
    ----------
    seed : int, optional
        Passed to :func:`train`.
    **kwargs
        Other arguments of :func:`train`.

    Returns
    -------
    dict
        ``"seconds"`` (wall clock), ``"cpu_seconds"`` (this process only,
        which a busy shared machine does not inflate), ``"test_accuracy"``,
        ``"history"``, and ``"matches"`` and ``"initial_matches"``
        (:func:`kernel_matches` after and before training).

    Examples
    --------
    >>> result = benchmark(n_train=40, n_test=20, epochs=1)  # doctest: +ELLIPSIS
    trained TinyCNN on 40 images for 1 epoch in ... s (... s of CPU); held-out accuracy ...
    ...
    """
    start, cpu = time.perf_counter(), time.process_time()
    history = train(seed=seed, snapshot_epochs=None, **kwargs)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    initial = kernel_matches(history.kernels[0])
    final = kernel_matches(history.kernels[-1])
    acc = history.test_accuracy[-1]
    n_train = kwargs.get("n_train", 800)
    epochs = int(history.epochs[-1])
    print(f"trained TinyCNN on {n_train} images for {epochs} epoch{'s' * (epochs != 1)} in "
          f"{seconds:.2f} s ({cpu:.2f} s of CPU); held-out accuracy {acc:.1%}")
    print("filter | at start: best match    |cos| | trained: best match     |cos|")
    for i, ((n0, c0), (n1, c1)) in enumerate(zip(initial, final)):
        print(f"{i:>6} | {n0:<20} {c0:5.2f} | {n1:<20} {c1:5.2f}")
    mean0, mean1 = np.mean([c for _, c in initial]), np.mean([c for _, c in final])
    print(f"  mean | {'':<20} {mean0:5.2f} | {'':<20} {mean1:5.2f}")
    return {"seconds": seconds, "cpu_seconds": cpu, "test_accuracy": float(acc),
            "history": history,
            "matches": final, "initial_matches": initial}


if __name__ == "__main__":  # pragma: no cover
    benchmark()
