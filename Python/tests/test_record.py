"""`record`: what it writes, the previous gradient it reads, closures, and the committed Swift
fixtures (Tests/TrajectoriesTests/Fixtures/recorded) being exactly what it records today.

Set TRAJVIZ_UPDATE_RECORDED=1 to re-record the fixtures from their manifest."""
from __future__ import annotations

import json
import os

import pytest
from conftest import REPOSITORY, run_trajviz

from trajviz_torch.cli import main
from trajviz_torch.functions import resolve
from trajviz_torch.optimizer_reference import load
from trajviz_torch.record import record
from trajviz_torch.trajectory_format import to_json, validate

FIXTURES = REPOSITORY / "Tests" / "TrajectoriesTests" / "Fixtures" / "recorded"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text())


def recorded(optimizers_file: str, name: str, zero_grad: str, steps: int = 6, **keywords) -> dict:
    reference = f"{optimizers_file}:{name}"
    return record(resolve("rosenbrock"), "rosenbrock", reference, load(reference), {"lr": 0.01}, [-2.0, 2.0], steps,
                  zero_grad, **keywords)


def test_an_aliased_previous_gradient_reads_as_the_current_one(optimizers_file: str) -> None:
    run = recorded(optimizers_file, "DiffGradAliased", "inplace")
    assert run["previousGradients"][0] == [0.0, 0.0]
    assert run["previousGradients"][1:] == run["gradients"][1:]


@pytest.mark.parametrize("name, zero_grad", [("DiffGradCloned", "inplace"), ("DiffGradCloned", "none"), ("DiffGradAliased", "none")])
def test_a_copied_or_fresh_previous_gradient_is_the_last_one(optimizers_file: str, name: str, zero_grad: str) -> None:
    run = recorded(optimizers_file, name, zero_grad)
    assert run["previousGradients"][1:] == run["gradients"][:-1]
    assert run["gradients"][1] != run["gradients"][0]


def test_previous_key_names_the_entry_and_none_is_recorded_without_one(optimizers_file: str) -> None:
    run = recorded(optimizers_file, "MomentumKeepingACopy", "inplace", previous_key="last_grad")
    assert run["previousGradients"][1:] == run["gradients"][:-1]
    assert "previousGradients" not in recorded(optimizers_file, "LookaheadKeepingACopy", "inplace")


def test_a_closure_taking_optimizer_is_recorded(tmp_path) -> None:
    output = tmp_path / "lbfgs.json"
    assert main(["record", "--optimizer", "torch.optim:LBFGS", "--options", '{"lr": 0.5, "max_iter": 4}', "--function",
                 "x^2 + 10*y^2", "--start=1,1", "--steps", "5", "--output", str(output)]) == 0
    run = validate(json.loads(output.read_text()))
    assert run["optimizer"] == 'torch.optim:LBFGS(lr=0.5, max_iter=4)' and run["options"] == {"lr": 0.5, "max_iter": 4}
    assert run["gradients"][0] == [2.0, 20.0]
    assert run["losses"][-1] < 1e-3 * run["losses"][0]


def test_a_diverging_run_stops_at_the_step_that_made_the_point_non_finite(tmp_path) -> None:
    output = tmp_path / "sgd.json"
    assert main(["record", "--optimizer", "torch.optim:SGD", "--options", '{"lr": 1.0}', "--function", "rosenbrock",
                 "--steps", "50", "--output", str(output)]) == 0
    run = validate(json.loads(output.read_text()))
    assert run["divergedAtStep"] == len(run["points"])
    assert len(run["gradients"]) == len(run["points"]) - 1


def test_the_record_agrees_with_swift_when_the_optimizer_is_the_same(trajviz, tmp_path) -> None:
    output = tmp_path / "adam.json"
    assert main(["record", "--optimizer", "torch.optim:Adam", "--options", '{"lr": 0.05}', "--function", "rosenbrock",
                 "--steps", "40", "--clip-grad-norm", "10", "--output", str(output)]) == 0
    python_run = json.loads(output.read_text())
    swift_run = run_trajviz(trajviz, "--function", "rosenbrock", "--optimizer", "adam(lr=0.05)", "--steps", "40", "--clip-grad-norm", "10")
    validate(swift_run)
    for key in ("points", "gradients"):
        for a_row, b_row in zip(python_run[key], swift_run[key], strict=True):
            assert all(abs(a - b) <= 1e-9 * max(1, abs(b)) for a, b in zip(a_row, b_row))


@pytest.mark.parametrize("entry", MANIFEST, ids=[entry["file"] for entry in MANIFEST])
def test_the_committed_swift_fixture_is_what_record_writes(entry: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPOSITORY)  # file references are relative to the repository
    run = record(resolve(entry["function"]), entry["function"], entry["reference"], load(entry["reference"]), entry["options"],
                 resolve(entry["function"]).start, entry["steps"], entry["zeroGrad"])
    path = FIXTURES / entry["file"]
    if os.environ.get("TRAJVIZ_UPDATE_RECORDED"):
        path.write_text(to_json(run))
    assert json.loads(path.read_text()) == json.loads(to_json(run)), f"re-record with TRAJVIZ_UPDATE_RECORDED=1: {path}"


def test_functions_come_from_a_folder_a_file_or_an_expression(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "functions"
    folder.mkdir()
    (folder / "bowl.toml").write_text('name = "bowl"\nexpression = "x^2 + 3*y^2"\nstart = [1.0, -1.0]\n')
    for arguments in (["--function", "bowl", "--functions-dir", str(folder)], ["--function", str(folder / "bowl.toml")]):
        output = tmp_path / "run.json"
        assert main(["record", "--optimizer", "torch.optim:SGD", "--options", '{"lr": 0.1}', *arguments, "--steps", "2",
                     "--output", str(output)]) == 0
        run = json.loads(output.read_text())
        assert run["start"] == [1.0, -1.0] and run["gradients"][0] == [2.0, -6.0]
    monkeypatch.setenv("TRAJVIZ_FUNCTIONS", str(folder))
    assert resolve("bowl").start == [1.0, -1.0]
    assert resolve("x^2").start == [-1.5, 1.5]
