"""Reference paths of expt's optimizers that evaluate the loss more than once per step (L-BFGS,
SAM) and of the wrappers (SAM, Lookahead), computed with torch in float64.

Run from this folder (torch needed; the CPU wheel is enough):

    python3 reference_optimizers_closure.py > reference_optimizers_closure.json

Each case runs STEPS steps from a fixed start on one of

- "rosenbrock": f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, from (-1.5, 2.0);
- "quadratic": f(x, y) = (x^2 + KAPPA y^2) / 2 with KAPPA = 100, from (2.0, 1.0);
- "least_squares": a linear model w (3 weights, one tensor) and b (bias, a second tensor),
  loss (1/n) sum_i r_i^2 with r_i = ((x_i0 w0 + x_i1 w1) + x_i2 w2) + b - y_i on the n = 8 rows
  of DATA, from w = (0, 0, 0), b = 0; gradient (2/n) sum_i r_i x_ij and (2/n) sum_i r_i.

Losses and gradients are computed with Python floats (IEEE double) in the order written above,
which the Swift test repeats, and handed to torch as float64 tensors: the closure sets .grad and
returns the loss, as torch.optim.LBFGS and SAM ask. The optimizers:

- "lbfgs": torch.optim.LBFGS itself (line_search_fn "strong_wolfe" or None); one step is one
  optimizer.step(closure). The fixture records, per step, how many times the closure ran.
- "sam": davda54/sam's SAM (first_step, closure, second_step), ported below with torch ops.
- "lookahead": michaelrzhang/lookahead's Lookahead (the authors' code), ported below.

The wrappers' base is a torch.optim optimizer ("base" and "base_hyperparameters").
As in reference_functions.py, each case is run again from a start moved by PERTURBATION in x;
a case is "stable" (kept by the tests) when the paths differ by less than 1e-13 over the first
10 steps and less than 1e-9 at the last step. Measured as unstable: L-BFGS with its defaults on
Rosenbrock (2.5e-13 within 10 steps: 20 iterations per step amplify the first steps' rounding)
and SAM at lr 0.1 on least_squares (1.4e-8 at step 100: near the minimum the ascent direction
g/|g| turns with every ulp of g).
"""

import json
import platform
import sys

import torch

torch.set_default_dtype(torch.float64)

STEPS = 100
KAPPA = 100.0
PERTURBATION = 1e-15
DATA_X = [[((i * 7 + j * 3) % 11 - 5) / 4 for j in range(3)] for i in range(8)]
DATA_Y = [((i * 5) % 9 - 4) / 3 for i in range(8)]
STARTS = {"rosenbrock": [[-1.5, 2.0]], "quadratic": [[2.0, 1.0]], "least_squares": [[0.0, 0.0, 0.0], [0.0]]}

BASES = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}

CASES = [
    # (optimizer, hyperparameters, base, base hyperparameters, function)
    ("lbfgs", {"line_search_fn": "strong_wolfe"}, None, {}, "rosenbrock"),
    ("lbfgs", {"line_search_fn": "strong_wolfe", "max_iter": 2, "history_size": 5}, None, {}, "rosenbrock"),
    ("lbfgs", {"line_search_fn": "strong_wolfe"}, None, {}, "quadratic"),
    ("lbfgs", {"line_search_fn": "strong_wolfe", "max_iter": 1, "lr": 0.5}, None, {}, "quadratic"),
    ("lbfgs", {"line_search_fn": None, "max_iter": 3, "lr": 0.1}, None, {}, "quadratic"),
    ("lbfgs", {"line_search_fn": None, "max_iter": 2, "lr": 0.05, "history_size": 3}, None, {}, "rosenbrock"),
    ("lbfgs", {"line_search_fn": "strong_wolfe", "max_iter": 1, "history_size": 2}, None, {}, "least_squares"),
    ("lbfgs", {"line_search_fn": None, "max_iter": 2, "lr": 0.2}, None, {}, "least_squares"),
    ("sam", {"rho": 0.05}, "sgd", {"lr": 2e-4}, "rosenbrock"),
    ("sam", {"rho": 0.1, "adaptive": True}, "sgd", {"lr": 1e-4, "momentum": 0.9}, "rosenbrock"),
    ("sam", {"rho": 0.05}, "sgd", {"lr": 0.005, "momentum": 0.9}, "quadratic"),
    ("sam", {"rho": 0.5, "adaptive": True}, "adam", {"lr": 0.1}, "quadratic"),
    ("sam", {"rho": 0.05}, "sgd", {"lr": 0.1}, "least_squares"),
    ("sam", {"rho": 0.05}, "sgd", {"lr": 0.01}, "least_squares"),
    ("sam", {"rho": 0.2, "adaptive": True}, "sgd", {"lr": 0.01, "momentum": 0.5}, "least_squares"),
    ("lookahead", {"k": 5, "alpha": 0.5}, "sgd", {"lr": 2e-4}, "rosenbrock"),
    ("lookahead", {"k": 3, "alpha": 0.8}, "adam", {"lr": 0.01}, "rosenbrock"),
    ("lookahead", {"k": 5, "alpha": 0.5}, "sgd", {"lr": 0.005, "momentum": 0.9}, "quadratic"),
    ("lookahead", {"k": 4, "alpha": 0.3}, "adam", {"lr": 0.1}, "quadratic"),
    ("lookahead", {"k": 5, "alpha": 0.5}, "sgd", {"lr": 0.1, "momentum": 0.5}, "least_squares"),
]


def loss_and_gradient(function, values):
    """The loss and the gradient (one list per tensor) at `values` (one list per tensor)."""
    if function == "rosenbrock":
        x, y = values[0]
        inner = y - x * x
        return (1 - x) * (1 - x) + 100 * inner * inner, [[-2 * (1 - x) - 400 * x * inner, 200 * inner]]
    if function == "quadratic":
        x, y = values[0]
        return (x * x + KAPPA * y * y) / 2, [[x, KAPPA * y]]
    w, (b,) = values
    n = len(DATA_Y)
    loss, gw, gb = 0.0, [0.0, 0.0, 0.0], 0.0
    for row, target in zip(DATA_X, DATA_Y):
        r = row[0] * w[0] + row[1] * w[1] + row[2] * w[2] + b - target
        loss += r * r
        for j in range(3):
            gw[j] += r * row[j]
        gb += r
    return loss / n, [[2 * g / n for g in gw], [2 * gb / n]]


class SAM(torch.optim.Optimizer):
    """davda54/sam (sam.py), with its first_step and second_step."""

    def __init__(self, params, base_optimizer, rho=0.05, adaptive=False, **kwargs):
        defaults = dict(rho=rho, adaptive=adaptive, **kwargs)
        super().__init__(params, defaults)
        self.base_optimizer = base_optimizer(self.param_groups, **kwargs)
        self.param_groups = self.base_optimizer.param_groups

    @torch.no_grad()
    def first_step(self):
        grad_norm = self._grad_norm()
        for group in self.param_groups:
            scale = group["rho"] / (grad_norm + 1e-12)
            for p in group["params"]:
                self.state[p]["old_p"] = p.data.clone()
                e_w = (torch.pow(p, 2) if group["adaptive"] else 1.0) * p.grad * scale.to(p)
                p.add_(e_w)

    @torch.no_grad()
    def second_step(self):
        for group in self.param_groups:
            for p in group["params"]:
                p.data = self.state[p]["old_p"]
        self.base_optimizer.step()

    def _grad_norm(self):
        return torch.norm(torch.stack([
            ((torch.abs(p) if group["adaptive"] else 1.0) * p.grad).norm(p=2)
            for group in self.param_groups for p in group["params"]]), p=2)


class Lookahead:
    """michaelrzhang/lookahead (lookahead_pytorch.py) without pullback momentum."""

    def __init__(self, optimizer, la_steps=5, la_alpha=0.5):
        self.optimizer = optimizer
        self._la_step = 0
        self.la_alpha = la_alpha
        self._total_la_steps = la_steps
        self.cached = {p: p.detach().clone() for group in optimizer.param_groups for p in group["params"]}

    @torch.no_grad()
    def step(self):
        self.optimizer.step()
        self._la_step += 1
        if self._la_step >= self._total_la_steps:
            self._la_step = 0
            for group in self.optimizer.param_groups:
                for p in group["params"]:
                    p.data.mul_(self.la_alpha).add_(self.cached[p], alpha=1.0 - self.la_alpha)
                    self.cached[p].copy_(p.data)


def path(kind, hyperparameters, base, base_hyperparameters, function, start):
    tensors = [torch.tensor(values, requires_grad=True) for values in start]
    evaluations = [0]

    def set_gradient():
        loss, gradients = loss_and_gradient(function, [t.detach().tolist() for t in tensors])
        for tensor, gradient in zip(tensors, gradients):
            tensor.grad = torch.tensor(gradient)
        evaluations[0] += 1
        return torch.tensor(loss)

    if kind == "lbfgs":
        optimizer = torch.optim.LBFGS(tensors, **hyperparameters)
    elif kind == "sam":
        optimizer = SAM(tensors, BASES[base], **hyperparameters, **base_hyperparameters)
    else:
        optimizer = Lookahead(BASES[base](tensors, **base_hyperparameters),
                              la_steps=hyperparameters["k"], la_alpha=hyperparameters["alpha"])
    points, counts = [], []
    for _ in range(STEPS):
        evaluations[0] = 0
        if kind == "lbfgs":
            optimizer.step(set_gradient)
        elif kind == "sam":
            set_gradient()
            optimizer.first_step()
            set_gradient()
            optimizer.second_step()
        else:
            set_gradient()
            optimizer.step()
        points.append([v for t in tensors for v in t.detach().tolist()])
        counts.append(evaluations[0])
    return points, counts


def divergence(a, b):
    return max(abs(p - q) / max(1.0, abs(q)) for u, v in zip(a, b) for p, q in zip(u, v))


def main():
    cases = []
    for kind, hyperparameters, base, base_hyperparameters, function in CASES:
        start = STARTS[function]
        points, counts = path(kind, hyperparameters, base, base_hyperparameters, function, start)
        moved_start = [[start[0][0] + PERTURBATION] + start[0][1:]] + start[1:]
        moved, _ = path(kind, hyperparameters, base, base_hyperparameters, function, moved_start)
        early = divergence(points[:10], moved[:10])
        final = divergence(points[-1:], moved[-1:])
        stable = early < 1e-13 and final < 1e-9
        settings = ", ".join(f"{key} {value}" for key, value in hyperparameters.items())
        if base:
            settings += f", base {base} " + " ".join(f"{key} {value}" for key, value in base_hyperparameters.items())
        cases.append({
            "name": f"{kind} on {function} ({settings})",
            "optimizer": kind,
            "hyperparameters": hyperparameters,
            "base": base,
            "base_hyperparameters": base_hyperparameters,
            "function": function,
            "start": [v for values in start for v in values],
            "divergence_first_10_steps": early,
            "divergence_at_last_step": final,
            "stable": bool(stable),
            "evaluations": counts,
            "path": points,
        })
        print(f"{'stable  ' if stable else 'UNSTABLE'} {cases[-1]['name']}: {early:.1e} over 10 steps, "
              f"{final:.1e} at step {STEPS}, {sum(counts)} evaluations, ends at {points[-1]}", file=sys.stderr)
    fixture = {
        "generator": "reference_optimizers_closure.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "dtype": "float64",
        "steps": STEPS,
        "kappa": KAPPA,
        "data_x": DATA_X,
        "data_y": DATA_Y,
        "perturbation": PERTURBATION,
        "cases": cases,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
