"""`import convlab` is the numeric core: it must not pull in anything that draws."""

import subprocess
import sys

import pytest

DRAWING = ("matplotlib", "ipywidgets", "ipympl", "IPython")


@pytest.mark.parametrize("module", ["convlab", "convlab.core", "convlab.steps"])
def test_numeric_core_imports_nothing_that_draws(module):
    code = (
        f"import sys, {module}\n"
        f"loaded = [m for m in {DRAWING!r} if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"import {module} loaded {out.stdout.strip()}"


def test_the_check_above_can_fail():
    # The same probe sees matplotlib when it is imported, so a pass above means something.
    code = "import sys, convlab.plotting; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_public_names_are_exported():
    import convlab

    for name in convlab.__all__:
        assert hasattr(convlab, name), name


# -- the layers, read from the source ---------------------------------------------------------
#
# What counts (checked on every module of the package, statically, with ``ast``):
#
# * Layers: numeric core (``convlab/*.py``) < plotting < widgets, quiz < bench.  Besides the
#   "nothing that draws" probe above: widgets never import the quiz (they are siblings; what
#   both need lives in the core).
# * Private modules: a module whose name starts with one underscore (``_parse``, ``_engine``,
#   ``_style``) belongs to its *home*: the subpackage it sits in (``convlab.quiz``,
#   ``convlab.plotting`` …, subpackages of those included), or, for the top level, the numeric
#   core (``convlab/*.py``).  Only modules of the same home import it.  One exception, by
#   design: ``convlab._validation`` is the one shared validation helper (scikit-image's
#   ``_shared`` pattern), which every layer may use to check its arguments the same way.
#   Private *names* (``from .core import _prepare``) are not checked here.
# * Plotting draws: a public function of ``convlab.plotting`` is a ``plot_*`` function or one
#   of the few drawing helpers listed below; a function that only computes numbers (window
#   geometry, stacked layers, receptive fields, number formatting) belongs in the core.

import ast  # noqa: E402
from pathlib import Path  # noqa: E402

PACKAGE = Path(__file__).resolve().parent.parent / "convlab"
SHARED_PRIVATE = {"convlab._validation"}
#: Public plotting functions that are not named ``plot_*``: each works on figures or artists.
DRAWING_HELPERS = {
    "annotate_matrix",  # fills an Axes with coloured, numbered cells
    "freeze_layout",  # lays a Figure out once
    "subplots",  # plt.subplots with the course's defaults
    "text_colour",  # black or white on an image's cell colour
    "picture",  # a Figure as an inline image
    "stem_data",  # stems as one polyline, for Line2D.set_data
    "response_display",  # colour map, limits and caption for a filtered image
    "step_formula",  # the caption of the 2-D stepper
    "describe_steps2d",  # the 2-D stepper's figure caption: its panels and their sizes
}
#: Return annotations that mean "a numeric result".
NUMERIC_RETURNS = ("ndarray", "int", "float", "list[np.ndarray]", "WindowGeometry")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _imports(name: str, path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in a file, relative imports resolved, names that are
    modules (``from .. import data``) included."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{a.name}") for a in node.names
                      if _is_module(f"{target}.{a.name}")]
    return [(line, t) for line, t in found if t == "convlab" or t.startswith("convlab.")]


def _home(module: str) -> str:
    """``convlab`` for the numeric core, ``convlab.<subpackage>`` for everything below one."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 and _is_package(".".join(parts[:2])) else "convlab"


def _is_package(name: str) -> bool:
    return (PACKAGE.parent.joinpath(*name.split(".")) / "__init__.py").exists()


def widget_to_quiz_imports() -> list[str]:
    return [f"{name}:{line} imports {target}"
            for name, path in _modules().items() if name.startswith("convlab.widgets")
            for line, target in _imports(name, path)
            if target == "convlab.quiz" or target.startswith("convlab.quiz.")]


def private_module_imports() -> list[str]:
    bad = []
    for name, path in _modules().items():
        for line, target in _imports(name, path):
            parts = target.split(".")
            private = [i for i, p in enumerate(parts) if p.startswith("_") and not
                       p.startswith("__")]
            if not private or target in SHARED_PRIVATE:
                continue
            owner = ".".join(parts[: private[0]])  # the package the private module sits in
            if _home(owner + "._") != _home(name):
                bad.append(f"{name}:{line} imports {target}, private to {_home(owner + '._')}")
    return bad


def numeric_plotting_functions() -> list[str]:
    bad = []
    for name, path in _modules().items():
        if not name.startswith("convlab.plotting"):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            returns = ast.unparse(node.returns) if node.returns else ""
            if returns.endswith(NUMERIC_RETURNS):
                bad.append(f"{name}.{node.name} returns {returns}: a numeric result")
            elif not node.name.startswith("plot_") and node.name not in DRAWING_HELPERS:
                bad.append(f"{name}.{node.name} is neither plot_* nor a drawing helper")
    return bad


def test_widgets_do_not_import_the_quiz():
    assert widget_to_quiz_imports() == []


def test_private_modules_are_imported_only_from_their_own_package():
    assert private_module_imports() == []


def test_plotting_defines_no_numeric_results():
    assert numeric_plotting_functions() == []


def test_the_layer_checks_can_fail(tmp_path, monkeypatch):
    # A miniature package with one of each violation: every check above must see it.
    root = tmp_path / "convlab"
    for sub in ("", "quiz", "widgets", "plotting"):
        (root / sub).mkdir(exist_ok=True)
        (root / sub / "__init__.py").write_text("")
    (root / "_engine.py").write_text("")
    (root / "_validation.py").write_text("")
    (root / "quiz" / "_parse.py").write_text("")
    (root / "core.py").write_text("from ._engine import plan\nfrom ._validation import as_array\n")
    (root / "widgets" / "play.py").write_text(
        "from ..quiz._parse import parse_number\nfrom .._validation import as_array\n")
    (root / "plotting" / "grid.py").write_text(
        "from .._engine import plan\nfrom .. import _engine\n\n"
        "def window_geometry(n, k) -> int:\n    return n - k + 1\n\n"
        "def receptive_field(layers, k):\n    return 1 + layers * (k - 1)\n\n"
        "def plot_grid(ax):\n    pass\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", root)
    assert widget_to_quiz_imports() == ["convlab.widgets.play:1 imports convlab.quiz._parse"]
    assert private_module_imports() == [
        "convlab.plotting.grid:1 imports convlab._engine, private to convlab",
        "convlab.plotting.grid:2 imports convlab._engine, private to convlab",
        "convlab.widgets.play:1 imports convlab.quiz._parse, private to convlab.quiz",
    ]
    assert numeric_plotting_functions() == [
        "convlab.plotting.grid.window_geometry returns int: a numeric result",
        "convlab.plotting.grid.receptive_field is neither plot_* nor a drawing helper",
    ]
