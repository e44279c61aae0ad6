"""Every public function of the package shows how it is called, in a doctest that runs."""

import doctest
import inspect

import pytest

import convlab
import convlab.plotting
import convlab.quiz
import convlab.widgets

MODULES = [convlab, convlab.plotting, convlab.widgets, convlab.quiz]
PUBLIC_FUNCTIONS = [
    (module.__name__, name)
    for module in MODULES
    for name in module.__all__
    if inspect.isfunction(getattr(module, name))
]


@pytest.mark.parametrize(("module", "name"), PUBLIC_FUNCTIONS)
def test_public_function_has_a_doctest_and_a_numpydoc_docstring(module, name):
    obj = getattr(__import__(module, fromlist=[name]), name)
    tests = doctest.DocTestFinder().find(obj, name)
    assert any(t.examples for t in tests), f"{module}.{name} has no doctest example"
    assert obj.__doc__.strip().splitlines()[0].strip(), "a one-line summary comes first"
