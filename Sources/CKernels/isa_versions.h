// Compiles one loop once per instruction set and calls the version of a given set.
//
// EXPT_ISA_VERSIONS_CHOSEN(name, params, args) takes a `static inline` function `name##_loop`,
// written once in plain C with the parameters `params` (in parentheses; `args` names them),
// and defines the public function `name(expt_isa isa, params…)`: it calls a copy of the loop
// built for AVX-512, for AVX2 with FMA, or for the x86-64 baseline, as the caller's `isa` says
// (the engine's kernels: the set of the run's compute context). EXPT_ISA_VERSIONS(name, params,
// args) defines `name params`, without `isa`, for kernels whose callers hold no compute context
// (the optimizers' steps): it calls the version of expt_cpu_isa().
//
// The copies differ only in vector width: the target is compiled with -ffp-contract=off, so
// none fuses a multiply and an add, and each computes the same IEEE operations in the same order.
#ifndef EXPT_ISA_VERSIONS_H
#define EXPT_ISA_VERSIONS_H

#include "expt_cpu.h"

#if defined(__x86_64__)
#define EXPT_ISA_COPIES(name, params, args)                                          \
    __attribute__((target("avx512f"))) static void name##_avx512 params {          \
        name##_loop args;                                                            \
    }                                                                                \
    __attribute__((target("avx2,fma"))) static void name##_avx2 params {            \
        name##_loop args;                                                            \
    }                                                                                \
    static void name##_baseline params { name##_loop args; }
#define EXPT_ISA_CALL(isa, name, args)                                               \
    switch (isa) {                                                                   \
    case EXPT_ISA_AVX512: name##_avx512 args; break;                                 \
    case EXPT_ISA_AVX2_FMA: name##_avx2 args; break;                                 \
    default: name##_baseline args; break;                                            \
    }
#else
#define EXPT_ISA_COPIES(name, params, args)
#define EXPT_ISA_CALL(isa, name, args) name##_loop args;
#endif

#define EXPT_ISA_UNPARENTHESIZED(...) __VA_ARGS__

#define EXPT_ISA_VERSIONS_CHOSEN(name, params, args)                                 \
    EXPT_ISA_COPIES(name, params, args)                                              \
    void name(expt_isa isa, EXPT_ISA_UNPARENTHESIZED params) { EXPT_ISA_CALL(isa, name, args) }

#define EXPT_ISA_VERSIONS(name, params, args)                                        \
    EXPT_ISA_COPIES(name, params, args)                                              \
    void name params { EXPT_ISA_CALL(expt_cpu_isa(), name, args) }

#endif
