#include "expt_cpu.h"

expt_isa expt_cpu_isa(void) {
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
