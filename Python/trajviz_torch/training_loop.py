"""PyTorch's training loop on a test function, one step at a time, as `trajviz` runs it::

    optimizer.zero_grad(set_to_none=(zero_grad == "none"))
    loss = f(p); loss.backward()               # autograd fills p.grad: in place, or a new tensor
    clip_grad_norm_([p], C)                    # when a clip norm is given
    optimizer.step()

The point is one float64 parameter tensor of n elements. An optimizer with a `train()` method
(the schedule-free family) is put in training mode first.

Some optimizers need the loop in another form, which `TrainingLoop.started` finds by the first
step: the plain loop first; then with a closure that runs the first three lines, passed to
`step` (LBFGS, SAM: the loss and gradient recorded are those of the closure's first call); then
with `backward(create_graph=True)` (AdaHessian, Sophia: Hessian-vector products); then both; and
all of these again with the point as a 1×n matrix (Muon and others take matrices only). An
optimizer whose `step` requires a closure gets one from the start.
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

    def __init__(self, function: Function, optimizer_class: Callable[..., torch.optim.Optimizer], options: dict[str, Any],
                 start: list[float], zero_grad: str = "inplace", clip_grad_norm: float | None = None,
                 closure: bool = False, create_graph: bool = False, matrix: bool = False) -> None:
        self.function = function
        self.parameter = torch.tensor([start] if matrix else start, dtype=torch.float64, requires_grad=True)
        self.optimizer = build(optimizer_class, [self.parameter], options)
        if callable(getattr(self.optimizer, "train", None)):
            self.optimizer.train()
        self.set_to_none = zero_grad == "none"
        self.clip_grad_norm = clip_grad_norm
        self.takes_closure = closure or needs_closure(self.optimizer)
        self.create_graph = create_graph

    @classmethod
    def started(cls, function: Function, optimizer_class: Callable[..., torch.optim.Optimizer], options: dict[str, Any],
                start: list[float], zero_grad: str = "inplace", clip_grad_norm: float | None = None,
                before_step: Callable[[], None] | None = None) -> tuple["TrainingLoop", StepRecord]:
        """A loop that has taken its first step, in the first form of the loop (see the module's
        documentation) whose first step does not raise; the plain form's exception otherwise."""
        first_error: Exception | None = None
        for matrix in (False, True):
            for closure, create_graph in ((False, False), (True, False), (False, True), (True, True)):
                try:
                    loop = cls(function, optimizer_class, options, start, zero_grad, clip_grad_norm, closure, create_graph, matrix)
                except LoadError as refused:
                    first_error = first_error or refused
                    break
                try:
                    return loop, loop.step(before_step)
                except Exception as error:  # the optimizer's own exception, of any type
                    first_error = first_error or error
        assert first_error is not None
        raise first_error

    @torch.enable_grad()
    def _backward(self) -> torch.Tensor:
        """zero_grad, f, backward and clipping; with gradients on even inside a step run under no_grad."""
        self.optimizer.zero_grad(set_to_none=self.set_to_none)
        loss = self.function.value(self.parameter.reshape(-1))
        loss.backward(create_graph=self.create_graph)
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
        if not received:
            raise RuntimeError("the optimizer's step never called its closure")
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
