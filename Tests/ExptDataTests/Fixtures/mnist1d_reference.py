"""Reference values for expt's MNIST-1D generator, computed by the real `mnist1d` package.

Run from this folder (pip install mnist1d, which brings numpy and scipy):

    python3 mnist1d_reference.py > mnist1d_reference.json

The dataset is regenerated with `mnist1d.data.make_dataset`, never downloaded. The fixture
records, for each case, the first 50 examples of each split (all 40 values and the label),
the length of each split, the sum and the sum of squares of every value of each split, and
the class counts. A `primitives` section records the first draws of numpy's legacy
`RandomState` (the generator mnist1d seeds through `np.random.seed`): `rand`, `randn`,
`randint` by masked rejection, `choice` of an integer and `permutation`, so that a
mismatch shows at the first primitive that differs. Numbers are written with `repr`, which
round-trips float64.
"""

import importlib.metadata
import json
import platform
import sys

import numpy as np
import scipy
from mnist1d.data import get_dataset_args, make_dataset
from scipy.ndimage import gaussian_filter

HEAD = 50

CASES = [
    ("defaults", {}),
    ("seed 7, 600 samples, train_split 0.75", {"seed": 7, "num_samples": 600, "train_split": 0.75}),
    ("seed 3, 205 samples, other noise and lengths",
     {"seed": 3, "num_samples": 205, "final_seq_length": 24, "padding": [10, 20],
      "max_translation": 20, "corr_noise_scale": 0.5, "iid_noise_scale": 0.1,
      "shear_scale": 1.5, "scale_coeff": 0.2}),
]


def split_summary(xs, ys):
    return {
        "count": int(len(ys)),
        "sum": float(np.sum(xs)),
        "sum_of_squares": float(np.sum(xs * xs)),
        "class_counts": [int(np.sum(ys == k)) for k in range(10)],
        "head_x": [[float(v) for v in row] for row in xs[:HEAD]],
        "head_y": [int(v) for v in ys[:HEAD]],
    }


def case(name, overrides):
    args = get_dataset_args()
    for key, value in overrides.items():
        setattr(args, key, value)
    data = make_dataset(args)
    return {
        "name": name,
        "args": {key: getattr(args, key) for key in
                 ["num_samples", "train_split", "template_len", "padding", "scale_coeff",
                  "max_translation", "corr_noise_scale", "iid_noise_scale", "shear_scale",
                  "shuffle_seq", "final_seq_length", "seed"]},
        "train": split_summary(data["x"], data["y"]),
        "test": split_summary(data["x_test"], data["y_test"]),
    }


def primitives():
    r = np.random.RandomState(42)
    rand = [float(v) for v in r.rand(5)]
    randn = [float(v) for v in r.randn(5)]  # odd count: one Gaussian stays cached
    randint = [int(r.randint(48)) for _ in range(5)]
    choice = [int(r.choice(48)) for _ in range(5)]
    permutation = [int(v) for v in r.permutation(10)]
    after = float(r.randn())  # the cached Gaussian survives the integer draws
    big = np.random.RandomState(4_000_000_000)
    noise = np.random.RandomState(1).randn(20)
    return {
        "seed": 42,
        "rand": rand,
        "randn": randn,
        "randint_48": randint,
        "choice_48": choice,
        "permutation_10": permutation,
        "randn_after": after,
        "seed_4000000000_rand": [float(v) for v in big.rand(3)],
        "gaussian_filter_sigma_2_input": [float(v) for v in noise],
        "gaussian_filter_sigma_2_output": [float(v) for v in gaussian_filter(noise, 2)],
    }


print(json.dumps({
    "python": platform.python_version(),
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "mnist1d": importlib.metadata.version("mnist1d"),
    "primitives": primitives(),
    "cases": [case(name, overrides) for name, overrides in CASES],
}, indent=1))
