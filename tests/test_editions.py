"""Two editions from one source (issue 16 §1): the reference edition in notebooks/ (executed,
solutions in place) and the learner edition in learner/, made by
``python tools/make_learner_edition.py``.

The learner edition is checked as committed (fresh, no outputs, no solutions, stubs in place,
answers behind a click) and run top to bottom in a fresh kernel.  The course-shape checks
over the reference edition (exercises, inline predictions, passing reports) are written as
functions that return problems, and are shown to pass and to fail on small notebooks built
here, as well as run on the real ones.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from convlab.quiz import NumericQuestion
from convlab.quiz import bank as bank_module

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "notebooks"
LEARNER = ROOT / "learner"
COMMAND = "python tools/make_learner_edition.py"
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"


def _load_tool():
    spec = importlib.util.spec_from_file_location(
        "make_learner_edition", ROOT / "tools" / "make_learner_edition.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
REFERENCE_PATHS = sorted(REFERENCE.glob("*.ipynb"))
LEARNER_PATHS = sorted(LEARNER.glob("*.ipynb"))
COURSE = [p for p in REFERENCE_PATHS if not p.name.startswith("09_")]


# -- reading notebooks ------------------------------------------------------------------------


def _read(path):
    return nbformat.read(path, as_version=4)


def solution_cells(nb) -> list:
    """Code cells with nbgrader's ``solution: true`` metadata."""
    return [
        c for c in nb.cells
        if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("solution") is True
    ]


def solution_regions(cell) -> list[list[str]]:
    """The lines between each BEGIN / END SOLUTION pair of a cell."""
    regions, current = [], None
    for line in cell.source.split("\n"):
        if BEGIN in line:
            current = []
        elif END in line and current is not None:
            regions.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return regions


def output_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out:
            parts += [out.data.get("text/plain", ""), out.data.get("text/html", "")]
    return "".join(parts)


# -- the course-shape checks (each returns a list of problems) --------------------------------


def exercise_problems(nb) -> list[str]:
    """At least two solution cells, each calling ``check_implementation``."""
    graded = [c for c in solution_cells(nb) if "check_implementation(" in c.source]
    if len(graded) < 2:
        return [f"{len(graded)} graded exercise(s); every notebook but the quiz needs 2"]
    return []


def _bank_key(nb) -> str | None:
    for cell in nb.cells:
        found = re.search(r"predict\s*=\s*predictions_for\(\s*['\"]([^'\"]+)['\"]", cell.source)
        if cell.cell_type == "code" and found:
            return found.group(1)
    return None


def predict_problems(nb) -> list[str]:
    """Every "**Predict:**" cell is followed by a ``predict("name")`` card of the bank."""
    problems = []
    key = _bank_key(nb)
    names = None
    if key is not None and key in bank_module.PREDICTIONS:
        prefix = f"{key}-p-"
        names = {q.qid.removeprefix(prefix) for q in bank_module.PREDICTIONS[key]()}
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown" or "**Predict:**" not in cell.source:
            continue
        where = cell.source.strip().splitlines()[0][:60]
        after = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        card = None
        if after is not None and after.cell_type == "code":
            card = re.fullmatch(r"predict\(\"([\w-]+)\"\)", after.source.strip())
        if card is None:
            problems.append(f"no predict(\"…\") card cell after {where!r}")
        elif names is None:
            problems.append("no `predict = predictions_for(\"NN\")` with a bank of predictions")
        elif card.group(1) not in names:
            problems.append(f"predict({card.group(1)!r}) is not in bank {key}'s predictions")
    return problems


def report_problems(nb) -> list[str]:
    """Every solution cell's saved report says all cases passed."""
    return [
        f"exercise {c.metadata['nbgrader'].get('grade_id')!r}: its report does not say "
        "'All cases passed'"
        for c in solution_cells(nb)
        if "all cases passed" not in output_text(c).lower()
    ]


def learner_problems(reference, learner) -> list[str]:
    """What the learner edition of ``reference`` must not hold, and must hold."""
    problems = []
    ref_cells = {c.get("id"): c for c in reference.cells}
    if "widgets" in learner.metadata:
        problems.append("widget state in the notebook's metadata")
    everything = "\n".join(c.source for c in learner.cells)
    for marker in (BEGIN, END):
        if marker in everything:
            problems.append(f"{marker!r} is still there")
    for cell in learner.cells:
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
            problems.append(f"outputs or an execution count in {cell.source[:40]!r}")
        if "execution" in cell.metadata:
            problems.append("execution timing in a cell's metadata")
        ref = ref_cells.get(cell.get("id"))
        if ref is None:
            continue
        if cell in solution_cells(learner):
            stub = ("# YOUR CODE HERE", "raise NotImplementedError()")
            if not all(part in cell.source for part in stub):
                problems.append(f"solution cell {cell.id} has no stub")
            lines = {line.strip() for line in cell.source.split("\n")}
            for region in solution_regions(ref):
                leaked = [x for x in region if x.strip() and x.strip() in lines]
                if leaked:
                    problems.append(f"solution line {leaked[0].strip()!r} in cell {cell.id}")
        if cell.cell_type == "markdown" and "answer" in cell.metadata.get("tags", []):
            text = cell.source.strip()
            if not (text.startswith("<details><summary>Answer</summary>")
                    and text.endswith("</details>")):
                problems.append(f"answer cell {cell.id} is not behind <details>")
    # nor anywhere else: a distinctive solution line (one the reference edition has only
    # inside a solution region) is nowhere in the learner notebook
    inside = {line.strip() for c in solution_cells(reference) for r in solution_regions(c)
              for line in r if len(line.strip()) >= 20}
    outside = {line.strip() for c in reference.cells for line in _outside_regions(c.source)}
    learner_lines = {line.strip() for c in learner.cells for line in c.source.split("\n")}
    for line in sorted((inside - outside) & learner_lines):
        problems.append(f"solution line {line!r} appears in the learner notebook")
    return problems


def _outside_regions(source: str) -> list[str]:
    out, inside = [], False
    for line in source.split("\n"):
        if BEGIN in line:
            inside = True
        elif END in line:
            inside = False
        elif not inside:
            out.append(line)
    return out


# -- fixture notebooks --------------------------------------------------------------------------

EXERCISE = '''# NBVAL_CHECK_OUTPUT
def corr(x, h):
    """The valid cross-correlation of x with h."""
    ### BEGIN SOLUTION
    windows = np.lib.stride_tricks.sliding_window_view(x, np.shape(h))
    return np.einsum("ijkl,kl->ij", windows, h)
    ### END SOLUTION


print(check_implementation(corr, "conv2d"))'''

GRADER_META = {"grade": False, "grade_id": "nb99-ex-corr", "locked": False,
               "schema_version": 3, "solution": True, "task": False}


def _exercise(grade_id="nb99-ex-corr", source=EXERCISE):
    cell = new_code_cell(source)
    cell.metadata["nbgrader"] = {**GRADER_META, "grade_id": grade_id}
    return cell


def _fixture(*, exercises=2, predict="full", answer_tag=True, card=True, bank=True):
    """A small reference notebook in the course's conventions (bank key 99, or none)."""
    imports = "import numpy as np\n\nfrom convlab.quiz import check_implementation"
    if bank:
        imports += ', predictions_for\n\npredict = predictions_for("99")'
    cells = [
        new_markdown_cell("# A fixture\n\nBy the end you will be able to test."),
        new_code_cell(imports),
        new_markdown_cell("**Predict:** how long is [1, 2] * [1, 2, 3]?"),
    ]
    if card and bank:
        cells.append(new_code_cell(f'predict("{predict}")'))
    cells.append(new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(len(np.convolve([1, 2], [1, 2, 3])))"))
    answer = new_markdown_cell("It has 2 + 3 − 1 = **4** values.")
    if answer_tag:
        answer.metadata["tags"] = ["answer"]
    cells.append(answer)
    for n in range(exercises):
        cells += [new_markdown_cell("Write `corr(x, h)`."), _exercise(f"nb99-ex-corr{n}")]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"  # fixed ids: the same input gives the same bytes
    return nb


@pytest.fixture
def bank99(monkeypatch):
    """Bank key 99 with one prediction, 'full' (2 + 3 − 1 = 4)."""
    questions = lambda: [NumericQuestion.from_answer("99-p-full", "How long?", 4)]  # noqa: E731
    monkeypatch.setitem(bank_module.PREDICTIONS, "99", questions)


def _executed(nb, tmp_path, monkeypatch):
    """``nb`` run in a fresh kernel in ``tmp_path`` (progress in a temp file)."""
    from nbclient import NotebookClient

    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)  # a copy
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def run_problems(nb) -> list[str]:
    """Error outputs and anything printed to stderr in an executed notebook."""
    problems = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                problems.append(f"{out.ename} in {cell.source[:50]!r}")
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(f"stderr in {cell.source[:50]!r}: {out.text[:200]}")
    return problems


# -- the committed learner edition ---------------------------------------------------------------


def test_every_reference_notebook_has_its_learner_notebook():
    assert [p.name for p in LEARNER_PATHS] == [p.name for p in REFERENCE_PATHS]


def test_committed_learner_edition_equals_a_fresh_regeneration():
    problems = tool.stale()
    assert not problems, "\n".join([*problems, f"the learner edition is stale: run {COMMAND}"])


@pytest.mark.parametrize("name", [p.name for p in REFERENCE_PATHS])
def test_learner_notebook_has_no_outputs_no_solutions_and_answers_behind_a_click(name):
    assert learner_problems(_read(REFERENCE / name), _read(LEARNER / name)) == []


# -- the tool, on fixture notebooks --------------------------------------------------------------


def test_the_tool_stubs_solutions_clears_outputs_and_hides_answers():
    ref = _fixture()
    ref.cells[4].outputs = [nbformat.v4.new_output("stream", text="4\n")]
    ref.cells[4].execution_count = 3
    ref.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    learner = tool.learner_notebook(ref)
    assert learner_problems(ref, learner) == []
    stub = learner.cells[7].source
    assert stub.startswith("def corr(x, h):")  # the nbval marker is gone too
    assert "    # YOUR CODE HERE\n    raise NotImplementedError()" in stub
    assert "einsum" not in stub and 'print(check_implementation(corr, "conv2d"))' in stub
    assert learner.cells[5].source == (
        "<details><summary>Answer</summary>\n\nIt has 2 + 3 − 1 = **4** values.\n\n</details>"
    )
    assert ref.cells[4].outputs, "the reference notebook itself is not changed"
    # the checks can fail: the reference edition is not a learner edition
    problems = learner_problems(ref, ref)
    assert any("BEGIN SOLUTION" in p for p in problems)
    assert any("no stub" in p for p in problems) and any("<details>" in p for p in problems)
    assert any("outputs" in p for p in problems) and any("widget" in p for p in problems)
    leaky = tool.learner_notebook(ref)
    leaky.cells.append(new_markdown_cell(
        "    windows = np.lib.stride_tricks.sliding_window_view(x, np.shape(h))"))
    assert any("appears in the learner notebook" in p for p in learner_problems(ref, leaky))


def test_a_solution_region_outside_a_solution_cell_is_refused():
    ref = _fixture()
    ref.cells[7].metadata.pop("nbgrader")
    with pytest.raises(RuntimeError, match="non-solution cell"):
        tool.learner_notebook(ref)


def test_same_input_same_bytes_and_check_names_stale_files(tmp_path):
    reference, learner = tmp_path / "notebooks", tmp_path / "learner"
    reference.mkdir()
    nbformat.write(_fixture(), reference / "01_fixture.ipynb")
    nbformat.write(_fixture(exercises=3), reference / "02_fixture.ipynb")
    assert tool.stale(reference, learner) == [
        "learner/01_fixture.ipynb is missing", "learner/02_fixture.ipynb is missing"
    ]
    tool.write(reference, learner)
    first = {p.name: p.read_bytes() for p in learner.iterdir()}
    assert tool.write(reference, learner) == [] and tool.stale(reference, learner) == []
    assert {p.name: p.read_bytes() for p in learner.iterdir()} == first
    # a changed reference notebook makes its learner notebook stale, and only that one
    nbformat.write(_fixture(exercises=1), reference / "02_fixture.ipynb")
    (learner / "03_gone.ipynb").write_text("{}")
    run = [sys.executable, str(ROOT / "tools" / "make_learner_edition.py"), "--check",
           "--reference", str(reference), "--learner", str(learner)]
    result = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "learner/02_fixture.ipynb is out of date" in result.stderr
    assert "learner/01_fixture" not in result.stderr
    assert "learner/03_gone.ipynb has no reference notebook" in result.stderr
    assert COMMAND in result.stderr
    result = subprocess.run(run[:2] + run[3:], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert subprocess.run(run, capture_output=True, timeout=120).returncode == 0
    assert not (learner / "03_gone.ipynb").exists()


def test_check_passes_on_the_committed_learner_edition():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_learner_edition.py"),
                             "--check"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr


# -- the course's shape, over the reference edition ----------------------------------------------


def test_shape_checks_pass_on_a_notebook_in_the_conventions(bank99):
    ref = _fixture()
    for cell in solution_cells(ref):
        cell.outputs = [nbformat.v4.new_output("stream", text="9 of 9 cases passed.\n"
                                               "All cases passed. Well done!\n")]
    assert exercise_problems(ref) == [] and predict_problems(ref) == []
    assert report_problems(ref) == []


def test_shape_checks_fail_where_a_convention_is_broken(bank99):
    assert exercise_problems(_fixture(exercises=1)) != []
    assert predict_problems(_fixture(card=False)) != []
    assert predict_problems(_fixture(predict="nope")) == [
        "predict('nope') is not in bank 99's predictions"
    ]
    nb = _fixture()
    nb.cells[1].source = "import numpy as np"
    assert any("predictions_for" in p for p in predict_problems(nb))
    failing = _fixture()
    for cell in solution_cells(failing):
        cell.outputs = [nbformat.v4.new_output("stream", text="3 of 9 cases passed.\n")]
    assert len(report_problems(failing)) == 2
    assert len(report_problems(_fixture())) == 2  # not executed: no report at all


@pytest.mark.parametrize("path", COURSE, ids=[p.name for p in COURSE])
def test_every_notebook_but_the_quiz_has_two_graded_exercises(path):
    assert exercise_problems(_read(path)) == []


@pytest.mark.parametrize("path", REFERENCE_PATHS, ids=[p.name for p in REFERENCE_PATHS])
def test_every_predict_is_followed_by_its_card(path):
    """Every notebook, the quiz notebook's section 4 included."""
    assert predict_problems(_read(path)) == []


@pytest.mark.parametrize("path", REFERENCE_PATHS, ids=[p.name for p in REFERENCE_PATHS])
def test_every_reference_solution_passes_all_cases(path):
    assert report_problems(_read(path)) == []


# -- running the learner edition -------------------------------------------------------------------


@pytest.mark.notebooks
def test_a_learner_fixture_runs_clean_and_its_stub_says_not_written_yet(tmp_path, monkeypatch):
    """The stub makes the grader say "not written yet" with no traceback, so the run is
    clean; an error or a warning is caught by the same check the learner edition's run uses.
    (Bank 99 exists only in this test process, so the fixture has no prediction card.)"""
    learner = tool.learner_notebook(_fixture(bank=False))
    done = _executed(learner, tmp_path, monkeypatch)
    assert run_problems(done) == []
    report = output_text(done.cells[6])
    assert "Not written yet" in report and "Traceback" not in report
    ref = _fixture(bank=False)
    ref.cells += [new_code_cell("import warnings\nwarnings.warn('careful')"),
                  new_code_cell("1 / 0")]
    done = _executed(ref, tmp_path, monkeypatch)
    assert "All cases passed" in output_text(done.cells[6])
    problems = run_problems(done)
    assert len(problems) == 2 and "ZeroDivisionError" in problems[1], problems


@pytest.mark.notebooks
@pytest.mark.parametrize("name", [p.name for p in LEARNER_PATHS])
def test_learner_notebook_runs_top_to_bottom_in_a_fresh_kernel(name, tmp_path, monkeypatch):
    folder = tmp_path / "learner"
    shutil.copytree(LEARNER, folder)
    monkeypatch.delenv("MPLBACKEND", raising=False)
    done = _executed(_read(folder / name), folder, monkeypatch)
    assert run_problems(done) == []
