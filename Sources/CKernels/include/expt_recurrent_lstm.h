// The LSTM cell's elementwise work for one step's batch (gates i, f, g, o, as torch.nn.LSTM).
// Each kernel is compiled for AVX-512, AVX2 and the baseline (recurrent_lstm.c) and runs with
// the instruction set it is given (expt_cpu_isa() or a narrower one); every version computes
// the same bits. Buffers are row-major, `units` values per example (a gate block: gates · units,
// gates in torch's order); a NULL previous state means zeros (the first step).
#ifndef EXPT_RECURRENT_LSTM_H
#define EXPT_RECURRENT_LSTM_H

#include "expt_cpu.h"

/// One LSTM step: `gates` (batch x 4 units) holds the pre-activations on entry and i, f, g, o
/// on exit; c' = f c + i g goes to `cells` (`previous_cells` is c) and o tanh(c') to `hidden`.
void expt_lstm_forward(expt_isa isa, long batch, long units, float *gates, const float *previous_cells,
                       float *cells, float *hidden);

/// The LSTM step's gate gradients (to `gate_gradients`) from dh (`gradients`) and the carried
/// cell gradient `cell_gradients`, which becomes dc(t - 1) = dc(t) f.
void expt_lstm_backward(expt_isa isa, long batch, long units, const float *gates, const float *cells,
                        const float *previous_cells, const float *gradients, float *cell_gradients,
                        float *gate_gradients);

#endif
