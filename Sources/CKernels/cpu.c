#include "expt_cpu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The widest set this CPU supports.
static expt_isa detected_isa(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        return EXPT_ISA_AVX512;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return EXPT_ISA_AVX2_FMA;
    }
#endif
    return EXPT_ISA_BASELINE;
}

/// The cap set by EXPT_ISA (baseline, avx2 or avx512), or AVX-512 when it is unset; any other
/// value is reported on standard error and ignored.
static expt_isa isa_cap(void) {
    const char *cap = getenv("EXPT_ISA");
    if (cap == NULL || strcmp(cap, "avx512") == 0) {
        return EXPT_ISA_AVX512;
    }
    if (strcmp(cap, "avx2") == 0) {
        return EXPT_ISA_AVX2_FMA;
    }
    if (strcmp(cap, "baseline") == 0) {
        return EXPT_ISA_BASELINE;
    }
    fprintf(stderr, "expt: warning: EXPT_ISA=%s is not one of baseline, avx2, avx512; ignored\n", cap);
    return EXPT_ISA_AVX512;
}

expt_isa expt_cpu_isa(void) {
    // Detected once per process (the CPU and the environment do not change); threads that race
    // here compute and store the same value.
    static int chosen = -1;
    int isa = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (isa < 0) {
        expt_isa detected = detected_isa(), cap = isa_cap();
        isa = detected < cap ? detected : cap;
        __atomic_store_n(&chosen, isa, __ATOMIC_RELAXED);
    }
    return (expt_isa)isa;
}
