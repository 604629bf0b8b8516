#!/usr/bin/env python3
"""Reproduce one of kozistr/pytorch_optimizer's published tuning choices and set ours beside it.

The pair: torch.optim.SGD on Rosenbrock, tuned in lr and momentum, as
examples/visualize_optimizers.py of kozistr/pytorch_optimizer does it (the version with the
boundary, mean-loss, step-size and loss-gap terms):
  - the model: one float32 parameter (x, y) from (-2, 2); each step `zero_grad()`, loss,
    `backward()`, `clip_grad_norm_(1.0)`, `step()`; 200 steps per evaluation;
  - the score: |x_n - (1, 1)|² + 100·(worst excursion beyond each side of x in [-2, 2],
    y in [-1, 3], summed) + 0.4·mean f(x_k) + 0.1·mean |x_{k+1,i} - x_{k,i}| + 0.2·(mean f(x_k)
    - min f(x_k)), with k < n;
  - the search: hyperopt TPE over lr ~ uniform(0, 0.8), momentum ~ quniform(0, 0.99, 0.01),
    600 evaluations per hyperparameter (1200), loss_threshold 0, rstate default_rng(42).
Their functions and constants are transcribed below (their script also imports matplotlib and
plots; only the search is needed).

Ours: `trajviz gallery --functions rosenbrock --optimizers sgd --tune-objective kozistr
--tune lr,momentum --budget 1200`: the same score, computed by TrajViz's float64 runner, our
deterministic coordinate-wise search, lr log-uniform over SGD's declared e^-8..e^-1 and momentum
over [0, 0.99]. Each side's choice is then scored by both runners: their float32 PyTorch loop
and our float64 one (from `trajviz trajectory`'s JSON, scored here with the same formula, which
also checks our score against the transcription).

Set-up (tools only, not a dependency of TrajViz):
    ${TRAJVIZ_CACHE:-$HOME/.cache/trajviz}/tools-venv/bin/pip install torch pytorch_optimizer hyperopt
    swift build --product trajviz
    .../tools-venv/bin/python Tools/tuning/kozistr_reproduction.py [--trajviz .build/debug/trajviz]
It writes Tools/tuning/kozistr-reproduction.md.
"""
import argparse
import json
import subprocess
import tempfile
import time
from functools import partial
from pathlib import Path

import hyperopt
import numpy as np
import torch
from hyperopt import fmin, hp, tpe
from torch import nn

EVAL_PER_HYPERPARAM = 600
OPTIMIZATION_STEPS = 200
CONVERGENCE_LOSS_PENALTY_FACTOR = 0.2
OSCILLATIONS_LOSS_PENALTY_FACTOR = 0.1
AVERAGE_LOSS_PENALTY_FACTOR = 0.4
SEARCH_SEED = 42
START, MINIMUM, X_BOUNDS, Y_BOUNDS = (-2.0, 2.0), (1.0, 1.0), (-2.0, 2.0), (-1.0, 3.0)
SPACE = {'lr': hp.uniform('lr', 0, 0.8), 'momentum': hp.quniform('momentum', 0, 0.99, 0.01)}


def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


def execute_steps(config, num_iters):
    """Their loop: float32 parameter, clip 1.0, losses recorded before each step."""
    x = nn.Parameter(torch.tensor(START, dtype=torch.float32))
    optimizer = torch.optim.SGD([x], **config)
    steps = torch.zeros((2, num_iters + 1), dtype=torch.float32)
    steps[:, 0] = x.detach()
    losses = []
    for i in range(1, num_iters + 1):
        optimizer.zero_grad()
        loss = rosenbrock(x)
        losses.append(loss.item())
        loss.backward()
        nn.utils.clip_grad_norm_([x], 1.0)
        optimizer.step()
        steps[:, i] = x.detach()
    return steps.double().numpy(), losses


def score(steps, losses):
    """Their objective, on a 2 x (n+1) array of points and the n losses the steps saw."""
    violations = (
        np.clip(X_BOUNDS[0] - steps[0], 0, None).max() + np.clip(steps[0] - X_BOUNDS[1], 0, None).max()
        + np.clip(Y_BOUNDS[0] - steps[1], 0, None).max() + np.clip(steps[1] - Y_BOUNDS[1], 0, None).max()
    )
    distance = (steps[0, -1] - MINIMUM[0]) ** 2 + (steps[1, -1] - MINIMUM[1]) ** 2
    avg_loss = sum(losses) / len(losses)
    return float(distance + (
        100 * violations
        + AVERAGE_LOSS_PENALTY_FACTOR * avg_loss
        + OSCILLATIONS_LOSS_PENALTY_FACTOR * np.mean(np.abs(steps[:, 1:] - steps[:, :-1]))
        + CONVERGENCE_LOSS_PENALTY_FACTOR * (avg_loss - min(losses))
    ))


def torch_score(config):
    steps, losses = execute_steps(dict(config), OPTIMIZATION_STEPS)
    return score(steps, losses)


def trajviz_score(trajviz, config):
    """Our float64 run of `config`, scored with their formula."""
    spec = f"sgd(lr={config['lr']!r}, momentum={config['momentum']!r})"
    out = subprocess.run(
        [trajviz, 'trajectory', '--function', 'rosenbrock', '--optimizer', spec, '--steps', str(OPTIMIZATION_STEPS),
         '--clip-grad-norm', '1', '--start=-2,2'], check=True, capture_output=True, text=True).stdout
    run = json.loads(out)
    steps = np.array(run['points'], dtype=float).T
    return score(steps, run['losses'][:-1])


def ours(trajviz, budget):
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run(
            [trajviz, 'gallery', '--functions', 'rosenbrock', '--optimizers', 'sgd', '--tune-objective', 'kozistr',
             '--tune', 'lr,momentum', '--budget', str(budget), '--figures', 'maps', '--jobs', '1', '--output', folder],
            check=True, capture_output=True)
        seconds = time.perf_counter() - started
        rows = json.loads((Path(folder) / 'metrics.json').read_text())
    row = rows[0]
    spec = row['spec']
    momentum = float(spec.split('momentum=')[1].rstrip(')')) if 'momentum=' in spec else 0.0
    return {'lr': row['learningRate'], 'momentum': momentum}, row['searchObjective'], seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--trajviz', default='.build/debug/trajviz')
    parser.add_argument('--output', default='Tools/tuning/kozistr-reproduction.md')
    args = parser.parse_args()
    budget = EVAL_PER_HYPERPARAM * len(SPACE)

    np.random.seed(SEARCH_SEED)
    torch.manual_seed(SEARCH_SEED)
    started = time.perf_counter()
    theirs = fmin(
        fn=lambda params: torch_score(params), space=SPACE, algo=tpe.suggest, max_evals=budget,
        loss_threshold=0.0, rstate=np.random.default_rng(SEARCH_SEED), show_progressbar=False)
    their_seconds = time.perf_counter() - started
    theirs = {key: float(value) for key, value in theirs.items()}
    mine, my_search_score, my_seconds = ours(args.trajviz, budget)

    rows = [
        ('kozistr (hyperopt TPE, torch float32)', theirs, their_seconds),
        ('TrajViz (coordinate-wise grid and zoom, float64)', mine, my_seconds),
    ]
    lines = [
        '# kozistr\'s tuning of SGD on Rosenbrock, reproduced',
        '',
        'Made by `Tools/tuning/kozistr_reproduction.py` (its docstring gives the protocol): both sides tune',
        f'lr and momentum of torch.optim.SGD on Rosenbrock from (-2, 2) with kozistr\'s penalised score, {OPTIMIZATION_STEPS}',
        f'steps per evaluation and {budget} evaluations. Each choice is scored by both runners. Versions: torch',
        f'{torch.__version__}, hyperopt {hyperopt.__version__}, numpy {np.__version__}.',
        '',
        '| search | lr | momentum | score, torch float32 | score, TrajViz float64 | search time |',
        '| --- | --- | --- | --- | --- | --- |',
    ]
    for name, config, seconds in rows:
        lines.append(
            f"| {name} | {config['lr']:.6g} | {config['momentum']:.4g} | {torch_score(config):.6g} | "
            f"{trajviz_score(args.trajviz, config):.6g} | {seconds:.1f} s |")
    lines += [
        '',
        f'Our search reported {my_search_score:.6g} for its choice; scoring our run of it with the transcribed',
        f'formula gives {trajviz_score(args.trajviz, mine):.6g} (the same formula, two implementations).',
        '',
    ]
    Path(args.output).write_text('\n'.join(lines))
    print('\n'.join(lines))


if __name__ == '__main__':
    main()
