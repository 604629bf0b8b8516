#!/usr/bin/env bash
# Set-up and test in one command: installs what is missing, then runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
swift test --parallel 2>&1
