"""The audit on optimizers written to alias (and their fixes), on torch.optim, and its exit codes."""
from __future__ import annotations

import inspect

import aliasing_optimizers
import pytest
import torch

from trajviz_torch.audit import StepFailure, audit
from trajviz_torch.cli import main
from trajviz_torch.functions import resolve

ROSENBROCK = resolve("rosenbrock")


@pytest.mark.parametrize("name", sorted(aliasing_optimizers.ALIASED))
def test_finds_each_kind_of_alias_from_the_step_that_makes_it(name: str) -> None:
    key, target = aliasing_optimizers.ALIASED[name]
    findings = audit(ROSENBROCK, getattr(aliasing_optimizers, name), {"lr": 1e-3}, steps=5)
    assert {(f.alias.key, f.alias.target) for f in findings} == {(key, target)}
    assert {f.zero_grad for f in findings} == {"inplace", "none"}
    assert all(f.step == 1 for f in findings)


@pytest.mark.parametrize("name", aliasing_optimizers.CLEAN)
def test_the_fixed_versions_are_clean(name: str) -> None:
    assert audit(ROSENBROCK, getattr(aliasing_optimizers, name), {"lr": 1e-3}, steps=5) == []


def torch_optimizers() -> list[str]:
    return sorted(name for name, value in vars(torch.optim).items()
                  if inspect.isclass(value) and issubclass(value, torch.optim.Optimizer)
                  and value is not torch.optim.Optimizer and name != "SparseAdam")


@pytest.mark.parametrize("name", torch_optimizers())
def test_torch_optim_is_clean(name: str) -> None:
    assert audit(ROSENBROCK, getattr(torch.optim, name), {"lr": 1e-3}, steps=5) == []


def test_sparse_adam_cannot_run_on_dense_gradients() -> None:
    with pytest.raises(StepFailure, match="step 1"):
        audit(ROSENBROCK, torch.optim.SparseAdam, {"lr": 1e-3}, steps=2)


def test_exit_codes_and_the_report_line(optimizers_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "--optimizer", f"{optimizers_file}:DiffGradAliased", "--options", '{"lr": 0.01}']) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == ("state 'previous_grad' aliases p.grad from step 1 (zero-grad inplace): "
                        "reads as the current gradient once backward refills p.grad in place")
    assert len(lines) == 2 and "(zero-grad none)" in lines[1]
    assert main(["audit", "--optimizer", f"{optimizers_file}:DiffGradCloned"]) == 0
    assert "clean" in capsys.readouterr().out
    assert main(["audit", "--optimizer", "torch.optim:Adam", "--function", "rastrigin", "--steps", "3"]) == 0


@pytest.mark.parametrize("arguments, reason", [
    (["--optimizer", "torch.optim:NoSuchOptimizer"], "has no class 'NoSuchOptimizer'"),
    (["--optimizer", "no_such_package.optim:Adam"], "cannot load no_such_package.optim"),
    (["--optimizer", "torch.optim.Adam"], "is not an optimizer reference"),
    (["--optimizer", "torch.nn:Linear"], "not a torch.optim.Optimizer subclass"),
    (["--optimizer", "torch.optim:Adam", "--options", "{lr: 1}"], "--options is not JSON"),
    (["--optimizer", "torch.optim:Adam", "--options", '{"lr": -1}'], "cannot build Adam"),
    (["--optimizer", "torch.optim:Adam", "--function", "nosuch"], "unknown function 'nosuch'"),
    (["--optimizer", "FILE:FailsOnTheThirdStep"], "step 3 (zero-grad inplace) raised RuntimeError: no third step"),
])
def test_exit_2_with_the_reason(arguments: list[str], reason: str, optimizers_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = [a.replace("FILE", optimizers_file) for a in arguments]
    assert main(["audit", *arguments]) == 2
    error = capsys.readouterr().err
    assert reason in error and error.count("\n") == 1, error


def test_an_optimizer_file_that_does_not_compile_is_exit_2(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.py"
    broken.write_text("import torch\nclass Broken(torch.optim.Optimizer):\n    x = grad %used in paper but has the bug\n")
    assert main(["audit", "--optimizer", f"{broken}:Broken"]) == 2
    assert "SyntaxError" in capsys.readouterr().err


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["audit"])
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        main(["audit", "--optimizer", "torch.optim:Adam", "--steps", "0"])
    assert caught.value.code == 2


def test_a_diverging_run_is_audited_up_to_its_divergence() -> None:
    assert audit(ROSENBROCK, torch.optim.SGD, {"lr": 1.0}, steps=40) == []
    assert audit(ROSENBROCK, aliasing_optimizers.DiffGradAliased, {"lr": 1e6}, steps=40)


def test_an_optimizer_file_can_import_the_modules_beside_it(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "neighbour_for_the_audit_test.py").write_text("import torch\nSCALE = 1.0\n")
    (tmp_path / "mine.py").write_text(
        "import torch\nfrom neighbour_for_the_audit_test import SCALE\n"
        "class Mine(torch.optim.SGD):\n    pass\n")
    assert main(["audit", "--optimizer", f"{tmp_path / 'mine.py'}:Mine", "--options", '{"lr": 0.001}', "--steps", "2"]) == 0
    assert "clean" in capsys.readouterr().out
