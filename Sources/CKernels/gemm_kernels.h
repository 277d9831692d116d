// The micro-kernels of expt_sgemm: each multiplies MR rows of op(a) by NR columns of op(b)
// over kc products, keeping the MR x NR sums in
// registers, then updates an MR x NR tile of c. One kernel per instruction set, each from
// the same body; they differ in tile size only, so every sum is the same.
#ifndef EXPT_GEMM_KERNELS_H
#define EXPT_GEMM_KERNELS_H

/// How a kernel combines its sums with the tile of c.
typedef enum {
    GEMM_ASSIGN,     // c = alpha · sum          (the first block of k, beta 0: c is not read)
    GEMM_SCALE,      // c = alpha · sum + beta · c   (the first block of k)
    GEMM_ACCUMULATE, // c = c + alpha · sum      (every later block of k)
} gemm_update;

/// Multiplies MR rows of op(a), element (i, p) at `a[i * a_row_stride + p * a_k_stride]`, by NR
/// columns of op(b), element (p, j) at `b[p * b_k_stride + j]` (each read in place, or from a
/// packed panel), and applies `update` to the MR x NR tile at `c` (row stride `ldc`).
typedef void (*gemm_micro_kernel)(long kc, const float *a, long a_row_stride, long a_k_stride,
                                  const float *b, long b_k_stride, float *c, long ldc, float alpha, float beta,
                                  gemm_update update);

/// A kernel and its tile, MR rows by NR columns, and a kernel for the narrow edge of a product
/// (NARROW_NR <= NR columns; the same as the first when the instruction set has no narrower one).
typedef struct {
    long mr;
    long nr;
    gemm_micro_kernel kernel;
    long narrow_nr;
    gemm_micro_kernel narrow_kernel;
} gemm_kernel_shape;

#include "expt_cpu.h"

/// The kernel for `isa`.
gemm_kernel_shape gemm_kernel_for(expt_isa isa);

/// The update of one element, as every kernel computes it lane by lane.
static inline float gemm_updated(float c, float sum, float alpha, float beta, gemm_update update) {
    switch (update) {
    case GEMM_ASSIGN: return alpha * sum;
    case GEMM_SCALE: return alpha * sum + beta * c;
    case GEMM_ACCUMULATE: return c + alpha * sum;
    }
    return c;
}

#endif
