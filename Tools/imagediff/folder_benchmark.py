#!/usr/bin/env python3
"""Folder mode of `trajviz check` against ImageMagick `compare -metric AE`, side by side.

    python3 Tools/imagediff/folder_benchmark.py [--pairs 200] [--repeat 3] [--trajviz .build/release/trajviz]

Makes PAIRS pairs of 1000x1000 PNGs under .build/folder-benchmark/PAIRS/ (once; reused): the committed
benchmark pair (Benchmarks/Benchmarks/ImageCompare/Resources: a contour map with paths; the
actual has one path moved by a pixel and a marker moved) rolled by a different offset per pair,
so every file is different and every pair differs. Then, alternating, REPEAT times each:

- `trajviz check baseline/ actual/` (folder mode: pairs spread over every core; no report);
- ImageMagick `compare -metric AE a b null:` over the pairs one after another, as a shell loop
  or a CI step runs it (ImageMagick's OpenMP uses every core within one comparison);
- the same with `xargs -P <cores>` (one process per core), the fastest way to run it.

Prints the wall-clock best and median of each and the ratios. Needs Debian's `imagemagick`
(a benchmark peer only, not a dependency of TrajViz) and a release build of trajviz
(`swift build -c release --product trajviz`).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PAIR = os.path.join(ROOT, "Benchmarks", "Benchmarks", "ImageCompare", "Resources")
WORK = os.path.join(ROOT, ".build", "folder-benchmark")


def make_pairs(pairs, work):
    names = [f"pair-{index:03d}.png" for index in range(pairs)]
    if all(os.path.exists(os.path.join(work, side, name)) for side in ("baseline", "actual") for name in names):
        return names
    for side in ("baseline", "actual"):
        os.makedirs(os.path.join(work, side), exist_ok=True)
    for index, name in enumerate(names):
        offset = f"+{index * 7 % 1000}+{index * 13 % 1000}"
        for side in ("baseline", "actual"):
            subprocess.run(["convert", os.path.join(PAIR, f"{side}.png"), "-roll", offset, os.path.join(work, side, name)], check=True)
    return names


def timed(command, **options):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **options)
    return time.perf_counter() - start, result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--trajviz", default=os.path.join(ROOT, ".build", "release", "trajviz"))
    arguments = parser.parse_args()
    if not shutil.which("compare"):
        sys.exit("folder_benchmark: ImageMagick's compare is missing; install it with apt-get install -y imagemagick")
    if not os.path.exists(arguments.trajviz):
        sys.exit(f"folder_benchmark: no {arguments.trajviz}; build it with swift build -c release --product trajviz")
    work = os.path.join(WORK, str(arguments.pairs))
    names = make_pairs(arguments.pairs, work)
    cores = os.cpu_count() or 1
    baseline, actual = os.path.join(work, "baseline"), os.path.join(work, "actual")
    loop = "".join(f'compare -metric AE "{baseline}/{name}" "{actual}/{name}" null: 2>>"$0"; echo >>"$0"\n' for name in names)
    parallel = f'cd "{baseline}" && ls | xargs -P {cores} -I{{}} compare -metric AE {{}} "{actual}/{{}}" null: 2>/dev/null; true'
    times = {"trajviz": [], "loop": [], "xargs": []}
    for _ in range(arguments.repeat):
        seconds, result = timed([arguments.trajviz, "check", baseline, actual])
        summary = result.stdout.strip().splitlines()[-1]
        if result.returncode != 1 or f"{arguments.pairs} images: 0 passed, {arguments.pairs} failed" != summary:
            sys.exit(f"folder_benchmark: unexpected trajviz result ({result.returncode}): {summary} {result.stderr}")
        times["trajviz"].append(seconds)
        counts = os.path.join(work, "compare-counts.txt")
        open(counts, "w").close()
        seconds, _ = timed(["bash", "-c", loop, counts])
        measured = [line for line in open(counts).read().split("\n") if line.strip()]
        if len(measured) != arguments.pairs or any(float(value) == 0 for value in measured):
            sys.exit(f"folder_benchmark: ImageMagick did not compare every pair ({len(measured)} counts)")
        times["loop"].append(seconds)
        seconds, _ = timed(["bash", "-c", parallel])
        times["xargs"].append(seconds)
    print(f"{arguments.pairs} pairs of 1000x1000 PNGs, {cores} cores, best / median of {arguments.repeat} runs (wall clock):")
    labels = {"trajviz": "trajviz check (folder mode)", "loop": "ImageMagick compare -metric AE, one pair after another",
              "xargs": f"ImageMagick compare -metric AE, xargs -P {cores}"}
    for key, label in labels.items():
        print(f"  {label}: {min(times[key]):.2f} s / {statistics.median(times[key]):.2f} s")
    for key in ("loop", "xargs"):
        print(f"  trajviz is {min(times[key]) / min(times['trajviz']):.1f}x faster than {labels[key]} (best), "
              f"{statistics.median(times[key]) / statistics.median(times['trajviz']):.1f}x (median)")


if __name__ == "__main__":
    main()
