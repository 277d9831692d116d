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

void expt_gru_forward(expt_isa isa, long batch, long units, float *gates, const float *projected,
                      const float *previous, float *candidates, float *hidden) {
    kernels_for(isa)->gru_forward(batch, units, gates, projected, previous, candidates, hidden);
}

void expt_gru_backward(expt_isa isa, long batch, long units, const float *gates, const float *gradients,
                       const float *candidates, const float *previous, float *input_side, float *hidden_side) {
    kernels_for(isa)->gru_backward(batch, units, gates, gradients, candidates, previous, input_side, hidden_side);
}

void expt_gru_carry(expt_isa isa, long batch, long units, const float *gates, const float *gradients, float *carried) {
    kernels_for(isa)->gru_carry(batch, units, gates, gradients, carried);
}

void expt_lstm_forward(expt_isa isa, long batch, long units, float *gates, const float *previous_cells,
                       float *cells, float *hidden) {
    kernels_for(isa)->lstm_forward(batch, units, gates, previous_cells, cells, hidden);
}

void expt_lstm_backward(expt_isa isa, long batch, long units, const float *gates, const float *cells,
                        const float *previous_cells, const float *gradients, float *cell_gradients,
                        float *gate_gradients) {
    kernels_for(isa)->lstm_backward(batch, units, gates, cells, previous_cells, gradients, cell_gradients,
                                    gate_gradients);
}

void expt_add_row_bias(expt_isa isa, long rows, long columns, float *values, const float *bias) {
    kernels_for(isa)->add_row_bias(rows, columns, values, bias);
}
