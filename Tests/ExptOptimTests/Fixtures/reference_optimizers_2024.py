"""Reference paths of Muon (torch.optim.Muon, torch 2.13) and schedule-free SGD and AdamW (the
`schedulefree` package, 1.4.1), for Tests/ExptOptimTests/RecentOptimizerPathTests.swift.

Run from this folder with the benchmarks' venv (torch and schedulefree installed):

    /work/main/benchmarks/.venv/bin/python reference_optimizers_2024.py > reference_optimizers_2024.json

Problems (the gradient is the analytic one, in the order of operations the Swift test uses):

- "rosenbrock": f(x, y) = (1 - x)^2 + 100 (y - x^2)^2 from (-1.5, 2.0);
- "quadratic": f(x, y) = (x^2 + 100 y^2) / 2 from (2.0, 1.0);
  for Muon the point is one 1 x 2 matrix (a vector is AdamW's in Muon, so this checks the
  Newton-Schulz step); for schedule-free methods a vector of 2.
- "linear": least squares of a linear layer, W of shape [out, in] (torch's) and b of [out], on
  N = 8 fixed samples X (N x in) with targets T (N x out), both from the formulas in `data`:
  loss = sum((X W^T + b - T)^2) / (2 N), so with R = X W^T + b - T, dW = R^T X / N and
  db = sum over samples of R / N. Shapes 3 x 4 (a wide matrix) and 5 x 3 (a tall one, which
  Muon's iteration transposes). The start's bias is chosen so that no gradient element starts
  near 0: AdamW's first step is the gradient's sign, which rounding would decide there (at
  b = (o mod 3 - 1) / 10 one element of the 5 x 3 layer's bias gradient was 3e-18).

Float64 cases run 100 steps; float32 cases 5 steps on "linear". Each float64 case is run again
from the start moved by 1e-15 in its first coordinate, and kept as "stable" when the relative
divergence stays below 1e-13 over 10 steps and 1e-9 at step 100 (as reference_functions.py).

Muon: torch 2.13 casts the Newton-Schulz iteration to bfloat16 on every device; expt computes it
in the parameters' precision, so this script replaces torch's `_zeropower_via_newtonschulz` by a
copy of it without that cast (`.bfloat16()` becomes `.clone()`), nothing else changed. Tensors
that are not matrices (b) are given to torch.optim.AdamW with Muon's adamw_* settings.

Schedule-free: each step is taken in train mode, then the path records y (the parameters), calls
eval() and records x, then calls train() again, as expt's 2D executor does every step.
"""

import json
import platform
import sys

import schedulefree
import torch
import torch.optim._muon as torch_muon

STEPS64 = 100
STEPS32 = 5
KAPPA = 100.0
SAMPLES = 8
PERTURBATION = 1e-15
STARTS = {"rosenbrock": [-1.5, 2.0], "quadratic": [2.0, 1.0]}


def zeropower_in_working_precision(grad, ns_coefficients, ns_steps, eps):
    """torch's `_zeropower_via_newtonschulz` without its cast to bfloat16."""
    a, b, c = ns_coefficients
    ortho_grad = grad.clone()
    if grad.size(0) > grad.size(1):
        ortho_grad = ortho_grad.T
    ortho_grad.div_(ortho_grad.norm().clamp(min=eps))
    for _ in range(ns_steps):
        gram_matrix = ortho_grad @ ortho_grad.T
        gram_update = torch.addmm(gram_matrix, gram_matrix, gram_matrix, beta=b, alpha=c)
        ortho_grad = torch.addmm(ortho_grad, gram_update, ortho_grad, beta=a)
    if grad.size(0) > grad.size(1):
        ortho_grad = ortho_grad.T
    return ortho_grad


torch_muon._zeropower_via_newtonschulz = zeropower_in_working_precision

# (optimizer, manifest hyperparameters, problem, dtype); a "linear" problem names its shape.
CASES = [
    ("muon", {"lr": 0.01}, "rosenbrock", "float64"),
    ("muon", {"lr": 0.01, "nesterov": False, "momentum": 0.9}, "rosenbrock", "float64"),
    ("muon", {"lr": 0.05, "weight_decay": 0.0}, "quadratic", "float64"),
    ("muon", {"lr": 0.02, "adjust_lr_fn": "match_rms_adamw"}, "linear 3x4", "float64"),
    ("muon", {"lr": 0.02, "nesterov": False, "ns_steps": 3, "adamw_lr": 0.01}, "linear 3x4", "float64"),
    ("muon", {"lr": 0.02, "adamw_lr": 0.01, "adamw_betas": [0.8, 0.99], "adamw_weight_decay": 0.1}, "linear 5x3", "float64"),
    ("muon", {"lr": 0.02, "adjust_lr_fn": "match_rms_adamw", "weight_decay": 0.0}, "linear 5x3", "float64"),
    ("muon", {"lr": 0.02}, "linear 3x4", "float32"),
    ("muon", {"lr": 0.02, "adjust_lr_fn": "match_rms_adamw"}, "linear 5x3", "float32"),
    ("schedule_free_sgd", {"lr": 2e-4}, "rosenbrock", "float64"),
    ("schedule_free_sgd", {"lr": 2e-4, "momentum": 0.5, "warmup_steps": 10, "weight_decay": 0.1}, "rosenbrock", "float64"),
    ("schedule_free_sgd", {"lr": 0.01}, "quadratic", "float64"),
    ("schedule_free_sgd", {"lr": 0.01, "r": 1.0, "weight_lr_power": 1.0, "warmup_steps": 20}, "quadratic", "float64"),
    ("schedule_free_sgd", {"lr": 0.2}, "linear 3x4", "float64"),
    ("schedule_free_sgd", {"lr": 0.2, "momentum": 0.8, "weight_decay": 0.01, "warmup_steps": 5}, "linear 5x3", "float64"),
    ("schedule_free_sgd", {"lr": 0.2, "warmup_steps": 2}, "linear 3x4", "float32"),
    ("schedule_free_adamw", {"lr": 0.01}, "rosenbrock", "float64"),
    ("schedule_free_adamw", {"lr": 0.01, "betas": [0.8, 0.99], "warmup_steps": 10, "weight_decay": 0.1}, "rosenbrock", "float64"),
    ("schedule_free_adamw", {"lr": 0.05}, "quadratic", "float64"),
    ("schedule_free_adamw", {"lr": 0.05, "r": 0.5, "weight_lr_power": 0.0, "eps": 1e-6}, "quadratic", "float64"),
    ("schedule_free_adamw", {"lr": 0.02}, "linear 3x4", "float64"),
    ("schedule_free_adamw", {"lr": 0.02, "warmup_steps": 5, "weight_decay": 0.01}, "linear 5x3", "float64"),
    ("schedule_free_adamw", {"lr": 0.02, "warmup_steps": 2, "weight_decay": 0.01}, "linear 3x4", "float32"),
]


def data(outputs, inputs, dtype):
    """Samples, targets and the start (W then b), from fixed formulas."""
    features = torch.tensor([[((3 * n + 2 * i) % 7 - 3) / 4.0 for i in range(inputs)] for n in range(SAMPLES)], dtype=dtype)
    targets = torch.tensor([[((5 * n + 3 * o) % 9 - 4) / 5.0 for o in range(outputs)] for n in range(SAMPLES)], dtype=dtype)
    weight = [[((2 * o + 3 * i) % 5 - 2) / 10.0 for i in range(inputs)] for o in range(outputs)]
    bias = [((o % 3) - 1) / 8.0 for o in range(outputs)]
    return features, targets, weight, bias


def function_gradient(function, theta):
    x, y = theta[0], theta[1]
    if function == "rosenbrock":
        inner = y - x * x
        return torch.stack([-2 * (1 - x) - 400 * x * inner, 200 * inner])
    return torch.stack([x, KAPPA * y])


def make(kind, hyperparameters, matrices, others):
    if kind == "muon":
        h = dict(hyperparameters)
        adamw = {"lr": h.pop("adamw_lr", 0.001), "betas": tuple(h.pop("adamw_betas", (0.9, 0.999))),
                 "eps": h.pop("adamw_eps", 1e-8), "weight_decay": h.pop("adamw_weight_decay", 0.01)}
        optimizers = [torch.optim.Muon(matrices, **h)]
        if others:
            optimizers.append(torch.optim.AdamW(others, **adamw))
        return optimizers
    h = {key: (tuple(value) if isinstance(value, list) else value) for key, value in hyperparameters.items()}
    kind_class = schedulefree.SGDScheduleFree if kind == "schedule_free_sgd" else schedulefree.AdamWScheduleFree
    optimizer = kind_class(matrices + others, **h)
    optimizer.train()
    return [optimizer]


def run(kind, hyperparameters, problem, dtype, steps, perturbation=0.0):
    """The path of y (the parameters while training) and, for schedule-free methods, of x."""
    dtype = getattr(torch, dtype)
    if problem.startswith("linear"):
        outputs, inputs = (int(v) for v in problem.split()[1].split("x"))
        features, targets, weight, bias = data(outputs, inputs, dtype)
        weight[0][0] += perturbation
        w = torch.tensor(weight, dtype=dtype, requires_grad=True)
        b = torch.tensor(bias, dtype=dtype, requires_grad=True)
        params, matrices, others = [w, b], [w], [b]
    else:
        start = list(STARTS[problem])
        start[0] += perturbation
        shape = (1, 2) if kind == "muon" else (2,)
        theta = torch.tensor(start, dtype=dtype).reshape(shape).requires_grad_(True)
        params, matrices, others = [theta], [theta], []
    optimizers = make(kind, hyperparameters, matrices, others)
    flat = lambda: [float(v) for p in params for v in p.detach().reshape(-1)]
    ys, xs = [], []
    for _ in range(steps):
        with torch.no_grad():
            if problem.startswith("linear"):
                residual = features @ w.T + b - targets
                w.grad = residual.T @ features / SAMPLES
                b.grad = residual.sum(0) / SAMPLES
            else:
                theta.grad = function_gradient(problem, theta.detach().reshape(-1)).reshape(shape)
        for optimizer in optimizers:
            optimizer.step()
        ys.append(flat())
        if kind != "muon":
            optimizers[0].eval()
            xs.append(flat())
            optimizers[0].train()
    return ys, xs


def divergence(a, b):
    return max(abs(p - q) / max(1.0, abs(q)) for u, v in zip(a, b) for p, q in zip(u, v))


def main():
    cases = []
    for kind, hyperparameters, problem, dtype in CASES:
        steps = STEPS64 if dtype == "float64" else STEPS32
        ys, xs = run(kind, hyperparameters, problem, dtype, steps)
        case = {"optimizer": kind, "hyperparameters": hyperparameters, "problem": problem, "dtype": dtype,
                "path": ys, "evaluation_path": xs}
        settings = ", ".join(f"{key} {value}" for key, value in hyperparameters.items())
        case["name"] = f"{kind} on {problem} in {dtype} ({settings})"
        if dtype == "float64":
            moved, _ = run(kind, hyperparameters, problem, dtype, steps, PERTURBATION)
            early, final = divergence(ys[:10], moved[:10]), divergence(ys[-1:], moved[-1:])
            case["divergence_first_10_steps"], case["divergence_at_last_step"] = early, final
            case["stable"] = bool(early < 1e-13 and final < 1e-9)
            print(f"{'stable  ' if case['stable'] else 'UNSTABLE'} {case['name']}: {early:.1e}, {final:.1e}", file=sys.stderr)
        else:
            case["stable"] = True
        cases.append(case)
    fixture = {
        "generator": "reference_optimizers_2024.py",
        "torch": torch.__version__,
        "schedulefree": "1.4.1",
        "python": platform.python_version(),
        "samples": SAMPLES,
        "kappa": KAPPA,
        "cases": cases,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
