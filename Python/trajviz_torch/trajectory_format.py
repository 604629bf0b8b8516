"""The trajectory JSON of `trajviz trajectory` and of recorded runs, as docs/trajectory-format.md
documents it: written by `to_json`, checked field by field by `validate`.

Numbers that are not finite are written as the strings "NaN", "Infinity" and "-Infinity";
a loss that is not finite is `null`. Keys are camelCase; the snake_case keys of older files
(`zero_grad`, `clip_grad_norm`, `param_layout`) are read too.
"""
from __future__ import annotations

import json
import math
from typing import Any

LEGACY_KEYS = {"zero_grad": "zeroGrad", "clip_grad_norm": "clipGradNorm", "param_layout": "paramLayout"}
NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class FormatError(ValueError):
    """A trajectory that breaks the format; the message names the field."""


def number(value: float) -> float | str:
    """A float as the format writes it."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def to_json(run: dict[str, Any]) -> str:
    """The run as one line of JSON with sorted keys, after `validate`."""
    validate(run)
    return json.dumps(run, sort_keys=True, allow_nan=False) + "\n"


def normalized(run: dict[str, Any]) -> dict[str, Any]:
    """The run with legacy snake_case keys renamed to camelCase."""
    return {LEGACY_KEYS.get(key, key): value for key, value in run.items()}


def _real(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise FormatError(f"field '{field}': expected a number, found {type(value).__name__}")
    if isinstance(value, str):
        if value not in NON_FINITE:
            raise FormatError(f"field '{field}': expected a number or \"NaN\", \"Infinity\", \"-Infinity\", found \"{value}\"")
        return NON_FINITE[value]
    return float(value)


def _series(run: dict[str, Any], key: str, dimension: int, count: int | None) -> None:
    rows = run[key]
    if not isinstance(rows, list):
        raise FormatError(f"field '{key}': expected an array of vectors")
    if count is not None and len(rows) not in (count, count + 1):
        raise FormatError(f"field '{key}': expected {count} vectors (one per step taken), found {len(rows)}")
    for index, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != dimension:
            raise FormatError(f"field '{key}[{index}]': expected {dimension} numbers (the dimension of 'start')")
        for column, value in enumerate(row):
            _real(value, f"{key}[{index}][{column}]")


def validate(run: Any) -> dict[str, Any]:
    """The run with camelCase keys, or `FormatError` naming the first field that is wrong."""
    if not isinstance(run, dict):
        raise FormatError("the trajectory must be a JSON object")
    run = normalized(run)
    for key, kind in (("function", str), ("optimizer", str), ("start", list), ("steps", int), ("zeroGrad", str),
                      ("points", list), ("losses", list), ("gradients", list)):
        if key not in run:
            raise FormatError(f"field '{key}' is missing")
        if not isinstance(run[key], kind) or isinstance(run[key], bool):
            raise FormatError(f"field '{key}': expected {'a string' if kind is str else 'an integer' if kind is int else 'an array'}")
    dimension = len(run["start"])
    if dimension == 0:
        raise FormatError("field 'start': expected at least one coordinate")
    for index, value in enumerate(run["start"]):
        _real(value, f"start[{index}]")
    if run["steps"] < 1:
        raise FormatError("field 'steps': expected an integer >= 1")
    if run["zeroGrad"] not in ("inplace", "none"):
        raise FormatError(f"field 'zeroGrad': expected \"inplace\" or \"none\", found \"{run['zeroGrad']}\"")
    if not 1 <= len(run["points"]) <= run["steps"] + 1:
        raise FormatError(f"field 'points': expected 1 to steps + 1 = {run['steps'] + 1} vectors, found {len(run['points'])}")
    _series(run, "points", dimension, None)
    taken = len(run["points"]) - 1
    if len(run["losses"]) != len(run["points"]):
        raise FormatError(f"field 'losses': expected {len(run['points'])} values (one per point), found {len(run['losses'])}")
    for index, loss in enumerate(run["losses"]):
        if loss is not None:
            _real(loss, f"losses[{index}]")
    _series(run, "gradients", dimension, taken)
    for key in ("previousGradients", "friction"):
        if run.get(key) is not None:
            _series(run, key, dimension, taken)
    clip = run.get("clipGradNorm")
    if clip is not None and not (isinstance(clip, (int, float)) and not isinstance(clip, bool) and clip > 0):
        raise FormatError("field 'clipGradNorm': expected a number > 0 or null")
    if run.get("paramLayout") not in (None, "tensor", "split"):
        raise FormatError("field 'paramLayout': expected \"tensor\" or \"split\"")
    diverged = run.get("divergedAtStep")
    if diverged is not None and (not isinstance(diverged, int) or isinstance(diverged, bool) or not 1 <= diverged <= taken + 1):
        raise FormatError(f"field 'divergedAtStep': expected a step from 1 to {taken + 1} (the step after the last point) or null")
    if diverged is None and taken != run["steps"]:
        raise FormatError(f"field 'points': {taken} steps taken of {run['steps']} without 'divergedAtStep'")
    if "reference" in run and not isinstance(run["reference"], str):
        raise FormatError("field 'reference': expected a string such as \"torch.optim:Adam\"")
    if "options" in run and not isinstance(run["options"], dict):
        raise FormatError("field 'options': expected a JSON object of keyword arguments")
    return run
