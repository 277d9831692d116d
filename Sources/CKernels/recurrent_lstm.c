// The LSTM cell's elementwise work for one step's batch (LSTMCell.swift has the equations,
// expt_recurrent_lstm.h what each buffer holds), compiled for each instruction set.
#include "expt_recurrent_lstm.h"
#include "isa_versions.h"
#include "recurrent_previous_state.h"

static inline __attribute__((always_inline)) void expt_lstm_forward_loop(
    long batch, long units, float *gates, const float *previous_cells, float *cells, float *hidden) {
    for (long example = 0; example < batch; example++) {
        float *g = gates + example * 4 * units;
        const float *before_row = previous_row(previous_cells, example, units);
        float *cell = cells + example * units, *h = hidden + example * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            float16 i = vm_sigmoid(vm_load(g + j, lanes));
            float16 f = vm_sigmoid(vm_load(g + units + j, lanes));
            float16 candidate = vm_tanh(vm_load(g + 2 * units + j, lanes));
            float16 o = vm_sigmoid(vm_load(g + 3 * units + j, lanes));
            vm_store(i, g + j, lanes);
            vm_store(f, g + units + j, lanes);
            vm_store(candidate, g + 2 * units + j, lanes);
            vm_store(o, g + 3 * units + j, lanes);
            float16 before = previous_values(before_row, j, lanes);
            float16 new_cell = f * before + i * candidate;
            vm_store(new_cell, cell + j, lanes);
            vm_store(o * vm_tanh(new_cell), h + j, lanes);
        }
    }
}

EXPT_ISA_KERNEL(expt_lstm_forward,
                (long batch, long units, float *gates, const float *previous_cells, float *cells, float *hidden),
                (batch, units, gates, previous_cells, cells, hidden))

static inline __attribute__((always_inline)) void expt_lstm_backward_loop(
    long batch, long units, const float *gates, const float *cells,
    const float *previous_cells, const float *gradients,
    float *cell_gradients, float *gate_gradients) {
    for (long example = 0; example < batch; example++) {
        const float *g = gates + example * 4 * units;
        const float *cell = cells + example * units, *dh = gradients + example * units;
        const float *before_row = previous_row(previous_cells, example, units);
        float *dc = cell_gradients + example * units, *d = gate_gradients + example * 4 * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            float16 i = vm_load(g + j, lanes), f = vm_load(g + units + j, lanes);
            float16 candidate = vm_load(g + 2 * units + j, lanes), o = vm_load(g + 3 * units + j, lanes);
            float16 gradient = vm_load(dh + j, lanes);
            float16 tanh_cell = vm_tanh(vm_load(cell + j, lanes));
            float16 cell_total = vm_load(dc + j, lanes) + gradient * o * (1 - tanh_cell * tanh_cell);
            float16 before = previous_values(before_row, j, lanes);
            vm_store(cell_total * candidate * i * (1 - i), d + j, lanes);
            vm_store(cell_total * before * f * (1 - f), d + units + j, lanes);
            vm_store(cell_total * i * (1 - candidate * candidate), d + 2 * units + j, lanes);
            vm_store(gradient * tanh_cell * o * (1 - o), d + 3 * units + j, lanes);
            vm_store(cell_total * f, dc + j, lanes);
        }
    }
}

EXPT_ISA_KERNEL(expt_lstm_backward,
                (long batch, long units, const float *gates, const float *cells, const float *previous_cells,
                 const float *gradients, float *cell_gradients, float *gate_gradients),
                (batch, units, gates, cells, previous_cells, gradients, cell_gradients, gate_gradients))
