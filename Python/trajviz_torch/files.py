"""Writing output files atomically: a temporary file beside the target, renamed over it, so that
an interrupted run never leaves half a file. A symlink is written through to its target."""
from __future__ import annotations

import os
import tempfile


def write_atomically(path: str, text: str) -> None:
    """Replaces the file at `path` (or the target of the symlink at `path`) with `text`."""
    target = os.path.realpath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        raise OSError(f"{path} is not a regular file; give a file path")
    folder = os.path.dirname(target) or "."
    descriptor, temporary = tempfile.mkstemp(prefix=".trajviz-", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
