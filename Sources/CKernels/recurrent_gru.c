// The GRU cell's elementwise work for one step's batch (GRUCell.swift has the equations,
// expt_recurrent_gru.h what each buffer holds), compiled for each instruction set.
#include "expt_recurrent_gru.h"
#include "isa_versions.h"
#include "recurrent_previous_state.h"

static inline __attribute__((always_inline)) void expt_gru_forward_loop(
    long batch, long units, float *gates, const float *projected, const float *previous, float *candidates,
    float *hidden) {
    for (long example = 0; example < batch; example++) {
        float *g = gates + example * 3 * units;
        const float *p = projected + example * 3 * units;
        const float *before_row = previous_row(previous, example, units);
        float *candidate = candidates + example * units, *h = hidden + example * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            float16 r = vm_sigmoid(vm_load(g + j, lanes) + vm_load(p + j, lanes));
            float16 z = vm_sigmoid(vm_load(g + units + j, lanes) + vm_load(p + units + j, lanes));
            float16 hidden_candidate = vm_load(p + 2 * units + j, lanes);
            float16 n = vm_tanh(vm_load(g + 2 * units + j, lanes) + r * hidden_candidate);
            float16 before = previous_values(before_row, j, lanes);
            vm_store(r, g + j, lanes);
            vm_store(z, g + units + j, lanes);
            vm_store(n, g + 2 * units + j, lanes);
            vm_store(hidden_candidate, candidate + j, lanes);
            vm_store((1 - z) * n + z * before, h + j, lanes);
        }
    }
}

EXPT_ISA_KERNEL(expt_gru_forward,
                (long batch, long units, float *gates, const float *projected, const float *previous,
                 float *candidates, float *hidden),
                (batch, units, gates, projected, previous, candidates, hidden))

static inline __attribute__((always_inline)) void expt_gru_backward_loop(
    long batch, long units, const float *gates, const float *gradients,
    const float *candidates, const float *previous, float *input_side,
    float *hidden_side) {
    for (long example = 0; example < batch; example++) {
        const float *g = gates + example * 3 * units;
        const float *dh = gradients + example * units, *candidate = candidates + example * units;
        const float *before_row = previous_row(previous, example, units);
        float *di = input_side + example * 3 * units, *dhid = hidden_side + example * 3 * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            float16 r = vm_load(g + j, lanes), z = vm_load(g + units + j, lanes);
            float16 n = vm_load(g + 2 * units + j, lanes);
            float16 gradient = vm_load(dh + j, lanes);
            float16 before = previous_values(before_row, j, lanes);
            float16 dn = gradient * (1 - z) * (1 - n * n);
            float16 dz = gradient * (before - n) * z * (1 - z);
            float16 dr = dn * vm_load(candidate + j, lanes) * r * (1 - r);
            vm_store(dr, di + j, lanes);
            vm_store(dz, di + units + j, lanes);
            vm_store(dn, di + 2 * units + j, lanes);
            vm_store(dr, dhid + j, lanes);
            vm_store(dz, dhid + units + j, lanes);
            vm_store(dn * r, dhid + 2 * units + j, lanes);
        }
    }
}

EXPT_ISA_KERNEL(expt_gru_backward,
                (long batch, long units, const float *gates, const float *gradients, const float *candidates,
                 const float *previous, float *input_side, float *hidden_side),
                (batch, units, gates, gradients, candidates, previous, input_side, hidden_side))

static inline __attribute__((always_inline)) void expt_gru_carry_loop(
    long batch, long units, const float *gates, const float *gradients, float *carried) {
    for (long example = 0; example < batch; example++) {
        const float *z = gates + example * 3 * units + units, *dh = gradients + example * units;
        float *c = carried + example * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            vm_store(vm_load(c + j, lanes) + vm_load(dh + j, lanes) * vm_load(z + j, lanes), c + j, lanes);
        }
    }
}

EXPT_ISA_KERNEL(expt_gru_carry,
                (long batch, long units, const float *gates, const float *gradients, float *carried),
                (batch, units, gates, gradients, carried))
