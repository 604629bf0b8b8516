#!/usr/bin/env python3
"""Try out a change to TrajViz's learning-rate search in Python before porting it to Swift.

hyperopt_seeds.py scores the Swift search, so every try costs a rebuild. This script holds Python
twins of LearningRateSearch's algorithms 2 and 3 (bit-identical to the Swift ones: same SplitMix64
offsets, same midpoints, same order; checked with --check), asks TrajViz's evaluation server only
for objective values (cached on disk, so variants that share evaluations cost nothing), and scores a
variant against hyperopt's TPE results in hyperopt-seeds.json (seeds 1-7) over many of our seeds:
the total of comparisons won per our seed, its mean and standard error, and the paired difference
to algorithm 2. Our seed alone moves the total by about ±17, so judge a change on 20 or more seeds.
search-variants.md lists what was tried this way.

A variant is a keyword argument of `algorithm3` (or a new function here), e.g.
    /tmp/tuningvenv/bin/python Tools/tuning/search_variants.py --seeds 40 --variant 'splits_per_round=6'
    /tmp/tuningvenv/bin/python Tools/tuning/search_variants.py --check        # Python twin == Swift
The server is the test-only path of compare_hyperopt.py (`swift test`, debug: about 2 ms per
evaluation); `--binary` runs a built test bundle directly instead, e.g. a release one (0.4 ms):
    swift build -c release --build-tests -Xswiftc -enable-testing
    ... --binary .build/release/TrajVizPackageTests.xctest
"""
import argparse
import bisect
import json
import math
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_hyperopt as comparison  # noqa: E402

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def unit(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return ((z ^ (z >> 31)) >> 11) * 2.0 ** -53


def resolved(a, b, tolerance=1e-3):
    return a is not None and b is not None and abs(a - b) <= tolerance * min(abs(a), abs(b))


class Search:
    """The evaluations so far: `order` as made, `rates`/`values` sorted by log lr."""

    def __init__(self, evaluate, low, high):
        self.evaluate, self.low, self.high = evaluate, low, high
        self.rates, self.values, self.order = [], [], []

    def probe(self, u):
        value = self.evaluate(math.exp(u))
        value = value if value is not None and math.isfinite(value) else None
        i = bisect.bisect_right(self.rates, u)
        self.rates.insert(i, u)
        self.values.insert(i, value)
        self.order.append((u, value))

    def best(self):
        return min((v for _, v in self.order if v is not None), default=None)

    def grid(self, seed, size):
        offset = 0.25 + 0.5 * SplitMix64(seed).unit()
        cell = (self.high - self.low) / size
        for i in range(size):
            self.probe(self.low + (i + offset) * cell)
        return cell


def algorithm2(evaluate, low, high, seed, budget=200, depth=30, splits_per_round=4, tolerance=1e-3):
    """Grid of ⌈budget/2⌉, then midpoints of the intervals with the best end values."""
    search = Search(evaluate, low, high)
    finest = search.grid(seed, (budget + 1) // 2) / 2 ** depth
    rank = lambda v: math.inf if v is None else v  # noqa: E731
    while len(search.order) < budget:
        us, vs = search.rates, search.values
        intervals = [(low, us[0], rank(vs[0]), rank(vs[0]), False)]
        intervals += [(us[i], us[i + 1], min(rank(vs[i]), rank(vs[i + 1])), max(rank(vs[i]), rank(vs[i + 1])),
                       resolved(vs[i], vs[i + 1], tolerance)) for i in range(len(us) - 1)]
        intervals.append((us[-1], high, rank(vs[-1]), rank(vs[-1]), False))
        open_ = [iv for iv in intervals if not iv[4] and iv[1] - iv[0] > finest and iv[0] < 0.5 * (iv[0] + iv[1]) < iv[1]]
        open_.sort(key=lambda iv: (iv[2], iv[3], -(iv[1] - iv[0]), iv[0]))
        chosen = open_[:min(splits_per_round, budget - len(search.order))]
        if not chosen:
            break
        for iv in chosen:
            search.probe(0.5 * (iv[0] + iv[1]))
    return search


def algorithm3(evaluate, low, high, seed, budget=200, depth=30, splits_per_round=8, grid_tenths=3, r=1.0,
               tolerance=1e-3, window=1):
    """Grid of ⌈0.3·budget⌉, then midpoints of the intervals with the lowest locally tuned Lipschitz
    characteristic R = (t⁻ + t⁺)/2 - r·L·w/2 of t = ln f (see LearningRateSearch's documentation)."""
    search = Search(evaluate, low, high)
    finest = search.grid(seed, (grid_tenths * budget + 9) // 10) / 2 ** depth
    while len(search.order) < budget:
        finite = [v for v in search.values if v is not None]
        transform = math.log if finite and min(finite) > 0 else (lambda v: v)
        us = [low] + search.rates + [high]
        vs = [search.values[0]] + search.values + [search.values[-1]]
        ts = [None if v is None else transform(v) for v in vs]
        count = len(us) - 1
        widths = [us[i + 1] - us[i] for i in range(count)]
        slopes = [abs(ts[i + 1] - ts[i]) / widths[i] if ts[i] is not None and ts[i + 1] is not None and widths[i] > 0
                  else 0.0 for i in range(count)]

        def clearly_higher(outer, end):
            return outer is not None and end is not None and outer > end and not resolved(outer, end, tolerance)

        candidates = []
        for i in range(count):
            midpoint = 0.5 * (us[i] + us[i + 1])
            if widths[i] <= finest or not us[i] < midpoint < us[i + 1]:
                continue
            if 0 < i < count - 1 and resolved(vs[i], vs[i + 1], tolerance) \
                    and not (clearly_higher(vs[i - 1], vs[i]) and clearly_higher(vs[i + 2], vs[i + 1])):
                continue
            a = ts[i] if ts[i] is not None else ts[i + 1]
            b = ts[i + 1] if ts[i + 1] is not None else ts[i]
            if a is None:
                candidates.append((math.inf, math.inf, -widths[i], us[i], midpoint))
                continue
            lipschitz = max(slopes[max(0, i - window):i + window + 1])
            candidates.append((0.5 * (a + b) - r * lipschitz * widths[i] / 2, min(a, b), -widths[i], us[i], midpoint))
        candidates.sort()
        chosen = candidates[:min(splits_per_round, budget - len(search.order))]
        if not chosen:
            break
        for candidate in chosen:
            search.probe(candidate[-1])
    return search


class Objectives:
    """TrajViz's objective per (function, optimizer, lr), from its evaluation server, cached on disk."""

    def __init__(self, root, binary, cache_path):
        self.root, self.binary, self.cache_path = root, binary, cache_path
        self.cache = pickle.loads(cache_path.read_bytes()) if cache_path.exists() else {}
        self.server, self.folder = None, tempfile.TemporaryDirectory()

    def ask(self, **request):
        if self.server is None:
            if self.binary:
                folder = Path(self.folder.name)
                os.mkfifo(folder / 'requests')
                os.mkfifo(folder / 'responses')
                environment = dict(os.environ, TRAJVIZ_COMPARISON_REQUESTS=str(folder / 'requests'),
                                   TRAJVIZ_COMPARISON_RESPONSES=str(folder / 'responses'))
                server = comparison.TrajVizServer.__new__(comparison.TrajVizServer)
                server.process = subprocess.Popen(
                    [self.binary, '--testing-library', 'swift-testing', '--filter', 'HyperoptComparisonTests'],
                    env=environment, stdout=subprocess.DEVNULL)
                server.requests = open(folder / 'requests', 'w')
                server.responses = open(folder / 'responses', 'r')
                self.server = server
            else:
                self.server = comparison.TrajVizServer(self.root, Path(self.folder.name))
        return self.server.ask(**request)

    def __call__(self, function, optimizer, lr):
        key = (function, optimizer, lr)
        if key not in self.cache:
            self.cache[key] = self.ask(op='evaluate', function=function, optimizer=optimizer, lr=lr)['objective']
        return self.cache[key]

    def close(self):
        temporary = self.cache_path.with_suffix('.tmp')
        temporary.write_bytes(pickle.dumps(self.cache))
        os.replace(temporary, self.cache_path)
        if self.server is not None:
            self.server.close()


def totals(search, objectives, tpe, our_seeds):
    """Comparisons won (ours ≤ TPE's, over TPE's seeds) per our seed, summed over the 30 pairs."""
    result = [0] * len(our_seeds)
    for function in comparison.FUNCTIONS:
        for optimizer, (_, (low, high)) in comparison.OPTIMIZERS.items():
            theirs = [run['objective'] for run in tpe[f'{function}:{optimizer}'].values()]
            for k, seed in enumerate(our_seeds):
                ours = search(lambda lr: objectives(function, optimizer, lr), low, high, seed).best()
                result[k] += sum(ours is not None and (t is None or ours <= t) for t in theirs)
    return result


def mean_and_error(values):
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / max(1, len(values) - 1)
    return mean, math.sqrt(variance / len(values))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--seeds', type=int, default=20, help='our seeds 0..n-1')
    parser.add_argument('--variant', default='', help='keyword arguments of algorithm3, e.g. "r=1.5, window=2"')
    parser.add_argument('--binary', help='a built TrajVizPackageTests.xctest to serve evaluations')
    parser.add_argument('--cache', default=str(Path(tempfile.gettempdir()) / 'trajviz-search-variants.pkl'))
    parser.add_argument('--check', action='store_true', help='compare the Python twin of the current algorithm with Swift')
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[2]
    objectives = Objectives(root, args.binary, Path(args.cache))
    try:
        if args.check:
            mismatches = 0
            for function in comparison.FUNCTIONS:
                for optimizer, (_, (low, high)) in comparison.OPTIMIZERS.items():
                    for seed in (0, 5):
                        swift = objectives.ask(op='search', function=function, optimizer=optimizer,
                                               logLower=low, logUpper=high, seed=seed)
                        twin = algorithm3(lambda lr: objectives(function, optimizer, lr), low, high, seed).best()
                        mismatches += twin != swift['objective']
            print(f'{mismatches} mismatches between the Python twin and Swift (algorithm version '
                  f"{swift['algorithmVersion']}) over 60 searches")
            return 1 if mismatches else 0
        tpe = json.loads((root / 'Tools' / 'tuning' / 'hyperopt-seeds.json').read_text())['tpe']
        seeds = list(range(args.seeds))
        variant = eval(f'dict({args.variant})')  # noqa: S307 - a developer's own command line
        base = totals(algorithm2, objectives, tpe, seeds)
        ours = totals(lambda *a: algorithm3(*a, **variant), objectives, tpe, seeds)
        mean, error = mean_and_error(ours)
        difference, difference_error = mean_and_error([o - b for o, b in zip(ours, base)])
        print(f'algorithm 3 ({args.variant or "as in Swift"}) over our seeds 0-{args.seeds - 1}: '
              f'{mean:.1f} ± {error:.1f} of 210; against algorithm 2: {difference:+.1f} ± {difference_error:.1f}')
        return 0
    finally:
        objectives.close()


if __name__ == '__main__':
    sys.exit(main())
