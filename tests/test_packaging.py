"""The three dependency lists (pyproject, environment.yml, binder/) must not drift apart,
and the Binder files must follow repo2docker's rules."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def _normalise(spec: str) -> tuple[str, str]:
    """'ipywidgets >=8.1, <9' -> ('ipywidgets', '<9,>=8.1')."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", spec)
    assert match, f"cannot read dependency {spec!r}"
    name = match.group(1).lower().replace("_", "-")
    parts = sorted(p.strip() for p in match.group(2).replace(" ", "").split(",") if p.strip())
    return name, ",".join(parts)


def _conda_deps(path: Path) -> tuple[dict[str, str], list]:
    env = yaml.safe_load(path.read_text())
    specs, pip = {}, []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip.extend(dep.get("pip", []))
            continue
        name, version = _normalise(dep.replace("=", "==", 1) if re.match(r"^[\w-]+=[^=<>]", dep)
                                   else dep)
        specs[name] = version
    return specs, pip


@pytest.fixture(scope="module")
def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


@pytest.mark.parametrize("env_file", ["environment.yml", "binder/environment.yml"])
def test_conda_environment_matches_pyproject(pyproject, env_file):
    runtime = dict(_normalise(d) for d in pyproject["project"]["dependencies"])
    conda, _ = _conda_deps(ROOT / env_file)
    python = conda.pop("python")
    conda.pop("pip", None)  # the tool that installs convlab itself, not a dependency
    assert conda == runtime, f"{env_file} and pyproject.toml list different runtime dependencies"
    # The pinned Python must satisfy requires-python (">=3.10").
    pinned = tuple(int(n) for n in python.lstrip("=").split("."))
    minimum = tuple(int(n) for n in pyproject["project"]["requires-python"].lstrip(">=").split("."))
    assert pinned >= minimum


def test_binder_and_root_environments_pin_the_same_python():
    root, _ = _conda_deps(ROOT / "environment.yml")
    binder, _ = _conda_deps(ROOT / "binder/environment.yml")
    assert root["python"] == binder["python"]
    assert re.fullmatch(r"==3\.\d+", binder["python"]), "pin python=3.x in binder/environment.yml"


def test_binder_postbuild_installs_convlab_strictly():
    post = ROOT / "binder" / "postBuild"
    text = post.read_text()
    assert text.startswith("#!"), "postBuild needs a shebang line"
    assert "set -euo pipefail" in text
    assert re.search(r"pip install --no-deps -e \.", text)
    assert os.access(post, os.X_OK), "binder/postBuild must be executable"


def test_binder_folder_is_self_sufficient():
    # repo2docker reads only binder/ when it exists; runtime.txt is ignored next to
    # environment.yml, so it must not be there pretending to pin Python.
    assert not (ROOT / "binder" / "runtime.txt").exists()
    assert not (ROOT / "runtime.txt").exists()


def test_ipywidgets_and_ipympl_are_pinned_together(pyproject):
    deps = dict(_normalise(d) for d in pyproject["project"]["dependencies"])
    for name in ("ipywidgets", "ipympl"):
        assert "<" in deps[name], f"{name} needs an upper bound so front and back ends match"


def test_readme_binder_address_lives_in_one_place():
    readme = (ROOT / "README.md").read_text()
    addresses = re.findall(r"https://mybinder\.org/v2/gh/[^\s)\]]+", readme)
    assert len(addresses) == 1, "keep the Binder address in one reference definition"
    assert "urlpath=lab/tree/notebooks/01_" in addresses[0]
    first = sorted((ROOT / "notebooks").glob("*.ipynb"))[0].name
    assert addresses[0].endswith(first), "the badge must open the first notebook"


def test_readme_gives_the_two_setup_commands_that_ci_runs():
    readme = (ROOT / "README.md").read_text()
    launch = re.search(r"<!-- launch -->\s*```\w*\n(.+?)\n```", readme, re.S)
    tests = re.search(r"<!-- test -->\s*```\w*\n(.+?)\n```", readme, re.S)
    assert launch and tests, "README must mark its launch and test commands"
    assert "jupyter lab" in launch.group(1)
    assert "pytest" in tests.group(1)
    ci = (ROOT / ".ci" / "run").read_text()
    assert tests.group(1).strip() in ci, ".ci/run must run exactly the README's test command"
