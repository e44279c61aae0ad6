"""The contract every notebook's question bank keeps, checked over the whole course.

Each bank's own answers are checked in ``tests/test_quiz_bank_nbNN.py`` (a
:class:`~tests.support.BankContract` subclass per notebook); this file checks what
holds across banks — ids unique in the course, every bank with a contract test,
prompts and explanations everywhere, generated questions that can be answered — and
the ``python -m convlab.quiz digest`` command that writes the banks' hashes.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import re
import subprocess
import sys

import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d
from scipy.signal import correlate as scipy_correlate

from convlab.quiz import (
    NOTEBOOKS,
    ArrayQuestion,
    GeneratedQuestion,
    MultipleChoice,
    NumericQuestion,
    SingleChoice,
    TextQuestion,
    correlation_entry,
    for_notebook,
    output_shape,
    questions_for,
)
from convlab.quiz.authoring import digest_lines
from convlab.quiz.banks import nb07ch

from .support import ROOT, BankContract


@pytest.fixture(autouse=True)
def _no_home_writes(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVLAB_PROGRESS", str(tmp_path / "progress.json"))


def _all_questions():
    return [q for nb in NOTEBOOKS for q in questions_for(nb)]


def test_every_notebook_01_to_08_has_a_bank_module():
    # "07ch": the new notebook 07 (channels), keyed so until 07 → 08 and 08 → 09 are renumbered
    assert sorted(NOTEBOOKS) == sorted([f"{n:02d}" for n in range(1, 9)] + ["07ch"])
    for nb, (_title, build) in NOTEBOOKS.items():
        assert build.__module__ == f"convlab.quiz.banks.nb{nb}", nb


@pytest.mark.parametrize("nb", sorted(NOTEBOOKS))
def test_every_bank_has_a_contract_test(nb):
    module = importlib.import_module(f"tests.test_quiz_bank_nb{nb}")
    contracts = [
        obj for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, BankContract) and obj is not BankContract
    ]
    assert len(contracts) == 1, f"tests/test_quiz_bank_nb{nb}.py needs one BankContract class"
    assert contracts[0].bank.__name__ == f"convlab.quiz.banks.nb{nb}"


def test_question_ids_are_unique_across_the_course_and_name_their_notebook():
    seen = {}
    for nb in NOTEBOOKS:
        for q in questions_for(nb):
            assert q.qid not in seen, f"{q.qid} is in notebook {seen.get(q.qid)} and {nb}"
            assert re.fullmatch(rf"{nb}-[a-z0-9-]+", q.qid), q.qid
            seen[q.qid] = nb


def test_every_question_has_a_prompt_a_hint_and_an_explanation():
    for q in _all_questions():
        assert q.prompt.strip() and q.prompt_html, q.qid
        assert q.hint, q.qid
        assert q.reveal().strip(), q.qid  # generated questions: the instance's worked answer


def test_bank_question_types_fit_the_issue():
    qs = {q.qid: q for q in _all_questions()}
    kinds = {type(q) for q in qs.values()}
    assert {
        SingleChoice,
        MultipleChoice,
        NumericQuestion,
        TextQuestion,
        ArrayQuestion,
        GeneratedQuestion,
    } <= kinds
    assert isinstance(qs["08-q2"], TextQuestion)
    assert isinstance(qs["08-q10"], SingleChoice)
    assert isinstance(qs["01-cells"], SingleChoice)
    assert isinstance(qs["01-full"], ArrayQuestion)


def test_no_plain_answers_in_the_bank_source():
    # Every registered bank: each one's stored answers are hashes written in its own source.
    for nb, (_title, build) in NOTEBOOKS.items():
        source = inspect.getsource(sys.modules[build.__module__])
        for q in build():
            if isinstance(q, GeneratedQuestion):
                continue
            for digest in q._hashes:
                assert len(digest) == 32 and digest in source, (nb, q.qid)


def test_for_notebook_accepts_ints_and_refuses_unknown():
    assert for_notebook(1, progress=None).name == "01"
    assert for_notebook("08", progress=None).name == "08"
    with pytest.raises(ValueError, match=r"available: 01, (\w+, )*08"):
        for_notebook("99", progress=None)


# -- generated questions: every instance can be answered, checked against scipy -------------

def _matrix(text: str) -> np.ndarray:
    return np.array([[int(v) for v in row.split()] for row in text.strip().split("\n")])


def _entry_answer(prompt: str) -> int:
    """out[i, j] recomputed from the prompt's x, h and (i, j) with scipy."""
    m = re.search(r"x =\n(.+?)\n\nh =\n(.+?)\n```", prompt, re.S)
    x, h = _matrix(m[1]), _matrix(m[2])
    i, j = map(int, re.search(r"out\[(\d+), (\d+)\]", prompt).groups())
    flip = "true convolution" in prompt
    out = convolve2d(x, h, "valid") if flip else correlate2d(x, h, "valid")
    return int(out[i, j])


def _shape_answer(prompt: str) -> tuple[int, int]:
    """The output shape recomputed from the prompt by counting window positions."""
    m = re.search(
        r"A (\d+) × (\d+) input .* a (\d+) × (\d+) kernel, stride (\d+) and zero padding (\d+)",
        prompt,
    )
    n0, n1, k0, k1, s, p = map(int, m.groups())
    return tuple(len(range(0, n + 2 * p - k + 1, s)) for n, k in ((n0, k0), (n1, k1)))


def _layer_parameters_answer(prompt: str) -> int:
    """C_out·C_in·k·k + C_out, by building the layer's arrays from the prompt's sizes."""
    m = re.search(r"reads \*\*(\d+)\*\* input channels and has \*\*(\d+)\*\* filters of "
                  r"\*\*(\d+) ×", prompt)
    c_in, c_out, k = map(int, m.groups())
    return np.zeros((c_out, c_in, k, k)).size + np.zeros(c_out).size


def _layer_shape_answer(prompt: str) -> tuple[int, int, int]:
    """(C_out, H', W') from the prompt, by scipy's n-d valid correlation of a padded input."""
    c_in, h, w = map(int, re.search(r"input of shape \((\d+), (\d+), (\d+)\)", prompt).groups())
    c_out, _, k, _ = map(int, re.search(r"weights of shape \((\d+), (\d+), (\d+), (\d+)\)",
                                        prompt).groups())
    p = int(re.search(r"zero padding (\d+)", prompt)[1])
    out = scipy_correlate(np.ones((c_in, h + 2 * p, w + 2 * p)), np.ones((c_in, k, k)), "valid")
    return (c_out, *out.shape[1:])


RECOMPUTE = {
    correlation_entry: _entry_answer,
    output_shape: _shape_answer,
    nb07ch.layer_parameters: _layer_parameters_answer,
    nb07ch.layer_output_shape: _layer_shape_answer,
}


@pytest.mark.parametrize("q", [q for q in _all_questions() if isinstance(q, GeneratedQuestion)],
                         ids=lambda q: q.qid)
def test_generated_questions_produce_answerable_instances(q):
    recompute = RECOMPUTE[q.generator]  # a new generator needs its own independent check here
    for number in range(25):
        q.set_instance(number)
        assert q.prompt.strip() and q.reveal().strip(), (q.qid, number)
        answer = recompute(q.prompt)
        right = " ".join(map(str, answer)) if isinstance(answer, tuple) else str(answer)
        assert q.check(right).correct, (q.qid, number, q.prompt, right)
        wrong = (" ".join(str(a + 1) for a in answer) if isinstance(answer, tuple)
                 else str(answer + 1))
        fb = q.check(wrong)
        assert fb.valid and not fb.correct, (q.qid, number, wrong)


# -- python -m convlab.quiz digest -------------------------------------------------------------

def _sha(qid: str, key: str) -> str:
    """The stored digest, computed here from the documented recipe, not by the package."""
    return hashlib.sha256(f"convlab.quiz/v1|{qid}|{key}".encode()).hexdigest()[:32]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "convlab.quiz", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_digest_command_prints_the_stored_digest_of_a_bank_answer():
    out = _run("digest", "01-length", "9")
    assert out.returncode == 0, out.stderr
    assert out.stdout == f'"{_sha("01-length", "num:9e-0")}",  # 01-length: stored in the bank\n'
    assert _sha("01-length", "num:9e-0") in questions_for("01")[0]._hashes


@pytest.mark.parametrize(
    ("qid", "answer", "key"),
    [
        ("08-box", "1/9", "num:11e-2"),  # decimals=2: 1/9 rounds to 0.11
        ("08-corr2d", "6 8; 12 14", "arr:2x2:6,8,12,14e-0"),
        ("08-q2", "No", "text:no"),
        ("01-cells", "the cells with i + j = k (an anti-diagonal)",
         "choice:the cells with i + j = k (an anti-diagonal)"),
    ],
)
def test_digest_lines_match_the_documented_keys(qid, answer, key):
    (line,) = digest_lines(qid, answer)
    assert line == f'"{_sha(qid, key)}",  # {qid}: stored in the bank'


def test_digest_for_a_new_question_and_its_errors():
    assert digest_lines("09-new", "0.25", kind="numeric", decimals=2) == [
        f'"{_sha("09-new", "num:25e-2")}",  # 09-new: not in a bank yet'
    ]
    assert digest_lines("09-t", "Sobel|the Sobel filter", kind="text") == [
        f'"{_sha("09-t", "text:sobel")}",  # 09-t: not in a bank yet',
        f'"{_sha("09-t", "text:sobel filter")}",  # 09-t: not in a bank yet',
    ]
    assert "near miss" in digest_lines("01-length", "10")[0]
    assert "NOT stored" in digest_lines("01-length", "11")[0]
    with pytest.raises(ValueError, match="--kind"):
        digest_lines("09-x", "5")
    with pytest.raises(ValueError, match="generated"):
        digest_lines("08-gen-shape", "3 3")
    bad = _run("digest", "01-length", "0,9")
    assert bad.returncode == 2 and "use a dot" in bad.stderr and not bad.stdout


def test_the_main_command_dispatches_and_explains():
    assert _run().returncode == 2 and "digest" in _run().stderr
    assert "unknown command" in _run("grade").stderr
    export = _run("export", "--help")
    if importlib.util.find_spec("convlab.quiz.export") is None:
        assert export.returncode == 2 and "convlab.quiz.export is missing" in export.stderr
    else:  # the grader's export command, once it exists, gets the arguments
        assert export.returncode == 0, export.stderr
