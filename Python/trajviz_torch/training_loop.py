"""PyTorch's training loop on a test function, one step at a time, as `trajviz` runs it::

    optimizer.zero_grad(set_to_none=(zero_grad == "none"))
    loss = f(p); loss.backward()               # autograd fills p.grad: in place, or a new tensor
    clip_grad_norm_([p], C)                    # when a clip norm is given
    optimizer.step()

The point is one float64 parameter tensor of n elements; an optimizer that refuses a vector
(Muon takes matrices only) gets it as a 1×n matrix instead. Optimizers whose `step` requires a
closure (LBFGS, SAM) get one that runs the first three lines; the loss and gradient recorded for
such a step are those of the closure's first call.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import torch

from .functions import Function
from .optimizer_reference import LoadError, build, needs_closure

ZERO_GRAD_MODES = ("inplace", "none")


@dataclass
class StepRecord:
    """What one step received and where it went."""

    loss: float
    """f at the point before the step."""
    gradient: torch.Tensor
    """p.grad as the step received it (after clipping), copied."""
    point: torch.Tensor
    """The point after the step, copied."""


class TrainingLoop:
    """An optimizer over one parameter that starts at `start`, stepped by `step()`."""

    def __init__(self, function: Function, optimizer_class: type[torch.optim.Optimizer], options: dict[str, Any],
                 start: list[float], zero_grad: str = "inplace", clip_grad_norm: float | None = None) -> None:
        self.function = function
        self.parameter = torch.tensor(start, dtype=torch.float64, requires_grad=True)
        try:
            self.optimizer = build(optimizer_class, [self.parameter], options)
        except LoadError as refused:
            self.parameter = torch.tensor([start], dtype=torch.float64, requires_grad=True)
            try:
                self.optimizer = build(optimizer_class, [self.parameter], options)
            except LoadError:
                raise refused from None
        self.set_to_none = zero_grad == "none"
        self.clip_grad_norm = clip_grad_norm
        self.takes_closure = needs_closure(self.optimizer)

    def _backward(self) -> torch.Tensor:
        self.optimizer.zero_grad(set_to_none=self.set_to_none)
        loss = self.function.value(self.parameter.reshape(-1))
        loss.backward()
        if self.clip_grad_norm is not None:
            torch.nn.utils.clip_grad_norm_([self.parameter], self.clip_grad_norm)
        return loss

    def step(self, before_step: Callable[[], None] | None = None) -> StepRecord:
        """One pass of the loop; `before_step` runs just before `optimizer.step()` (after the
        backward pass, except for closure-taking optimizers). The optimizer's exceptions propagate."""
        received: list[tuple[float, torch.Tensor]] = []

        def closure() -> torch.Tensor:
            loss = self._backward()
            if not received:
                received.append((loss.item(), self._gradient()))
            return loss

        if not self.takes_closure:
            closure()
        if before_step is not None:
            before_step()
        if self.takes_closure:
            self.optimizer.step(closure)
        else:
            self.optimizer.step()
        loss, gradient = received[0]
        return StepRecord(loss=loss, gradient=gradient.reshape(-1), point=self.parameter.detach().reshape(-1).clone())

    def _gradient(self) -> torch.Tensor:
        grad = self.parameter.grad
        return torch.zeros_like(self.parameter.detach()) if grad is None else grad.detach().clone()

    def loss(self) -> float:
        """f at the current point."""
        with torch.no_grad():
            return float(self.function.value(self.parameter.reshape(-1)))

    def state(self) -> dict[Any, Any]:
        """The optimizer's state for the parameter (empty before the first step)."""
        return self.optimizer.state.get(self.parameter, {})
