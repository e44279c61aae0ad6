"""Backward passes, checked against central finite differences and the adjoint identity."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convlab.channels import avg_pool2d_layer, conv2d_layer, max_pool2d_layer
from convlab.gradients import avg_pool2d_layer_grad, conv2d_layer_grads, max_pool2d_layer_grad


def numeric_gradient(f, a, eps=1e-6):
    """Central differences of the scalar function f at the float64 array a."""
    a = a.astype(float).copy()
    grad = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        keep = a[idx]
        a[idx] = keep + eps
        up = f(a)
        a[idx] = keep - eps
        down = f(a)
        a[idx] = keep
        grad[idx] = (up - down) / (2 * eps)
    return grad


CASES = [
    # (x shape, k shape, stride, padding, dilation, flip)
    ((2, 2, 5, 6), (3, 2, 3, 2), 1, 0, 1, False),
    ((1, 3, 6, 6), (2, 3, 3, 3), 1, 1, 1, False),
    ((2, 1, 7, 5), (2, 1, 2, 3), 2, 1, 1, True),
    ((1, 2, 7, 7), (1, 2, 2, 2), 1, "same", 2, False),
    ((2, 5, 5), (2, 2, 3, 3), (2, 1), (0, 2), (1, 2), False),
]


@pytest.mark.parametrize(("xs", "ks", "stride", "padding", "dilation", "flip"), CASES)
@pytest.mark.parametrize("method", ["direct", "im2col"])
def test_gradients_match_central_finite_differences(xs, ks, stride, padding, dilation, flip,
                                                    method):
    rng = np.random.default_rng(len(xs) * 7 + ks[0])
    x, k, b = rng.normal(size=xs), rng.normal(size=ks), rng.normal(size=ks[0])
    args = {"stride": stride, "padding": padding, "dilation": dilation, "flip": flip}
    y = conv2d_layer(x, k, bias=b, **args)
    target = rng.normal(size=y.shape)

    def loss(x_, k_, b_):  # a non-linear loss, so grad_y is not constant
        return 0.5 * np.sum((conv2d_layer(x_, k_, bias=b_, **args) - target) ** 2)

    grad_y = y - target
    gx, gk, gb = conv2d_layer_grads(x, k, grad_y, method=method, **args)
    assert gx.shape == x.shape and gk.shape == k.shape and gb.shape == b.shape
    np.testing.assert_allclose(gx, numeric_gradient(lambda a: loss(a, k, b), x), atol=1e-6)
    np.testing.assert_allclose(gk, numeric_gradient(lambda a: loss(x, a, b), k), atol=1e-6)
    np.testing.assert_allclose(gb, numeric_gradient(lambda a: loss(x, k, a), b), atol=1e-6)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(
    n=st.integers(1, 2), c_in=st.integers(1, 2), c_out=st.integers(1, 2),
    h=st.integers(1, 7), w=st.integers(1, 7), kh=st.integers(1, 3), kw=st.integers(1, 3),
    stride=st.integers(1, 3), padding=st.integers(0, 2), dilation=st.integers(1, 2),
    seed=st.integers(0, 2**16),
)
def test_adjoint_identity_holds_exactly_for_integers(
    n, c_in, c_out, h, w, kh, kw, stride, padding, dilation, seed
):
    """<conv(x, k), g> = <x, grad_x(g)> = <k, grad_k(g)>: the layer is linear in x and in k."""
    assume(h + 2 * padding >= dilation * (kh - 1) + 1)
    assume(w + 2 * padding >= dilation * (kw - 1) + 1)
    rng = np.random.default_rng(seed)
    x = rng.integers(-5, 6, size=(n, c_in, h, w))
    k = rng.integers(-5, 6, size=(c_out, c_in, kh, kw))
    args = {"stride": stride, "padding": padding, "dilation": dilation}
    y = conv2d_layer(x, k, **args)
    g = rng.integers(-5, 6, size=y.shape)
    inner = int(np.sum(y * g))
    for method in ("direct", "im2col"):
        gx, gk, gb = conv2d_layer_grads(x, k, g, method=method, **args)
        # every value is an integer below 2**53, so float64 sums are exact
        assert float(np.sum(x * gx)) == inner, method
        assert float(np.sum(k * gk)) == inner, method
        assert float(gb.sum()) == float(g.sum())


def test_input_grad_false_skips_the_input_gradient():
    rng = np.random.default_rng(0)
    x, k = rng.normal(size=(2, 1, 6, 6)), rng.normal(size=(3, 1, 3, 3))
    g = rng.normal(size=(2, 3, 4, 4))
    gx, gk, gb = conv2d_layer_grads(x, k, g, input_grad=False)
    assert gx is None
    _, gk_all, gb_all = conv2d_layer_grads(x, k, g)
    np.testing.assert_array_equal(gk, gk_all)
    np.testing.assert_array_equal(gb, gb_all)


@pytest.mark.parametrize(("size", "stride", "padding"), [(2, None, 0), (3, 1, 1), (2, 1, 0)])
@pytest.mark.parametrize("kind", ["max", "avg"])
def test_pool_gradients_match_finite_differences(size, stride, padding, kind):
    rng = np.random.default_rng(size * 10 + padding)
    x = rng.permutation(2 * 3 * 6 * 5).reshape(2, 3, 6, 5) / 7.0  # distinct: no ties
    layer, grad = {
        "max": (max_pool2d_layer, max_pool2d_layer_grad),
        "avg": (avg_pool2d_layer, avg_pool2d_layer_grad),
    }[kind]
    y = layer(x, size, stride=stride, padding=padding)
    weights = rng.normal(size=y.shape)

    def loss(a):
        return float(np.sum(layer(a, size, stride=stride, padding=padding) * weights))

    got = grad(x, weights, size, stride=stride, padding=padding)
    assert got.shape == x.shape
    np.testing.assert_allclose(got, numeric_gradient(loss, x, eps=1e-4), atol=1e-8)


def test_max_pool_gradient_goes_to_the_first_of_tied_maxima():
    x = np.array([[[3, 3], [1, 3]]])
    np.testing.assert_array_equal(max_pool2d_layer_grad(x, [[[1.0]]], 2), [[[1, 0], [0, 0]]])


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: conv2d_layer_grads(np.ones((1, 4, 4)), np.ones((1, 1, 3, 3)),
                                    np.ones((1, 3, 3))), "grad_y must have the shape"),
        (lambda: conv2d_layer_grads(np.ones((1, 4, 4)), np.ones((1, 2, 3, 3)),
                                    np.ones((1, 2, 2))), "input channels"),
        (lambda: conv2d_layer_grads(np.ones((1, 4, 4)), np.ones((1, 1, 3, 3)),
                                    np.ones((1, 2, 2)), method="fft"), "method"),
        (lambda: max_pool2d_layer_grad(np.ones((1, 4, 4)), np.ones((1, 3, 3)), 2),
         "grad_y must have the shape"),
        (lambda: avg_pool2d_layer_grad(np.ones((4, 4)), np.ones((2, 2)), 2), "x must be"),
    ],
)
def test_bad_gradient_arguments_get_a_clear_error(call, words):
    with pytest.raises(ValueError) as info:
        call()
    assert words in str(info.value)


def test_weight_gradient_cases_agree_with_the_layer_gradient_and_catch_a_flip():
    from convlab.gradients import weight_gradient_cases

    cases = weight_gradient_cases()
    assert len(cases) >= 6
    flipped_caught = 0
    for name, (x, gy), expected in cases:
        kshape = expected.shape
        _, gk, _ = conv2d_layer_grads(x[None], np.zeros((1, 1, *kshape)), gy[None])
        np.testing.assert_allclose(gk[0, 0], expected, atol=1e-12, err_msg=name)
        if x.dtype.kind == "i":
            assert expected.dtype == np.int64, name
        wrong = np.asarray(expected)[::-1, ::-1]  # the classic mistake: a flipped kernel
        flipped_caught += not np.allclose(wrong, expected)
    assert flipped_caught >= len(cases) - 2
