"""`record`: run any PyTorch optimizer on a test function and write the trajectory JSON that
`trajviz trajectory` writes, with the optimizer's reference and options.

`previousGradients` is what the optimizer held as its previous gradient when each step began:
the state entry named by `--previous-key`, else the first entry whose name says "prev" and
"grad" (`previous_grad`, `prev_grad`), else none is recorded. At the step that creates the
entry, what it read is recorded as zeros, the value every DiffGrad starts from. A point that is
not finite ends the run at that step (`divergedAtStep`), as in Swift's runner.
"""
from __future__ import annotations

import math
import re
from typing import Any, Callable

import torch

from . import trajectory_format
from .functions import Function
from .optimizer_reference import describe
from .training_loop import TrainingLoop

_PREVIOUS_GRADIENT = re.compile(r"prev.*grad|grad.*prev", re.IGNORECASE)


def previous_gradient_key(state: dict[Any, Any], requested: str | None) -> str | None:
    """The state key that holds the previous gradient, if any."""
    if requested is not None:
        return requested if requested in state else None
    return next((key for key in state if isinstance(key, str) and _PREVIOUS_GRADIENT.search(key)
                 and isinstance(state[key], torch.Tensor)), None)


def record(function: Function, argument: str, reference: str, optimizer_class: Callable[..., torch.optim.Optimizer],
           options: dict[str, Any], start: list[float], steps: int, zero_grad: str = "inplace",
           clip_grad_norm: float | None = None, previous_key: str | None = None) -> dict[str, Any]:
    """The run as a trajectory dictionary (see `trajectory_format`); `argument` is the function
    as the user gave it."""
    loop: TrainingLoop | None = None
    points = [[float(v) for v in start]]
    losses: list[float] = []
    gradients: list[list[float]] = []
    previous: list[list[float] | None] = []
    key: str | None = None
    diverged: int | None = None

    for step in range(1, steps + 1):
        held: list[list[float] | None] = []

        def read_previous() -> None:
            value = loop.state().get(key) if loop is not None and key is not None else None
            held.append(value.detach().reshape(-1).tolist() if isinstance(value, torch.Tensor) else None)

        if loop is None:
            loop, taken = TrainingLoop.started(function, optimizer_class, options, start, zero_grad, clip_grad_norm,
                                               before_step=read_previous)
        else:
            taken = loop.step(before_step=read_previous)
        losses.append(taken.loss)
        gradients.append(taken.gradient.reshape(-1).tolist())
        if key is None:
            key = previous_gradient_key(loop.state(), previous_key)
        previous.append(held[0] if held[0] is not None or key is None else [0.0] * len(start))
        point = taken.point.reshape(-1).tolist()
        if not all(math.isfinite(v) for v in point):
            diverged = step
            gradients.pop()
            previous.pop()
            break
        points.append(point)
    assert loop is not None
    losses = losses[: len(points) - 1] + [loop.loss() if diverged is None else losses[len(points) - 1]]

    run: dict[str, Any] = {
        "function": argument, "optimizer": describe(reference, options), "reference": reference,
        "options": options, "start": [float(v) for v in start], "steps": steps, "zeroGrad": zero_grad,
        "clipGradNorm": clip_grad_norm,
        "points": [[trajectory_format.number(v) for v in row] for row in points],
        "losses": [loss if math.isfinite(loss) else None for loss in losses],
        "gradients": [[trajectory_format.number(v) for v in row] for row in gradients],
    }
    if key is not None and all(row is not None for row in previous):
        run["previousGradients"] = [[trajectory_format.number(v) for v in row] for row in previous]  # type: ignore[union-attr]
    if diverged is not None:
        run["divergedAtStep"] = diverged
    return trajectory_format.validate(run)
