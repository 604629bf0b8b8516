#!/usr/bin/env bash
# Set-up and the main job in one command: installs what is missing, builds trajviz in release
# mode, and renders the default gallery (every catalog function by every optimizer) into
# output/gallery. Extra arguments go to `trajviz gallery`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
swift build -c release --product trajviz >&2
exec .build/release/trajviz gallery "$@"
