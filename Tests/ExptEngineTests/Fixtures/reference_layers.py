"""Forward values of torch layers for small fixed weights, for ExptEngineTests/ReferenceLayerTests.

Run: python reference_layers.py > reference_layers.json
Each case gives the layer as the manifest would declare it, the input shape of one example, the
batch, the input (row-major, example after example), the parameters in expt's layout (which is
torch's parameter order, each tensor flattened row-major) and torch's output, all in float32.
Inputs and weights are rounded sines from a fixed formula, not random draws, so the
fixture does not depend on torch's generator.
"""
import json
import sys

import numpy
import torch

torch.set_default_dtype(torch.float32)


def values(count, scale, phase):
    # Deterministic, varied, exactly representable-ish values in about [-scale, scale].
    return [round(scale * numpy.sin(1.7 * i + phase), 4) for i in range(count)]


def tensor(flat, shape):
    return torch.tensor(flat, dtype=torch.float32).reshape(shape)


def flat(t):
    return [float(x) for x in t.detach().reshape(-1).tolist()]


def set_parameters(module, phase):
    flat_parameters = []
    with torch.no_grad():
        for i, p in enumerate(module.parameters()):
            v = values(p.numel(), 0.5, phase + i)
            p.copy_(tensor(v, p.shape))
            flat_parameters += v
    return flat_parameters


cases = []


def conv(name, channels, height, width, filters, kernel, stride, padding, batch):
    module = torch.nn.Conv2d(channels, filters, kernel, stride=stride, padding=padding)
    parameters = set_parameters(module, 0.3)
    x = values(batch * channels * height * width, 1.0, 0.1)
    y = module(tensor(x, (batch, channels, height, width)))
    cases.append(dict(name=name, layer=dict(kind="conv2d", filters=filters, kernel=kernel, stride=stride, padding=padding),
                      input_shape=[channels, height, width], batch=batch, input=x, parameters=parameters, output=flat(y)))


def pool(name, kind, channels, height, width, kernel, stride, batch):
    module = (torch.nn.MaxPool2d if kind == "maxpool2d" else torch.nn.AvgPool2d)(kernel, stride=stride)
    x = values(batch * channels * height * width, 1.0, 0.2)
    y = module(tensor(x, (batch, channels, height, width)))
    cases.append(dict(name=name, layer=dict(kind=kind, kernel=kernel, stride=stride),
                      input_shape=[channels, height, width], batch=batch, input=x, parameters=[], output=flat(y)))


def recurrent(name, kind, steps, features, units, output, batch):
    module = {"rnn": torch.nn.RNN, "gru": torch.nn.GRU, "lstm": torch.nn.LSTM}[kind](features, units, batch_first=True)
    parameters = set_parameters(module, 0.7)
    x = values(batch * steps * features, 1.0, 0.4)
    sequence, _ = module(tensor(x, (batch, steps, features)))
    y = sequence if output == "sequence" else sequence[:, -1, :]
    cases.append(dict(name=name, layer=dict(kind=kind, units=units, output=output),
                      input_shape=[steps, features], batch=batch, input=x, parameters=parameters, output=flat(y)))


def batchnorm(name, shape, batch):
    # Training mode: batch statistics; the running statistics after one step are checked too.
    module = torch.nn.BatchNorm2d(shape[0]) if len(shape) == 3 else torch.nn.BatchNorm1d(shape[0])
    parameters = set_parameters(module, 0.9)
    module.train()
    x = values(batch * int(numpy.prod(shape)), 2.0, 0.5)
    y = module(tensor(x, [batch] + shape))
    cases.append(dict(name=name, layer=dict(kind="batchnorm"), input_shape=shape, batch=batch, input=x,
                      parameters=parameters, output=flat(y),
                      running_mean=flat(module.running_mean), running_var=flat(module.running_var)))


conv("conv2d 3x3 stride 2 padding 1", channels=2, height=5, width=6, filters=3, kernel=3, stride=2, padding=1, batch=2)
conv("conv2d 5x5 padding 2", channels=1, height=7, width=7, filters=2, kernel=5, stride=1, padding=2, batch=2)
conv("conv2d 2x2 no padding", channels=3, height=4, width=3, filters=4, kernel=2, stride=1, padding=0, batch=1)
pool("maxpool2d 2", "maxpool2d", channels=2, height=5, width=4, kernel=2, stride=2, batch=2)
pool("maxpool2d 3 stride 1", "maxpool2d", channels=1, height=5, width=5, kernel=3, stride=1, batch=2)
pool("avgpool2d 2", "avgpool2d", channels=2, height=4, width=5, kernel=2, stride=2, batch=2)
pool("avgpool2d 3 stride 2", "avgpool2d", channels=1, height=7, width=6, kernel=3, stride=2, batch=1)
recurrent("rnn last", "rnn", steps=4, features=3, units=5, output="last", batch=2)
recurrent("gru last", "gru", steps=5, features=2, units=4, output="last", batch=3)
recurrent("gru sequence", "gru", steps=4, features=3, units=3, output="sequence", batch=2)
recurrent("lstm last", "lstm", steps=5, features=2, units=4, output="last", batch=3)
recurrent("lstm sequence", "lstm", steps=3, features=3, units=2, output="sequence", batch=2)
batchnorm("batchnorm image", [2, 3, 2], batch=3)
batchnorm("batchnorm vector", [4], batch=5)

json.dump(dict(torch=torch.__version__, numpy=numpy.__version__, dtype="float32", cases=cases), sys.stdout, indent=1)
print()
