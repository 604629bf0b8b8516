#!/usr/bin/env bash
# Checks a render, a diagnose and a check run for leaks with valgrind's memcheck.
#   Tools/robustness/valgrind.sh            (from the repository root)
# Uses the release build, builds it when missing, and checks a copy without DWARF (valgrind 3.19
# cannot read Swift's DWARF 5; the symbol table stays, so stacks still name functions). Passes when
# every run loses nothing, definitely or indirectly. The full valgrind logs are kept in the printed
# folder. One block per parsed function file is suppressed and counted separately: the empty
# toml::table object (96 bytes) that TOMLKit 0.6.0 allocates and cannot free (see tomlkit.supp).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# TRAJVIZ_BINARY=path checks that build of the tool instead (e.g. an older one, for comparison).
if [ -z "${TRAJVIZ_BINARY:-}" ]; then
    swift build -c release --product trajviz >/dev/null
    TRAJVIZ_BINARY="$(swift build -c release --show-bin-path)/trajviz"
fi
logs="$(mktemp -d)"
tool="$logs/trajviz"
objcopy --strip-debug "$TRAJVIZ_BINARY" "$tool"
work="$logs/work"
mkdir -p "$work"
memcheck() {
    local name="$1"; shift
    valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite \
        --suppressions="$root/Tools/robustness/tomlkit.supp" --num-callers=50 -v \
        --log-file="$logs/$name.log" "$tool" "$@" >/dev/null
}
memcheck render render --function rosenbrock --optimizer "adam(lr=0.05)" --optimizer "diffgrad(lr=0.05)" \
    --steps 100 --size 480x360 --output "$work/map.png"
memcheck diagnose diagnose --function rosenbrock --optimizer "diffgrad(lr=0.01)" --steps 50 --output "$work/diagnose"
cp "$work/map.png" "$work/same.png"
memcheck check check "$work/map.png" "$work/same.png" --report "$work/report"
status=0
for name in render diagnose check; do
    definite="$(grep -E 'definitely lost:' "$logs/$name.log" | sed -E 's/.*definitely lost: ([0-9,]+) bytes.*/\1/' || true)"
    indirect="$(grep -E 'indirectly lost:' "$logs/$name.log" | sed -E 's/.*indirectly lost: ([0-9,]+) bytes.*/\1/' || true)"
    errors="$(grep -E 'ERROR SUMMARY' "$logs/$name.log" | tail -n 1 | sed -E 's/.*ERROR SUMMARY: ([0-9,]+) errors.*/\1/')"
    tomlkit="$(grep -E 'used_suppression:.*tomlkit-table-object' "$logs/$name.log" | sed -E 's/.*suppressed: ([0-9,]+ bytes in [0-9,]+ blocks).*/\1/' || true)"
    # No leak summary at all means every block was freed.
    echo "$name: definitely lost ${definite:-0} bytes, indirectly lost ${indirect:-0} bytes, memcheck errors $errors; suppressed TOMLKit table objects: ${tomlkit:-0 bytes}"
    if [ "${definite:-0}" != 0 ] || [ "${indirect:-0}" != 0 ] || [ "$errors" != 0 ]; then status=1; fi
done
echo "logs: $logs"
exit "$status"
