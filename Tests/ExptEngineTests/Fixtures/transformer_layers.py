"""Forward values and gradients of torch's transformer parts for small fixed weights, for
ExptEngineTests/TransformerReferenceTests.

Run: /work/main/benchmarks/.venv/bin/python transformer_layers.py > transformer_layers.json
Each case gives the layer as the manifest would declare it, the input shape of one example, the
batch, the input (row-major, example after example), the parameters in expt's layout (torch's
parameter order, each tensor flattened row-major, a Linear's weight transposed), torch's output,
and for L = sum(r * output) with the given r: the gradient of L with respect to the input and to
the parameters (in expt's layout), all in float32. Values are rounded sines from a fixed formula,
not random draws, so the fixture does not depend on torch's generator.
"""
import json
import sys

import math
import torch

torch.set_default_dtype(torch.float32)


def values(count, scale, phase):
    return [round(scale * math.sin(1.7 * i + phase), 4) for i in range(count)]


def tensor(flat, shape):
    return torch.tensor(flat, dtype=torch.float32).reshape(shape)


def flat(t):
    return [float(x) for x in t.detach().reshape(-1).tolist()]


class Block(torch.nn.Module):
    """The pre-norm block expt's transformer_block computes, with its tensor names."""

    def __init__(self, d, heads, hidden, causal, post=False):
        super().__init__()
        self.post = post
        self.ln1 = torch.nn.LayerNorm(d)
        self.attn = torch.nn.MultiheadAttention(d, heads, batch_first=True)
        self.ln2 = torch.nn.LayerNorm(d)
        self.ff = torch.nn.Sequential(torch.nn.Linear(d, hidden), torch.nn.GELU(), torch.nn.Linear(hidden, d))
        self.causal = causal

    def forward(self, x):
        causal_mask = mask(x.shape[1], self.causal)
        if self.post:
            x = self.ln1(x + self.attn(x, x, x, attn_mask=causal_mask, need_weights=False)[0])
            return self.ln2(x + self.ff(x))
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=causal_mask, need_weights=False)[0]
        return x + self.ff(self.ln2(x))


class FeedForward(torch.nn.Sequential):
    def __init__(self, d, hidden):
        super().__init__(torch.nn.Linear(d, hidden), torch.nn.GELU(), torch.nn.Linear(hidden, d))


class Attention(torch.nn.Module):
    def __init__(self, d, heads, causal):
        super().__init__()
        self.attn = torch.nn.MultiheadAttention(d, heads, batch_first=True)
        self.causal = causal

    def forward(self, x):
        return self.attn(x, x, x, attn_mask=mask(x.shape[1], self.causal), need_weights=False)[0]


def mask(positions, causal):
    return torch.triu(torch.ones(positions, positions, dtype=torch.bool), diagonal=1) if causal else None


def expt_layout(name, p):
    # expt stores a Linear's weight [out, in] transposed, [in, out]; every other tensor as torch.
    transposed = name.endswith("weight") and p.dim() == 2 and ("ff." in name or name.startswith(("0.", "2.")))
    return p.t() if transposed else p


def case(name, layer, module, input_shape, batch, x, scale=0.5, phase=0.3):
    flat_parameters, named = [], list(module.named_parameters())
    with torch.no_grad():
        for i, (parameter_name, p) in enumerate(named):
            if parameter_name.endswith("ln1.weight") or parameter_name.endswith("ln2.weight") or layer["kind"] == "layer_norm" and parameter_name == "weight":
                v = [1 + value for value in values(p.numel(), 0.3, phase + i)]
            else:
                v = values(p.numel(), scale, phase + i)
            p.copy_(tensor(v, p.shape))
    for parameter_name, p in named:
        flat_parameters += flat(expt_layout(parameter_name, p))
    x_tensor = tensor(x, [batch] + input_shape)
    if layer["kind"] != "embedding":
        x_tensor.requires_grad_(True)
    y = module(x_tensor.long() if layer["kind"] == "embedding" else x_tensor)
    r = values(y.numel(), 1.0, 0.7)
    (y * tensor(r, y.shape)).sum().backward()
    gradients = []
    for parameter_name, p in named:
        gradients += flat(expt_layout(parameter_name, p.grad))
    cases.append(dict(name=name, layer=layer, input_shape=input_shape, batch=batch, input=x, parameters=flat_parameters,
                      output=flat(y), r=r, input_gradient=[] if layer["kind"] == "embedding" else flat(x_tensor.grad),
                      parameter_gradient=gradients, parameter_names=[n for n, _ in named]))


cases = []
case("attention 2 positions 1 head", dict(kind="attention", heads=1, causal=False), Attention(2, 1, False), [2, 2], 1,
     values(4, 1.0, 0.1))
case("attention 2 positions 2 heads", dict(kind="attention", heads=2, causal=False), Attention(4, 2, False), [2, 4], 2,
     values(16, 1.0, 0.2))
case("attention 3 positions 2 heads causal", dict(kind="attention", heads=2, causal=True), Attention(4, 2, True), [3, 4], 2,
     values(24, 1.0, 0.4))
case("layer_norm", dict(kind="layer_norm"), torch.nn.LayerNorm(5), [2, 5], 2, values(20, 2.0, 0.5))
case("feed_forward 6", dict(kind="feed_forward", hidden=6), FeedForward(3, 6), [2, 3], 2, values(12, 1.0, 0.6))
case("transformer_block 2 heads causal", dict(kind="transformer_block", heads=2, hidden=8, causal=True),
     Block(4, 2, 8, True), [3, 4], 2, values(24, 1.0, 0.8))
case("transformer_block 2 heads post-norm", dict(kind="transformer_block", heads=2, hidden=6, causal=False, norm="post"),
     Block(4, 2, 6, False, post=True), [3, 4], 2, values(24, 1.0, 0.9))
case("embedding 5 x 3", dict(kind="embedding", vocabulary=5, dimension=3), torch.nn.Embedding(5, 3), [4], 2,
     [3.0, 0.0, 4.0, 3.0, 1.0, 1.0, 2.0, 0.0])

json.dump(dict(torch=torch.__version__, dtype="float32", cases=cases), sys.stdout, indent=1)
print()
