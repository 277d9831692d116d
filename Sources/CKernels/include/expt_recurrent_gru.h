// The GRU cell's elementwise work for one step's batch (gates r, z, n, as torch.nn.GRU).
// Each kernel is compiled for AVX-512, AVX2 and the baseline (recurrent_gru.c) and runs with
// the instruction set it is given (expt_cpu_isa() or a narrower one); every version computes
// the same bits. Buffers are row-major, `units` values per example (a gate block: gates · units,
// gates in torch's order); a NULL previous state means zeros (the first step).
#ifndef EXPT_RECURRENT_GRU_H
#define EXPT_RECURRENT_GRU_H

#include "expt_cpu.h"

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

#endif
