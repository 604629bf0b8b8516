#!/usr/bin/env python3
"""How well could any 200-evaluation search do against hyperopt's TPE on jettify's protocol?

hyperopt_seeds.py measures TrajViz's search against TPE over 7 TPE seeds (about 82 % of the
comparisons). This script asks what is reachable at all. On many pairs the objective is float64
rounding noise: the final point of 100 chaotic steps changes completely between learning rates a
few ulps apart, so a search's best value is the minimum of its draws from a value distribution,
and only where it draws matters. The script gives a search an oracle:

1. it scans each pair at 4000 evenly spaced ln lr (information no real search has);
2. for each window width W in ln lr, it places the window where the scan's 5th-lowest value
   inside it is lowest (the best lower tail);
3. it draws 200 log-uniform learning rates in that window (numpy seeds 0-9) and counts, per
   draw, the TPE seeds (1-7, hyperopt-seeds.json) whose best it equals or beats;
4. per pair it keeps the best window's mean, which flatters the oracle further.

It also reports, per pair, how rough the objective is at the scan's best ln lr: the ratio of the
largest to the smallest of 9 values within ±1e-9 and within ±1e-12 of it (1 is smooth; far above 1
at 1e-12 is float64 rounding noise), and TrajViz's own mean over its seeds 0-19 (algorithm 3's
Python twin, bit-identical to the Swift search).
The table goes to search-ceiling.md. Set-up as in search_variants.py; from the package root:
    /tmp/tuningvenv/bin/python Tools/tuning/search_ceiling.py --binary .build/release/TrajVizPackageTests.xctest
"""
import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_hyperopt as comparison  # noqa: E402
import search_variants as variants  # noqa: E402

SCAN_POINTS = 4000
WINDOWS = (0.05, 0.1, 0.2, 0.4, 0.8)
DRAW_SEEDS = range(10)
OUR_SEEDS = range(20)
TAIL_RANK = 5
SPREAD_SCALES = (1e-9, 1e-12)


def wins(value, theirs):
    return sum(value is not None and (t is None or value <= t) for t in theirs)


def spread(value, centre, scale):
    """The largest over the smallest of 9 positive objective values evenly within ±scale of centre."""
    nearby = [value(centre + k * scale / 4) for k in range(-4, 5)]
    nearby = [v for v in nearby if v is not None and v > 0]
    return max(nearby) / min(nearby) if nearby else math.nan


def best_window(rates, values, width):
    """The [a, b] of the given width whose TAIL_RANK-th lowest scanned value is lowest."""
    count = max(TAIL_RANK, int(round(width / (rates[1] - rates[0]))))
    tails = [np.sort(values[i:i + count])[TAIL_RANK - 1] for i in range(len(rates) - count + 1)]
    start = int(np.argmin(tails))
    return rates[start], rates[start + count - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--binary', help='a built TrajVizPackageTests.xctest to serve evaluations')
    parser.add_argument('--cache', default=str(Path(tempfile.gettempdir()) / 'trajviz-search-variants.pkl'))
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[2]
    here = root / 'Tools' / 'tuning'
    tpe = json.loads((here / 'hyperopt-seeds.json').read_text())['tpe']
    objectives = variants.Objectives(root, args.binary, Path(args.cache))

    def value(function, optimizer, u):
        v = objectives(function, optimizer, math.exp(u))
        return v if v is not None and math.isfinite(v) else None

    rows, totals = [], {'ours': 0.0, 'oracle': 0.0, 'either': 0.0}
    try:
        for function in comparison.FUNCTIONS:
            for optimizer, (_, (low, high)) in comparison.OPTIMIZERS.items():
                theirs = [run['objective'] for run in tpe[f'{function}:{optimizer}'].values()]
                rates = np.linspace(low, high, SCAN_POINTS)
                scanned = np.array([math.inf if (v := value(function, optimizer, u)) is None else v for u in rates])
                by_window = []
                for width in WINDOWS:
                    a, b = best_window(rates, scanned, width)
                    counts = []
                    for seed in DRAW_SEEDS:
                        draws = [value(function, optimizer, u) for u in np.random.default_rng(seed).uniform(a, b, 200)]
                        counts.append(wins(min((d for d in draws if d is not None), default=None), theirs))
                    by_window.append(float(np.mean(counts)))
                ours = np.mean([wins(variants.algorithm3(lambda lr: objectives(function, optimizer, lr), low, high,
                                                         seed).best(), theirs) for seed in OUR_SEEDS])
                centre = rates[int(np.argmin(scanned))]
                spreads = [spread(lambda u: value(function, optimizer, u), centre, scale) for scale in SPREAD_SCALES]
                totals['ours'] += ours
                totals['oracle'] += max(by_window)
                totals['either'] += max(ours, *by_window)
                rows.append((function, optimizer, ours, by_window, spreads))
                print(function, optimizer, f'ours {ours:.1f}', 'oracle', by_window, 'spreads', spreads, flush=True)
    finally:
        objectives.close()

    lines = [
        "# What any 200-evaluation search could reach against hyperopt's TPE",
        '',
        'Made by `Tools/tuning/search_ceiling.py` (its docstring gives the method). Protocol as in',
        '`hyperopt-comparison.md`; TPE seeds 1-7 from `hyperopt-seeds.json`. Each cell is the mean number of',
        'TPE seeds (of 7) whose best objective a search equals or beats. The oracle knows a',
        f'{SCAN_POINTS}-point scan of the pair and draws 200 learning rates log-uniformly in the window of',
        f'width W (ln lr) with the best lower tail; its cells are means over {len(DRAW_SEEDS)} draws, and its',
        'total takes the best window per pair (chosen in hindsight). "Spread at s" is the largest over the',
        'smallest of 9 objective values within ±s of the scan\'s best ln lr: 1 is smooth at that scale; far',
        'above 1 at 1e-9 is chaos (the 100 steps amplify a change of lr by 1e9 and more), and at 1e-12 it',
        'is float64 rounding noise. There, no search can do better than draw in the right place.',
        '',
        '| function | optimizer | TrajViz (seeds 0-19) | ' + ' | '.join(f'oracle W={w}' for w in WINDOWS)
        + ' | oracle, best W | better of the two | spread at 1e-9 | spread at 1e-12 |',
        '| --- | --- | ---: | ' + ' | '.join('---:' for _ in WINDOWS) + ' | ---: | ---: | ---: | ---: |',
    ]
    for function, optimizer, ours, by_window, spreads in rows:
        lines.append(f'| {function} | {optimizer} | {ours:.2f} | ' + ' | '.join(f'{w:.1f}' for w in by_window)
                     + f' | {max(by_window):.1f} | {max(ours, *by_window):.1f} | '
                     + ' | '.join(f'{s:.3g}' for s in spreads) + ' |')
    comparisons = 7 * len(rows)
    lines += [
        '',
        f"**TrajViz's search: {totals['ours']:.1f} of {comparisons} comparisons "
        f"({100 * totals['ours'] / comparisons:.0f} %). The oracle, with the best window per pair: "
        f"{totals['oracle']:.1f} ({100 * totals['oracle'] / comparisons:.0f} %). The better of the two per pair: "
        f"{totals['either']:.1f} ({100 * totals['either'] / comparisons:.1f} %).**",
        '',
    ]
    (here / 'search-ceiling.md').write_text('\n'.join(lines))
    return 0


if __name__ == '__main__':
    sys.exit(main())
