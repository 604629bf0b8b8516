"""The command line: `python -m trajviz_torch record | audit | scan`.

Exit codes: 0 success (and, for `audit`, a clean optimizer); 1 when `audit` finds an alias;
2 on a usage error or an optimizer that cannot be loaded or stepped, with a one-line reason.
"""
from __future__ import annotations

import argparse
import math
import sys
from typing import Callable, Sequence

from . import audit as auditing
from . import record as recording
from . import scan as scanning
from .files import write_atomically
from .functions import FunctionError, resolve
from .optimizer_reference import LoadError, load, parse_options
from .trajectory_format import FormatError, to_json
from .training_loop import ZERO_GRAD_MODES

PROGRAM = "python -m trajviz_torch"


class UsageError(ValueError):
    """A bad argument; reported on one line with exit code 2."""


def _vector(text: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated numbers such as -2,2 (got '{text}')") from None
    if not all(math.isfinite(v) for v in values):
        raise argparse.ArgumentTypeError(f"expected finite numbers (got '{text}')")
    return values


def _number(convert: Callable[[str], float], valid: Callable[[float], bool], expectation: str) -> Callable[[str], float]:
    """An argparse type: `convert`, then `valid`, else an error that says what was expected."""
    def parse(text: str) -> float:
        try:
            value = convert(text)
        except ValueError:
            value = math.nan
        if not valid(value):
            raise argparse.ArgumentTypeError(f"expected {expectation} (got '{text}')")
        return value
    return parse


_positive_int = _number(int, lambda v: 1 <= v <= 1_000_000, "an integer from 1 to 1000000")
_positive_real = _number(float, lambda v: math.isfinite(v) and v > 0, "a finite number > 0")


def _function_arguments(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument("--optimizer", required=True, metavar="REF",
                        help="the class: path/to/file.py:ClassName or package.module:ClassName (torch.optim:Adam)")
    parser.add_argument("--options", metavar="JSON", help='keyword arguments as a JSON object: {"lr": 0.01, "betas": [0.9, 0.99]}')
    parser.add_argument("--function", required=default is None, default=default, metavar="F",
                        help="a catalog name (rosenbrock), a definition file (my.toml), an n-dimensional family "
                             "(rosenbrock-n) or an expression in x and y" + (f" (default: {default})" if default else ""))
    parser.add_argument("--dim", type=_positive_int, help="the dimension of rosenbrock-n, rastrigin-n or quadratic-n")
    parser.add_argument("--condition-number", type=float, help="the condition number of quadratic-n (default 100)")
    parser.add_argument("--functions-dir", action="append", default=[], metavar="DIR",
                        help="a folder of definition files, searched before the built-in catalog (repeatable; also TRAJVIZ_FUNCTIONS)")


def parser() -> argparse.ArgumentParser:
    """The argument parser of all three commands."""
    root = argparse.ArgumentParser(prog=PROGRAM, description="Record PyTorch optimizers for TrajViz and audit them for aliasing.")
    commands = root.add_subparsers(dest="command", required=True, metavar="{record,audit,scan}")

    record = commands.add_parser("record", help="run an optimizer and write the trajectory JSON of `trajviz trajectory`",
                                 description="Run a PyTorch optimizer on a test function with PyTorch's own training loop "
                                             "and write the trajectory JSON that `trajviz trajectory` writes.",
                                 epilog=f"example: {PROGRAM} record --optimizer torch.optim:Adam --options '{{\"lr\": 0.05}}' "
                                        "--function rosenbrock --steps 300 --output adam.json")
    _function_arguments(record, None)
    record.add_argument("--start", type=_vector, help="the start point, comma-separated (--start=-2,2); default: the function's")
    record.add_argument("--steps", type=_positive_int, required=True, help="optimizer steps (1...1000000)")
    record.add_argument("--zero-grad", choices=ZERO_GRAD_MODES, default="inplace",
                        help="inplace: zero_grad(set_to_none=False), one buffer refilled every step; none: a new one (default: inplace)")
    record.add_argument("--clip-grad-norm", type=_positive_real, metavar="C", help="clip the gradient's L2 norm to C (clip_grad_norm_)")
    record.add_argument("--previous-key", metavar="KEY", help="the state key of the previous gradient (default: one named prev...grad)")
    record.add_argument("--output", required=True, metavar="FILE", help="the JSON file to write (atomically)")

    audit = commands.add_parser("audit", help="check whether optimizer state shares storage with parameters or gradients",
                                description="Step an optimizer (both zero-grad modes) and report every state tensor that shares "
                                            "storage with a parameter or its .grad. Exit 0 clean, 1 aliasing, 2 error.",
                                epilog=f"example: {PROGRAM} audit --optimizer my_optimizers.py:DiffGrad")
    _function_arguments(audit, "rosenbrock")
    audit.add_argument("--steps", type=_positive_int, default=20, help="steps per zero-grad mode (default: 20)")

    scan = commands.add_parser("scan", help="audit every optimizer class of installed packages",
                               description="Audit every optimizer class of the named installed packages and write the table "
                                           "as Markdown and JSON.",
                               epilog=f"example: {PROGRAM} scan --packages torch.optim,torch_optimizer --markdown scan.md --json scan.json")
    scan.add_argument("--packages", default=",".join(scanning.DEFAULT_PACKAGES),
                      help=f"comma-separated modules (default: {','.join(scanning.DEFAULT_PACKAGES)})")
    scan.add_argument("--markdown", default="optimizer-scan.md", metavar="FILE", help="the Markdown table (default: optimizer-scan.md)")
    scan.add_argument("--json", default="optimizer-scan.json", metavar="FILE", help="the JSON table (default: optimizer-scan.json)")
    return root


def _run(arguments: argparse.Namespace) -> int:
    if arguments.command == "scan":
        packages = [name.strip() for name in arguments.packages.split(",") if name.strip()]
        try:
            table = scanning.scan(packages)
        except ImportError as error:
            raise UsageError(f"--packages: cannot import {error.name or error}: install it or leave it out") from None
        scanning.write(table, arguments.markdown, arguments.json)
        print(f"{arguments.markdown}\n{arguments.json}")
        return 0
    function = resolve(arguments.function, arguments.dim, arguments.condition_number, arguments.functions_dir)
    cls = load(arguments.optimizer)
    options = parse_options(arguments.options)
    if arguments.command == "record":
        start = arguments.start or function.start
        if len(start) != function.dimension:
            raise UsageError(f"--start has {len(start)} coordinates but {function.name} has {function.dimension} variables")
        run = recording.record(function, arguments.function, arguments.optimizer, cls, options, start, arguments.steps,
                               arguments.zero_grad, arguments.clip_grad_norm, arguments.previous_key)
        write_atomically(arguments.output, to_json(run))
        print(arguments.output)
        return 0
    findings = auditing.audit(function, cls, options, steps=arguments.steps)
    for finding in findings:
        print(finding.line())
    if not findings:
        print(f"{arguments.optimizer}: clean (no state tensor shares storage with a parameter or its gradient "
              f"in {arguments.steps} steps, zero-grad inplace and none)")
    return 1 if findings else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs a command; returns the exit code."""
    arguments = parser().parse_args(argv)
    try:
        return _run(arguments)
    except (UsageError, FunctionError, LoadError, FormatError, auditing.StepFailure, OSError) as error:
        print(f"{PROGRAM} {arguments.command}: error: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # an optimizer's step may raise anything: report it on one line
        print(f"{PROGRAM} {arguments.command}: error: {type(error).__name__}: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
