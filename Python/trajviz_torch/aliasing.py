"""Which tensors an optimizer keeps share memory with a parameter or its gradient.

Two tensors alias when their untyped storages are the same memory: the tensor itself, a view,
a slice, `p.data` and `p.grad.data` all count, while a copy (`clone()`, `zeros_like`) does not.
Values are never compared, so a state entry that merely equals the gradient is not reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import torch


@dataclass(frozen=True)
class Alias:
    """A state tensor at `key` (a path such as `previous_grad` or `buffers[0]`) sharing storage
    with `target`: `"p.grad"` or `"p"` (the parameter), of parameter number `parameter`."""

    key: str
    target: str
    parameter: int


def state_tensors(value: Any, path: str) -> Iterator[tuple[str, torch.Tensor]]:
    """Every tensor in a state value, with its path, looking into dicts, lists, tuples and sets."""
    if isinstance(value, torch.Tensor):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from state_tensors(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from state_tensors(item, f"{path}[{index}]")
    elif isinstance(value, (set, frozenset)):
        for index, item in enumerate(sorted(value, key=repr)):
            yield from state_tensors(item, f"{path}{{{index}}}")


def _storage(tensor: torch.Tensor) -> tuple[int, int] | None:
    """The start and end address of the tensor's storage; None for a storage of no bytes."""
    storage = tensor.untyped_storage()
    start, size = storage.data_ptr(), storage.nbytes()
    return (start, start + size) if size and start else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _roots(optimizer: torch.optim.Optimizer, prefix: str, parameters: list[torch.Tensor],
           visited: set[int]) -> Iterator[tuple[str, Any, bool]]:
    """Where an optimizer keeps things: its `state` (keyed by parameter or otherwise), its parameter
    groups except `params`, and its own attributes, with those of an optimizer it wraps. The flag
    says whether the parameter objects themselves may appear there (as references, not state)."""
    if id(optimizer) in visited:
        return
    visited.add(id(optimizer))
    for owner, state in optimizer.state.items():
        owner_index = next((i for i, p in enumerate(parameters) if p is owner), None)
        key = f"state[{owner_index}]" if owner_index is not None else f"state[{owner!r}]"
        yield (f"{prefix}{key}" if prefix or len(parameters) > 1 or owner_index is None else ""), state, False
    for number, group in enumerate(optimizer.param_groups):
        yield f"{prefix}param_groups[{number}]", {k: v for k, v in group.items() if k != "params"}, False
    for name, value in vars(optimizer).items():
        if isinstance(value, torch.optim.Optimizer):
            yield from _roots(value, f"{prefix}{name}.", parameters, visited)
        elif name not in ("state", "param_groups", "defaults"):
            yield f"{prefix}{name}", value, True


def aliases(optimizer: torch.optim.Optimizer) -> list[Alias]:
    """The tensors an optimizer keeps that share storage with a parameter or its current `.grad`.

    Searched: see `_roots`. In the optimizer's attributes a parameter object itself is how the
    optimizer refers to it (LBFGS keeps `_params`) and is not reported; a view of it or its
    `.data` is.
    """
    targets: list[tuple[str, int, tuple[int, int]]] = []
    parameters = [p for group in optimizer.param_groups for p in group["params"]]
    for index, parameter in enumerate(parameters):
        for target, tensor in (("p", parameter), ("p.grad", parameter.grad)):
            span = _storage(tensor) if isinstance(tensor, torch.Tensor) else None
            if span is not None:
                targets.append((target, index, span))
    found: list[Alias] = []
    for prefix, state, holds_parameters in _roots(optimizer, "", parameters, set()):
        for key, tensor in state_tensors(state, prefix):
            span = _storage(tensor)
            if span is None or (holds_parameters and any(tensor is p for p in parameters)):
                continue
            for target, index, target_span in targets:
                if _overlaps(span, target_span):
                    found.append(Alias(key=key, target=target, parameter=index))
    return found
