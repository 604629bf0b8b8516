"""The trajectory format's checks name the field, and Swift's output passes them."""
from __future__ import annotations

import copy

import pytest
from conftest import run_trajviz

from trajviz_torch.trajectory_format import FormatError, validate

GOOD = {"function": "f", "optimizer": "o", "start": [0, 0], "steps": 2, "zeroGrad": "none",
        "points": [[0, 0], [1, 1], [2, 2]], "losses": [0, 1, None], "gradients": [[1, "NaN"], [1, 1]]}


def test_a_good_run_and_its_legacy_keys_pass() -> None:
    assert validate(GOOD)["zeroGrad"] == "none"
    legacy = {("zero_grad" if k == "zeroGrad" else k): v for k, v in GOOD.items()}
    assert validate(legacy)["zeroGrad"] == "none"


@pytest.mark.parametrize("change, field", [
    (lambda r: r.pop("points"), "'points' is missing"),
    (lambda r: r["points"][1].append(3), "points[1]"),
    (lambda r: r["points"][1].__setitem__(0, "x"), "points[1][0]"),
    (lambda r: r.__setitem__("losses", [0, 1]), "'losses'"),
    (lambda r: r.__setitem__("gradients", [[1, 1]]), "'gradients'"),
    (lambda r: r.__setitem__("zeroGrad", "sometimes"), "'zeroGrad'"),
    (lambda r: r.__setitem__("steps", 0), "'steps'"),
    (lambda r: r.__setitem__("divergedAtStep", 9), "'divergedAtStep'"),
    (lambda r: r.__setitem__("clipGradNorm", -1), "'clipGradNorm'"),
    (lambda r: r.__setitem__("options", [1]), "'options'"),
])
def test_a_broken_run_names_the_field(change, field: str) -> None:
    run = copy.deepcopy(GOOD)
    change(run)
    with pytest.raises(FormatError, match=None) as caught:
        validate(run)
    assert field in str(caught.value)


@pytest.mark.parametrize("arguments", [
    ("--function", "rosenbrock", "--optimizer", "diffgrad(lr=0.01, clone=false)", "--steps", "20"),
    ("--function", "rosenbrock", "--optimizer", "sgd(lr=1)", "--steps", "50"),
    ("--function", "rastrigin-n", "--dim", "3", "--optimizer", "adam", "--steps", "5", "--param-layout", "split", "--clip-grad-norm", "1"),
])
def test_swift_trajectories_pass_the_python_checks(trajviz, arguments) -> None:
    run = run_trajviz(trajviz, *arguments)
    assert "zero_grad" not in run and "zeroGrad" in run
    validate(run)
