"""Test functions as `trajviz` names them, evaluated with torch ops in float64.

A `--function` argument is taken, in the order of Swift's `FunctionCatalog.resolve`, as:

1. an n-dimensional family (`rosenbrock-n`, `rastrigin-n`, `quadratic-n`, with `dimension`);
2. the path of a definition file, when it ends in `.toml` or names an existing file;
3. `<folder>/<name>.toml` in the folders given (`--functions-dir`), then those of
   `TRAJVIZ_FUNCTIONS` (colon-separated);
4. a name in the built-in catalog: the `Functions/*.toml` files of the repository, shipped as
   package data in `trajviz_torch/functions/` (a test keeps the copies identical);
5. an inline expression in x and y, starting at (-1.5, 1.5).
"""
from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Callable

import torch

from . import expression

INLINE_START = [-1.5, 1.5]
FAMILIES = ("rosenbrock-n", "rastrigin-n", "quadratic-n")
DEFAULT_DIMENSION = 10
DEFAULT_CONDITION_NUMBER = 100.0
ENVIRONMENT_VARIABLE = "TRAJVIZ_FUNCTIONS"


class FunctionError(ValueError):
    """A `--function` argument that names no function, or a definition file that is wrong."""


@dataclass(frozen=True)
class Function:
    """A test function: `value(p)` is f at the 1-d float64 tensor `p`, differentiable by autograd."""

    name: str
    dimension: int
    start: list[float]
    value: Callable[[torch.Tensor], torch.Tensor]


def builtin_names() -> list[str]:
    """The names of the built-in catalog, sorted."""
    folder = resources.files(__package__) / "functions"
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".toml"))


def resolve(argument: str, dimension: int | None = None, condition_number: float | None = None,
            folders: list[str] | None = None) -> Function:
    """The function a `--function` argument names; see the module's documentation for the order."""
    name = argument.strip()
    if name in FAMILIES:
        return family(name, dimension or DEFAULT_DIMENSION, condition_number)
    if dimension not in (None, 2):
        raise FunctionError(f"'{name}' is a function of x and y; a dimension ({dimension}) applies only to {', '.join(FAMILIES)}")
    if condition_number is not None:
        raise FunctionError(f"a condition number applies to quadratic-n only, not '{name}'")
    if name.endswith(".toml") or os.path.isfile(name):
        if not os.path.isfile(name):
            raise FunctionError(f"no function file '{name}'")
        with open(name, "rb") as file:
            return definition(file.read(), source=name)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name):
        for folder in (folders or []) + list(filter(None, os.environ.get(ENVIRONMENT_VARIABLE, "").split(":"))):
            path = os.path.join(folder, name + ".toml")
            if os.path.isfile(path):
                with open(path, "rb") as file:
                    return definition(file.read(), source=path)
        if name in builtin_names():
            text = (resources.files(__package__) / "functions" / f"{name}.toml").read_bytes()
            return definition(text, source=f"{name}.toml")
    try:
        return inline(argument, name=name)
    except expression.ExpressionError as error:
        if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name):
            known = ", ".join(list(FAMILIES) + builtin_names())
            raise FunctionError(f"unknown function '{name}'; give a catalog name ({known}), a .toml file, "
                                "or an expression in x and y") from None
        raise FunctionError(f"expression, column {error.offset + 1}: {error}") from None


def inline(text: str, name: str, start: list[float] | None = None) -> Function:
    """An expression in x and y as a function of a 2-element parameter."""
    tree = expression.parse(text)

    def value(p: torch.Tensor) -> torch.Tensor:
        result = expression.evaluate(tree, [p[0], p[1]])
        return result if isinstance(result, torch.Tensor) else (p * 0).sum() + result

    return Function(name=name, dimension=2, start=list(start or INLINE_START), value=value)


def definition(data: bytes, source: str) -> Function:
    """A function from the text of a definition file (`name`, `expression` and `start` are read)."""
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise FunctionError(f"{source}: not a valid TOML function file ({error})") from None
    for key in ("name", "expression", "start"):
        if key not in table:
            raise FunctionError(f"{source}: missing required key '{key}'")
    start = table["start"]
    if not (isinstance(start, list) and len(start) == 2 and all(isinstance(v, (int, float)) for v in start)):
        raise FunctionError(f"{source}: 'start' must be two numbers, as in start = [-2.0, 2.0]")
    try:
        return inline(str(table["expression"]), name=str(table["name"]), start=[float(v) for v in start])
    except expression.ExpressionError as error:
        raise FunctionError(f"{source}: expression, column {error.offset + 1}: {error}") from None


def family(name: str, dimension: int, condition_number: float | None = None) -> Function:
    """An n-dimensional family, with the start points of Swift's `FunctionFamily`:

    - `rosenbrock-n`: Σ_{i<n} (1 − x_i)² + 100 (x_{i+1} − x_i²)², start (−2, 2, −2, …), n ≥ 2;
    - `rastrigin-n`: 10 n + Σ (x_i² − 10 cos(2π x_i)), start (−2, 3.5, −2, …), n ≥ 1;
    - `quadratic-n`: ½ Σ λ_i x_i², λ_i = κ^((i−1)/(n−1)) (κ default 100), start (1, …, 1), n ≥ 1.
    """
    smallest = 2 if name == "rosenbrock-n" else 1
    if not smallest <= dimension <= 1_000_000:
        raise FunctionError(f"{name} needs a dimension from {smallest} to 1000000, not {dimension}")
    if condition_number is not None and name != "quadratic-n":
        raise FunctionError(f"a condition number applies to quadratic-n only, not {name}")
    alternating = lambda a, b: [a if i % 2 == 0 else b for i in range(dimension)]  # noqa: E731
    if name == "rosenbrock-n":
        def rosenbrock(p: torch.Tensor) -> torch.Tensor:
            a = 1 - p[:-1]
            b = p[1:] - p[:-1] * p[:-1]
            return (a * a + 100 * (b * b)).sum()
        return Function(name, dimension, alternating(-2.0, 2.0), rosenbrock)
    if name == "rastrigin-n":
        def rastrigin(p: torch.Tensor) -> torch.Tensor:
            return 10 * dimension + (p * p - 10 * torch.cos(2 * math.pi * p)).sum()
        return Function(name, dimension, alternating(-2.0, 3.5), rastrigin)
    kappa = DEFAULT_CONDITION_NUMBER if condition_number is None else condition_number
    if not (math.isfinite(kappa) and kappa >= 1):
        raise FunctionError(f"the condition number of quadratic-n must be a finite number >= 1, not {kappa}")
    eigenvalues = torch.tensor(
        [1.0 if dimension == 1 else kappa if i == dimension - 1 else math.pow(kappa, i / (dimension - 1))
         for i in range(dimension)], dtype=torch.float64)

    def quadratic(p: torch.Tensor) -> torch.Tensor:
        return 0.5 * (eigenvalues * (p * p)).sum()
    return Function(name, dimension, [1.0] * dimension, quadratic)
