#!/usr/bin/env bash
# Prints the Python of the venv that drives the browser test of `trajviz check`'s HTML report
# (selenium), creating it under ${TRAJVIZ_CACHE:-$HOME/.cache/trajviz}/browser-venv when missing
# and reusing it otherwise (selenium 4.50.0: 4.52 needs a certifi newer than the index has). The browser itself is Debian's chromium and chromium-driver
# (scripts/system-packages.sh); selenium is told their paths, so it downloads nothing.
set -euo pipefail
venv="${TRAJVIZ_CACHE:-$HOME/.cache/trajviz}/browser-venv"
selenium_version=4.50.0
if ! "$venv/bin/python" -c "import selenium, sys; sys.exit(selenium.__version__ != '$selenium_version')" 2>/dev/null; then
    echo "trajviz: creating $venv (selenium $selenium_version)" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==$selenium_version" >&2
fi
echo "$venv/bin/python"
