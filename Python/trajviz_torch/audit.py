"""`audit`: step an optimizer and report every state tensor that shares storage with a parameter
or its gradient, after every step, in both zero-grad modes (by default Rosenbrock, 20 steps).
A run whose point stops being finite is audited up to that step.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import torch

from .aliasing import Alias, aliases
from .functions import Function
from .optimizer_reference import LoadError
from .training_loop import ZERO_GRAD_MODES, TrainingLoop

CONSEQUENCES = {
    ("p.grad", "inplace"): "reads as the current gradient once backward refills p.grad in place",
    ("p.grad", "none"): "holds p.grad itself; harmless while zero_grad sets it to None, but it reads as the "
                        "current gradient once backward refills p.grad in place (zero_grad(set_to_none=False))",
    ("p", "inplace"): "moves with the parameter: every in-place update of p changes it too, so it never holds an old value",
    ("p", "none"): "moves with the parameter: every in-place update of p changes it too, so it never holds an old value",
}


@dataclass(frozen=True)
class Finding:
    """An alias first seen after step `step` when zeroing gradients with `zero_grad`."""

    alias: Alias
    zero_grad: str
    step: int

    def line(self) -> str:
        """The finding as one line of the report."""
        key = self.alias.key or "(the state itself)"
        target = "the parameter p" if self.alias.target == "p" else "p.grad"
        number = f" of parameter {self.alias.parameter}" if self.alias.parameter else ""
        return (f"state '{key}' aliases {target}{number} from step {self.step} (zero-grad {self.zero_grad}): "
                f"{CONSEQUENCES[(self.alias.target, self.zero_grad)]}")


class StepFailure(RuntimeError):
    """The optimizer raised while it was stepped; the message says which step and why."""


def audit(function: Function, optimizer_class: Callable[..., torch.optim.Optimizer], options: dict[str, Any],
          steps: int = 20, modes: Iterable[str] = ZERO_GRAD_MODES) -> list[Finding]:
    """The aliases found, each with the first step after which it was seen, for every mode."""
    findings: list[Finding] = []
    for mode in modes:
        loop: TrainingLoop | None = None
        seen: set[Alias] = set()
        for step in range(1, steps + 1):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    if loop is None:
                        loop, taken = TrainingLoop.started(function, optimizer_class, options, function.start, mode)
                    else:
                        taken = loop.step()
            except LoadError:
                raise
            except Exception as error:
                raise StepFailure(f"step {step} (zero-grad {mode}) raised {type(error).__name__}: "
                                  f"{' '.join(str(error).split())}") from None
            for alias in aliases(loop.optimizer):
                if alias not in seen:
                    seen.add(alias)
                    findings.append(Finding(alias=alias, zero_grad=mode, step=step))
            if not bool(torch.isfinite(taken.point).all()):
                break
    return findings
