"""Writes the PyTorch round-trip fixtures of TorchRoundTripTests (Tests/ExptRunnerTests), once.

For four small models — an MLP, a CNN, a GRU and an LSTM classifier — torch draws initial
weights and a batch of 8 examples (seed 0), then takes 4 full-batch SGD steps (lr 0.1, no
momentum) on the mean cross-entropy, recording the loss before each step. For each model it
writes, beside itself:
  torch_<model>.npz       the initial state_dict, keys renamed to expt's (the layer's index in
                          the manifest's model list, where an activation written inside a layer
                          takes no index: torch's Sequential index 3 of Linear after
                          Conv2d, ReLU, Flatten is expt's 2)
  torch_<model>_run.npz   inputs [8, ...], labels [8] (class indices as float32) and losses [4]

Run with the benchmarks' venv (torch 2.13.0+cpu) and numpy importable (it is not in that venv):
    PYTHONPATH=$(python3 -c 'import numpy, os; print(os.path.dirname(os.path.dirname(numpy.__file__)))') \
        /work/main/benchmarks/.venv/bin/python reference_torch_roundtrip.py
"""
import numpy as np
import torch
from torch import nn


class LastStep(nn.Module):
    """A recurrent layer's last hidden state, as expt's `output: last`."""

    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn

    def forward(self, x):
        return self.rnn(x)[0][:, -1, :]


def models():
    """(name, torch model, input shape of one example, torch key prefix -> expt prefix)."""
    yield "mlp", nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)), (4,), {"0.": "0.", "2.": "1."}
    yield "cnn", nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(32, 3)), (1, 6, 6), {"0.": "0.", "3.": "2."}
    yield "gru", nn.Sequential(LastStep(nn.GRU(3, 4, batch_first=True)), nn.Linear(4, 3)), (5, 3), {"0.rnn.": "0.", "1.": "1."}
    yield "lstm", nn.Sequential(LastStep(nn.LSTM(3, 4, batch_first=True)), nn.Linear(4, 3)), (5, 3), {"0.rnn.": "0.", "1.": "1."}


def renamed(key, prefixes):
    for torch_prefix, expt_prefix in prefixes.items():
        if key.startswith(torch_prefix):
            return expt_prefix + key[len(torch_prefix):]
    raise KeyError(key)


for name, model, shape, prefixes in models():
    torch.manual_seed(0)
    for parameter in model.parameters():
        # Biases too, so that the comparison sees them (torch's own init would do; this is explicit).
        nn.init.uniform_(parameter, -0.5, 0.5)
    inputs = torch.randn(8, *shape)
    labels = torch.randint(0, 3, (8,))
    np.savez(f"torch_{name}.npz", **{renamed(k, prefixes): v.detach().numpy() for k, v in model.state_dict().items()})
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _ in range(4):
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(inputs), labels)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    np.savez(f"torch_{name}_run.npz", inputs=inputs.numpy(), labels=labels.numpy().astype(np.float32),
             losses=np.array(losses, dtype=np.float32))
    print(name, losses)
