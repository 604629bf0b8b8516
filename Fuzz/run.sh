#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each for a while.
#   Fuzz/run.sh [SECONDS]        (default 20 per harness; exits 1 when a harness reports a finding)
# Coverage instrumentation (libFuzzer's: inline 8-bit counters, PC table, comparison tracing)
# and AddressSanitizer cover all Swift code, the Objectives library included, and TOMLKit's C++ (toml++); each harness's
# main() runs libFuzzer's driver from the toolchain's libclang_rt.fuzzer_no_main. (Not
# -sanitize=fuzzer, which would link libFuzzer's main() into the build-tool plugin's tool too.) Findings (crash-*, leak-*, timeout-*) are
# written to Fuzz/findings/; new inputs go to Fuzz/work/ (ignored), the committed seeds are Fuzz/seeds/.
set -euo pipefail
seconds="${1:-20}"
# FUZZ_RUNS=N runs N inputs per harness from seed 1 instead of a time limit: the same inputs on
# every run, so CI is reproducible (a new finding comes from a longer local run, not from CI's luck).
if [ -n "${FUZZ_RUNS:-}" ]; then budget=(-runs="$FUZZ_RUNS" -seed=1); else budget=(-max_total_time="$seconds"); fi
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
swiftc="$(readlink -f "$(command -v swiftc)")"
FUZZER_NO_MAIN="$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -n 1)"
export FUZZER_NO_MAIN
flags=(-c release -Xswiftc -sanitize=address -Xswiftc -g
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
    -Xcxx -fsanitize=address -Xcxx -fsanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp)
swift build "${flags[@]}" --product FuzzExpression
swift build "${flags[@]}" --product FuzzFunctionFile
swift build "${flags[@]}" --product FuzzDeepNesting
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p findings work/expression work/function-file work/deep-nesting
status=0
for harness in expression function-file deep-nesting; do
    case "$harness" in
        expression) binary="$bin/FuzzExpression"; dict=(-dict=expression.dict) ;;
        # Leak detection is on for the harnesses that read TOML: TOMLDocument frees what TOMLKit allocates and announces
        # to LeakSanitizer the one block per parse TOMLKit cannot free (its empty toml::table).
        function-file) binary="$bin/FuzzFunctionFile"; dict=(-dict=function-file.dict) ;;
        # Two bytes of count, then opening\0middle\0closing: opening x count + middle + closing x count.
        deep-nesting) binary="$bin/FuzzDeepNesting"; dict=(-dict=deep-nesting.dict) ;;
    esac
    options=("${dict[@]}" -max_len=4096 -timeout=10 -rss_limit_mb=4096 -malloc_limit_mb=1024
        -artifact_prefix="findings/$harness-" -print_final_stats=1)
    runs=("${budget[@]}")
    if [ "$harness" = deep-nesting ] && [ -n "${FUZZ_RUNS:-}" ]; then
        # Each input grows to up to 32 KiB of nesting, parsed three ways (milliseconds under ASan):
        # the replay runs FUZZ_DEEP_RUNS of them (default 300, about 20 s), after 50 with leak detection.
        runs=(-runs="${FUZZ_DEEP_RUNS:-300}" -seed=1)
    fi
    if [ "$harness" != expression ] && [ -n "${FUZZ_RUNS:-}" ]; then
        # The one block per parse that TOMLKit cannot free makes every input look unbalanced, so
        # libFuzzer runs a full leak scan after each (about 4 ms): the replay checks leaks on its
        # first FUZZ_LEAK_RUNS inputs (default 2000) and crashes on all of them.
        leak_runs="${FUZZ_LEAK_RUNS:-2000}"
        if [ "$harness" = deep-nesting ]; then leak_runs=50; fi
        echo "== $harness: $leak_runs inputs with leak detection, then ${runs[*]} without"
        "$binary" "work/$harness" "seeds/$harness" -runs="$leak_runs" -seed=1 "${options[@]}" || status=1
        "$binary" "work/$harness" "seeds/$harness" "${runs[@]}" -detect_leaks=0 "${options[@]}" || status=1
        continue
    fi
    echo "== $harness: ${FUZZ_RUNS:-$seconds s}"
    "$binary" "work/$harness" "seeds/$harness" "${budget[@]}" "${options[@]}" || status=1
done
exit "$status"
