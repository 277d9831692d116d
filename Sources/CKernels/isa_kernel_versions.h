// Compiles one kernel once per instruction set and runs the version the caller names.
//
// EXPT_ISA_KERNEL(name, params, args) takes a `static inline __attribute__((always_inline))`
// function `name##_loop`, written once in plain C, and defines the public function
// `void name(expt_isa isa, params…)`: it calls a copy of the loop built for AVX-512, for AVX2 or
// for the x86-64 baseline, as `isa` says (expt_cpu_isa() in training, each supported set in the
// tests that compare them). `params` and `args` are in parentheses. The copies are built as the
// elementwise kernels are (elementwise_avx512.c, elementwise_avx2.c: AVX2 without FMA) and,
// the target compiling with -ffp-contract=off, compute the same IEEE operations in the same order.
#ifndef EXPT_ISA_KERNEL_VERSIONS_H
#define EXPT_ISA_KERNEL_VERSIONS_H

#include "expt_cpu.h"

#define EXPT_ISA_PARAMETERS(...) __VA_ARGS__

#if defined(__x86_64__)
#define EXPT_ISA_KERNEL(name, params, args)                                          \
    __attribute__((target("avx512f"))) static void name##_avx512 params {          \
        name##_loop args;                                                            \
    }                                                                                \
    __attribute__((target("avx2"))) static void name##_avx2 params {                \
        name##_loop args;                                                            \
    }                                                                                \
    static void name##_baseline params { name##_loop args; }                         \
    void name(expt_isa isa, EXPT_ISA_PARAMETERS params) {                            \
        switch (isa) {                                                               \
        case EXPT_ISA_AVX512: name##_avx512 args; break;                             \
        case EXPT_ISA_AVX2_FMA: name##_avx2 args; break;                             \
        default: name##_baseline args; break;                                        \
        }                                                                            \
    }
#else
#define EXPT_ISA_KERNEL(name, params, args) \
    void name(expt_isa isa, EXPT_ISA_PARAMETERS params) { (void)isa; name##_loop args; }
#endif

#endif
