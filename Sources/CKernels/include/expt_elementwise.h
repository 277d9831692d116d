// expt's elementwise kernels: exp, tanh and the logistic function over buffers, and the
// recurrent cells' per-step work around them. Each is compiled for AVX-512, AVX2 and the
// baseline and runs with the instruction set it is given (expt_cpu_isa() or a narrower one);
// every version computes the same bits. Buffers are row-major, `units` values per example
// (a gate block: gates · units, gates in torch's order); a NULL previous state means zeros.
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

/// One GRU step after its projections: on entry `gates` holds x W_ihᵀ + b_ih and `projected`
/// h W_hhᵀ + b_hh (batch x 3 units each); on exit `gates` holds r, z, n, `candidates` the n
/// block of `projected`, and `hidden` h' = (1 - z) n + z h (`previous` is h).
void expt_gru_forward(expt_isa isa, long batch, long units, float *gates, const float *projected,
                      const float *previous, float *candidates, float *hidden);

/// The GRU step's gate gradients from dh (`gradients`, batch x units): dr, dz, dn to the input
/// side (batch x 3 units) and dr, dz, dn · r to the hidden side.
void expt_gru_backward(expt_isa isa, long batch, long units, const float *gates, const float *gradients,
                       const float *candidates, const float *previous, float *input_side, float *hidden_side);

/// The GRU's direct path to h(t - 1): carried += dh z (`gradients` is dh, batch x units).
void expt_gru_carry(expt_isa isa, long batch, long units, const float *gates, const float *gradients, float *carried);

/// One LSTM step: `gates` (batch x 4 units) holds the pre-activations on entry and i, f, g, o
/// on exit; c' = f c + i g goes to `cells` (`previous_cells` is c) and o tanh(c') to `hidden`.
void expt_lstm_forward(expt_isa isa, long batch, long units, float *gates, const float *previous_cells,
                       float *cells, float *hidden);

/// The LSTM step's gate gradients (to `gate_gradients`) from dh (`gradients`) and the carried
/// cell gradient `cell_gradients`, which becomes dc(t - 1) = dc(t) f.
void expt_lstm_backward(expt_isa isa, long batch, long units, const float *gates, const float *cells,
                        const float *previous_cells, const float *gradients, float *cell_gradients,
                        float *gate_gradients);

/// Adds `bias[column]` to every row of the `rows` x `columns` block `values`.
void expt_add_row_bias(expt_isa isa, long rows, long columns, float *values, const float *bias);

#endif
