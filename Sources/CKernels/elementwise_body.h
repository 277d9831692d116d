// The elementwise kernels' bodies, the same for every instruction set: each
// elementwise_<set>.c defines KERNEL(name) (the name with the set's suffix), applies the set's
// target attribute to every function and includes this file, which ends with the set's table,
// KERNEL(elementwise_kernels). Each row is walked sixteen lanes at a time, the last partial
// vector padded with zeros, so every value goes through the same operations.
#include "elementwise_kernels.h"
#include "vector_math.h"

#define FOR_EACH_VECTOR(j, lanes, count) \
    for (long j = 0, lanes = (count) < 16 ? (count) : 16; j < (count); j += 16, lanes = (count) - j < 16 ? (count) - j : 16)

#define APPLY_KERNEL(function)                                                                  \
    static void KERNEL(apply_##function)(float *values, long count) {                   \
        FOR_EACH_VECTOR(j, lanes, count) vm_store(vm_##function(vm_load(values + j, lanes)), values + j, lanes); \
    }

APPLY_KERNEL(exp)
APPLY_KERNEL(tanh)
APPLY_KERNEL(sigmoid)

#undef APPLY_KERNEL

static void KERNEL(gru_forward)(long batch, long units, float *gates, const float *projected,
                                       const float *previous, float *candidates, float *hidden) {
    for (long example = 0; example < batch; example++) {
        float *g = gates + example * 3 * units;
        const float *p = projected + example * 3 * units;
        const float *before_row = previous ? previous + example * units : 0;
        float *candidate = candidates + example * units, *h = hidden + example * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            float16 r = vm_sigmoid(vm_load(g + j, lanes) + vm_load(p + j, lanes));
            float16 z = vm_sigmoid(vm_load(g + units + j, lanes) + vm_load(p + units + j, lanes));
            float16 hidden_candidate = vm_load(p + 2 * units + j, lanes);
            float16 n = vm_tanh(vm_load(g + 2 * units + j, lanes) + r * hidden_candidate);
            float16 before = before_row ? vm_load(before_row + j, lanes) : 0;
            vm_store(r, g + j, lanes);
            vm_store(z, g + units + j, lanes);
            vm_store(n, g + 2 * units + j, lanes);
            vm_store(hidden_candidate, candidate + j, lanes);
            vm_store((1 - z) * n + z * before, h + j, lanes);
        }
    }
}

static void KERNEL(gru_backward)(long batch, long units, const float *gates, const float *gradients,
                                        const float *candidates, const float *previous, float *input_side,
                                        float *hidden_side) {
    for (long example = 0; example < batch; example++) {
        const float *g = gates + example * 3 * units;
        const float *dh = gradients + example * units, *candidate = candidates + example * units;
        const float *before_row = previous ? previous + example * units : 0;
        float *di = input_side + example * 3 * units, *dhid = hidden_side + example * 3 * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            float16 r = vm_load(g + j, lanes), z = vm_load(g + units + j, lanes);
            float16 n = vm_load(g + 2 * units + j, lanes);
            float16 gradient = vm_load(dh + j, lanes);
            float16 before = before_row ? vm_load(before_row + j, lanes) : 0;
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

static void KERNEL(lstm_forward)(long batch, long units, float *gates, const float *previous_cells,
                                        float *cells, float *hidden) {
    for (long example = 0; example < batch; example++) {
        float *g = gates + example * 4 * units;
        const float *before_row = previous_cells ? previous_cells + example * units : 0;
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
            float16 before = before_row ? vm_load(before_row + j, lanes) : 0;
            float16 new_cell = f * before + i * candidate;
            vm_store(new_cell, cell + j, lanes);
            vm_store(o * vm_tanh(new_cell), h + j, lanes);
        }
    }
}

static void KERNEL(lstm_backward)(long batch, long units, const float *gates, const float *cells,
                                         const float *previous_cells, const float *gradients,
                                         float *cell_gradients, float *gate_gradients) {
    for (long example = 0; example < batch; example++) {
        const float *g = gates + example * 4 * units;
        const float *cell = cells + example * units, *dh = gradients + example * units;
        const float *before_row = previous_cells ? previous_cells + example * units : 0;
        float *dc = cell_gradients + example * units, *d = gate_gradients + example * 4 * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            float16 i = vm_load(g + j, lanes), f = vm_load(g + units + j, lanes);
            float16 candidate = vm_load(g + 2 * units + j, lanes), o = vm_load(g + 3 * units + j, lanes);
            float16 gradient = vm_load(dh + j, lanes);
            float16 tanh_cell = vm_tanh(vm_load(cell + j, lanes));
            float16 cell_total = vm_load(dc + j, lanes) + gradient * o * (1 - tanh_cell * tanh_cell);
            float16 before = before_row ? vm_load(before_row + j, lanes) : 0;
            vm_store(cell_total * candidate * i * (1 - i), d + j, lanes);
            vm_store(cell_total * before * f * (1 - f), d + units + j, lanes);
            vm_store(cell_total * i * (1 - candidate * candidate), d + 2 * units + j, lanes);
            vm_store(gradient * tanh_cell * o * (1 - o), d + 3 * units + j, lanes);
            vm_store(cell_total * f, dc + j, lanes);
        }
    }
}

static void KERNEL(gru_carry)(long batch, long units, const float *gates, const float *gradients, float *carried) {
    for (long example = 0; example < batch; example++) {
        const float *z = gates + example * 3 * units + units, *dh = gradients + example * units;
        float *c = carried + example * units;
        FOR_EACH_VECTOR(j, lanes, units) {
            vm_store(vm_load(c + j, lanes) + vm_load(dh + j, lanes) * vm_load(z + j, lanes), c + j, lanes);
        }
    }
}

static void KERNEL(add_row_bias)(long rows, long columns, float *values, const float *bias) {
    for (long row = 0; row < rows; row++) {
        float *v = values + row * columns;
        FOR_EACH_VECTOR(j, lanes, columns) vm_store(vm_load(v + j, lanes) + vm_load(bias + j, lanes), v + j, lanes);
    }
}

const elementwise_kernels KERNEL(elementwise_kernels) = {
    KERNEL(apply_exp), KERNEL(apply_tanh), KERNEL(apply_sigmoid), KERNEL(gru_forward),
    KERNEL(gru_backward), KERNEL(gru_carry), KERNEL(lstm_forward), KERNEL(lstm_backward),
    KERNEL(add_row_bias),
};

