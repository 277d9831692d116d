"""Reference learning rates for expt's schedules, computed by torch.optim.lr_scheduler.

Run from this folder (torch needed; the CPU wheel is enough):

    python3 reference_schedules.py > reference_schedules.json

Each case makes an SGD optimizer over one parameter with the case's base lr, wraps it in the
scheduler, and records `get_last_lr()[0]` before the first `scheduler.step()` and after each
of the following ones: entry t is the rate after t steps. Plateau cases feed the given metric
to `step(metric)` and record the rate after each call (entry t: after t metrics). Warm-up
cases chain `LinearLR` and the main scheduler with `SequentialLR`. Values are Python floats
(doubles), written with repr so they read back exactly.
"""

import json
import platform
import sys
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")
TICKS = 24


def optimizer(lr):
    return torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)


def closed(name, lr, make, arguments, ticks=TICKS):
    opt = optimizer(lr)
    scheduler = make(opt)
    rates = [scheduler.get_last_lr()[0]]
    for _ in range(ticks):
        opt.step()
        scheduler.step()
        rates.append(scheduler.get_last_lr()[0])
    return {"name": name, "lr": lr, "arguments": arguments, "rates": rates}


def plateau(name, lr, arguments, metrics):
    opt = optimizer(lr)
    scheduler = S.ReduceLROnPlateau(opt, **arguments)
    rates = [opt.param_groups[0]["lr"]]
    for value in metrics:
        scheduler.step(value)
        rates.append(opt.param_groups[0]["lr"])
    return {"name": name, "lr": lr, "arguments": arguments, "metrics": metrics, "rates": rates}


def warm(name, lr, warmup, start_factor, make_main, arguments):
    def make(opt):
        first = S.LinearLR(opt, start_factor=start_factor, end_factor=1.0, total_iters=warmup)
        return S.SequentialLR(opt, [first, make_main(opt)], milestones=[warmup])
    args = dict(arguments, warmup=warmup, start_factor=start_factor)
    return closed(name, lr, make, args)


cases = [
    closed("step", 0.1, lambda o: S.StepLR(o, step_size=3, gamma=0.5), {"kind": "step", "step_size": 3, "gamma": 0.5}),
    closed("multistep", 0.1, lambda o: S.MultiStepLR(o, milestones=[2, 5, 11], gamma=0.1),
           {"kind": "multistep", "milestones": [2, 5, 11], "gamma": 0.1}),
    closed("exponential", 0.05, lambda o: S.ExponentialLR(o, gamma=0.9), {"kind": "exponential", "gamma": 0.9}),
    closed("polynomial", 0.1, lambda o: S.PolynomialLR(o, total_iters=10, power=2.0),
           {"kind": "polynomial", "total_iters": 10, "power": 2.0}),
    closed("polynomial linear", 0.3, lambda o: S.PolynomialLR(o, total_iters=7, power=1.0),
           {"kind": "polynomial", "total_iters": 7, "power": 1.0}),
    closed("cosine", 0.1, lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001),
           {"kind": "cosine", "t_max": 10, "eta_min": 0.001}),
    closed("cosine restarts", 0.1, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.01),
           {"kind": "cosine_restarts", "t_0": 3, "t_mult": 2, "eta_min": 0.01}),
    closed("cosine restarts fixed", 0.2, lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5),
           {"kind": "cosine_restarts", "t_0": 5, "t_mult": 1, "eta_min": 0.0}),
    closed("onecycle cos", 0.1, lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=20, cycle_momentum=False),
           {"kind": "onecycle", "max_lr": 0.5, "total_steps": 20, "pct_start": 0.3, "anneal_strategy": "cos",
            "div_factor": 25.0, "final_div_factor": 1e4}, ticks=19),
    closed("onecycle linear", 0.1, lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=16, pct_start=0.25,
                                                           anneal_strategy="linear", div_factor=10.0,
                                                           final_div_factor=100.0, cycle_momentum=False),
           {"kind": "onecycle", "max_lr": 1.0, "total_steps": 16, "pct_start": 0.25, "anneal_strategy": "linear",
            "div_factor": 10.0, "final_div_factor": 100.0}, ticks=15),
    warm("warmup cosine", 0.1, 4, 0.25, lambda o: S.CosineAnnealingLR(o, T_max=12),
         {"kind": "cosine", "t_max": 12, "eta_min": 0.0}),
    warm("warmup step", 0.2, 3, 1.0 / 3.0, lambda o: S.StepLR(o, step_size=5, gamma=0.5),
         {"kind": "step", "step_size": 5, "gamma": 0.5}),
]

LOSSES = [1.0, 0.9, 0.95, 0.9, 0.91, 0.92, 0.89, 0.9, 0.9, 0.9, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6]
ACCURACIES = [0.5, 0.6, 0.6, 0.6005, 0.61, 0.61, 0.61, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7]
plateaus = [
    plateau("plateau min rel", 0.1, {"mode": "min", "factor": 0.5, "patience": 2}, LOSSES),
    plateau("plateau min abs cooldown", 0.1,
            {"mode": "min", "factor": 0.1, "patience": 1, "threshold": 0.05, "threshold_mode": "abs",
             "cooldown": 2, "min_lr": 0.0005}, LOSSES),
    plateau("plateau max rel", 1.0, {"mode": "max", "factor": 0.5, "patience": 1, "threshold": 0.01}, ACCURACIES),
    plateau("plateau max abs zero patience", 1.0,
            {"mode": "max", "factor": 0.2, "patience": 0, "threshold": 0.0, "threshold_mode": "abs",
             "min_lr": 0.05}, ACCURACIES),
]

json.dump({
    "torch": torch.__version__,
    "python": platform.python_version(),
    "cases": cases,
    "plateaus": plateaus,
}, sys.stdout, indent=1)
print()
