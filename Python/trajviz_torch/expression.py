"""The expression language of `trajviz`, parsed as Swift's `ExpressionParser` parses it and
evaluated with torch ops in float64, so that `backward()` gives the gradient.

Grammar, loosest first (`^` is right-associative and binds tighter than unary minus, so
`-x^2 = -(x^2)` and `x^-2 = x^(-2)`)::

    sum     = product (("+" | "-") product)*
    product = unary (("*" | "/") unary)*
    unary   = "-" unary | "+" unary | power
    power   = primary ("^" unary)?
    primary = number | "x" | "y" | "pi" | "e" | function "(" sum ")" | "(" sum ")"

Constant subtrees fold to Python floats (computed with torch's float64 kernels, so that `log(0)`
is `-inf` rather than an exception); an operation with a variable operand is a torch op with the
constant as a Python scalar, which is what makes `c / x` PyTorch's `reciprocal(x) * c` and `x^2`
its `pow(x, 2)`, as the Swift side documents.
"""
from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from typing import Callable, Union

import torch

MAXIMUM_HEIGHT = 200
"""Trees higher than this are refused, as in Swift (`ExpressionParser.maximumHeight`)."""

FUNCTIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "sin": torch.sin, "cos": torch.cos, "tan": torch.tan, "exp": torch.exp,
    "log": torch.log, "sqrt": torch.sqrt, "abs": torch.abs, "tanh": torch.tanh,
}
CONSTANTS = {"pi": math.pi, "e": 2.718281828459045}
VARIABLES = {"x": 0, "y": 1}

Value = Union[float, torch.Tensor]


class ExpressionError(ValueError):
    """A fault in the text of an expression, with the character offset where it is."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Node:
    """A syntax tree node: `op` is `number`, `variable`, `negate`, a binary operator
    (`+ - * / ^`) or a function name; `value` holds a number or a variable's index."""

    op: str
    children: tuple["Node", ...] = ()
    value: float = 0.0

    @property
    def height(self) -> int:
        return 1 + max((child.height for child in self.children), default=0)


_TOKEN = re.compile(
    r"\s*(?:(?P<number>(?:\d[\d.]*|\.\d[\d.]*)(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<symbol>[-+*/^(),]))")


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if not match:
            offset = len(text[position:]) - len(text[position:].lstrip()) + position
            raise ExpressionError(f"unexpected character '{text[offset]}'", offset)
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind), match.start(kind)))
        position = match.end()
    tokens.append(("end", "", len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.position = 0
        self.nesting = 0

    def _enter(self, offset: int) -> None:
        """Counts one more open parenthesis or call; refuses more than `MAXIMUM_HEIGHT`."""
        self.nesting += 1
        if self.nesting > MAXIMUM_HEIGHT:
            raise ExpressionError(f"expression is nested too deeply (more than {MAXIMUM_HEIGHT} levels)", offset)

    @property
    def current(self) -> tuple[str, str, int]:
        return self.tokens[self.position]

    def _is(self, symbol: str) -> bool:
        return self.current[0] == "symbol" and self.current[1] == symbol

    def _checked(self, node: Node) -> Node:
        if node.height > MAXIMUM_HEIGHT:
            raise ExpressionError(f"expression is nested too deeply (more than {MAXIMUM_HEIGHT} levels)", self.current[2])
        return node

    def parse(self) -> Node:
        if self.current[0] == "end":
            raise ExpressionError("empty expression: write a function of x and y, such as x^2 + y^2", 0)
        tree = self.sum()
        kind, text, offset = self.current
        if kind != "end":
            hint = "unbalanced ')': no '(' to close" if text == ")" else f"expected an operator before '{text}' (multiplication needs '*')"
            raise ExpressionError(hint, offset)
        return tree

    def _left_associative(self, operators: str, operand: Callable[[], Node]) -> Node:
        """operand (op operand)*, grouped from the left."""
        left = operand()
        while self.current[0] == "symbol" and self.current[1] in operators:
            op = self.current[1]
            self.position += 1
            if op == "*" and self._is("*"):
                raise ExpressionError("unexpected '*': use '^' for powers, as in x^2", self.current[2])
            left = self._checked(Node(op, (left, operand())))
        return left

    def sum(self) -> Node:
        return self._left_associative("+-", self.product)

    def product(self) -> Node:
        return self._left_associative("*/", self.unary)

    def unary(self, depth: int = 0) -> Node:
        if not (self._is("-") or self._is("+")):
            return self.power()
        if depth >= MAXIMUM_HEIGHT:
            raise ExpressionError(f"expression is nested too deeply (more than {MAXIMUM_HEIGHT} levels)", self.current[2])
        sign = self.current[1]
        self.position += 1
        operand = self.unary(depth + 1)
        return operand if sign == "+" else self._checked(Node("negate", (operand,)))

    def power(self) -> Node:
        base = self.primary()
        if not self._is("^"):
            return base
        self.position += 1
        return self._checked(Node("^", (base, self.unary())))

    def primary(self) -> Node:
        kind, text, offset = self.current
        self.position += 1
        if kind == "number":
            try:
                value = float(text)
            except ValueError:
                raise ExpressionError(f"malformed number '{text}'", offset) from None
            return Node("number", value=value)
        if kind == "name":
            return self.name(text, offset)
        if kind == "symbol" and text == "(":
            self._enter(offset)
            inner = self.sum()
            self._close(offset)
            return inner
        if kind == "end":
            raise ExpressionError("expected an operand, found end of input", offset)
        raise ExpressionError(f"unexpected '{text}': expected a number, x, y, a constant, a function or '('", offset)

    def _close(self, open_offset: int) -> None:
        if not self._is(")"):
            raise ExpressionError("unbalanced '(': missing ')'", open_offset)
        self.position += 1
        self.nesting -= 1

    def name(self, text: str, offset: int) -> Node:
        if text in FUNCTIONS:
            if not self._is("("):
                raise ExpressionError(f"function '{text}' needs an argument in parentheses, as in {text}(x)", offset)
            self.position += 1
            self._enter(offset)
            argument = self.sum()
            self._close(offset)
            return self._checked(Node(text, (argument,)))
        if text in VARIABLES:
            return Node("variable", value=VARIABLES[text])
        if text in CONSTANTS:
            return Node("number", value=CONSTANTS[text])
        raise ExpressionError(f"unknown name '{text}'; the variables are x and y, the constants pi and e, "
                              f"the functions {', '.join(FUNCTIONS)}", offset)


def parse(text: str) -> Node:
    """The syntax tree of `text`; raises `ExpressionError` naming the fault and its offset.

    Each level of nesting costs the recursive descent six Python frames, so the interpreter's
    recursion limit is raised to hold `MAXIMUM_HEIGHT` levels for the duration of the parse."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * MAXIMUM_HEIGHT + 1000))
    try:
        return _Parser(text).parse()
    finally:
        sys.setrecursionlimit(limit)


def _fold(op: str, *operands: float) -> float:
    """A constant operation in IEEE float64 through torch's kernels (never raises)."""
    tensors = [torch.tensor(value, dtype=torch.float64) for value in operands]
    return float(_apply(op, *tensors))


def _apply(op: str, *operands: Value) -> Value:
    if op == "negate":
        return -operands[0]
    if op in FUNCTIONS:
        return FUNCTIONS[op](operands[0])  # type: ignore[arg-type]
    left, right = operands
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if op == "/":
        return left / right
    return torch.pow(left, right)  # type: ignore[arg-type]


def evaluate(node: Node, coordinates: list[torch.Tensor]) -> Value:
    """f at the point whose coordinates (x, y) are 0-d float64 tensors: a tensor when f depends
    on them, else a float."""
    if node.op == "number":
        return node.value
    if node.op == "variable":
        return coordinates[int(node.value)]
    operands = [evaluate(child, coordinates) for child in node.children]
    if all(isinstance(operand, float) for operand in operands):
        return _fold(node.op, *operands)  # type: ignore[arg-type]
    return _apply(node.op, *operands)
