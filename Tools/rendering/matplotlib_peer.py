"""The matplotlib peer of Benchmarks/Benchmarks/Rendering: the same 1000x1000 Rosenbrock map (250x250
grid, the same log levels, filled contours, iso-lines, colorbar, 4 Adam paths of 500 steps with
markers, start/end markers, the minimum as a star, a legend) saved as PNG.

Run: python3 Tools/rendering/matplotlib_peer.py [--runs N] [--out /tmp/peer.png]
It prints the median and best wall-clock and CPU time per image (Agg backend, one process, warm).
"""
import argparse
import io
import statistics
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm


def rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def adam_path(lr, steps):
    p = np.array([-2.0, 2.0]); m = np.zeros(2); v = np.zeros(2)
    pts = [p.copy()]
    for t in range(1, steps + 1):
        x, y = p
        g = np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        p = p - lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
        pts.append(p.copy())
    return np.array(pts)


RATES = [0.01, 0.03, 0.1, 0.3]
PATHS = [adam_path(lr, 500) for lr in RATES]
COLORS = ["#D55E00", "#0072B2", "#CC79A7", "#56B4E9"]  # PathPalette.colors[0..<4]
# The levels TrajViz resolves for .log(count: 14) on this grid: 1 and 3 per decade, 1e-3 ... 1e4.
LEVELS = [m * 10.0 ** e for e in range(-3, 4) for m in (1, 3)] + [1e4]


def render(out):
    xs = np.linspace(-2, 2, 250); ys = np.linspace(-1, 3, 250)
    X, Y = np.meshgrid(xs, ys)
    Z = rosenbrock(X, Y)
    fig, ax = plt.subplots(figsize=(10, 10), dpi=100)
    norm = BoundaryNorm(LEVELS, ncolors=256)
    cs = ax.contourf(X, Y, Z, levels=LEVELS, cmap="viridis", norm=norm, extend="both")
    ax.contour(X, Y, Z, levels=LEVELS[1:-1], colors="k", linewidths=0.6, alpha=0.3)
    for lr, path, color in zip(RATES, PATHS, COLORS):
        loss = rosenbrock(*path[-1])
        ax.plot(path[:, 0], path[:, 1], "-o", color=color, lw=2, ms=2, markevery=10, label=f"adam(lr={lr})  loss {loss:.3g}")
        ax.plot(*path[0], "o", mfc="white", mec=color, ms=9)
        ax.plot(*path[-1], "o", color=color, mec="white", ms=8)
    ax.plot(1, 1, "*", color="white", mec="black", ms=18, label="global minimum")
    ax.set_xlim(-2, 2); ax.set_ylim(-1, 3); ax.set_aspect("equal")
    ax.set_xlabel("x"); ax.set_ylabel("y"); ax.set_title("Rosenbrock")
    cb = fig.colorbar(cs, ax=ax); cb.ax.set_yscale("log"); cb.set_label("f(x, y)")
    ax.legend(loc="best")
    fig.savefig(out, format="png")
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    if args.out:
        render(args.out)
    render(io.BytesIO())  # warm-up
    wall, cpu = [], []
    for _ in range(args.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        render(io.BytesIO())
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(f"matplotlib {matplotlib.__version__} over {args.runs} runs: wall median {statistics.median(wall) * 1000:.1f} ms, best {min(wall) * 1000:.1f} ms; "
          f"CPU median {statistics.median(cpu) * 1000:.1f} ms, best {min(cpu) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
