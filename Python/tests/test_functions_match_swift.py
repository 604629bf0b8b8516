"""f and ∇f of every catalog function, every n-dimensional family and expressions that use every
operator and function agree with `trajviz trajectory` to 1e-12 at sample points: the points of
short Swift runs from several starts, where Swift recorded f and the gradient each step received."""
from __future__ import annotations

import tomllib
from importlib import resources

import pytest
import torch
from conftest import close, run_trajviz

from trajviz_torch.functions import builtin_names, resolve

TOLERANCE = 1e-12
FRACTIONS = [(0.2, 0.7), (0.8, 0.3), (0.45, 0.55), (0.9, 0.95)]

EXPRESSIONS = [
    "x^y + 2^x - 3/x + abs(y)*tanh(x) + sqrt(x^2 + 1) - log(y^2 + 1)",
    "tan(x/3) - -x^-2 + exp(-x) * cos(pi*y) / (1 + y^4) + e^(x/5)",
    "-x^2 + 2^3^0.5 * y^3 - (x^2 + y^2)^0.5 + sin(x)^2 + x*y/7 - 4",
    "abs(x - 0.1)^1.5 + (y + 3)^-1 + sqrt(abs(y)) * 1e-3",
]


def starts(name: str) -> list[str]:
    """The function's own start and points spread over its domain, as `--start` values."""
    table = tomllib.loads((resources.files("trajviz_torch") / "functions" / f"{name}.toml").read_text())
    points = [table["start"]]
    if "domain" in table:
        (x0, x1), (y0, y1) = table["domain"]["x"], table["domain"]["y"]
        points += [[x0 + a * (x1 - x0), y0 + b * (y1 - y0)] for a, b in FRACTIONS]
    return [",".join(repr(float(v)) for v in point) for point in points]


def compare(function_argument: str, swift_run: dict, python_function) -> int:
    compared = 0
    for point, loss, gradient in zip(swift_run["points"], swift_run["losses"], swift_run["gradients"]):
        p = torch.tensor(point, dtype=torch.float64, requires_grad=True)
        value = python_function.value(p)
        value.backward()
        assert close(value.item(), loss, TOLERANCE), f"{function_argument} at {point}: f {value.item()!r} vs Swift {loss!r}"
        for index, (a, b) in enumerate(zip(p.grad.tolist(), gradient)):
            assert close(a, b, TOLERANCE), f"{function_argument} at {point}: ∂f/∂x{index} {a!r} vs Swift {b!r}"
        compared += 1
    return compared


@pytest.mark.parametrize("name", builtin_names())
def test_catalog_function_agrees_with_swift(trajviz, name: str) -> None:
    python_function = resolve(name)
    compared = 0
    for start in starts(name):
        swift_run = run_trajviz(trajviz, "--function", name, "--optimizer", "sgd(lr=0.0001)", f"--start={start}", "--steps", "3")
        compared += compare(name, swift_run, python_function)
    assert compared >= 3 * len(starts(name))


@pytest.mark.parametrize("arguments", [("rosenbrock-n", 5, None), ("rastrigin-n", 4, None), ("quadratic-n", 6, 1000.0)])
def test_family_agrees_with_swift(trajviz, arguments) -> None:
    name, dimension, kappa = arguments
    extra = ["--condition-number", str(kappa)] if kappa else []
    python_function = resolve(name, dimension, kappa)
    for start in (python_function.start, [0.3 * (i + 1) - 1 for i in range(dimension)]):
        swift_run = run_trajviz(trajviz, "--function", name, "--dim", str(dimension), *extra, "--optimizer",
                                "sgd(lr=0.0001)", "--start=" + ",".join(map(repr, start)), "--steps", "3")
        assert compare(name, swift_run, python_function) == 3


@pytest.mark.parametrize("text", EXPRESSIONS)
def test_expression_agrees_with_swift(trajviz, text: str) -> None:
    python_function = resolve(text)
    for start in ("1.3,0.7", "2.1,-0.4", "0.6,1.9"):
        swift_run = run_trajviz(trajviz, f"--function={text}", "--optimizer", "sgd(lr=0.0001)", f"--start={start}", "--steps", "3")
        assert compare(text, swift_run, python_function) == 3
