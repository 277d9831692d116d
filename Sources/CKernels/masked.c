#include "expt_masked.h"
#include "isa_versions.h"

static inline __attribute__((always_inline)) void expt_masked_copy_loop(
    const float *restrict source, float *restrict target, const float *restrict keep, long count) {
    for (long i = 0; i < count; i++) target[i] = keep[i] == 0 ? 0 : source[i];
}

static inline __attribute__((always_inline)) void expt_masked_add_loop(
    const float *restrict source, float *restrict target, const float *restrict keep, long count) {
    for (long i = 0; i < count; i++) target[i] += keep[i] == 0 ? 0 : source[i];
}

EXPT_ISA_VERSIONS_CHOSEN(expt_masked_copy,
                  (const float *restrict source, float *restrict target, const float *restrict keep, long count),
                  (source, target, keep, count))

EXPT_ISA_VERSIONS_CHOSEN(expt_masked_add,
                  (const float *restrict source, float *restrict target, const float *restrict keep, long count),
                  (source, target, keep, count))
