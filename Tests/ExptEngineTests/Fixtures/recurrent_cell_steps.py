"""The expected values of RecurrentCellTests: one GRU and one LSTM step (2 units, batch 1) from
the pre-activations and previous state the test gives, forward and backward, in double precision
with the equations of torch.nn.GRU and torch.nn.LSTM written out. Prints Swift array literals."""
from math import exp, tanh


def sigmoid(x):
    return 1 / (1 + exp(-x))


def show(name, values):
    print(f"{name}: [{', '.join(f'{v:.9g}' for v in values)}]")


# GRU: input side x W_ihᵀ + b_ih and hidden side h W_hhᵀ + b_hh, blocks (r, z, n).
a = [0.5, -0.3, 0.2, 0.8, -0.6, 0.1]
p = [0.1, 0.4, -0.2, 0.3, 0.7, -0.5]
h0 = [0.25, -0.75]
dh = [0.6, -0.4]
r = [sigmoid(a[j] + p[j]) for j in range(2)]
z = [sigmoid(a[2 + j] + p[2 + j]) for j in range(2)]
n = [tanh(a[4 + j] + r[j] * p[4 + j]) for j in range(2)]
h = [(1 - z[j]) * n[j] + z[j] * h0[j] for j in range(2)]
dn = [dh[j] * (1 - z[j]) * (1 - n[j] ** 2) for j in range(2)]
dz = [dh[j] * (h0[j] - n[j]) * z[j] * (1 - z[j]) for j in range(2)]
dr = [dn[j] * p[4 + j] * r[j] * (1 - r[j]) for j in range(2)]
show("GRU gates", r + z + n)
show("GRU hidden", h)
show("GRU input side", dr + dz + dn)
show("GRU hidden side", dr + dz + [dn[j] * r[j] for j in range(2)])
show("GRU carry", [dh[j] * z[j] for j in range(2)])

# LSTM: pre-activations, blocks (i, f, g, o); dc is the gradient reaching c' from later steps.
a = [0.5, -0.3, 0.2, 0.8, -0.6, 0.1, 0.4, -0.9]
c0 = [0.5, -1.0]
dh = [0.6, -0.4]
dc = [0.3, 0.2]
i = [sigmoid(a[j]) for j in range(2)]
f = [sigmoid(a[2 + j]) for j in range(2)]
g = [tanh(a[4 + j]) for j in range(2)]
o = [sigmoid(a[6 + j]) for j in range(2)]
c = [f[j] * c0[j] + i[j] * g[j] for j in range(2)]
h = [o[j] * tanh(c[j]) for j in range(2)]
total = [dc[j] + dh[j] * o[j] * (1 - tanh(c[j]) ** 2) for j in range(2)]
show("LSTM gates", i + f + g + o)
show("LSTM cells", c)
show("LSTM hidden", h)
show("LSTM gate gradients", [total[j] * g[j] * i[j] * (1 - i[j]) for j in range(2)]
     + [total[j] * c0[j] * f[j] * (1 - f[j]) for j in range(2)]
     + [total[j] * i[j] * (1 - g[j] ** 2) for j in range(2)]
     + [dh[j] * tanh(c[j]) * o[j] * (1 - o[j]) for j in range(2)])
show("LSTM previous cell gradient", [total[j] * f[j] for j in range(2)])

# An Elman layer (torch.nn.RNN, tanh) of 2 units over 2 steps of 2 inputs, every state returned,
# h(0) = 0; the gradient of every output given. Weights row-major, torch's layout.
W_ih = [[0.5, -0.4], [0.3, 0.8]]
W_hh = [[-0.6, 0.2], [0.7, 0.1]]
b_ih = [0.1, -0.2]
b_hh = [0.05, 0.35]
x = [[1.0, -0.5], [0.25, 2.0]]
dy = [[0.2, -0.1], [0.4, 0.3]]
hs = [[0.0, 0.0]]
for t in range(2):
    hs.append([tanh(sum(W_ih[u][k] * x[t][k] for k in range(2)) + b_ih[u]
                    + sum(W_hh[u][k] * hs[t][k] for k in range(2)) + b_hh[u]) for u in range(2)])
da = [None, None]
carried = [0.0, 0.0]
for t in (1, 0):
    dh = [carried[u] + dy[t][u] for u in range(2)]
    da[t] = [dh[u] * (1 - hs[t + 1][u] ** 2) for u in range(2)]
    carried = [sum(da[t][u] * W_hh[u][k] for u in range(2)) for k in range(2)]
show("Elman outputs", hs[1] + hs[2])
show("Elman dW_ih", [sum(da[t][u] * x[t][k] for t in range(2)) for u in range(2) for k in range(2)])
show("Elman dW_hh", [sum(da[t][u] * hs[t][k] for t in range(2)) for u in range(2) for k in range(2)])
show("Elman db", [sum(da[t][u] for t in range(2)) for u in range(2)])
show("Elman dx", [sum(da[t][u] * W_ih[u][k] for u in range(2)) for t in range(2) for k in range(2)])
