#!/usr/bin/env python3
"""How often TrajViz's search is at least as good as hyperopt's TPE, over several TPE seeds.

compare_hyperopt.py compares one TPE run (seed 1, jettify's) per pair. On the chaotic pairs
(Rastrigin with large learning rates) the best objective of 200 evaluations is a lottery: the
good learning rates are narrow spikes, a percent or two of a region. This script repeats the
TPE side with other seeds, against the same TrajViz search (200 evaluations, seed 0) and the
same objective (TrajViz's float64 runner, jettify's protocol), and writes the win count per
pair to hyperopt-seeds.md, so that the rate is an estimate rather than one draw.

Set-up as in compare_hyperopt.py, then from the package root:
    /tmp/tuningvenv/bin/python Tools/tuning/hyperopt_seeds.py --seeds 1,2,3,4,5,6,7
"""
import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_hyperopt as comparison  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--seeds', default='1,2,3,4,5,6,7')
    args = parser.parse_args()
    seeds = [int(seed) for seed in args.seeds.split(',')]
    root = Path(__file__).resolve().parents[2]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        server = comparison.TrajVizServer(root, Path(folder))
        for function in comparison.FUNCTIONS:
            for optimizer, (_, (low, high)) in comparison.OPTIMIZERS.items():
                ours = server.ask(op='search', function=function, optimizer=optimizer, logLower=low, logUpper=high)['objective']
                theirs = []
                for seed in seeds:
                    comparison.SEED = seed
                    theirs.append(comparison.tpe_search(
                        lambda lr: server.ask(op='evaluate', function=function, optimizer=optimizer, lr=lr)['objective'],
                        low, high)['objective'])
                wins = sum(ours is not None and (t is None or ours <= t) for t in theirs)
                rows.append((function, optimizer, ours, theirs, wins))
                print(f'{function:10s} {optimizer:9s} ours {comparison.fmt(ours):>10s}  wins {wins}/{len(seeds)}', flush=True)
        server.close()
    total = sum(row[4] for row in rows)
    count = len(rows) * len(seeds)
    lines = [
        "# TrajViz's learning-rate search against hyperopt's TPE over several TPE seeds",
        '',
        'Made by `Tools/tuning/hyperopt_seeds.py`. Protocol as in `hyperopt-comparison.md` (jettify\'s: 100',
        'clipped steps, squared distance to the minimum, 200 evaluations, log-uniform lr in the same bounds);',
        f'TrajViz: `LearningRateSearch(budget: 200, seed: 0)`; hyperopt TPE with seeds {args.seeds}.',
        'A tie counts for TrajViz. Smaller objectives are better.',
        '',
        '| function | optimizer | TrajViz best | TPE best per seed | TrajViz at least as good |',
        '| --- | --- | ---: | --- | ---: |',
    ]
    for function, optimizer, ours, theirs, wins in rows:
        lines.append(f'| {function} | {optimizer} | {comparison.fmt(ours)} | {", ".join(comparison.fmt(t) for t in theirs)} | '
                     f'{wins} of {len(seeds)} |')
    lines += ['', f'**TrajViz at least as good in {total} of {count} comparisons ({100 * total / count:.0f}%).**', '']
    (root / 'Tools' / 'tuning' / 'hyperopt-seeds.md').write_text('\n'.join(lines))
    print('\n'.join(lines))
    return 0


if __name__ == '__main__':
    sys.exit(main())
