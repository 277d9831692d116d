// expt's elementwise kernels: exp, tanh and the logistic function over buffers, and a row
// bias. Each is compiled for AVX-512, AVX2 and the baseline and runs with the instruction set
// it is given (expt_cpu_isa() or a narrower one); every version computes the same bits.
#ifndef EXPT_ELEMENTWISE_H
#define EXPT_ELEMENTWISE_H

#include "expt_cpu.h"

/// A function applied elementwise.
typedef enum {
    EXPT_EXP = 0,
    EXPT_TANH = 1,
    EXPT_SIGMOID = 2,
} expt_vector_function;

/// Replaces each of the `count` values by `function` of it.
void expt_apply(expt_isa isa, expt_vector_function function, float *values, long count);

/// Adds `bias[column]` to every row of the `rows` x `columns` block `values`.
void expt_add_row_bias(expt_isa isa, long rows, long columns, float *values, const float *bias);

#endif
