#!/usr/bin/env bash
# Checks a render, a diagnose and a check run for leaks with valgrind's memcheck.
#   Tools/robustness/valgrind.sh            (from the repository root)
# Uses the release build (valgrind 3.19 cannot read the DWARF 5 debug info of debug builds);
# builds it when missing. Passes when every run reports "definitely lost: 0 bytes". The full
# valgrind logs are kept in the printed folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
swift build -c release --product trajviz >/dev/null
tool="$(swift build -c release --show-bin-path)/trajviz"
logs="$(mktemp -d)"
work="$logs/work"
mkdir -p "$work"
memcheck() {
    local name="$1"; shift
    valgrind --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite \
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
    errors="$(grep -E 'ERROR SUMMARY' "$logs/$name.log" | sed -E 's/.*ERROR SUMMARY: ([0-9,]+) errors.*/\1/')"
    # No leak summary at all means every block was freed.
    echo "$name: definitely lost ${definite:-0} bytes, indirectly lost ${indirect:-0} bytes, memcheck errors $errors"
    if [ "${definite:-0}" != 0 ]; then status=1; fi
done
echo "logs: $logs"
exit "$status"
