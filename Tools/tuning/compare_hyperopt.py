#!/usr/bin/env python3
"""Compare TrajViz's learning-rate search with hyperopt's TPE on jettify's protocol.

jettify/pytorch-optimizer's examples/viz_optimizers.py tunes lr per optimizer and function with
hyperopt: lr log-uniform in per-optimizer bounds, TPE, 200 evaluations, seed 1, and the objective
is the squared distance from the point after 100 steps (gradients clipped to norm 1.0,
`optimizer.zero_grad()`, i.e. set_to_none in PyTorch 2) to the global minimum. Rosenbrock starts
at (-2, 2) with its minimum at (1, 1); Rastrigin at (-2, 3.5) with its minimum at (0, 0).

This script
  1. starts TrajViz's evaluation server, the test-only path Tests/TuningTests/HyperoptComparisonTests.swift
     (`swift test --filter HyperoptComparisonTests`, talking over two named pipes), so that hyperopt
     searches exactly the objective our search sees: TrajViz's float64 runner, which matches
     PyTorch's float64 trajectories to 1e-9 (the reference goldens);
  2. for every pair below runs hyperopt's TPE as jettify does (200 evaluations, seed 1) and our
     search (200 evaluations, seed 0) on that objective;
  3. re-evaluates both best learning rates in PyTorch float64 (a cross-check of the two runners);
  4. times jettify's own script (PyTorch float32, the 200-evaluation search plus the 500-step
     final run, without the plot) on a few pairs; and
  5. writes Tools/tuning/hyperopt-comparison.md and the raw results (hyperopt-comparison.json).

Set-up (not a runtime dependency of TrajViz):
    python3 -m venv /tmp/tuningvenv
    /tmp/tuningvenv/bin/pip install torch torch_optimizer==0.3.0 pytorch_optimizer==4.1.0 hyperopt
    /tmp/tuningvenv/bin/python Tools/tuning/compare_hyperopt.py          # from the package root
"""
import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import torch_optimizer
from hyperopt import STATUS_FAIL, STATUS_OK, Trials, fmin, hp, tpe

torch.set_num_threads(1)

STEPS = 100
CLIP = 1.0
BUDGET = 200
SEED = 1


def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def rastrigin(x):
    return 20 + (x[0] ** 2 - 10 * torch.cos(x[0] * math.pi * 2)) + (x[1] ** 2 - 10 * torch.cos(x[1] * math.pi * 2))


FUNCTIONS = {
    'rosenbrock': (rosenbrock, (-2.0, 2.0), (1.0, 1.0)),
    'rastrigin': (rastrigin, (-2.0, 3.5), (0.0, 0.0)),
}


def lookahead(params, lr):
    return torch_optimizer.Lookahead(torch.optim.Adam(params, lr=lr), k=5, alpha=0.5)


def lion(params, lr):
    from pytorch_optimizer import Lion
    return Lion(params, lr=lr)


# Our catalog name -> (PyTorch constructor with that optimizer's defaults, ln lr bounds).
# The bounds are LearningRateBounds.optimizerDefaults; the first six are jettify's own.
OPTIMIZERS = {
    'adam': (torch.optim.Adam, (-8, 0.5)),
    'sgd': (torch.optim.SGD, (-8, -1.0)),
    'radam': (torch.optim.RAdam, (-8, 0.5)),
    'adamod': (torch_optimizer.AdaMod, (-8, 0.2)),
    'diffgrad': (torch_optimizer.DiffGrad, (-8, 0.4)),
    'yogi': (torch_optimizer.Yogi, (-8, 0.1)),
    'adagrad': (torch.optim.Adagrad, (-8, 1.0)),
    'rmsprop': (torch.optim.RMSprop, (-8, -1.0)),
    'adadelta': (torch.optim.Adadelta, (-4, 4.0)),
    'adamw': (torch.optim.AdamW, (-8, 0.5)),
    'adamax': (torch.optim.Adamax, (-8, 0.5)),
    'nadam': (torch.optim.NAdam, (-8, 0.5)),
    'adabelief': (torch_optimizer.AdaBelief, (-8, 0.5)),
    'lookahead': (lookahead, (-8, 0.5)),
    'lion': (lion, (-8, -1.0)),
}


def torch_run(function, optimizer, lr, steps, dtype):
    """jettify's execute_steps: the point after `steps` steps."""
    f, start, _ = FUNCTIONS[function]
    x = torch.tensor(start, dtype=dtype, requires_grad=True)
    opt = OPTIMIZERS[optimizer][0]([x], lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        f(x).backward()
        torch.nn.utils.clip_grad_norm_(x, CLIP)
        opt.step()
    return x.detach()


def torch_objective(function, optimizer, lr, dtype=torch.float64):
    """jettify's objective; None when the run diverged (non-finite)."""
    minimum = FUNCTIONS[function][2]
    x = torch_run(function, optimizer, lr, STEPS, dtype)
    value = float((x[0] - minimum[0]) ** 2 + (x[1] - minimum[1]) ** 2)
    return value if math.isfinite(value) else None


def tpe_search(evaluate, low, high):
    """hyperopt's TPE as jettify calls it; failed (diverged) evaluations are STATUS_FAIL."""
    def fn(params):
        value = evaluate(params['lr'])
        return {'loss': value, 'status': STATUS_OK} if value is not None else {'status': STATUS_FAIL}

    trials = Trials()
    started = time.perf_counter()
    fmin(fn, {'lr': hp.loguniform('lr', low, high)}, algo=tpe.suggest, max_evals=BUDGET,
         rstate=np.random.default_rng(SEED), trials=trials, show_progressbar=False)
    seconds = time.perf_counter() - started
    ok = [t for t in trials.trials if t['result']['status'] == STATUS_OK]
    best = min(ok, key=lambda t: t['result']['loss'], default=None)
    return {
        'learningRate': best['misc']['vals']['lr'][0] if best else None,
        'objective': best['result']['loss'] if best else None,
        'failures': len(trials.trials) - len(ok),
        'seconds': seconds,
    }


class TrajVizServer:
    """The evaluation server of HyperoptComparisonTests, over two named pipes."""

    def __init__(self, root, folder):
        self.requests_path = folder / 'requests'
        self.responses_path = folder / 'responses'
        os.mkfifo(self.requests_path)
        os.mkfifo(self.responses_path)
        environment = dict(os.environ, TRAJVIZ_COMPARISON_REQUESTS=str(self.requests_path),
                           TRAJVIZ_COMPARISON_RESPONSES=str(self.responses_path))
        self.process = subprocess.Popen(['swift', 'test', '--filter', 'HyperoptComparisonTests'], cwd=root,
                                        env=environment, stdout=subprocess.DEVNULL)
        self.requests = open(self.requests_path, 'w')
        self.responses = open(self.responses_path, 'r')

    def ask(self, **request):
        self.requests.write(json.dumps(request) + '\n')
        self.requests.flush()
        line = self.responses.readline()
        if not line:
            raise RuntimeError(f'the TrajViz server stopped (exit {self.process.wait()}); run '
                               '`swift test --filter HyperoptComparisonTests` to see why')
        return json.loads(line)

    def close(self):
        self.requests.write(json.dumps({'op': 'quit'}) + '\n')
        self.requests.close()
        self.responses.close()
        self.process.wait()


def time_jettify(function, optimizer):
    """jettify's script for one pair, as it runs (float32, hyperopt search, final 500 steps), without the plot."""
    low, high = OPTIMIZERS[optimizer][1]
    started = time.perf_counter()
    found = tpe_search(lambda lr: torch_objective(function, optimizer, lr, torch.float32), low, high)
    torch_run(function, optimizer, found['learningRate'], 500, torch.float32)
    return time.perf_counter() - started


def fmt(value):
    return '—' if value is None else f'{value:.4g}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--functions', default='rosenbrock,rastrigin')
    parser.add_argument('--optimizers', default=','.join(OPTIMIZERS))
    parser.add_argument('--time-pairs', default='rosenbrock:adam,rastrigin:diffgrad',
                        help='pairs whose jettify script is timed (slow: PyTorch)')
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[2]
    here = root / 'Tools' / 'tuning'

    with tempfile.TemporaryDirectory() as folder:
        server = TrajVizServer(root, Path(folder))
        rows = []
        for function in args.functions.split(','):
            for optimizer in args.optimizers.split(','):
                low, high = OPTIMIZERS[optimizer][1]
                theirs = tpe_search(
                    lambda lr: server.ask(op='evaluate', function=function, optimizer=optimizer, lr=lr)['objective'],
                    low, high)
                ours = server.ask(op='search', function=function, optimizer=optimizer, logLower=low, logUpper=high)
                row = {
                    'function': function, 'optimizer': optimizer, 'logLower': low, 'logUpper': high,
                    'hyperopt': theirs, 'trajviz': ours,
                    'hyperoptRateInPyTorch': theirs['learningRate'] and torch_objective(function, optimizer, theirs['learningRate']),
                    'ourRateInPyTorch': ours['learningRate'] and torch_objective(function, optimizer, ours['learningRate']),
                }
                rows.append(row)
                print(f"{function:10s} {optimizer:9s} hyperopt {fmt(theirs['objective']):>10s}  "
                      f"ours {fmt(ours['objective']):>10s}", flush=True)
        server.close()

    timings = []
    for pair in filter(None, args.time_pairs.split(',')):
        function, optimizer = pair.split(':')
        ours = next(r['trajviz']['seconds'] for r in rows if (r['function'], r['optimizer']) == (function, optimizer))
        timings.append({'function': function, 'optimizer': optimizer, 'jettifySeconds': time_jettify(function, optimizer),
                        'trajvizSearchSeconds': ours})
        print(timings[-1], flush=True)

    wins = 0
    lines = [
        "# Learning-rate search: TrajViz against hyperopt's TPE on jettify's protocol",
        '',
        'Made by `Tools/tuning/compare_hyperopt.py` (its docstring says how to remake it); raw numbers in',
        '`hyperopt-comparison.json`.',
        '',
        f'Protocol (jettify/pytorch-optimizer `examples/viz_optimizers.py`): {STEPS} steps, gradient clipping {CLIP},',
        '`zero_grad()` (set_to_none), objective = squared distance from the last point to the global minimum,',
        f'lr log-uniform in the per-optimizer bounds (`LearningRateBounds.optimizerDefaults`), {BUDGET} evaluations.',
        f'hyperopt: TPE, `rstate=np.random.default_rng({SEED})`, diverged runs reported as failed trials.',
        f"TrajViz: `LearningRateSearch(budget: 200, seed: 0)`, algorithm version {rows[0]['trajviz']['algorithmVersion']}. Both search the same objective, computed by",
        "TrajViz's float64 runner. The PyTorch columns re-run each best lr in PyTorch float64 as a cross-check.",
        'Smaller is better; a tie counts for TrajViz.',
        '',
        '| function | optimizer | ln lr bounds | hyperopt best | at lr | TrajViz best | at lr | winner | hyperopt lr in PyTorch | TrajViz lr in PyTorch |',
        '| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ]
    for row in rows:
        theirs, ours = row['hyperopt']['objective'], row['trajviz']['objective']
        won = ours is not None and (theirs is None or ours <= theirs)
        row['winner'] = 'TrajViz' if won else 'hyperopt'
        wins += won
        lines.append(
            f"| {row['function']} | {row['optimizer']} | {row['logLower']}..{row['logUpper']} | {fmt(theirs)} | "
            f"{fmt(row['hyperopt']['learningRate'])} | {fmt(ours)} | {fmt(row['trajviz']['learningRate'])} | "
            f"{row['winner']} | {fmt(row['hyperoptRateInPyTorch'])} | {fmt(row['ourRateInPyTorch'])} |")
    lines += ['', f'**TrajViz at least as good on {wins} of {len(rows)} pairs ({100 * wins / len(rows):.0f}%).**', '']
    hyperopt_seconds = [r['hyperopt']['seconds'] for r in rows]
    our_seconds = [r['trajviz']['seconds'] for r in rows]
    lines += [
        f'Search time per pair on this shared 2-core {platform.machine()} machine (wall clock): hyperopt\'s TPE',
        f'overhead alone (objective served by TrajViz) median {np.median(hyperopt_seconds):.2f} s; TrajViz\'s whole search',
        f'(200 runs of 100 steps, debug build of the test target) median {1000 * np.median(our_seconds):.1f} ms,',
        f'max {1000 * max(our_seconds):.1f} ms.',
        '',
    ]
    if timings:
        lines += ['| jettify\'s script for one pair (PyTorch float32, search + 500-step run) | TrajViz search (debug build) | ratio |',
                  '| --- | ---: | ---: |']
        for t in timings:
            lines.append(f"| {t['function']} × {t['optimizer']}: {t['jettifySeconds']:.1f} s | "
                         f"{1000 * t['trajvizSearchSeconds']:.1f} ms | {t['jettifySeconds'] / t['trajvizSearchSeconds']:.0f}× |")
        lines.append('')
    (here / 'hyperopt-comparison.md').write_text('\n'.join(lines))
    (here / 'hyperopt-comparison.json').write_text(json.dumps({'pairs': rows, 'timings': timings}, indent=2) + '\n')
    print('\n'.join(lines))
    return 0


if __name__ == '__main__':
    sys.exit(main())
