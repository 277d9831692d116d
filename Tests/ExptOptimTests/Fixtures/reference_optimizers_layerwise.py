"""Reference runs for ASGD, AdaBelief, LAMB, LARS and Adafactor: float32 trajectories on a small
model's layout, and float64 paths on the 2D functions of reference_functions.py.

Run from this folder with the benchmarks' venv (torch 2.13):

    /work/main/benchmarks/.venv/bin/python reference_optimizers_layerwise.py > reference_optimizers_layerwise.json

References:
- asgd: torch.optim.ASGD (its averaged point `ax` is recorded too; torch trains and evaluates at
  the iterate, and so does expt);
- adafactor: torch.optim.Adafactor;
- adabelief: `AdaBelief` below, the update of the authors' adabelief-pytorch 0.2.0
  (juntang-zhuang/Adabelief-Optimizer, AdaBelief.step) in the same torch operations, with
  rectify off and fixed_decay off;
- lamb: `Lamb` below, optax.lamb (scale_by_adam, add_decayed_weights, scale_by_trust_ratio,
  scale_by_learning_rate) in torch operations, eps_root 0, no mask; optax forms the bias
  corrections 1 - b^t in the parameters' dtype, the port (like expt) in double precision;
- lars: `Lars` below, optax.lars (add_decayed_weights, scale_by_trust_ratio with
  trust_coefficient and eps, scale_by_learning_rate, trace) in torch operations; optax masks
  nothing by default, so every tensor (biases included) has its trust ratio and weight decay.

Trajectories (float32, STEPS steps): the parameters of a dense layer, a weight of torch shape
[3, 4] and a bias [3], with the quadratic's gradient g = 2 theta + offset. expt stores the
weight transposed ([4, 3] row-major) followed by the bias, so the fixture lists the 15 values
in that order: the weight's column c, row r at index 3 c + r, then the bias at 12..14.
Per-tensor norms (LAMB, LARS, Adafactor) and Adafactor's row and column factors are computed
over torch's tensors. (Adafactor's estimate R_r C_c / mean(R) is unchanged by transposing the
matrix, since mean(R) = mean(C); the tensors' boundaries and factoring are what it tests.)

Layout paths (float64, 100 steps): every trajectory case again on the same layout and gradient,
in double precision, recording the parameters after steps 1 to 10 and every tenth step after
(Adafactor's cases give eps1 = 1e-30, since torch's default is the dtype's machine epsilon),
with the same sensitivity check as the paths below (the first element moved by 1e-15).

Paths (float64, 100 steps) as reference_functions.py, with its functions, starts and
sensitivity check (a path is "stable" when a start moved by 1e-15 stays within 1e-13 over 10
steps and 1e-9 at the last); the 2D point is one vector tensor. Adafactor's paths give eps1
explicitly, since torch's default (None) is the machine epsilon of the parameters' dtype.
"""

import json
import math
import platform
import sys

import torch

STEPS = 5
PATH_STEPS = 100
ROWS, COLUMNS = 3, 4
# In expt's storage order: the weight transposed (index 3 c + r), then the bias.
INITIAL = [0.5, -1.0, 0.25, 1.5, -0.75, 0.1, -0.3, 2.0, -1.25, 0.8, 0.6, -0.4, 0.2, -0.1, 0.05]
OFFSET = [0.1, -0.3, 0.2, 0.05, 0.4, -0.2, 0.3, -0.1, 0.15, -0.25, 0.35, 0.0, 0.1, 0.2, -0.3]
ZERO_BIAS = INITIAL[:12] + [0.0, 0.0, 0.0]
# As reference_functions.py (which needs numpy, absent from the benchmarks' venv).
KAPPA = 100.0
PERTURBATION = 1e-15
STARTS = {"rosenbrock": [-1.5, 2.0], "quadratic": [2.0, 1.0]}


class AdaBelief(torch.optim.Optimizer):
    """adabelief-pytorch 0.2.0's AdaBelief.step with rectify=False and fixed_decay=False."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-16, weight_decay=0.0, amsgrad=False,
                 weight_decouple=True):
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay,
                                  "amsgrad": amsgrad, "weight_decouple": weight_decouple})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                grad = p.grad.clone()
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_var"] = torch.zeros_like(p)
                    state["max_exp_avg_var"] = torch.zeros_like(p)
                if group["weight_decouple"]:
                    p.mul_(1.0 - group["lr"] * group["weight_decay"])
                elif group["weight_decay"] != 0:
                    grad.add_(p, alpha=group["weight_decay"])
                exp_avg, exp_avg_var = state["exp_avg"], state["exp_avg_var"]
                state["step"] += 1
                bias_correction1 = 1 - beta1 ** state["step"]
                bias_correction2 = 1 - beta2 ** state["step"]
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                grad_residual = grad - exp_avg
                exp_avg_var.mul_(beta2).addcmul_(grad_residual, grad_residual, value=1 - beta2)
                if group["amsgrad"]:
                    max_exp_avg_var = state["max_exp_avg_var"]
                    torch.max(max_exp_avg_var, exp_avg_var.add_(group["eps"]), out=max_exp_avg_var)
                    denom = (max_exp_avg_var.sqrt() / math.sqrt(bias_correction2)).add_(group["eps"])
                else:
                    denom = (exp_avg_var.add_(group["eps"]).sqrt() / math.sqrt(bias_correction2)).add_(group["eps"])
                p.addcdiv_(exp_avg, denom, value=-group["lr"] / bias_correction1)


def trust_ratio(param, update, trust_coefficient, eps):
    """optax.scale_by_trust_ratio's factor: c ||param|| / (||update|| + eps), 1 where a norm is 0."""
    param_norm = torch.linalg.vector_norm(param)
    update_norm = torch.linalg.vector_norm(update)
    if param_norm == 0 or update_norm == 0:
        return torch.ones((), dtype=param.dtype)
    return trust_coefficient * param_norm / (update_norm + eps)


class Lamb(torch.optim.Optimizer):
    """optax.lamb: chain(scale_by_adam(b1, b2, eps), add_decayed_weights(weight_decay),
    scale_by_trust_ratio(), scale_by_learning_rate(lr))."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6, weight_decay=1e-4):
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            b1, b2 = group["betas"]
            for p in group["params"]:
                g = p.grad
                state = self.state[p]
                if not state:
                    state["count"] = 0
                    state["mu"] = torch.zeros_like(p)
                    state["nu"] = torch.zeros_like(p)
                state["count"] += 1
                t = state["count"]
                state["mu"] = (1 - b1) * g + b1 * state["mu"]
                state["nu"] = (1 - b2) * (g * g) + b2 * state["nu"]
                mu_hat = state["mu"] / (1 - b1 ** t)
                nu_hat = state["nu"] / (1 - b2 ** t)
                update = mu_hat / (torch.sqrt(nu_hat) + group["eps"])
                update = update + group["weight_decay"] * p
                update = update * trust_ratio(p, update, 1.0, 0.0)
                update = update * -group["lr"]
                p.add_(update)


class Lars(torch.optim.Optimizer):
    """optax.lars: chain(add_decayed_weights(weight_decay), scale_by_trust_ratio(trust_coefficient,
    eps), scale_by_learning_rate(lr), trace(momentum, nesterov)), masks all true."""

    def __init__(self, params, lr=1.0, weight_decay=0.0, trust_coefficient=0.001, eps=0.0, momentum=0.9, nesterov=False):
        super().__init__(params, {"lr": lr, "weight_decay": weight_decay, "trust_coefficient": trust_coefficient,
                                  "eps": eps, "momentum": momentum, "nesterov": nesterov})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            momentum = group["momentum"]
            for p in group["params"]:
                state = self.state[p]
                if not state:
                    state["trace"] = torch.zeros_like(p)
                update = p.grad + group["weight_decay"] * p
                update = update * trust_ratio(p, update, group["trust_coefficient"], group["eps"])
                update = update * -group["lr"]
                state["trace"] = update + momentum * state["trace"]
                p.add_(update + momentum * state["trace"] if group["nesterov"] else state["trace"])


OPTIMIZERS = {"asgd": torch.optim.ASGD, "adabelief": AdaBelief, "lamb": Lamb, "lars": Lars, "adafactor": torch.optim.Adafactor}

TRAJECTORY_CASES = [
    # (name, optimizer, hyperparameters, initial)
    ("asgd defaults", "asgd", {}, INITIAL),
    # t0 = 2: the average starts moving away from the iterate at step 4 (mu = 1 / (t - t0)).
    ("asgd lambd alpha t0 weight decay", "asgd", {"lr": 0.05, "lambd": 0.5, "alpha": 0.5, "t0": 2.0, "weight_decay": 0.1}, INITIAL),
    ("adabelief defaults", "adabelief", {}, INITIAL),
    ("adabelief lr 0.1 decoupled weight decay", "adabelief", {"lr": 0.1, "eps": 1e-8, "weight_decay": 0.1}, INITIAL),
    ("adabelief coupled weight decay", "adabelief",
     {"lr": 0.1, "betas": (0.8, 0.99), "weight_decay": 0.1, "weight_decouple": False}, INITIAL),
    ("adabelief amsgrad", "adabelief", {"lr": 0.1, "betas": (0.5, 0.9), "eps": 1e-6, "amsgrad": True}, INITIAL),
    ("lamb defaults", "lamb", {}, INITIAL),
    ("lamb lr 0.1 weight decay", "lamb", {"lr": 0.1, "betas": (0.8, 0.99), "eps": 1e-3, "weight_decay": 0.1}, INITIAL),
    # The bias starts at zero: its trust ratio is 1 at the first step.
    ("lamb zero bias", "lamb", {"lr": 0.1}, ZERO_BIAS),
    ("lars defaults", "lars", {}, INITIAL),
    ("lars weight decay eps", "lars", {"lr": 5.0, "weight_decay": 0.1, "trust_coefficient": 0.01, "eps": 1e-3}, INITIAL),
    ("lars nesterov zero bias", "lars", {"lr": 10.0, "momentum": 0.5, "nesterov": True}, ZERO_BIAS),
    ("adafactor defaults", "adafactor", {}, INITIAL),
    ("adafactor lr 0.1 weight decay", "adafactor", {"lr": 0.1, "weight_decay": 0.1, "beta2_decay": -0.5}, INITIAL),
    # eps2 large enough to set alpha, and another clipping threshold d.
    ("adafactor d eps", "adafactor", {"lr": 0.5, "d": 1.5, "eps": (1e-3, 1.0)}, INITIAL),
]

PATH_CASES = [
    # (optimizer, hyperparameters, function)
    ("asgd", {"lr": 2e-4}, "rosenbrock"),
    ("asgd", {"lr": 2e-4, "lambd": 0.5, "alpha": 0.5, "t0": 10.0, "weight_decay": 0.1}, "rosenbrock"),
    ("asgd", {"lr": 0.015}, "quadratic"),
    ("asgd", {"lr": 0.015, "lambd": 0.1, "t0": 20.0}, "quadratic"),
    ("adabelief", {"lr": 0.01}, "rosenbrock"),
    ("adabelief", {"lr": 0.01, "eps": 1e-8, "weight_decay": 0.1, "amsgrad": True}, "rosenbrock"),
    ("adabelief", {"lr": 0.1}, "quadratic"),
    ("adabelief", {"lr": 0.1, "betas": (0.8, 0.99), "weight_decay": 0.1, "weight_decouple": False}, "quadratic"),
    ("lamb", {"lr": 0.01}, "rosenbrock"),
    ("lamb", {"lr": 0.01, "weight_decay": 0.1}, "rosenbrock"),
    ("lamb", {"lr": 0.05}, "quadratic"),
    ("lamb", {"lr": 0.05, "betas": (0.8, 0.99), "weight_decay": 0.1}, "quadratic"),
    ("lars", {"lr": 1.0}, "rosenbrock"),
    ("lars", {"lr": 5.0, "weight_decay": 0.1, "nesterov": True}, "rosenbrock"),
    ("lars", {"lr": 10.0}, "quadratic"),
    ("lars", {"lr": 10.0, "trust_coefficient": 0.01, "eps": 1e-3, "momentum": 0.5}, "quadratic"),
    ("adafactor", {"lr": 0.003, "eps": (1e-30, 1e-3)}, "rosenbrock"),
    ("adafactor", {"lr": 0.01, "eps": (1e-30, 1e-3), "weight_decay": 0.1, "beta2_decay": -0.5}, "rosenbrock"),
    ("adafactor", {"lr": 0.1, "eps": (1e-30, 1e-3)}, "quadratic"),
    ("adafactor", {"lr": 0.1, "eps": (1e-30, 1e-3), "beta2_decay": -0.3, "weight_decay": 0.1}, "quadratic"),
]


def gradient(function, theta):
    """reference_functions.py's analytic gradients, in its order of operations."""
    x, y = theta[0], theta[1]
    if function == "rosenbrock":
        inner = y - x * x
        return torch.stack([-2 * (1 - x) - 400 * x * inner, 200 * inner])
    return torch.stack([x, KAPPA * y])


def divergence(a, b):
    return max(abs(p - q) / max(1.0, abs(q)) for u, v in zip(a, b) for p, q in zip(u, v))


def listed(hyperparameters):
    return {key: (list(value) if isinstance(value, tuple) else value) for key, value in hyperparameters.items()}


def f32(values):
    """float32 values as Python floats (whose repr round-trips the float32 exactly)."""
    return torch.as_tensor(values, dtype=torch.float32).reshape(-1).tolist()


def to_torch(flat):
    """The weight [3, 4] and the bias [3] of a buffer in expt's order, in the default dtype."""
    values = torch.tensor(flat)
    weight = values[:12].reshape(COLUMNS, ROWS).t().contiguous()
    return weight, values[12:].clone()


def to_expt(weight, bias):
    return torch.cat([weight.t().reshape(-1), bias]).tolist()


def trajectory(kind, hyperparameters, initial, count=STEPS):
    weight, bias = to_torch(initial)
    weight.requires_grad_(True)
    bias.requires_grad_(True)
    optimizer = OPTIMIZERS[kind]([weight, bias], **hyperparameters)
    offset_weight, offset_bias = to_torch(OFFSET)
    steps, averages = [], []
    for _ in range(count):
        with torch.no_grad():
            weight.grad = 2 * weight + offset_weight
            bias.grad = 2 * bias + offset_bias
        optimizer.step()
        steps.append(to_expt(weight.detach(), bias.detach()))
        if kind == "asgd":
            averages.append(to_expt(optimizer.state[weight]["ax"], optimizer.state[bias]["ax"]))
    return steps, averages


def path(kind, hyperparameters, function, start):
    theta = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = OPTIMIZERS[kind]([theta], **hyperparameters)
    points = []
    for _ in range(PATH_STEPS):
        with torch.no_grad():
            theta.grad = gradient(function, theta.detach())
        optimizer.step()
        points.append([float(v) for v in theta.detach()])
    return points


def trajectory_cases():
    torch.set_default_dtype(torch.float32)
    cases = []
    for name, kind, hyperparameters, initial in TRAJECTORY_CASES:
        steps, averages = trajectory(kind, hyperparameters, initial)
        case = {"name": name, "optimizer": kind, "hyperparameters": listed(hyperparameters), "initial": f32(initial),
                "offset": f32(OFFSET), "trajectory": steps}
        if averages:
            case["averages"] = averages
        cases.append(case)
    return cases


CHECKPOINTS = list(range(1, 11)) + list(range(20, PATH_STEPS + 1, 10))


def layout_path_cases():
    torch.set_default_dtype(torch.float64)
    cases = []
    for name, kind, hyperparameters, initial in TRAJECTORY_CASES:
        if kind == "adafactor":
            hyperparameters = {**hyperparameters, "eps": (1e-30, hyperparameters.get("eps", (None, 1e-3))[1])}
        points, _ = trajectory(kind, hyperparameters, initial, PATH_STEPS)
        moved, _ = trajectory(kind, hyperparameters, [initial[0] + PERTURBATION] + initial[1:], PATH_STEPS)
        early = divergence(points[:10], moved[:10])
        final = divergence(points[-1:], moved[-1:])
        stable = early < 1e-13 and final < 1e-9 and all(math.isfinite(v) for v in points[-1])
        cases.append({"name": name, "optimizer": kind, "hyperparameters": listed(hyperparameters), "initial": initial,
                      "offset": OFFSET, "divergence_first_10_steps": early, "divergence_at_last_step": final,
                      "stable": bool(stable), "checkpoints": CHECKPOINTS, "points": [points[step - 1] for step in CHECKPOINTS]})
        print(f"{'stable  ' if stable else 'UNSTABLE'} {name} (float64 layout): {early:.1e} over 10 steps, {final:.1e} at step {PATH_STEPS}",
              file=sys.stderr)
    return cases


def path_cases():
    torch.set_default_dtype(torch.float64)
    cases = []
    for kind, hyperparameters, function in PATH_CASES:
        start = STARTS[function]
        points = path(kind, hyperparameters, function, start)
        moved = path(kind, hyperparameters, function, [start[0] + PERTURBATION, start[1]])
        early = divergence(points[:10], moved[:10])
        final = divergence(points[-1:], moved[-1:])
        stable = early < 1e-13 and final < 1e-9 and all(math.isfinite(v) for v in points[-1])
        settings = ", ".join(f"{key} {value}" for key, value in listed(hyperparameters).items())
        cases.append({
            "name": f"{kind} on {function} ({settings or 'defaults'})",
            "optimizer": kind,
            "hyperparameters": listed(hyperparameters),
            "function": function,
            "start": start,
            "divergence_first_10_steps": early,
            "divergence_at_last_step": final,
            "stable": bool(stable),
            "path": points,
        })
        print(f"{'stable  ' if stable else 'UNSTABLE'} {cases[-1]['name']}: {early:.1e} over 10 steps, {final:.1e} at step {PATH_STEPS}",
              file=sys.stderr)
    return cases


def main():
    fixture = {
        "generator": "reference_optimizers_layerwise.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "steps": STEPS,
        "path_steps": PATH_STEPS,
        "kappa": KAPPA,
        "trajectories": trajectory_cases(),
        "layout_paths": layout_path_cases(),
        "paths": path_cases(),
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
