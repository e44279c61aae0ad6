"""The tiny NumPy CNN: its gradients by finite differences, learning, determinism, bad input."""

import numpy as np
import pytest

from convlab.cnn import TinyCNN, kernel_matches, train
from convlab.kernels import get_kernel
from convlab.shapes import make_shapes


@pytest.fixture(scope="module")
def small_run():
    return train(n_train=400, n_test=200, epochs=8, seed=0, snapshot_epochs=[0, 4, 8])


def test_network_gradients_match_central_finite_differences():
    net = TinyCNN(n_filters=2, kernel_size=3, image_size=7, n_classes=4, seed=3)
    rng = np.random.default_rng(0)
    net.conv_b[:] = rng.normal(scale=0.1, size=2)
    x = rng.normal(size=(3, 1, 7, 7))
    labels = np.array([0, 3, 1])
    _, grads = net.gradients(x, labels)
    eps = 1e-6
    for name, value in net.parameters().items():
        numeric = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            keep = value[idx]
            value[idx] = keep + eps
            up = net.loss(x, labels)[0]
            value[idx] = keep - eps
            down = net.loss(x, labels)[0]
            value[idx] = keep
            numeric[idx] = (up - down) / (2 * eps)
        np.testing.assert_allclose(grads[name], numeric, atol=1e-7, err_msg=name)


def test_cross_entropy_of_equal_scores_is_log_classes():
    net = TinyCNN(n_filters=1, image_size=6, n_classes=4)
    net.fc_w[:] = 0
    loss, probs = net.loss(np.ones((3, 1, 6, 6)), [0, 1, 2])
    assert loss == pytest.approx(np.log(4))
    np.testing.assert_allclose(probs, 0.25)


def test_small_run_learns_the_held_out_images(small_run):
    h = small_run
    assert h.test_accuracy[0] < 0.5  # chance is 0.25
    assert h.test_accuracy[-1] >= 0.8  # 84.5% measured; the full run reaches 98.8%
    assert h.train_loss[-1] < 0.5 * h.train_loss[0]


def test_history_records_every_epoch_and_the_chosen_snapshots(small_run):
    h = small_run
    for series in (h.train_loss, h.train_accuracy, h.test_loss, h.test_accuracy):
        assert series.shape == (9,)
    assert h.snapshot_epochs == (0, 4, 8)
    assert h.kernels.shape == (3, 8, 3, 3)
    np.testing.assert_array_equal(h.kernels[-1], h.model.conv_w[:, 0])
    np.testing.assert_array_equal(h.biases[-1], h.model.conv_b)
    assert h.biases.shape == (3, 8) and not h.biases[0].any()  # biases start at zero
    # the snapshots reproduce the first layer's feature maps of a held-out image
    _, cache = h.model.forward(h.test_images[:1])
    from convlab.channels import conv2d_layer
    maps = conv2d_layer(h.test_images[0], h.kernels[-1][:, None], bias=h.biases[-1])
    np.testing.assert_allclose(maps, cache["conv"][0], rtol=1e-12, atol=1e-12)
    assert h.model.predict(h.test_images).mean() >= 0  # held-out images come back
    assert np.mean(h.model.predict(h.test_images) == h.test_labels) == h.test_accuracy[-1]
    assert not np.array_equal(h.kernels[0], h.kernels[-1])


def test_same_seed_gives_an_identical_history(small_run):
    again = train(n_train=400, n_test=200, epochs=8, seed=0, snapshot_epochs=[0, 4, 8])
    for name in ("train_loss", "train_accuracy", "test_loss", "test_accuracy", "kernels"):
        np.testing.assert_array_equal(getattr(again, name), getattr(small_run, name))
    other = train(n_train=400, n_test=200, epochs=1, seed=1)
    assert not np.array_equal(other.kernels[0], small_run.kernels[0])


def test_kernel_matches_recognises_named_kernels_up_to_sign_scale_and_offset():
    kernels = np.stack([-3 * get_kernel("sobel_y") + 5, get_kernel("laplacian"),
                        get_kernel("emboss")[:, ::-1]])
    names = [name for name, _ in kernel_matches(kernels)]
    sims = [sim for _, sim in kernel_matches(kernels)]
    assert names == ["sobel_y", "laplacian", "emboss mirrored"]
    np.testing.assert_allclose(sims, 1.0)
    assert kernel_matches(np.ones((1, 3, 3))) == [("sobel_x", 0.0)]


def test_predict_agrees_with_the_scores():
    net = TinyCNN(n_filters=3, image_size=8, n_classes=4, seed=1)
    x, _, _ = make_shapes(10, size=8, seed=2)
    np.testing.assert_array_equal(net.predict(x), net.forward(x)[0].argmax(axis=1))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: TinyCNN(n_filters=0), ValueError, "n_filters"),
        (lambda: TinyCNN(kernel_size=12, image_size=12), ValueError, "image_size"),
        (lambda: TinyCNN(n_classes=1), ValueError, "n_classes"),
        (lambda: TinyCNN(image_size=6).forward(np.ones((2, 1, 5, 5))), ValueError,
         "x must have shape (N, 1, 6, 6)"),
        (lambda: TinyCNN(image_size=6).loss(np.ones((2, 1, 6, 6)), [0, 9]), ValueError,
         "labels"),
        (lambda: TinyCNN(image_size=6).loss(np.ones((2, 1, 6, 6)), [0]), ValueError,
         "labels"),
        (lambda: train(epochs=0), ValueError, "epochs"),
        (lambda: train(lr=-1), ValueError, "lr"),
        (lambda: train(lr="fast"), TypeError, "lr"),
        (lambda: train(epochs=2, snapshot_epochs=[3]), ValueError, "snapshot_epochs"),
        (lambda: train(snapshot_epochs=5), TypeError, "snapshot_epochs"),
        (lambda: train(weight_decay=-0.1), ValueError, "weight_decay"),
        (lambda: kernel_matches(np.ones((2, 5, 5))), ValueError, "kernels must be (3, 3)"),
    ],
)
def test_bad_arguments_get_a_clear_error(call, error, words):
    with pytest.raises(error) as info:
        call()
    assert words in str(info.value)
