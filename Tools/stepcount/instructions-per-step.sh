#!/usr/bin/env bash
# Instructions per optimizer step of TrajectoryRunner.summary, counted by callgrind on a release
# build: runs of 20000 and 60000 steps, (I(60000) - I(20000)) / 40000, so that start-up cancels.
#   Tools/stepcount/instructions-per-step.sh rosenbrock "adam(lr=0.001)" ["cosineannealinglr(T_max=100000)"]
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release >/dev/null
tool=$(mktemp)
trap 'rm -f "$tool" "$tool".out' EXIT
objcopy --strip-debug .build/release/StepCount "$tool"  # valgrind 3.19 cannot read Swift 6's DWARF
count() { valgrind --tool=callgrind --callgrind-out-file="$tool".out "$tool" "$1" "${@:2}" 2>&1 | awk '/Collected/ {print $4}'; }
short=$(count 20000 "$@")
long=$(count 60000 "$@")
echo "$* : $(( (long - short) / 40000 )) instructions per step"
