// expt's single-precision matrix multiply.
#ifndef EXPT_GEMM_H
#define EXPT_GEMM_H

#include <stdbool.h>

#include "expt_cpu.h"

/// c = alpha · op(a) · op(b) + beta · c over row-major matrices, where op(x) is x or its
/// transpose: op(a) is m x k, op(b) is k x n, c is m x n, and lda, ldb, ldc are the row strides
/// of the matrices as stored. With beta 0, c is only written (its old values may be NaN).
///
/// Every element of c is the same sum in the same order whatever the CPU's instruction set and
/// however the caller splits c into blocks of rows or columns: the products of k are added in
/// order, one fused multiply-add each, in blocks of at most 256 whose sizes depend on k only,
/// each block's sum added to c after it. So the result is bit-identical on every machine and
/// for every thread count. Runs on the calling thread with the kernels of `isa`, which the CPU
/// must support (expt_cpu_isa() or a narrower set); safe to call from several threads at once
/// (its packing buffers are per thread).
void expt_sgemm(expt_isa isa, bool transpose_a, bool transpose_b, long m, long n, long k, float alpha,
                const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc);

#endif
