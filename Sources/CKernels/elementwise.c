#include "expt_elementwise.h"
#include "elementwise_kernels.h"

// Each instruction set's kernels are compiled from the same body (elementwise_body.h), in
// elementwise_avx512.c, elementwise_avx2.c and elementwise_baseline.c.

static const elementwise_kernels *kernels_for(expt_isa isa) {
    switch (isa) {
#if defined(__x86_64__)
    case EXPT_ISA_AVX512: return &elementwise_kernels_avx512;
    case EXPT_ISA_AVX2_FMA: return &elementwise_kernels_avx2;
#endif
    default: return &elementwise_kernels_baseline;
    }
}

void expt_apply(expt_isa isa, expt_vector_function function, float *values, long count) {
    const elementwise_kernels *kernels = kernels_for(isa);
    switch (function) {
    case EXPT_EXP: kernels->exp(values, count); break;
    case EXPT_TANH: kernels->tanh(values, count); break;
    case EXPT_SIGMOID: kernels->sigmoid(values, count); break;
    }
}

void expt_add_row_bias(expt_isa isa, long rows, long columns, float *values, const float *bias) {
    kernels_for(isa)->add_row_bias(rows, columns, values, bias);
}
