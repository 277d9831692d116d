"""Writes the .npz fixtures of NumpyArchiveTests (Tests/ExptRunnerTests), once, with numpy.

Run from this folder with any Python that has numpy (made with numpy 2.4.6):
    python3 make_npz_fixtures.py
It writes, beside itself:
  savez.npz             np.savez: float32 arrays of shapes [2, 3], [3], [] (0-d), [0], [2, 2, 2],
                        and the other element types expt reads: float64, float16, int64, int32
  savez_compressed.npz  the same arrays with np.savez_compressed (deflated entries)
  float32_only.npz      np.savez of just the float32 arrays: what NumpyArchive.encode must
                        write byte for byte (Python's zipfile dates entries 1980-01-01 00:00,
                        so the bytes do not depend on when the script runs)
  fortran.npz           one Fortran-ordered float32 array (fortran_order True), which expt refuses
The values are small binary fractions, exact in float16 and float32, written out in the tests.
"""
import numpy as np

float32 = {
    "0.weight": np.array([[1.0, -2.0, 0.5], [0.25, 3.0, -0.125]], dtype=np.float32),
    "0.bias": np.array([0.5, -1.5, 2.0], dtype=np.float32),
    "scalar": np.array(-7.25, dtype=np.float32),
    "empty": np.zeros((0,), dtype=np.float32),
    "cube": np.arange(8, dtype=np.float32).reshape(2, 2, 2) - 4.0,
}
others = {
    "double": np.array([0.1, -2.5], dtype=np.float64),
    "half": np.array([1.5, -0.375], dtype=np.float16),
    "num_batches_tracked": np.array(12, dtype=np.int64),
    "int32": np.array([[-3, 4]], dtype=np.int32),
}

np.savez("savez.npz", **float32, **others)
np.savez_compressed("savez_compressed.npz", **float32, **others)
np.savez("float32_only.npz", **float32)
np.savez("fortran.npz", transposed=np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
