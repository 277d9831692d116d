"""Reference trajectories for expt's SGD and Adam, computed by PyTorch's own torch.optim in float32.

Run from this folder (torch and numpy needed; the CPU wheel is enough):

    python3 reference_optimizers.py > reference_optimizers.json

Each case starts from float32 parameters and takes a few steps of torch.optim.SGD or
torch.optim.Adam with the optimizer's default implementation (on CPU, the single-tensor
loop `_single_tensor_sgd` / `_single_tensor_adam`; the script checks that foreach=False
gives the same bits). The gradient at each step is either the quadratic's
g = 2 theta + offset, evaluated in float32 on the current parameters, or a given sequence.
The fixture records the parameters after every step, as the shortest decimals that
round-trip the float32 values, with the library versions in its header.
"""

import json
import platform
import sys

import numpy as np
import torch

INITIAL = [1.0, -2.0, 0.5]
OFFSET = [0.1, -0.3, 0.2]
STEPS = 5
# Gradients that shrink after the first step, so that the second moment falls and AMSGrad's
# running maximum differs from plain Adam's current value.
SHRINKING = [[4.0, -3.0, 2.0], [0.1, 0.2, -0.1], [0.05, -0.01, 0.3], [-0.2, 0.02, 0.01], [0.01, 0.4, -0.02]]

CASES = [
    ("sgd plain", "sgd", {"lr": 0.1}, "quadratic"),
    ("sgd momentum", "sgd", {"lr": 0.1, "momentum": 0.9}, "quadratic"),
    ("sgd nesterov", "sgd", {"lr": 0.1, "momentum": 0.9, "nesterov": True}, "quadratic"),
    ("sgd dampening", "sgd", {"lr": 0.1, "momentum": 0.9, "dampening": 0.5}, "quadratic"),
    ("sgd weight decay", "sgd", {"lr": 0.1, "weight_decay": 0.1}, "quadratic"),
    ("sgd momentum dampening weight decay", "sgd",
     {"lr": 0.05, "momentum": 0.8, "dampening": 0.3, "weight_decay": 0.05}, "quadratic"),
    ("sgd nesterov weight decay", "sgd", {"lr": 0.05, "momentum": 0.5, "nesterov": True, "weight_decay": 0.2}, "shrinking"),
    ("adam defaults", "adam", {}, "quadratic"),
    ("adam lr 0.1", "adam", {"lr": 0.1}, "quadratic"),
    ("adam weight decay", "adam", {"lr": 0.1, "weight_decay": 0.1}, "quadratic"),
    ("adam amsgrad", "adam", {"lr": 0.1, "betas": (0.9, 0.9), "amsgrad": True}, "shrinking"),
    ("adam without amsgrad, same gradients", "adam", {"lr": 0.1, "betas": (0.9, 0.9)}, "shrinking"),
    ("adam amsgrad weight decay", "adam",
     {"lr": 0.01, "betas": (0.8, 0.95), "eps": 1e-6, "weight_decay": 0.05, "amsgrad": True}, "shrinking"),
    # beta1 < 0.5 makes torch's lerp take its other branch: end - (end - start) * (1 - weight).
    ("adam small beta1", "adam", {"lr": 0.1, "betas": (0.3, 0.999)}, "quadratic"),
    ("adam beta1 zero", "adam", {"lr": 0.1, "betas": (0.0, 0.99)}, "shrinking"),
    ("adam large eps", "adam", {"lr": 0.1, "eps": 0.5}, "quadratic"),
]


def f32(values):
    """float32 values as Python floats (whose repr round-trips the float32 exactly)."""
    return [float(x) for x in np.asarray(values, dtype=np.float32).reshape(-1)]


def trajectory(kind, hyperparameters, gradients, **implementation):
    theta = torch.tensor(INITIAL, dtype=torch.float32, requires_grad=True)
    optimizer_type = torch.optim.SGD if kind == "sgd" else torch.optim.Adam
    optimizer = optimizer_type([theta], **hyperparameters, **implementation)
    offset = torch.tensor(OFFSET, dtype=torch.float32)
    steps = []
    for step in range(STEPS):
        with torch.no_grad():
            if gradients == "quadratic":
                gradient = 2 * theta + offset
            else:
                gradient = torch.tensor(SHRINKING[step], dtype=torch.float32)
        assert gradient.dtype == torch.float32
        theta.grad = gradient.clone()
        optimizer.step()
        steps.append(theta.detach().clone())
    return steps


def main():
    cases = []
    for name, kind, hyperparameters, gradients in CASES:
        default = trajectory(kind, hyperparameters, gradients)
        single = trajectory(kind, hyperparameters, gradients, foreach=False)
        assert all(torch.equal(a, b) for a, b in zip(default, single)), name
        listed = {key: (list(value) if isinstance(value, tuple) else value) for key, value in hyperparameters.items()}
        cases.append({
            "name": name,
            "optimizer": kind,
            "hyperparameters": listed,
            "gradient": ({"kind": "quadratic", "offset": f32(OFFSET)} if gradients == "quadratic"
                         else {"kind": "sequence", "values": [f32(g) for g in SHRINKING]}),
            "initial": f32(INITIAL),
            "trajectory": [f32(theta.numpy()) for theta in default],
        })
    fixture = {
        "generator": "reference_optimizers.py",
        "torch": torch.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "dtype": "float32",
        "steps": STEPS,
        "cases": cases,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
