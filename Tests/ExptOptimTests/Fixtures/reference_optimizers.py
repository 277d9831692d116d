"""Reference trajectories for expt's optimizers, computed by PyTorch's own torch.optim in float32.

Run from this folder (torch needed; the CPU wheel is enough):

    python3 reference_optimizers.py > reference_optimizers.json

Each case starts from float32 parameters and takes a few steps of a torch.optim optimizer
with its default implementation (on CPU, the single-tensor loop such as `_single_tensor_adam`;
the script checks that foreach=False gives the same bits). torch has no Lion: its cases run
`Lion` below, written with torch's float32 tensor operations in the order of
lucidrains/lion-pytorch (decoupled weight decay, sign of the interpolation, momentum update). The gradient at each step is either the quadratic's
g = 2 theta + offset, evaluated in float32 on the current parameters, or a given sequence.
The fixture records the parameters after every step, as the shortest decimals that
round-trip the float32 values, with the library versions in its header.
"""

import json
import platform
import sys

import torch

INITIAL = [1.0, -2.0, 0.5]
OFFSET = [0.1, -0.3, 0.2]
STEPS = 5
# RAdam's first steps are unrectified momentum steps (rho_t <= 5); its cases run long enough to
# reach the rectified rule (step 6 with beta2 = 0.999, step 9 with beta2 = 0.99).
RADAM_STEPS = 12
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
    ("adamw defaults", "adamw", {}, "quadratic"),
    ("adamw weight decay", "adamw", {"lr": 0.1, "weight_decay": 0.5}, "quadratic"),
    ("adamw amsgrad", "adamw", {"lr": 0.1, "betas": (0.9, 0.9), "weight_decay": 0.1, "amsgrad": True}, "shrinking"),
    ("adagrad defaults", "adagrad", {}, "quadratic"),
    ("adagrad lr 0.1", "adagrad", {"lr": 0.1}, "shrinking"),
    ("adagrad lr decay weight decay accumulator", "adagrad",
     {"lr": 0.1, "lr_decay": 0.3, "weight_decay": 0.1, "initial_accumulator_value": 0.5, "eps": 1e-3}, "quadratic"),
    ("rmsprop defaults", "rmsprop", {}, "quadratic"),
    ("rmsprop alpha weight decay", "rmsprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-3, "weight_decay": 0.1}, "shrinking"),
    ("rmsprop centered", "rmsprop", {"lr": 0.01, "alpha": 0.9, "centered": True}, "shrinking"),
    ("rmsprop momentum", "rmsprop", {"lr": 0.01, "momentum": 0.9}, "quadratic"),
    ("rmsprop centered momentum", "rmsprop", {"lr": 0.01, "alpha": 0.8, "momentum": 0.5, "centered": True}, "quadratic"),
    ("adadelta defaults", "adadelta", {}, "quadratic"),
    ("adadelta rho eps weight decay", "adadelta", {"lr": 0.5, "rho": 0.5, "eps": 1e-3, "weight_decay": 0.1}, "shrinking"),
    ("nadam defaults", "nadam", {}, "quadratic"),
    ("nadam lr 0.1 momentum decay", "nadam", {"lr": 0.1, "momentum_decay": 0.1}, "shrinking"),
    ("nadam weight decay", "nadam", {"lr": 0.1, "weight_decay": 0.1}, "quadratic"),
    ("nadam decoupled weight decay", "nadam", {"lr": 0.1, "weight_decay": 0.1, "decoupled_weight_decay": True}, "quadratic"),
    ("radam defaults", "radam", {}, "quadratic"),
    ("radam lr 0.1 beta2 0.99", "radam", {"lr": 0.1, "betas": (0.9, 0.99)}, "quadratic"),
    ("radam weight decay", "radam", {"lr": 0.1, "betas": (0.8, 0.99), "weight_decay": 0.1}, "quadratic"),
    ("radam decoupled weight decay", "radam",
     {"lr": 0.1, "betas": (0.9, 0.99), "weight_decay": 0.1, "decoupled_weight_decay": True}, "quadratic"),
    ("adamax defaults", "adamax", {}, "quadratic"),
    ("adamax lr 0.1 weight decay", "adamax", {"lr": 0.1, "betas": (0.8, 0.9), "weight_decay": 0.1}, "shrinking"),
    ("adamax large eps", "adamax", {"lr": 0.1, "eps": 0.5}, "quadratic"),
    ("lion defaults", "lion", {}, "quadratic"),
    ("lion lr 0.1", "lion", {"lr": 0.1}, "shrinking"),
    ("lion betas weight decay", "lion", {"lr": 0.05, "betas": (0.5, 0.9), "weight_decay": 0.5}, "quadratic"),
    ("rprop defaults", "rprop", {}, "quadratic"),
    # Steps large enough to overshoot the quadratic's minimum, so the gradient changes sign.
    ("rprop lr 0.5", "rprop", {"lr": 0.5}, "quadratic"),
    # Sign changes in every coordinate, and step sizes held at both ends of their range.
    ("rprop etas step sizes", "rprop", {"lr": 0.1, "etas": (0.3, 1.5), "step_sizes": (0.05, 0.2)}, "shrinking"),
]


class Lion(torch.optim.Optimizer):
    """Lion (Chen et al., 2023), in the order of lucidrains/lion-pytorch's update_fn."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, {"lr": lr, "betas": betas, "weight_decay": weight_decay})

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), weight_decay = group["lr"], group["betas"], group["weight_decay"]
            for p in group["params"]:
                state = self.state[p]
                if not state:
                    state["exp_avg"] = torch.zeros_like(p)
                exp_avg = state["exp_avg"]
                p.data.mul_(1 - lr * weight_decay)
                update = exp_avg.clone().mul_(beta1).add(p.grad, alpha=1 - beta1).sign_()
                p.add_(update, alpha=-lr)
                exp_avg.mul_(beta2).add_(p.grad, alpha=1 - beta2)


OPTIMIZERS = {
    "sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
    "adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop, "adadelta": torch.optim.Adadelta,
    "nadam": torch.optim.NAdam, "radam": torch.optim.RAdam, "adamax": torch.optim.Adamax, "lion": Lion,
    "rprop": torch.optim.Rprop,
}


def steps_of(kind):
    return RADAM_STEPS if kind == "radam" else STEPS


def f32(values):
    """float32 values as Python floats (whose repr round-trips the float32 exactly)."""
    return torch.as_tensor(values, dtype=torch.float32).reshape(-1).tolist()


def trajectory(kind, hyperparameters, gradients, **implementation):
    theta = torch.tensor(INITIAL, dtype=torch.float32, requires_grad=True)
    optimizer = OPTIMIZERS[kind]([theta], **hyperparameters, **implementation)
    offset = torch.tensor(OFFSET, dtype=torch.float32)
    steps = []
    for step in range(steps_of(kind)):
        with torch.no_grad():
            if gradients == "quadratic":
                gradient = 2 * theta + offset
            else:
                gradient = torch.tensor(SHRINKING[step % len(SHRINKING)], dtype=torch.float32)
        assert gradient.dtype == torch.float32
        theta.grad = gradient.clone()
        optimizer.step()
        steps.append(theta.detach().clone())
    return steps


def main():
    cases = []
    for name, kind, hyperparameters, gradients in CASES:
        default = trajectory(kind, hyperparameters, gradients)
        if kind != "lion":
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
            "trajectory": [f32(theta) for theta in default],
        })
    fixture = {
        "generator": "reference_optimizers.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "dtype": "float32",
        "steps": STEPS,
        "radam_steps": RADAM_STEPS,
        "cases": cases,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
