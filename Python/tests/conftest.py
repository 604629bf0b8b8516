"""Shared fixtures: the repository root, the `trajviz` binary, and the test optimizers' file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def trajviz() -> Path:
    """The built `trajviz` (TRAJVIZ_BINARY, else .build/debug/trajviz): scripts/test.sh builds it first."""
    binary = Path(os.environ.get("TRAJVIZ_BINARY", REPOSITORY / ".build" / "debug" / "trajviz"))
    if not binary.is_file():
        pytest.fail(f"no trajviz binary at {binary}: run `swift build --product trajviz` or set TRAJVIZ_BINARY")
    return binary


def run_trajviz(binary: Path, *arguments: str) -> dict[str, Any]:
    """`trajviz trajectory ARGUMENTS` as parsed JSON."""
    completed = subprocess.run([str(binary), "trajectory", *arguments], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def close(a: float, b: float, tolerance: float) -> bool:
    """|a - b| <= tolerance · max(1, |b|), equal infinities and NaNs included."""
    if a == b or (a != a and b != b):
        return True
    return abs(a - b) <= tolerance * max(1.0, abs(b))


@pytest.fixture(scope="session")
def optimizers_file() -> str:
    """The path of the test optimizers, as a `file.py:Class` reference prefix."""
    return str(TESTS / "aliasing_optimizers.py")
