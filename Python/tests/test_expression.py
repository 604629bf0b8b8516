"""The expression language's grouping and errors, as in Swift's parser."""
import math

import pytest
import torch

from trajviz_torch import expression


def value(text: str, x: float = 0.0, y: float = 0.0) -> float:
    result = expression.evaluate(expression.parse(text), [torch.tensor(x, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)])
    return float(result)


@pytest.mark.parametrize("text, expected", [
    ("2^3^2", 512.0), ("-2^2", -4.0), ("2^-1", 0.5), ("1 - 2 - 3", -4.0), ("8 / 4 / 2", 1.0),
    ("--3", 3.0), ("+x", 1.5), ("2*pi", 2 * math.pi), ("e", math.e), ("log(0)", -math.inf), ("1e-3 * 1E+3", 1.0),
])
def test_grouping_and_constants(text: str, expected: float) -> None:
    assert value(text, x=1.5) == expected


@pytest.mark.parametrize("text, fragment", [
    ("", "empty expression"), ("x +", "end of input"), ("(x", "unbalanced '('"), ("x)", "unbalanced ')'"),
    ("2 x", "multiplication needs '*'"), ("x ** 2", "use '^'"), ("sinn(x)", "unknown name 'sinn'"), ("sin x", "needs an argument"),
    ("x × y", "unexpected character"), ("(" * 300 + "x" + ")" * 300, "nested too deeply"), ("-" * 300 + "x", "nested too deeply"),
])
def test_errors_name_the_fault(text: str, fragment: str) -> None:
    with pytest.raises(expression.ExpressionError, match=None) as caught:
        expression.parse(text)
    assert fragment in str(caught.value)
