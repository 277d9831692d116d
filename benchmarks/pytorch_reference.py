#!/usr/bin/env python3
"""The PyTorch side of expt's benchmark: the same models, batch sizes, optimizers and thread
count as `expt-bench`, timed the same way (a warm-up, then several trials, median of the
rates), printed as one JSON object per line with the same benchmark names.

Run by benchmarks/compare.sh; needs torch (CPU) and numpy.
"""
import argparse
import json
import time

import torch


CLOCK = time.perf_counter


def measure(units_per_call, trials, trial_seconds, workload):
    end = CLOCK() + trial_seconds * 0.3
    while CLOCK() < end:
        workload()
    rates = []
    for _ in range(trials):
        calls = 0
        start = CLOCK()
        while True:
            workload()
            calls += 1
            elapsed = CLOCK() - start
            if elapsed >= trial_seconds:
                break
        rates.append(calls * units_per_call / elapsed)
    rates.sort()
    return rates[len(rates) // 2], rates[0], rates[-1]


def mlp(sizes):
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(torch.nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


class LastState(torch.nn.Module):
    """A GRU over [batch, steps, features] that returns its last hidden state."""

    def __init__(self, features, units):
        super().__init__()
        self.gru = torch.nn.GRU(features, units, batch_first=True)

    def forward(self, x):
        return self.gru(x)[1][0]


def cnn():
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 5, padding=2), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 10))


def gru():
    return torch.nn.Sequential(LastState(1, 64), torch.nn.Linear(64, 10))


def mlp_flops(sizes, batch):
    """As expt-bench's FlopCount: 2 per multiply-add of the step's matrix products."""
    flops = 0.0
    for index, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        product = 2.0 * batch * n_in * n_out
        flops += 2 * product if index == 0 else 3 * product
    return flops


def cnn_flops(batch):
    conv1 = 2.0 * batch * 28 * 28 * 16 * (1 * 5 * 5)
    conv2 = 2.0 * batch * 14 * 14 * 32 * (16 * 5 * 5)
    dense = 2.0 * batch * (32 * 7 * 7) * 10
    return 2 * conv1 + 3 * conv2 + 3 * dense


def gru_flops(batch, steps=40, features=1, units=64, classes=10):
    rows = 3 * units
    recurrent = 2 * (2.0 * batch * steps * features * rows) + 3 * (2.0 * batch * (steps - 1) * units * rows)
    return recurrent + 3 * (2.0 * batch * units * classes)


def training(name, model, input_shape, classes, batch, flops, make_optimizer, args):
    torch.manual_seed(1)
    optimizer = make_optimizer(model.parameters())
    batches = 4
    inputs = torch.rand(batches, batch, *input_shape) * 2 - 1
    targets = torch.randint(0, classes, (batches, batch))
    state = {"next": 0}

    def step():
        i = state["next"]
        optimizer.zero_grad(set_to_none=False)
        loss = torch.nn.functional.cross_entropy(model(inputs[i]), targets[i])
        loss.backward()
        optimizer.step()
        state["next"] = (i + 1) % batches

    median, low, high = measure(batch, args.trials, args.seconds, step)
    return {"name": name, "unit": "samples/s", "median": median, "min": low, "max": high,
            "GFLOP/s": median / batch * flops * 1e-9}


def optimizer_step(name, make_optimizer, args):
    torch.manual_seed(2)
    count = 1_000_000
    parameter = torch.nn.Parameter(torch.rand(count) * 2 - 1)
    parameter.grad = (torch.rand(count) * 2 - 1) * 1e-3
    optimizer = make_optimizer([parameter])
    median, low, high = measure(count, args.trials, args.seconds, optimizer.step)
    return {"name": name, "unit": "Mparams/s", "median": median * 1e-6, "min": low * 1e-6, "max": high * 1e-6}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--trials", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=0.5)
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                        help="cpu: the calling thread's CPU time (time.thread_time), for 1 thread on a shared machine")
    args = parser.parse_args()
    if args.clock == "cpu":
        global CLOCK
        CLOCK = time.thread_time
    torch.set_num_threads(args.threads)
    sgd = lambda p: torch.optim.SGD(p, lr=0.01)
    adam = lambda p: torch.optim.Adam(p, lr=0.001)
    adam_fused = lambda p: torch.optim.Adam(p, lr=0.001, fused=True)
    big, small = [784, 256, 256, 10], [40, 100, 100, 10]
    rows = [
        training("mlp-784-256-256-10/sgd", mlp(big), [784], 10, 128, mlp_flops(big, 128), sgd, args),
        training("mlp-784-256-256-10/adam", mlp(big), [784], 10, 128, mlp_flops(big, 128), adam, args),
        training("mlp-784-256-256-10/adam-fused", mlp(big), [784], 10, 128, mlp_flops(big, 128), adam_fused, args),
        training("mlp-40-100-100-10/sgd", mlp(small), [40], 10, 100, mlp_flops(small, 100), sgd, args),
        training("cnn-28x28/sgd", cnn(), [1, 28, 28], 10, 128, cnn_flops(128), sgd, args),
        training("gru-40x1-64/sgd", gru(), [40, 1], 10, 128, gru_flops(128), sgd, args),
        optimizer_step("step/sgd", lambda p: torch.optim.SGD(p, lr=1e-3), args),
        optimizer_step("step/sgd-momentum", lambda p: torch.optim.SGD(p, lr=1e-3, momentum=0.9), args),
        optimizer_step("step/adam", lambda p: torch.optim.Adam(p), args),
        optimizer_step("step/adam-amsgrad", lambda p: torch.optim.Adam(p, amsgrad=True), args),
    ]
    for row in rows:
        row["threads"] = args.threads
        row["torch"] = torch.__version__
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
