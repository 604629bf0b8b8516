#!/bin/sh
# Fuzzes ImageDiff's PNG decoding with libFuzzer and AddressSanitizer.
# Usage: Tools/imagediff/fuzz/run.sh [SECONDS]   (default 60), from the repository root.
set -eu
seconds=${1:-60}
build=$(mktemp -d)
sources=$(ls Sources/ImageDiff/*.swift | grep -v -e ReportWriter -e BaselineRecording)
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name ImageDiff \
    -Xcc -fmodule-map-file=Sources/CPNG/module.modulemap -Xcc -fmodule-map-file=Sources/CGD/module.modulemap \
    -Xcc -I/usr/include/libpng16 $sources Tools/imagediff/fuzz/FuzzPNGDecoding.swift -o "$build/fuzz-png"
corpus="$build/corpus"
mkdir -p "$corpus"
cp Tests/ImageDiffTests/Fixtures/corpus/*.png Tests/ImageDiffTests/Fixtures/bad/*.png "$corpus/"
if [ -n "${FUZZ_RUNS:-}" ]; then budget="-runs=$FUZZ_RUNS -seed=1"; else budget="-max_total_time=$seconds"; fi
"$build/fuzz-png" $budget -max_len=65536 -rss_limit_mb=4096 "$corpus"
