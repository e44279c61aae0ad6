"""The learner edition as a learner meets it, in a real JupyterLab in Chromium at 1366×768:
Run All with no error, a prediction locked in and answered at once, then one exercise written
wrong (the report says it failed) and right (all cases passed).

It opens ``learner/01_outer_product_diagonals.ipynb``.  While that notebook has no prediction
card or no exercise yet (the notebooks are converted to the conventions one by one), the test
runs on a learner notebook made by tools/make_learner_edition.py from a small reference
notebook written here, in the same conventions, and says so in its output.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from .lab import PROMPTS, page_errors, prompts, run_all, wait_for_idle

ROOT = Path(__file__).resolve().parents[2]
NAME = "01_outer_product_diagonals.ipynb"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
STUB = "raise NotImplementedError()"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "make_learner_edition", ROOT / "tools" / "make_learner_edition.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _converted(nb) -> bool:
    sources = [c.source for c in nb.cells if c.cell_type == "code"]
    return any(STUB in s for s in sources) and any(s.strip().startswith("predict(")
                                                   for s in sources)


def _fixture_reference():
    """A one-exercise, one-prediction reference notebook in the course's conventions."""
    exercise = new_code_cell(
        "# NBVAL_CHECK_OUTPUT\n"
        "def conv_full(x, h):\n"
        '    """The full convolution of x with h, like np.convolve(x, h)."""\n'
        "    ### BEGIN SOLUTION\n"
        "    return np.convolve(x, h)\n"
        "    ### END SOLUTION\n\n\n"
        'print(check_implementation(conv_full, "convolve1d"))'
    )
    exercise.metadata["nbgrader"] = {"grade": False, "grade_id": "nb99-ex-conv-full",
                                     "locked": False, "schema_version": 3, "solution": True,
                                     "task": False}
    answer = new_markdown_cell("2 + 3 − 1 = **4** values.")
    answer.metadata["tags"] = ["answer"]
    nb = new_notebook(cells=[
        new_markdown_cell("# A learner-edition fixture"),
        new_code_cell(
            "import numpy as np\n\n"
            "from convlab.quiz import NumericQuestion, Predictions, check_implementation\n\n"
            'predict = Predictions("99", [NumericQuestion.from_answer(\n'
            '    "99-p-full", "How many values has [1, 2] * [1, 2, 3]?", 4,\n'
            '    hint="Count the anti-diagonals of a 2 × 3 table.")], progress=None)'
        ),
        new_markdown_cell("**Predict:** how many values has [1, 2] * [1, 2, 3]?"),
        new_code_cell('predict("full")'),
        answer,
        new_markdown_cell("Write `conv_full(x, h)`."),
        exercise,
    ])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"fixture-{i}"
    return nb


def _editions(lab) -> tuple[str, object, object]:
    """(path under the server's root, reference notebook, learner notebook) to test."""
    reference = nbformat.read(ROOT / "notebooks" / NAME, as_version=4)
    learner_path = ROOT / "learner" / NAME
    if learner_path.is_file():
        learner = nbformat.read(learner_path, as_version=4)
        if _converted(learner):
            return f"learner/{NAME}", reference, learner
    print(f"\nNOTE: learner/{NAME} has no prediction card or exercise yet: testing a learner "
          "notebook generated from a fixture reference notebook instead")
    reference = _fixture_reference()
    learner = _tool().learner_notebook(reference)
    folder = lab["root"] / "learner-fixture"
    folder.mkdir(exist_ok=True)
    nbformat.write(learner, folder / "01_fixture.ipynb")
    return "learner-fixture/01_fixture.ipynb", reference, learner


def _regions(source: str) -> list[list[str]]:
    regions, current = [], None
    for line in source.split("\n"):
        if "### BEGIN SOLUTION" in line:
            current = []
        elif "### END SOLUTION" in line and current is not None:
            regions.append(current)
            current = None
        elif current is not None and line.strip():
            current.append(line)
    return regions


def _open(page, lab, path: str) -> None:
    page.goto(f"{lab['url']}/lab/tree/{path}?token={lab['token']}&reset")
    page.locator(PROMPTS).first.wait_for()
    wait_for_idle(page, timeout=90)


def _set_source(page, cell, text: str, mark: str) -> None:
    """Replace a code cell's text as typed into its editor (no auto-indent, no auto-close),
    and wait until the editor shows ``mark``, a line of the new text."""
    editor = cell.locator(".jp-InputArea-editor .cm-content").first
    editor.scroll_into_view_if_needed()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)
    page.wait_for_function("([el, t]) => el.innerText.includes(t)",
                           arg=[editor.element_handle(), mark])


def _run_cell_and_wait_for(page, cell, pattern: str) -> str:
    page.keyboard.press("Shift+Enter")
    output = cell.locator(".jp-OutputArea-output", has_text=re.compile(pattern)).first
    output.wait_for(timeout=120_000)
    return output.inner_text()


LEARNER = sorted(p.name for p in (ROOT / "learner").glob("*.ipynb"))


@pytest.mark.parametrize("name", LEARNER)
def test_learner_notebook_runs_clean_in_lab(page, lab, name):
    """Every learner notebook: Run All to idle with no error and no stderr anywhere, and every
    stub's report says "Not written yet" (no traceback)."""
    _open(page, lab, f"learner/{name}")
    run_all(page)
    assert all(re.fullmatch(r"\[\d+\]:", c) for c in prompts(page)), prompts(page)
    assert page_errors(page) == []
    learner = nbformat.read(ROOT / "learner" / name, as_version=4)
    stubs = sum(STUB in c.source for c in learner.cells if c.cell_type == "code")
    reports = page.locator(f"{PANEL} .jp-OutputArea-output", has_text="Not written yet")
    assert reports.count() == stubs


def test_learner_edition_predict_then_write_an_exercise_wrong_then_right(page, lab,
                                                                       screenshot_dir):
    path, reference, learner = _editions(lab)
    _open(page, lab, path)
    run_all(page)
    assert all(re.fullmatch(r"\[\d+\]:", c) for c in prompts(page)), prompts(page)
    assert page_errors(page) == []

    # A prediction: type a guess under "Your prediction", Lock in, told at once.
    card = page.locator(f"{PANEL} .convlab-predictions .convlab-prediction").first
    assert "Your prediction" in card.inner_text()
    card.scroll_into_view_if_needed()
    box = card.locator("input[type=text]")
    if box.count():
        box.first.fill("7")
    else:  # a choice question: pick the first option
        card.locator("label").first.click()
    card.locator("button", has_text="Lock in").click()
    card.locator(".widget-html", has_text=re.compile("Correct|Not yet")).first.wait_for()
    card.screenshot(path=str(screenshot_dir / "learner_prediction_card.png"))

    # An exercise: still the stub, so the grader says "not written yet" and nothing else.
    index, stub_cell = next((i, c) for i, c in enumerate(learner.cells)
                            if c.cell_type == "code" and STUB in c.source)
    cell = page.locator(f"{PANEL} .jp-Notebook .jp-Cell").nth(index)
    assert "Not written yet" in cell.locator(".jp-OutputArea").inner_text()
    wrong = stub_cell.source.replace(STUB, "return 0")
    _set_source(page, cell, wrong, "return 0")
    report = _run_cell_and_wait_for(page, cell, r"— failed")
    assert re.search(r"\d+ of \d+ cases passed", report) and "All cases passed" not in report

    right = next(c.source for c in reference.cells if c.get("id") == stub_cell.get("id"))
    lines = [line for line in right.split("\n") if "### " not in line and "# NBVAL_" not in line]
    solution = next(r for r in _regions(right) if r)
    _set_source(page, cell, "\n".join(lines), solution[-1].strip())
    report = _run_cell_and_wait_for(page, cell, r"All cases passed")
    assert "failed" not in report
    cell.screenshot(path=str(screenshot_dir / "learner_exercise_passed.png"))
    assert page_errors(page) == []
