"""Ready to adopt: a licence, a name and a version of its own, JupyterLab only as an extra,
dependency lists that do not drift apart, Binder files that follow repo2docker's rules, and a
set-up (README, .ci/run, pytest's own configuration) that works where users are."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.version import Version

import convlab

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"
#: conda-forge names that stand for a PyPI name
CONDA_ALIASES = {"matplotlib-base": "matplotlib"}


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


def _packages(path: Path) -> dict[str, str]:
    """A conda file's packages under their PyPI names, without python and pip."""
    specs, _ = _conda_deps(path)
    specs.pop("python")
    specs.pop("pip", None)  # the tool that installs convlab itself, not a dependency
    return {CONDA_ALIASES.get(name, name): spec for name, spec in specs.items()}


@pytest.fixture(scope="module")
def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _requirements(specs: list[str]) -> dict[str, Requirement]:
    return {Requirement(s).name.lower(): Requirement(s) for s in specs}


def _lab_environment(pyproject) -> dict[str, Requirement]:
    """What a conda environment for running the course holds: runtime deps + [lab]."""
    project = pyproject["project"]
    return {**_requirements(project["dependencies"]),
            **_requirements(project["optional-dependencies"]["lab"])}


def _readme() -> str:
    return (ROOT / "README.md").read_text()


# -- licence, name, version -----------------------------------------------------------------


def test_licence_is_an_spdx_string_with_its_files(pyproject):
    project = pyproject["project"]
    assert project["license"] == "MIT", "PEP 639: an SPDX expression, not a table"
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), f"license-files names a missing {name}"
    assert "Permission is hereby granted, free of charge" in (ROOT / "LICENSE").read_text()
    content = (ROOT / "LICENSE-content").read_text()
    assert "CC BY 4.0" in content and "creativecommons.org/licenses/by/4.0" in content
    # PEP 639's fields are read by setuptools 77 and later only.
    build = [Requirement(r) for r in pyproject["build-system"]["requires"]]
    setuptools = next(r for r in build if r.name == "setuptools")
    assert Version("76.9") not in setuptools.specifier, "PEP 639 needs setuptools>=77"
    assert Version("77") in setuptools.specifier


def test_readme_states_both_licences():
    readme = _readme()
    assert "MIT" in readme and "CC BY 4.0" in readme
    assert "(LICENSE)" in readme and "(LICENSE-content)" in readme


def test_distribution_has_a_name_of_its_own_and_imports_as_convlab(pyproject):
    # `convlab` on PyPI is an unrelated project; the package is still imported as convlab.
    assert pyproject["project"]["name"] == "convlab-course"
    assert pyproject["tool"]["setuptools"]["packages"]["find"]["include"] == ["convlab*"]
    assert "`convlab-course`" in _readme() and "import convlab" in _readme()


def _changelog_version() -> str:
    text = (ROOT / "CHANGELOG.md").read_text()
    released = re.findall(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert released, "CHANGELOG.md needs a '## [X.Y.Z] - YYYY-MM-DD' heading"
    return released[0][0]


def test_version_is_written_once_and_everything_agrees(pyproject):
    assert "version" not in pyproject["project"], "the version lives in convlab/_version.py"
    assert "version" in pyproject["project"]["dynamic"]
    attr = pyproject["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "convlab._version.__version__"
    written = re.findall(r'^__version__ = "([^"]+)"$',
                         (ROOT / "convlab" / "_version.py").read_text(), re.M)
    assert written == [convlab.__version__]
    assert _changelog_version() == convlab.__version__
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert str(citation["version"]) == convlab.__version__
    # no second copy of the number anywhere in the package
    for path in (ROOT / "convlab").rglob("*.py"):
        if path.name != "_version.py":
            assert "__version__ =" not in path.read_text(), f"{path} sets __version__ again"


def test_citation_file_keeps_cff_1_2_0():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):  # CFF 1.2.0's required keys
        assert citation.get(key), f"CITATION.cff needs {key}"
    for author in citation["authors"]:
        assert author.get("name") or author.get("family-names"), author
    datetime.date.fromisoformat(str(citation["date-released"]))
    assert citation["license"] == "MIT"


# -- dependencies ---------------------------------------------------------------------------


def test_jupyterlab_is_an_extra_not_a_runtime_dependency(pyproject):
    """`pip install convlab-course` adds to an existing Jupyter; it never brings a second Lab."""
    project = pyproject["project"]
    runtime = _requirements(project["dependencies"])
    assert "jupyterlab" not in runtime and "notebook" not in runtime
    assert {"numpy", "scipy", "matplotlib", "ipython", "ipywidgets", "ipympl"} <= set(runtime)
    extras = project["optional-dependencies"]
    assert "jupyterlab" in _requirements(extras["lab"])
    # the test extra includes the lab one: the browser tests run a real JupyterLab
    assert "convlab-course[lab]" in extras["test"]
    assert "jupyter-repo2docker" in _requirements(extras["test"])


def test_runtime_dependencies_are_what_the_notebooks_import(pyproject):
    from .support import code_cells, read_notebook

    imported = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in code_cells(read_notebook(path)):
            imported |= set(re.findall(r"^\s*(?:import|from)\s+(\w+)", cell.source, re.M))
    third_party = {name.lower() for name in imported
                   if name not in sys.stdlib_module_names and name != "convlab"}
    runtime = set(_requirements(pyproject["project"]["dependencies"]))
    assert third_party <= runtime, f"notebooks import {third_party - runtime} undeclared"


@pytest.mark.parametrize("env_file", ["environment.yml", "binder/environment.yml"])
def test_conda_environment_lists_what_pyproject_lists(pyproject, env_file):
    wanted = _lab_environment(pyproject)
    conda = _packages(ROOT / env_file)
    assert set(conda) == set(wanted), f"{env_file} and pyproject.toml list different packages"
    # The pinned Python must satisfy requires-python (">=3.10").
    python = _conda_deps(ROOT / env_file)[0]["python"]
    assert Version(python.lstrip("=")) in Requirement(
        f"python{pyproject['project']['requires-python']}").specifier


def test_root_environment_has_pyprojects_ranges(pyproject):
    wanted = _lab_environment(pyproject)
    for name, spec in _packages(ROOT / "environment.yml").items():
        assert spec == _normalise(str(wanted[name]))[1], f"environment.yml: {name}{spec}"


def test_binder_pins_exact_versions_inside_pyprojects_ranges(pyproject):
    wanted = _lab_environment(pyproject)
    for name, spec in _packages(ROOT / "binder/environment.yml").items():
        assert re.fullmatch(r"==\d+(\.\d+)*", spec), f"binder: pin {name} exactly (==)"
        version = Version(spec[2:])
        assert version in wanted[name].specifier, f"binder's {name}{spec} is outside {wanted[name]}"


@pytest.mark.parametrize("env_file", ["environment.yml", "binder/environment.yml"])
def test_conda_files_use_matplotlib_base(env_file):
    specs, _ = _conda_deps(ROOT / env_file)
    assert "matplotlib-base" in specs and "matplotlib" not in specs, "plain matplotlib pulls Qt"


def test_binder_and_root_environments_pin_the_same_python():
    root, _ = _conda_deps(ROOT / "environment.yml")
    binder, _ = _conda_deps(ROOT / "binder/environment.yml")
    assert root["python"] == binder["python"]
    assert re.fullmatch(r"==3\.\d+", binder["python"]), "pin python=3.x in binder/environment.yml"


def test_ipywidgets_and_ipympl_are_pinned_together(pyproject):
    deps = dict(_normalise(d) for d in pyproject["project"]["dependencies"])
    for name in ("ipywidgets", "ipympl"):
        assert "<" in deps[name], f"{name} needs an upper bound so front and back ends match"


# -- Binder ---------------------------------------------------------------------------------


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


def _binder_address() -> str:
    addresses = re.findall(r"https://mybinder\.org/v2/gh/[^\s)\]]+", _readme())
    assert len(addresses) == 1, "keep the Binder address in one reference definition"
    return addresses[0]


def test_readme_badge_opens_the_learner_editions_notebook_01_in_lab():
    address = _binder_address()
    match = re.fullmatch(r"https://mybinder\.org/v2/gh/[\w.-]+/[\w.-]+/[\w.-]+"
                         r"\?urlpath=lab/tree/(learner/01_\w+\.ipynb)", address)
    assert match, f"the badge must open the learner's notebook 01 in JupyterLab: {address}"
    first = sorted((ROOT / "learner").glob("*.ipynb"))[0]
    assert (ROOT / match.group(1)) == first and first.is_file()
    assert re.search(r"^\[binder\]: https://mybinder", _readme(), re.M), "a reference line"


def _repo2docker() -> str | None:
    beside = Path(sys.executable).with_name("repo2docker")
    return str(beside) if beside.exists() else shutil.which("repo2docker")


@pytest.fixture(scope="module")
def dockerfile() -> str:
    """The Dockerfile repo2docker writes for this repository (no Docker daemon needed)."""
    exe = _repo2docker()
    if exe is None:
        message = "jupyter-repo2docker is not installed: pip install -e '.[test]'"
        if IN_CI:
            pytest.fail(message + " (CI=true, so this is a failure)", pytrace=False)
        pytest.skip(message)
    result = subprocess.run(
        [exe, "--no-build", "--debug", "--user-id", "1000", str(ROOT)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout + result.stderr


def test_repo2docker_builds_the_image_from_binder_environment_and_runs_postbuild(dockerfile):
    assert "Building conda environment for python=3.11" in dockerfile
    assert "COPY --chown=1000:1000 src/binder/environment.yml" in dockerfile
    assert re.search(r'env update -p \$\{NB_PYTHON_PREFIX\} --file "binder/environment\.yml"',
                     dockerfile), "the conda environment comes from binder/environment.yml"
    assert "src/environment.yml" not in dockerfile, "the root environment.yml is not used"
    lines = dockerfile.splitlines()
    copy_repo = lines.index("COPY --chown=1000:1000 src/ ${REPO_DIR}/")
    post = lines.index("RUN ./binder/postBuild")
    assert copy_repo < post, "postBuild runs after the repository is copied in"
    users = [line for line in lines[:post] if line.startswith("USER ")]
    assert users and users[-1] == "USER ${NB_USER}", "postBuild runs as the notebook user"


# -- the two commands, .ci/run and pytest's configuration -----------------------------------


def _commands() -> tuple[str, str]:
    readme = _readme()
    launch = re.search(r"<!-- launch -->\s*```\w*\n(.+?)\n```", readme, re.S)
    tests = re.search(r"<!-- test -->\s*```\w*\n(.+?)\n```", readme, re.S)
    assert launch and tests, "README must mark its launch and test commands"
    return launch.group(1).strip(), tests.group(1).strip()


def test_readme_gives_the_two_setup_commands_that_ci_runs():
    launch, tests = _commands()
    assert "\n" not in launch and "\n" not in tests, "one command each"
    # the launch command installs the [lab] extra (JupyterLab is not a runtime dependency)
    assert 'pip install -e ".[lab]"' in launch
    assert "jupyter lab" in launch and "learner/01_" in launch, "it opens the learner edition"
    assert 'pip install -e ".[test]"' in tests and "pytest" in tests
    notebook = re.search(r"(learner/\S+\.ipynb)", launch).group(1)
    assert (ROOT / notebook).is_file()
    assert notebook == "learner/" + sorted((ROOT / "notebooks").glob("*.ipynb"))[0].name
    ci = (ROOT / ".ci" / "run").read_text()
    assert tests in ci, ".ci/run must run exactly the README's test command"


def test_readme_says_where_the_reference_edition_is_and_how_to_regenerate_the_learners():
    readme = _readme()
    assert "reference edition" in readme and "(`notebooks/`)" in readme
    assert "tools/make_learner_edition.py" in readme and (ROOT / "tools/make_learner_edition.py"
                                                           ).is_file()
    # exactly two commands in fenced blocks before the first section: launch and test
    first_screen = readme.split("\n## ")[0]
    assert first_screen.count("```bash") == 2


def test_the_author_and_test_extras_pin_nbgrader(pyproject):
    extras = pyproject["project"]["optional-dependencies"]
    for extra in ("test", "author"):
        assert str(_requirements(extras[extra])["nbgrader"].specifier) == "==0.9.6", extra


def test_readme_says_how_big_the_install_is_and_where_to_go_next():
    readme = _readme()
    assert re.search(r"download[^.]*\d+ MB", readme) and re.search(r"\d+ MB[^.]*disk", readme)
    assert "(docs/deploy.md)" in readme and (ROOT / "docs" / "deploy.md").is_file()
    assert 'pytest -m "not browser"' in readme
    assert "python -m convlab.quiz export" in readme and "progress.json" in readme


def test_ci_script_passes_debian_frontend_through_sudo_and_keeps_apt_quiet():
    ci = (ROOT / ".ci" / "run").read_text()
    commands = re.split(r"&&|\|\||;|\n", ci.replace("\\\n", " "))
    apt = [c for c in commands if re.search(r"\bapt-get\s+(update|install)\b", c)
           and "say " not in c and not c.strip().startswith("#")]
    assert apt, "no apt-get command found"
    for command in apt:
        assert re.search(r"\benv DEBIAN_FRONTEND=noninteractive\s+apt-get", command), command
    assert '> "$apt_log" 2>&1' in ci and 'tail -n 30 "$apt_log"' in ci
    assert "CONVLAB_CHROMIUM" in ci and "python3-venv" in ci


def _bin_without_apt(tmp_path: Path) -> Path:
    """A PATH with what .ci/run needs, but no apt-get, no sudo and no Chromium."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "id", "mktemp", "rm", "tail", "dirname", "cat", "env"):
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    # the interpreter itself, not a launcher (a pyenv shim needs pyenv on PATH)
    (bin_dir / "python3").symlink_to(os.path.realpath(sys.executable))
    return bin_dir


@pytest.mark.parametrize("ci", ["", "true"])
def test_ci_script_without_apt_skips_the_browser_part_and_fails_only_under_ci(tmp_path, ci):
    env = {"PATH": str(_bin_without_apt(tmp_path)), "HOME": str(tmp_path), "CI": ci}
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run"), "--system-only"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    out = result.stdout + result.stderr
    assert "no Chromium on PATH and no apt-get" in out, out
    assert "CONVLAB_CHROMIUM" in out
    if ci:
        assert result.returncode != 0, out
    else:
        assert result.returncode == 0, out
        assert "skipped" in out


def test_ci_script_honours_convlab_chromium(tmp_path):
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\necho 'Fake Chromium 1.0'\n")
    fake.chmod(0o755)
    env = {"PATH": str(_bin_without_apt(tmp_path)), "HOME": str(tmp_path),
           "CONVLAB_CHROMIUM": str(fake)}
    result = subprocess.run(["bash", str(ROOT / ".ci" / "run"), "--system-only"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Fake Chromium 1.0" in result.stdout
    env["CONVLAB_CHROMIUM"] = str(tmp_path / "missing")
    result = subprocess.run(["bash", str(ROOT / ".ci" / "run"), "--system-only"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "is not an executable file" in result.stdout


def test_pytest_without_nbval_says_what_to_install():
    """Not an argparse error about --nbval-lax: the command that installs the test tools."""
    hide_nbval = ("import sys; sys.modules['nbval'] = None; import pytest; "
                  "sys.exit(pytest.main(['--collect-only', '-q']))")
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    result = subprocess.run([sys.executable, "-c", hide_nbval], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    out = result.stdout + result.stderr
    assert "unrecognized arguments" not in out, out
    assert 'pip install -e ".[test]"' in out and "nbval" in out, out
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, out


def _collected(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode in (0, 5), result.stdout[-3000:] + result.stderr[-3000:]
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_markers_select_the_browser_tests_and_the_notebooks():
    notebook = "notebooks/01_outer_product_diagonals.ipynb"
    unit = "tests/test_packaging.py"
    notebooks = _collected("-m", "notebooks", notebook, unit)
    assert notebooks and all(item.startswith(notebook + "::") for item in notebooks)
    rest = _collected("-m", "not notebooks", notebook, unit)
    assert rest and not any(item.startswith(notebook) for item in rest)
    browser = _collected("-m", "browser", "tests/browser", unit)
    assert browser and all(item.startswith("tests/browser/") for item in browser)
    fast = _collected("-m", "not browser", "tests/browser", unit)
    assert fast and not any(item.startswith("tests/browser/") for item in fast)
