"""Optimizers written for the tests: each kind of state aliasing, and its correct version.

They are small on purpose: the DiffGrad pair follows the published pattern (Adam's moments, a
friction ξ = 1 / (1 + exp(-|g(t-1) - g(t)|)) on the first moment, the step size
lr·√(1 − β2^t) / (1 − β1^t)) and differs only in whether the previous gradient is kept as a
reference or a copy, so that TrajViz's `diffgrad(clone=false)` and `diffgrad` reproduce them.
The others keep a view of the gradient, the parameter's own `.data` as "slow weights" (in
their state or as an attribute), the gradient inside a nested list, or wrap an aliasing
optimizer.
"""
from __future__ import annotations

import math
from typing import Any

import torch
import plain_sgd
from torch.optim import Optimizer


class DiffGradAliased(Optimizer):
    """DiffGrad keeping `state['previous_grad'] = grad`: a reference to p.grad (the published bug)."""

    clone = False

    def __init__(self, params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8) -> None:
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                grad = p.grad
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                    state["previous_grad"] = torch.zeros_like(p)
                state["step"] += 1
                state["exp_avg"].mul_(beta1).add_(grad, alpha=1 - beta1)
                state["exp_avg_sq"].mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                denom = state["exp_avg_sq"].sqrt().add_(group["eps"])
                friction = 1.0 / (1.0 + torch.exp(-abs(state["previous_grad"] - grad)))
                state["previous_grad"] = grad.clone() if self.clone else grad
                step_size = group["lr"] * math.sqrt(1 - beta2 ** state["step"]) / (1 - beta1 ** state["step"])
                p.addcdiv_(state["exp_avg"] * friction, denom, value=-step_size)


class DiffGradCloned(DiffGradAliased):
    """The fix: `state['previous_grad'] = grad.clone()`."""

    clone = True


class MomentumKeepingAView(Optimizer):
    """Heavy-ball momentum that keeps the last gradient as a view `grad.view(-1)` (aliased)."""

    copy = False

    def __init__(self, params, lr: float = 1e-3, momentum: float = 0.9) -> None:
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                flat = p.grad.view(-1)
                state["last_grad"] = flat.clone() if self.copy else flat
                velocity = state.setdefault("velocity", torch.zeros_like(p))
                velocity.mul_(group["momentum"]).add_(p.grad)
                p.add_(velocity, alpha=-group["lr"])


class MomentumKeepingACopy(MomentumKeepingAView):
    """The fix: `grad.view(-1).clone()`."""

    copy = True


class LookaheadKeepingData(Optimizer):
    """Lookahead-style SGD whose "slow weights" are `p.data` itself (aliased: they move with p)."""

    copy = False

    def __init__(self, params, lr: float = 1e-3, k: int = 5, alpha: float = 0.5) -> None:
        super().__init__(params, dict(lr=lr, k=k, alpha=alpha))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["slow"] = p.data.clone() if self.copy else p.data
                state["step"] += 1
                p.add_(p.grad, alpha=-group["lr"])
                if state["step"] % group["k"] == 0:
                    state["slow"].add_(p - state["slow"], alpha=group["alpha"])
                    p.copy_(state["slow"])


class LookaheadKeepingACopy(LookaheadKeepingData):
    """The fix: `p.data.clone()`."""

    copy = True


class HistoryInANestedList(plain_sgd.PlainSGD):
    """SGD that keeps its last gradients in a nested container: `state['history'] = {'grads': [grad]}`."""

    copy = False

    def before_update(self, p: torch.Tensor, state: dict[str, Any]) -> None:
        state["history"] = {"grads": [p.grad.clone() if self.copy else p.grad]}


class HistoryInANestedListCopied(HistoryInANestedList):
    """The fix: the nested list holds `grad.clone()`."""

    copy = True


class FailsOnTheThirdStep(plain_sgd.PlainSGD):
    """An optimizer that raises, for the audit's exit code 2."""

    def before_update(self, p: torch.Tensor, state: dict[str, Any]) -> None:
        state["step"] = state.get("step", 0) + 1
        if state["step"] == 3:
            raise RuntimeError("no third step")


class SlowWeightsAsAnAttribute(plain_sgd.PlainSGD):
    """Keeps `self.slow_weights = [p.data ...]` as an attribute, outside `state` (aliased)."""

    copy = False

    def __init__(self, params, lr: float = 1e-3) -> None:
        super().__init__(params, lr)
        self.slow_weights = [[p.data.clone() if self.copy else p.data for p in group["params"]] for group in self.param_groups]


class SlowWeightsAsAnAttributeCopied(SlowWeightsAsAnAttribute):
    """The fix: `p.data.clone()`."""

    copy = True


class WrapperOfAnAliasingOptimizer(Optimizer):
    """A Lookahead-style wrapper whose inner optimizer keeps `previous_grad = grad`."""

    def __init__(self, params, lr: float = 1e-3) -> None:
        self.inner = DiffGradAliased(params, lr=lr)
        self.param_groups = self.inner.param_groups
        self.state = {}
        self.defaults = self.inner.defaults
        self._optimizer_step_pre_hooks = {}
        self._optimizer_step_post_hooks = {}

    def zero_grad(self, set_to_none: bool = True) -> None:
        self.inner.zero_grad(set_to_none=set_to_none)

    def step(self, closure=None):
        return self.inner.step(closure)


ALIASED = {
    "DiffGradAliased": ("previous_grad", "p.grad"),
    "MomentumKeepingAView": ("last_grad", "p.grad"),
    "LookaheadKeepingData": ("slow", "p"),
    "HistoryInANestedList": ("history.grads[0]", "p.grad"),
    "SlowWeightsAsAnAttribute": ("slow_weights[0][0]", "p"),
    "WrapperOfAnAliasingOptimizer": ("inner.state[0].previous_grad", "p.grad"),
}
"""Each aliased optimizer with the state key and the target the audit must report."""
CLEAN = ("DiffGradCloned", "MomentumKeepingACopy", "LookaheadKeepingACopy", "HistoryInANestedListCopied",
         "SlowWeightsAsAnAttributeCopied")
