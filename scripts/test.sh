#!/usr/bin/env bash
# Set-up and test in one command: installs what is missing, runs the whole test suite,
# re-renders the README's images and compares them with the committed ones, then replays a fixed
# fuzz run (seed 1, 20000 inputs each) over the parser, the function-file loader, deep nesting in both, and PNG decoding.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
swift test --parallel 2>&1
swift build --product trajviz >&2
bash scripts/python-test.sh
.build/debug/trajviz gallery --scenes output/readme/scenes.json --check --report .build/scene-check
# trajviz check: a user's package snapshot-tests PNGs with TrajVizSnapshotTesting; sharing .build reuses
# the modules built above (about 25 s instead of about 2 min for its own scratch folder),
# and the HTML report is driven in headless chromium (selenium in a cached venv).
swift test --package-path Examples/SnapshotTestingExample --scratch-path .build 2>&1
"$(bash scripts/browser-venv.sh)" Tools/imagediff/browser/report_in_browser.py .build/debug/trajviz .build/browser-report
FUZZ_RUNS="${FUZZ_RUNS:-20000}" bash Fuzz/run.sh
FUZZ_RUNS="${FUZZ_RUNS:-20000}" sh Tools/imagediff/fuzz/run.sh
