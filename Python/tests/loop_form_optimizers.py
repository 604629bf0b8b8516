"""Optimizers that need another form of the training loop, for `TrainingLoop.started`."""
from __future__ import annotations

from typing import Any

import torch
import plain_sgd
from torch.optim import Optimizer


class SGDThatNeedsAClosure(plain_sgd.PlainSGD):
    """Gradient descent whose `step(closure=None)` still needs the closure (as AliG's does), and
    calls it under no_grad."""

    @torch.no_grad()
    def step(self, closure=None):
        if closure is None:
            raise RuntimeError("this optimizer requires a closure")
        loss = closure()
        super().step()
        return loss


class NewtonOnTheDiagonal(Optimizer):
    """Divides the gradient by |diag H| + 1, from a Hessian-vector product: needs create_graph=True."""

    def __init__(self, params, lr: float = 0.1) -> None:
        super().__init__(params, dict(lr=lr))

    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                probe = torch.ones_like(p)
                (hessian_probe,) = torch.autograd.grad(p.grad, p, grad_outputs=probe)
                with torch.no_grad():
                    p.sub_(group["lr"] * p.grad / (hessian_probe.abs() + 1))


class SGDOnMatricesOnly(plain_sgd.PlainSGD):
    """Gradient descent that refuses parameters that are not matrices, at its first step."""

    def before_update(self, p: torch.Tensor, state: dict[str, Any]) -> None:
        if p.dim() != 2:
            raise ValueError("only 2D parameters")
