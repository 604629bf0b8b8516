"""The training loop finds the form an optimizer needs: a closure, create_graph, a matrix."""
from __future__ import annotations

import loop_form_optimizers
import pytest
import torch

from trajviz_torch.audit import audit
from trajviz_torch.functions import resolve
from trajviz_torch.record import record
from trajviz_torch.training_loop import TrainingLoop

QUADRATIC = resolve("x^2 + 10*y^2")


@pytest.mark.parametrize("name, closure, create_graph, matrix", [
    ("SGDThatNeedsAClosure", True, False, False),
    ("NewtonOnTheDiagonal", False, True, False),
    ("SGDOnMatricesOnly", False, False, True),
])
def test_each_optimizer_gets_the_form_it_needs(name: str, closure: bool, create_graph: bool, matrix: bool) -> None:
    cls = getattr(loop_form_optimizers, name)
    loop, first = TrainingLoop.started(QUADRATIC, cls, {"lr": 0.01}, [1.0, 1.0])
    assert (loop.takes_closure, loop.create_graph, loop.parameter.dim() == 2) == (closure, create_graph, matrix)
    assert first.gradient.tolist() == [2.0, 20.0]
    run = record(QUADRATIC, "x^2 + 10*y^2", name, cls, {"lr": 0.01}, [1.0, 1.0], 20)
    assert run["losses"][-1] < run["losses"][0]
    assert audit(QUADRATIC, cls, {"lr": 0.01}, steps=3) == []


def test_the_plain_form_is_kept_when_it_works() -> None:
    loop, _ = TrainingLoop.started(QUADRATIC, torch.optim.Adam, {"lr": 0.01}, [1.0, 1.0])
    assert (loop.takes_closure, loop.create_graph, loop.parameter.dim()) == (False, False, 1)
