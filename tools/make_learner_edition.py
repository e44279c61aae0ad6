"""Write the learner edition (learner/) from the reference edition (notebooks/).

The reference edition is the course as committed: executed, every checked number in place,
the exercises' solutions written out between nbgrader's markers.  The learner edition is what
a learner opens: the same notebooks with

* every solution region replaced by a stub (nbgrader's own ``ClearSolutions``: the lines
  between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` become ``# YOUR CODE HERE`` /
  ``raise NotImplementedError()``, which the grader reports as "not written yet");
* no outputs, no execution counts (nbgrader's ``ClearOutput``), no widget state and no
  execution timing;
* each markdown cell tagged ``answer`` behind a click,
  ``<details><summary>Answer</summary> … </details>``;
* the ``# NBVAL_…`` markers taken out of code cells (they tell the test suite which outputs
  to compare; a learner edition has none).

The quiz notebook (09) goes through the same steps: its section 4 is an exercise too.

    python tools/make_learner_edition.py            # write learner/NN_*.ipynb
    python tools/make_learner_edition.py --check    # exit 1, naming the stale files

The same reference edition always gives the same bytes.  nbgrader's preprocessors are used
through nbconvert with no course database and no nbgrader configuration: ``ClearSolutions``
and ``ClearOutput`` only read the notebook in front of them.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "notebooks"
LEARNER = ROOT / "learner"
COMMAND = "python tools/make_learner_edition.py"

ANSWER_TAG = "answer"
DETAILS_OPEN = "<details><summary>Answer</summary>"
DETAILS_CLOSE = "</details>"
_NBVAL_LINE = re.compile(r"^\s*# NBVAL_[A-Z_]+\s*$")


def _preprocessors():
    """nbconvert preprocessors: nbgrader's two, then ours."""
    from nbconvert.preprocessors import Preprocessor

    class AnswersBehindAClick(Preprocessor):
        """Markdown cells tagged ``answer`` go inside ``<details>``."""

        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type == "markdown" and ANSWER_TAG in cell.metadata.get("tags", []):
                text = cell.source.strip("\n")
                if not text.startswith(DETAILS_OPEN):  # not already behind a click
                    cell.source = f"{DETAILS_OPEN}\n\n{text}\n\n{DETAILS_CLOSE}"
            return cell, resources

    class Tidy(Preprocessor):
        """What nbgrader's preprocessors leave: widget state, timing, nbval markers."""

        def preprocess(self, nb, resources):
            nb.metadata.pop("widgets", None)
            return super().preprocess(nb, resources)

        def preprocess_cell(self, cell, resources, index):
            cell.metadata.pop("execution", None)
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
                lines = cell.source.split("\n")
                cell.source = "\n".join(x for x in lines if not _NBVAL_LINE.match(x))
            return cell, resources

    return AnswersBehindAClick, Tidy


def learner_notebook(nb):
    """The learner edition of one reference notebook (a new node; ``nb`` is not changed).

    Parameters
    ----------
    nb : nbformat.NotebookNode
        A reference notebook.

    Raises
    ------
    RuntimeError
        From nbgrader, when a solution region is not closed, is nested, or sits in a cell
        without nbgrader's ``solution`` metadata.
    """
    return nbformat.reads(_export(nb), as_version=4)


def _export(nb) -> str:
    """Run the preprocessors through nbconvert's notebook exporter; the file's text."""
    from nbconvert.exporters import NotebookExporter
    from nbgrader.preprocessors import ClearOutput, ClearSolutions

    answers, tidy = _preprocessors()
    exporter = NotebookExporter()
    chain = [ClearSolutions(enforce_metadata=True), answers(), ClearOutput(), tidy()]
    for preprocessor in chain:
        exporter.register_preprocessor(preprocessor, enabled=True)
    text, _ = exporter.from_notebook_node(copy.deepcopy(nb), resources={})
    nbformat.validate(nbformat.reads(text, as_version=4))
    return text if text.endswith("\n") else text + "\n"


def render(path: Path) -> str:
    """The learner edition of the reference notebook at ``path``, as the file's text."""
    nb = nbformat.read(path, as_version=4)
    return _export(nb)


def plan(reference: Path = REFERENCE, learner: Path = LEARNER) -> tuple[dict, list[Path]]:
    """``({learner path: text}, [learner files with no reference notebook])``."""
    wanted = {learner / p.name: render(p) for p in sorted(reference.glob("*.ipynb"))}
    orphans = [p for p in sorted(learner.glob("*.ipynb")) if p not in wanted]
    return wanted, orphans


def stale(reference: Path = REFERENCE, learner: Path = LEARNER) -> list[str]:
    """The learner files that differ from a fresh regeneration (missing and orphan included)."""
    wanted, orphans = plan(reference, learner)
    out = []
    for path, text in wanted.items():
        if not path.is_file():
            out.append(f"{path.relative_to(learner.parent)} is missing")
        elif path.read_text(encoding="utf-8") != text:
            out.append(f"{path.relative_to(learner.parent)} is out of date")
    out += [f"{p.relative_to(learner.parent)} has no reference notebook" for p in orphans]
    return out


def write(reference: Path = REFERENCE, learner: Path = LEARNER) -> list[Path]:
    """Write the learner edition; return the files written or changed."""
    wanted, orphans = plan(reference, learner)
    learner.mkdir(parents=True, exist_ok=True)
    changed = []
    for path, text in wanted.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in orphans:
        path.unlink()
        changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if learner/ is stale"
    )
    parser.add_argument("--reference", type=Path, default=REFERENCE, help=argparse.SUPPRESS)
    parser.add_argument("--learner", type=Path, default=LEARNER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.check:
        problems = stale(args.reference, args.learner)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"the learner edition is stale: run {COMMAND}", file=sys.stderr)
            return 1
        print("the learner edition is up to date")
        return 0
    changed = write(args.reference, args.learner)
    for path in changed:
        shown = path.relative_to(args.learner.parent)
        print(f"wrote {shown}" if path.exists() else f"removed {shown}")
    print(f"learner edition: {len(changed)} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
