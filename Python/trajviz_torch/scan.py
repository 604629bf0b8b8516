"""`scan`: the audit over every optimizer class of installed packages, as a Markdown and a JSON
table (class, package version, clean / aliases KEY / could not run: why).

Each class is built with its defaults (with `lr=1e-3` added when it has no default learning
rate) and audited on Rosenbrock for 20 steps in both zero-grad modes. A wrapper whose first
argument is an `optimizer` instance (Lookahead) wraps `torch.optim.Adam(lr=1e-3)`; one that takes
a `base_optimizer` class (SAM) gets `torch.optim.SGD`.
"""
from __future__ import annotations

import datetime
import importlib
import importlib.metadata
import inspect
import json
import platform
from dataclasses import asdict, dataclass
from typing import Any, Callable

import torch

from .audit import StepFailure, audit
from .files import write_atomically
from .functions import resolve
from .optimizer_reference import LoadError, build

DEFAULT_PACKAGES = ("torch.optim", "torch_optimizer", "pytorch_optimizer")


@dataclass
class Row:
    """One class: `status` is `clean`, `aliases` (with `keys`) or `could not run` (with `reason`)."""

    package: str
    name: str
    version: str
    status: str
    keys: list[str]
    reason: str


def version_of(package: str) -> str:
    """The installed version of the distribution that provides `package`."""
    distribution = {"torch.optim": "torch"}.get(package, package.split(".")[0])
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return getattr(importlib.import_module(package.split(".")[0]), "__version__", "unknown")


def optimizer_classes(package: str) -> list[tuple[str, type[torch.optim.Optimizer]]]:
    """The optimizer classes a package exports, by the first name each is exported under."""
    module = importlib.import_module(package)
    found: dict[type, str] = {}
    for name, value in sorted(vars(module).items()):
        if (inspect.isclass(value) and issubclass(value, torch.optim.Optimizer) and value is not torch.optim.Optimizer
                and not name.startswith("_") and value not in found):
            found[value] = name
    return sorted(((name, cls) for cls, name in found.items()), key=lambda item: item[0].lower())


def factory(cls: type[torch.optim.Optimizer]) -> tuple[Callable[..., torch.optim.Optimizer], str]:
    """How to build the class over a list of parameters, and a note on what it wraps."""
    try:
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    except (TypeError, ValueError):
        return cls, ""
    names = [parameter.name for parameter in parameters]

    def over_adam(params: list[torch.Tensor], **options: Any) -> torch.optim.Optimizer:
        return cls(torch.optim.Adam(params, lr=1e-3), **options)

    def over_sgd(params: list[torch.Tensor], **options: Any) -> torch.optim.Optimizer:
        return cls(params, base_optimizer=torch.optim.SGD, **options)

    over_adam.__name__ = over_sgd.__name__ = cls.__name__
    if names and names[0] == "optimizer":
        return over_adam, " (over torch.optim.Adam)"
    if "base_optimizer" in names:
        return over_sgd, " (over torch.optim.SGD)"
    return cls, ""


def audit_class(package: str, name: str, cls: type[torch.optim.Optimizer], version: str) -> Row:
    """The audit of one class, never raising."""
    rosenbrock = resolve("rosenbrock")
    make, note = factory(cls)
    options: dict[str, Any] = {}
    try:
        build(make, [torch.zeros(2, dtype=torch.float64, requires_grad=True)], options)
    except LoadError:
        options = {"lr": 1e-3}
    try:
        findings = audit(rosenbrock, make, options)
    except (LoadError, StepFailure) as error:
        return Row(package, name, version, "could not run", [], str(error))
    keys = sorted({f"{f.alias.key} → {f.alias.target}" for f in findings})
    return Row(package, name + note, version, "aliases" if keys else "clean", keys, "")


def scan(packages: list[str]) -> dict[str, Any]:
    """The table for `packages`, with the date and the versions it was made with."""
    versions = {package: version_of(package) for package in packages}
    rows = [audit_class(package, name, cls, versions[package])
            for package in packages for name, cls in optimizer_classes(package)]
    return {"date": datetime.date.today().isoformat(), "python": platform.python_version(),
            "torch": torch.__version__, "versions": versions, "rows": [asdict(row) for row in rows]}


def markdown(table: dict[str, Any]) -> str:
    """The table as Markdown, with a one-line count per package."""
    versions = ", ".join(f"{package} {version}" for package, version in table["versions"].items())
    lines = [f"# Optimizer aliasing scan, {table['date']}", "",
             f"Made by `python -m trajviz_torch scan` with {versions} (Python {table['python']}): each class built "
             "with its defaults (`lr=1e-3` where it has none), stepped 20 times on Rosenbrock in both zero-grad "
             "modes (up to the step where a diverging run's point stops being finite), and every tensor it keeps (its "
             "state, parameter groups and attributes, and a wrapped optimizer's) compared by storage with the "
             "parameter and `p.grad` after every step.", ""]
    for package in table["versions"]:
        rows = [row for row in table["rows"] if row["package"] == package]
        counts = {status: sum(row["status"] == status for row in rows) for status in ("clean", "aliases", "could not run")}
        lines.append(f"- {package}: {len(rows)} classes, {counts['clean']} clean, {counts['aliases']} aliasing, "
                     f"{counts['could not run']} could not run")
    lines += ["", "| package | class | version | result |", "| --- | --- | --- | --- |"]
    for row in table["rows"]:
        result = {"clean": "clean", "aliases": "aliases " + "; ".join(f"`{key}`" for key in row["keys"]),
                  "could not run": "could not run: " + row["reason"].replace("|", "\\|")}[row["status"]]
        lines.append(f"| {row['package']} | {row['name']} | {row['version']} | {result} |")
    return "\n".join(lines) + "\n"


def write(table: dict[str, Any], markdown_path: str, json_path: str) -> None:
    """Both forms of the table, each written atomically."""
    write_atomically(markdown_path, markdown(table))
    write_atomically(json_path, json.dumps(table, indent=1, ensure_ascii=False) + "\n")
