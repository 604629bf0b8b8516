"""Plain gradient descent for the test optimizers to build on."""
from __future__ import annotations

from typing import Any

import torch
from torch.optim import Optimizer


class PlainSGD(Optimizer):
    """p ← p − lr·g, after `before_update(p, state)`, which subclasses use to keep or check something."""

    def __init__(self, params, lr: float = 1e-3) -> None:
        super().__init__(params, dict(lr=lr))

    def before_update(self, p: torch.Tensor, state: dict[str, Any]) -> None:
        """Runs for each parameter before its update; nothing here."""

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                self.before_update(p, self.state[p])
                p.add_(p.grad, alpha=-group["lr"])
