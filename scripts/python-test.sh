#!/usr/bin/env bash
# The Python companion's tests (Python/tests, pytest). The virtual environment lives outside the
# checkout, in ${TRAJVIZ_CACHE:-$HOME/.cache/trajviz}/venv: created when missing and reused across
# runs (torch is several GB from PyPI), with torch_optimizer 0.3.0 and pytorch_optimizer 4.1.0
# for the scan and the cross-checks. ./Python is reinstalled into it on every run. The tests that
# compare with Swift run TRAJVIZ_BINARY (default .build/debug/trajviz), which must be built first.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TRAJVIZ_CACHE:-$HOME/.cache/trajviz}/venv"
requirements="torch torch_optimizer==0.3.0 pytorch_optimizer==4.1.0 pytest setuptools"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "scripts/python-test.sh: needs Python 3.11 or newer as $python (set PYTHON=/path/to/python3.11)" >&2
    exit 2
fi
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
if [ "$(cat "$venv/.trajviz-requirements" 2>/dev/null)" != "$requirements" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check $requirements
    echo "$requirements" > "$venv/.trajviz-requirements"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-build-isolation --no-deps --force-reinstall ./Python
export TRAJVIZ_BINARY="${TRAJVIZ_BINARY:-$PWD/.build/debug/trajviz}"
status=0
"$venv/bin/python" -m pytest Python/tests -q -p no:cacheprovider || status=$?
case $status in
    0) ;;
    5) echo "scripts/python-test.sh: pytest collected no tests from Python/tests" >&2; exit 1 ;;
    *) exit "$status" ;;
esac
