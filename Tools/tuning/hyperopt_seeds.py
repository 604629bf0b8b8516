#!/usr/bin/env python3
"""How often TrajViz's search is at least as good as hyperopt's TPE, over several TPE seeds.

compare_hyperopt.py compares one TPE run (seed 1, jettify's) per pair. On the chaotic pairs
(Rastrigin with large learning rates) the best objective of 200 evaluations is a lottery: the
good learning rates are narrow spikes, a percent or two of a region, and the objective is
uncorrelated between learning rates 1e-3 apart in ln lr. This script repeats the TPE side with
other seeds, against TrajViz's search (200 evaluations) on the same objective (TrajViz's float64
runner, jettify's protocol), and writes the win count per pair to hyperopt-seeds.md, so that the
rate is an estimate rather than one draw.

Our own seed is a lottery too (it moves the grid), so `--our-seeds` also runs TrajViz's search
with other seeds against the same TPE results; the main table is for seed 0 (what the gallery
uses), the summary gives the mean over our seeds.

Every TPE result (best objective and lr per pair and seed) is written to hyperopt-seeds.json.
TPE's results do not depend on our search, so `--reuse-tpe` reads them from there instead of
running TPE again (seconds instead of about 9 minutes), for trying out a change to our search.

Set-up as in compare_hyperopt.py, then from the package root:
    /tmp/tuningvenv/bin/python Tools/tuning/hyperopt_seeds.py --seeds 1,2,3,4,5,6,7 --our-seeds 0,1,2,3,4,5,6,7,8,9
"""
import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_hyperopt as comparison  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--seeds', default='1,2,3,4,5,6,7', help="hyperopt's TPE seeds")
    parser.add_argument('--our-seeds', default='0,1,2,3,4,5,6,7,8,9', help="TrajViz's search seeds (the first is tabled)")
    parser.add_argument('--reuse-tpe', action='store_true', help='read TPE results from hyperopt-seeds.json')
    args = parser.parse_args()
    seeds = [int(seed) for seed in args.seeds.split(',')]
    our_seeds = [int(seed) for seed in args.our_seeds.split(',')]
    root = Path(__file__).resolve().parents[2]
    here = root / 'Tools' / 'tuning'
    cached = json.loads((here / 'hyperopt-seeds.json').read_text())['tpe'] if args.reuse_tpe else {}

    rows = []
    tpe = {}
    version = None
    with tempfile.TemporaryDirectory() as folder:
        server = comparison.TrajVizServer(root, Path(folder))
        for function in comparison.FUNCTIONS:
            for optimizer, (_, (low, high)) in comparison.OPTIMIZERS.items():
                pair = f'{function}:{optimizer}'
                ours = []
                for seed in our_seeds:
                    reply = server.ask(op='search', function=function, optimizer=optimizer, logLower=low, logUpper=high,
                                       seed=seed)
                    version = reply['algorithmVersion']
                    ours.append(reply['objective'])
                if args.reuse_tpe:
                    runs = {int(seed): run for seed, run in cached[pair].items()}
                    missing = [seed for seed in seeds if seed not in runs]
                    if missing:
                        raise SystemExit(f'hyperopt-seeds.json has no TPE run for {pair} with seed(s) {missing}; '
                                         'run without --reuse-tpe')
                else:
                    runs = {}
                    for seed in seeds:
                        comparison.SEED = seed
                        found = comparison.tpe_search(
                            lambda lr: server.ask(op='evaluate', function=function, optimizer=optimizer, lr=lr)['objective'],
                            low, high)
                        runs[seed] = {'objective': found['objective'], 'learningRate': found['learningRate']}
                tpe[pair] = {str(seed): runs[seed] for seed in seeds}
                theirs = [runs[seed]['objective'] for seed in seeds]
                wins = [sum(o is not None and (t is None or o <= t) for t in theirs) for o in ours]
                rows.append((function, optimizer, ours[0], theirs, wins))
                print(f'{function:10s} {optimizer:9s} ours {comparison.fmt(ours[0]):>10s}  wins {wins[0]}/{len(seeds)}  '
                      f'over our seeds {sum(wins) / len(wins):.1f}', flush=True)
        server.close()

    count = len(rows) * len(seeds)
    totals = [sum(row[4][k] for row in rows) for k in range(len(our_seeds))]
    mean = sum(totals) / len(totals)
    lines = [
        "# TrajViz's learning-rate search against hyperopt's TPE over several TPE seeds",
        '',
        'Made by `Tools/tuning/hyperopt_seeds.py` (TPE results in `hyperopt-seeds.json`). Protocol as in',
        "`hyperopt-comparison.md` (jettify's: 100 clipped steps, squared distance to the minimum, 200 evaluations,",
        'log-uniform lr in the same bounds); hyperopt TPE with seeds ' + args.seeds + '; TrajViz:',
        f'`LearningRateSearch(budget: 200, seed: {our_seeds[0]})`, algorithm version {version}. A tie counts for TrajViz.',
        'Smaller objectives are better. The last column repeats the count for TrajViz seeds ' + args.our_seeds + '.',
        '',
        f'| function | optimizer | TrajViz best (seed {our_seeds[0]}) | TPE best per seed | TrajViz at least as good | '
        'the same for each TrajViz seed |',
        '| --- | --- | ---: | --- | ---: | --- |',
    ]
    for function, optimizer, ours, theirs, wins in rows:
        lines.append(f'| {function} | {optimizer} | {comparison.fmt(ours)} | {", ".join(comparison.fmt(t) for t in theirs)} | '
                     f'{wins[0]} of {len(seeds)} | {" ".join(str(w) for w in wins)} |')
    lines += [
        '',
        f'**TrajViz (seed {our_seeds[0]}) at least as good in {totals[0]} of {count} comparisons '
        f'({100 * totals[0] / count:.0f}%).**',
        '',
        f'Over TrajViz seeds {args.our_seeds}: {", ".join(str(t) for t in totals)} of {count}; mean {mean:.1f} '
        f'({100 * mean / count:.1f}%).',
        '',
    ]
    (here / 'hyperopt-seeds.md').write_text('\n'.join(lines))
    (here / 'hyperopt-seeds.json').write_text(json.dumps({'tpeSeeds': seeds, 'tpe': tpe}, indent=1) + '\n')
    print('\n'.join(lines))
    return 0


if __name__ == '__main__':
    sys.exit(main())
