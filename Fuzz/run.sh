#!/usr/bin/env bash
# Builds the libFuzzer harnesses and runs each for a while.
#   Fuzz/run.sh [SECONDS]        (default 60 per harness; HARNESSES="expression" picks some)
# Coverage instrumentation (libFuzzer's: inline 8-bit counters, PC table, comparison tracing)
# and AddressSanitizer cover all Swift code, the Objectives library included; each harness's
# main() runs libFuzzer's driver from the toolchain's libclang_rt.fuzzer_no_main. (Not
# -sanitize=fuzzer, which would link libFuzzer's main() into the build-tool plugin's tool too.) Findings (crash-*, leak-*, timeout-*) are
# written to Fuzz/findings/; the corpora grow in place under Fuzz/corpus/.
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
swiftc="$(readlink -f "$(command -v swiftc)")"
FUZZER_NO_MAIN="$(ls "$(dirname "$swiftc")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -n 1)"
export FUZZER_NO_MAIN
flags=(-c release -Xswiftc -sanitize=address -Xswiftc -g
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp)
swift build "${flags[@]}" --product FuzzExpression
swift build "${flags[@]}" --product FuzzFunctionFile
bin="$(swift build "${flags[@]}" --show-bin-path)"
mkdir -p findings work/expression work/function-file
for harness in ${HARNESSES:-expression function-file}; do
    case "$harness" in
        expression) binary="$bin/FuzzExpression"; dict=(-dict=expression.dict) ;;
        # TOMLKit 0.6.0 never frees a parsed table (TOMLTable has no deinit), the error it
        # allocates, or the keys it lists, so LeakSanitizer would stop this harness at its first
        # input and again at exit: leaks are off here (both checks), and reported separately.
        function-file) binary="$bin/FuzzFunctionFile"; dict=(-dict=function-file.dict -detect_leaks=0) ;;
    esac
    echo "== $harness: $seconds s"
    leaks=1
    [ "$harness" = function-file ] && leaks=0
    ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$binary" "work/$harness" "seeds/$harness" "${dict[@]}" -max_total_time="$seconds" -max_len=4096 \
        -timeout=10 -rss_limit_mb=4096 -artifact_prefix="findings/$harness-" -print_final_stats=1
done
