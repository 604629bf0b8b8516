"""Finding an optimizer class by reference and building it.

A reference is `path/to/file.py:ClassName` (the file is imported as a module of its own) or
`package.module:ClassName` (imported from the installed packages), e.g. `torch.optim:Adam`.
Options are the constructor's keyword arguments as a JSON object, e.g.
`{"lr": 0.01, "betas": [0.9, 0.99]}`.
"""
from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import os
import sys
from typing import Any, Callable

import torch


class LoadError(ValueError):
    """An optimizer that cannot be found, loaded or built; the message says why."""


def load(reference: str) -> type[torch.optim.Optimizer]:
    """The class a reference names; raises `LoadError` with the reason."""
    location, separator, name = reference.rpartition(":")
    if not separator or not location or not name:
        raise LoadError(f"'{reference}' is not an optimizer reference: write path/to/file.py:ClassName "
                              "or package.module:ClassName (e.g. torch.optim:Adam)")
    try:
        module = _module_from_file(location) if location.endswith(".py") else importlib.import_module(location)
    except LoadError:
        raise
    except Exception as error:  # an optimizer file may fail in any way; report it, never crash
        raise LoadError(f"cannot load {location}: {type(error).__name__}: {_one_line(error)}") from None
    found = getattr(module, name, None)
    if found is None:
        raise LoadError(f"{location} has no class '{name}'")
    if not (inspect.isclass(found) and issubclass(found, torch.optim.Optimizer)):
        raise LoadError(f"{reference} is not a torch.optim.Optimizer subclass")
    return found


def _module_from_file(path: str) -> Any:
    """The file imported as a module; its folder goes first on the import path, as for a script,
    so that it can import the modules beside it."""
    if not os.path.isfile(path):
        raise LoadError(f"no optimizer file '{path}'")
    module_name = "trajviz_user_" + os.path.splitext(os.path.basename(path))[0].replace("-", "_")
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise LoadError(f"cannot import '{path}' as Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    spec.loader.exec_module(module)
    return module


def parse_options(text: str | None) -> dict[str, Any]:
    """The keyword arguments given as a JSON object (none when `text` is None)."""
    if text is None:
        return {}
    try:
        options = json.loads(text)
    except json.JSONDecodeError as error:
        raise LoadError(f"--options is not JSON ({error.msg} at column {error.colno}); "
                              'write an object such as {"lr": 0.01, "betas": [0.9, 0.99]}') from None
    if not isinstance(options, dict):
        raise LoadError('--options must be a JSON object, such as {"lr": 0.01}')
    return options


def build(cls: Callable[..., torch.optim.Optimizer], parameters: list[torch.Tensor], options: dict[str, Any]) -> torch.optim.Optimizer:
    """An instance over `parameters` from a class (or a function that builds one); lists in
    `options` become tuples, as PyTorch's betas are."""
    arguments = {key: tuple(value) if isinstance(value, list) else value for key, value in options.items()}
    try:
        return cls(parameters, **arguments)
    except Exception as error:
        name = getattr(cls, "__name__", "the optimizer")
        raise LoadError(f"cannot build {name}: {type(error).__name__}: {_one_line(error)}") from None


def needs_closure(optimizer: torch.optim.Optimizer) -> bool:
    """Whether `step` requires a closure (LBFGS, SAM), rather than merely accepting one."""
    try:
        parameter = inspect.signature(optimizer.step).parameters.get("closure")
    except (TypeError, ValueError):
        return False
    return parameter is not None and parameter.default is inspect.Parameter.empty


def describe(reference: str, options: dict[str, Any]) -> str:
    """The reference with its options, as a legend shows it: `torch.optim:Adam(lr=0.01)`, or
    `diffgrad.py:DiffGrad(lr=0.01)` for a file (its folder left out)."""
    location, _, name = reference.rpartition(":")
    shown = f"{os.path.basename(location)}:{name}" if location.endswith(".py") else reference
    listed = ", ".join(f"{key}={json.dumps(value)}" for key, value in options.items())
    return f"{shown}({listed})" if listed else shown


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    if isinstance(error, SyntaxError) and error.lineno:
        text = f"{error.msg} ({os.path.basename(error.filename or '')}:{error.lineno})"
    return text
