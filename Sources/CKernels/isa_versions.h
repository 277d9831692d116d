// Compiles one loop once per instruction set and picks the version with expt_cpu_isa().
//
// EXPT_ISA_VERSIONS(name, params, args) takes a `static inline` function `name##_loop`,
// written once in plain C, and defines the public function `name` with the same parameters
// `params`: it calls a copy of the loop built for AVX-512, for AVX2 with FMA, or for the x86-64
// baseline, chosen once per process. `args` names the parameters, in parentheses. The copies
// differ only in vector width: the target is compiled with -ffp-contract=off, so none fuses a
// multiply and an add, and each computes the same IEEE operations in the same order.
#ifndef EXPT_ISA_VERSIONS_H
#define EXPT_ISA_VERSIONS_H

#include "expt_cpu.h"

#if defined(__x86_64__)
#define EXPT_ISA_VERSIONS(name, params, args)                                        \
    __attribute__((target("avx512f"))) static void name##_avx512 params {          \
        name##_loop args;                                                            \
    }                                                                                \
    __attribute__((target("avx2,fma"))) static void name##_avx2 params {            \
        name##_loop args;                                                            \
    }                                                                                \
    static void name##_baseline params { name##_loop args; }                         \
    void name params {                                                               \
        switch (expt_cpu_isa()) {                                                    \
        case EXPT_ISA_AVX512: name##_avx512 args; break;                             \
        case EXPT_ISA_AVX2_FMA: name##_avx2 args; break;                             \
        default: name##_baseline args; break;                                        \
        }                                                                            \
    }
#else
#define EXPT_ISA_VERSIONS(name, params, args) \
    void name params { name##_loop args; }
#endif

#endif
