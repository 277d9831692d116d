"""Reference paths of expt's optimizers on two 2D functions, computed by torch.optim in float64.

Run from this folder (torch and numpy needed; the CPU wheel is enough):

    python3 reference_functions.py > reference_functions.json

Each case runs one optimizer for STEPS steps from a fixed start on

- "rosenbrock": f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, from (-1.5, 2.0);
- "quadratic": f(x, y) = (x^2 + KAPPA y^2) / 2 with KAPPA = 100 (condition number 100), from (2.0, 1.0).

The gradient is the analytic one, evaluated with float64 tensor operations in the order the
Swift test uses (rosenbrock: dx = -2 (1 - x) - 400 x (y - x^2), dy = 200 (y - x^2);
quadratic: (x, KAPPA y)), so that both sides differ only by the optimizers' own rounding.
The default dtype is set to float64, so torch's internal scalar state (NAdam's running
momentum product, step counters) is float64 too. Lion, which torch lacks, is
reference_optimizers.py's port of lucidrains/lion-pytorch.

Sensitivity: some paths are chaotic, so one ulp of difference per step could grow beyond any
useful tolerance. For each case the script runs the path again from the start moved by
PERTURBATION in x, and records the largest relative divergence (|difference| / max(1, |point|),
coordinate-wise) over the first 10 steps and at the last step. A case is kept for the tests
("stable": true) when the divergence stays below 1e-13 over the first 10 steps and below 1e-9 at
step 100: a perturbation of 1e-15 is several ulps of the start, about what the per-step rounding
differences between expt and torch inject, and 1e-9 leaves a factor of 1000 below the tests'
1e-6. Unstable cases stay in the fixture, with their divergence, so the choice is visible;
the settings below were chosen so that every optimizer keeps cases on both functions.
Measured as unstable: NAdam at lr 0.05 on Rosenbrock (5e-7 at step 100), and RAdam at lr 0.05
on Rosenbrock (1e-12 within 10 steps: its first, unrectified steps are lr times the gradient,
about 150 there, which throws the point far up the valley's walls; at lr 0.001 it is stable).
"""

import json
import platform
import sys

import numpy as np
import torch

from reference_optimizers import OPTIMIZERS

torch.set_default_dtype(torch.float64)

STEPS = 100
KAPPA = 100.0
PERTURBATION = 1e-15
STARTS = {"rosenbrock": [-1.5, 2.0], "quadratic": [2.0, 1.0]}

CASES = [
    # (optimizer, hyperparameters, function)
    ("sgd", {"lr": 2e-4}, "rosenbrock"),
    ("sgd", {"lr": 1e-4, "momentum": 0.9}, "rosenbrock"),
    ("sgd", {"lr": 1e-4, "momentum": 0.9, "nesterov": True}, "rosenbrock"),
    ("sgd", {"lr": 2e-4, "momentum": 0.5, "dampening": 0.3, "weight_decay": 0.1}, "rosenbrock"),
    ("sgd", {"lr": 0.015}, "quadratic"),
    ("sgd", {"lr": 0.005, "momentum": 0.9}, "quadratic"),
    ("sgd", {"lr": 0.005, "momentum": 0.9, "nesterov": True}, "quadratic"),
    ("sgd", {"lr": 0.01, "momentum": 0.5, "dampening": 0.3, "weight_decay": 0.1}, "quadratic"),
    ("adam", {"lr": 0.05}, "rosenbrock"),
    ("adam", {"lr": 0.01}, "rosenbrock"),
    ("adam", {"lr": 0.01, "amsgrad": True}, "rosenbrock"),
    ("adam", {"lr": 0.01, "weight_decay": 0.1}, "rosenbrock"),
    ("adam", {"lr": 0.1}, "quadratic"),
    ("adam", {"lr": 0.1, "betas": (0.8, 0.99), "amsgrad": True}, "quadratic"),
    ("adam", {"lr": 0.1, "weight_decay": 0.1}, "quadratic"),
    ("adamw", {"lr": 0.01, "weight_decay": 0.1}, "rosenbrock"),
    ("adamw", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}, "rosenbrock"),
    ("adamw", {"lr": 0.1, "weight_decay": 0.1}, "quadratic"),
    ("adamw", {"lr": 0.1, "amsgrad": True}, "quadratic"),
    ("adagrad", {"lr": 0.5}, "rosenbrock"),
    ("adagrad", {"lr": 0.1}, "rosenbrock"),
    ("adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.01, "initial_accumulator_value": 0.1}, "rosenbrock"),
    ("adagrad", {"lr": 0.5}, "quadratic"),
    ("adagrad", {"lr": 0.5, "lr_decay": 0.01, "weight_decay": 0.1, "initial_accumulator_value": 0.1, "eps": 1e-6}, "quadratic"),
    ("rmsprop", {"lr": 0.01}, "rosenbrock"),
    ("rmsprop", {"lr": 0.001}, "rosenbrock"),
    ("rmsprop", {"lr": 0.001, "centered": True}, "rosenbrock"),
    ("rmsprop", {"lr": 0.001, "momentum": 0.5, "weight_decay": 0.01}, "rosenbrock"),
    ("rmsprop", {"lr": 0.01}, "quadratic"),
    ("rmsprop", {"lr": 0.01, "alpha": 0.9, "centered": True}, "quadratic"),
    ("rmsprop", {"lr": 0.005, "momentum": 0.9}, "quadratic"),
    ("rmsprop", {"lr": 0.005, "momentum": 0.5, "centered": True, "weight_decay": 0.1}, "quadratic"),
    ("adadelta", {}, "rosenbrock"),
    ("adadelta", {"lr": 10.0, "rho": 0.5, "weight_decay": 0.01}, "rosenbrock"),
    ("adadelta", {"lr": 10.0}, "quadratic"),
    ("adadelta", {"lr": 10.0, "rho": 0.5, "eps": 1e-4, "weight_decay": 0.1}, "quadratic"),
    ("nadam", {"lr": 0.05}, "rosenbrock"),
    ("nadam", {"lr": 0.01}, "rosenbrock"),
    ("nadam", {"lr": 0.01, "weight_decay": 0.1}, "rosenbrock"),
    ("nadam", {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}, "rosenbrock"),
    ("nadam", {"lr": 0.1}, "quadratic"),
    ("nadam", {"lr": 0.1, "momentum_decay": 0.1, "weight_decay": 0.1, "decoupled_weight_decay": True}, "quadratic"),
    ("radam", {"lr": 0.05}, "rosenbrock"),
    ("radam", {"lr": 0.001}, "rosenbrock"),
    ("radam", {"lr": 0.001, "betas": (0.9, 0.99)}, "rosenbrock"),
    ("radam", {"lr": 0.001, "betas": (0.9, 0.99), "weight_decay": 0.1, "decoupled_weight_decay": True}, "rosenbrock"),
    ("radam", {"lr": 0.1}, "quadratic"),
    ("radam", {"lr": 0.1, "betas": (0.8, 0.99), "weight_decay": 0.1}, "quadratic"),
    ("adamax", {"lr": 0.05}, "rosenbrock"),
    ("adamax", {"lr": 0.01, "weight_decay": 0.1}, "rosenbrock"),
    ("adamax", {"lr": 0.1}, "quadratic"),
    ("adamax", {"lr": 0.1, "betas": (0.8, 0.9), "weight_decay": 0.1}, "quadratic"),
    ("lion", {"lr": 0.01}, "rosenbrock"),
    ("lion", {"lr": 0.001, "weight_decay": 0.5}, "rosenbrock"),
    ("lion", {"lr": 0.01}, "quadratic"),
    ("lion", {"lr": 0.01, "betas": (0.5, 0.9), "weight_decay": 1.0}, "quadratic"),
]


def gradient(function, theta):
    x, y = theta[0], theta[1]
    if function == "rosenbrock":
        inner = y - x * x
        return torch.stack([-2 * (1 - x) - 400 * x * inner, 200 * inner])
    return torch.stack([x, KAPPA * y])


def path(kind, hyperparameters, function, start):
    theta = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = OPTIMIZERS[kind]([theta], **hyperparameters)
    points = []
    for _ in range(STEPS):
        with torch.no_grad():
            theta.grad = gradient(function, theta.detach())
        optimizer.step()
        points.append([float(v) for v in theta.detach()])
    return points


def divergence(a, b):
    return max(abs(p - q) / max(1.0, abs(q)) for u, v in zip(a, b) for p, q in zip(u, v))


def main():
    cases = []
    for kind, hyperparameters, function in CASES:
        start = STARTS[function]
        points = path(kind, hyperparameters, function, start)
        moved = path(kind, hyperparameters, function, [start[0] + PERTURBATION, start[1]])
        early = divergence(points[:10], moved[:10])
        final = divergence(points[-1:], moved[-1:])
        stable = early < 1e-13 and final < 1e-9 and all(np.isfinite(points[-1]))
        listed = {key: (list(value) if isinstance(value, tuple) else value) for key, value in hyperparameters.items()}
        settings = ", ".join(f"{key} {value}" for key, value in listed.items())
        cases.append({
            "name": f"{kind} on {function} ({settings or 'defaults'})",
            "optimizer": kind,
            "hyperparameters": listed,
            "function": function,
            "start": start,
            "divergence_first_10_steps": early,
            "divergence_at_last_step": final,
            "stable": bool(stable),
            "path": points,
        })
        print(f"{'stable  ' if stable else 'UNSTABLE'} {cases[-1]['name']}: {early:.1e} over 10 steps, {final:.1e} at step {STEPS}",
              file=sys.stderr)
    fixture = {
        "generator": "reference_functions.py",
        "torch": torch.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "dtype": "float64",
        "steps": STEPS,
        "kappa": KAPPA,
        "perturbation": PERTURBATION,
        "cases": cases,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
