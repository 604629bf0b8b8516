#!/usr/bin/env python3
"""The benchmark pair for `trajviz check`, and the Python pixelmatch timing to compare with.

    python3 Tools/imagediff/peer_benchmark.py make    # writes the 1000x1000 pair (committed)
    python3 Tools/imagediff/peer_benchmark.py time    # times pixelmatch 0.4.0 on it

`make` draws a contour-map-like figure (a colour field of log(1 + Rosenbrock), anti-aliased
contour lines and two optimizer paths, drawn at 2x and box-filtered down) as baseline.png, and
actual.png with one path moved by a pixel and one marker moved, into
Benchmarks/Benchmarks/ImageCompare/Resources/. The Swift benchmark (Benchmarks/ImageCompare)
reads the same files.

`time` decodes both files with Pillow and runs `pixelmatch.contrib.PIL.pixelmatch` (decode +
compare) and `pixelmatch.core.pixelmatch` (compare only, on pre-decoded lists), for the identical
pair (baseline vs baseline) and the different pair, best of --repeat runs, on one core.
"""
import argparse
import math
import os
import time

import numpy as np
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
PAIR = os.path.join(HERE, "..", "..", "Benchmarks", "Benchmarks", "ImageCompare", "Resources")


def figure(shift_path: int, marker_at) -> Image.Image:
    size, scale = 1000, 2
    n = size * scale
    xs = np.linspace(-2, 2, n)
    ys = np.linspace(3, -1, n)
    x, y = np.meshgrid(xs, ys)
    field = np.log1p((1 - x) ** 2 + 100 * (y - x**2) ** 2)
    t = (field - field.min()) / (field.max() - field.min())
    # a viridis-like ramp: dark blue -> teal -> yellow
    r = np.clip(0.27 + 0.9 * t**2, 0, 1)
    g = np.clip(0.0 + 0.9 * t, 0, 1)
    b = np.clip(0.33 + 0.5 * np.sin(math.pi * t), 0, 1)
    rgb = (np.dstack([r, g, b]) * 255).astype(np.uint8)
    # contour lines where the field crosses levels, about one pixel wide after downsampling
    levels = np.linspace(field.min(), field.max(), 14)[1:-1]
    gy, gx = np.gradient(field)
    slope = np.hypot(gx, gy) + 1e-12
    distance = np.min([np.abs(field - level) / slope for level in levels], axis=0)
    rgb[distance < 1.2] = (255, 255, 255)
    image = Image.fromarray(rgb)
    draw = ImageDraw.Draw(image)

    def to_pixel(px, py):
        return ((px + 2) / 4 * n, (3 - py) / 4 * n)

    path = [to_pixel(-1.8 + 2.8 * k / 300, 2.5 - 1.5 * math.sin(k / 60) * k / 300) for k in range(301)]
    draw.line([(px + shift_path * scale, py) for px, py in path], fill=(230, 60, 50), width=3 * scale)
    path2 = [to_pixel(-1.5 + 2.5 * k / 300, -0.5 + 1.5 * (k / 300) ** 2) for k in range(301)]
    draw.line(path2, fill=(250, 250, 250), width=2 * scale)
    mx, my = to_pixel(*marker_at)
    draw.ellipse([mx - 8 * scale, my - 8 * scale, mx + 8 * scale, my + 8 * scale], fill=(20, 20, 20))
    return image.resize((size, size), Image.BOX)


def make():
    os.makedirs(PAIR, exist_ok=True)
    figure(0, (1.0, 1.0)).save(os.path.join(PAIR, "baseline.png"), optimize=True)
    figure(1, (1.02, 1.0)).save(os.path.join(PAIR, "actual.png"), optimize=True)


def best(repeat, run):
    """The best wall-clock and the best CPU time (process_time) of `repeat` runs, and the result."""
    walls, cpus = [], []
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return min(walls), min(cpus), result


def time_peer(repeat):
    from pixelmatch.contrib.PIL import pixelmatch as pil_pixelmatch
    from pixelmatch.core import pixelmatch as core_pixelmatch

    baseline = os.path.join(PAIR, "baseline.png")
    actual = os.path.join(PAIR, "actual.png")

    def decode_and_compare(a, b):
        first, second = Image.open(a), Image.open(b)
        output = Image.new("RGBA", first.size)
        return pil_pixelmatch(first, second, output)

    for label, a, b in [("identical", baseline, baseline), ("different", baseline, actual)]:
        wall, cpu, count = best(repeat, lambda: decode_and_compare(a, b))
        print(f"python pixelmatch 0.4.0, decode + compare + diff image, {label}: {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU ({count} mismatched)")
        first = list(Image.open(a).convert("RGBA").tobytes())
        second = list(Image.open(b).convert("RGBA").tobytes())
        wall, cpu, count = best(repeat, lambda: core_pixelmatch(first, second, 1000, 1000, None))
        print(f"python pixelmatch 0.4.0, compare only, {label}: {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU ({count} mismatched)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["make", "time"])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    make() if arguments.action == "make" else time_peer(arguments.repeat)
