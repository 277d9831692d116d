// The elementwise kernels' bodies, the same for every instruction set: each
// elementwise_<set>.c defines KERNEL(name) (the name with the set's suffix), applies the set's
// target attribute to every function and includes this file, which ends with the set's table,
// KERNEL(elementwise_kernels). Each row is walked sixteen lanes at a time, the last partial
// vector padded with zeros, so every value goes through the same operations.
#include "elementwise_kernels.h"
#include "vector_math.h"

#define APPLY_KERNEL(function)                                                                  \
    static void KERNEL(apply_##function)(float *values, long count) {                   \
        FOR_EACH_VECTOR(j, lanes, count) vm_store(vm_##function(vm_load(values + j, lanes)), values + j, lanes); \
    }

APPLY_KERNEL(exp)
APPLY_KERNEL(tanh)
APPLY_KERNEL(sigmoid)

#undef APPLY_KERNEL

static void KERNEL(add_row_bias)(long rows, long columns, float *values, const float *bias) {
    for (long row = 0; row < rows; row++) {
        float *v = values + row * columns;
        FOR_EACH_VECTOR(j, lanes, columns) vm_store(vm_load(v + j, lanes) + vm_load(bias + j, lanes), v + j, lanes);
    }
}

const elementwise_kernels KERNEL(elementwise_kernels) = {
    KERNEL(apply_exp), KERNEL(apply_tanh), KERNEL(apply_sigmoid), KERNEL(add_row_bias),
};

